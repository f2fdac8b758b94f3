import { sql } from "kysely";
import type { Queryable } from "../../../db/client.ts";
import type { FlagReason } from "../../../db/tables/discussions.ts";
import { isUniqueViolation } from "../../utils/errors.ts";
import { ensure } from "../access/ensure.ts";
import type { Viewer } from "../access/policy.ts";
import { defineCommand } from "../commands/command.server.ts";
import { ConflictError } from "./errors.ts";
import {
  findReadablePost,
  lockPostForChange,
  requireModerator,
  requireSignIn,
} from "./post-changes.server.ts";
import { postsWithAuthors, postSubject, threadSubject } from "./state.server.ts";

/** Any member with the flag privilege asks a moderator to look at a post. */
export const flagPost = defineCommand({
  name: "post.flag",
  authorize: (viewer) => requireSignIn(viewer, "Sign in to flag a post."),
  async run(
    trx,
    input: { postId: number; reason: FlagReason; note?: string },
    { viewer, effects, now },
  ) {
    const { thread, post } = await findReadablePost(trx, viewer, input.postId);
    ensure("flagPost", viewer, threadSubject(thread), postSubject(post));
    try {
      const flag = await trx
        .insertInto("flags")
        .values({
          post_id: post.id,
          flagger_id: viewer.id,
          reason: input.reason,
          note: input.note ?? "",
          created_at: now,
        })
        .returning("id")
        .executeTakeFirstOrThrow();
      effects.audit({
        actorId: viewer.id,
        action: "post.flagged",
        subjectType: "post",
        subjectId: post.id,
        reason: input.note || input.reason,
        details: { threadId: thread.id, reason: input.reason },
      });
      return { flagId: flag.id };
    } catch (error) {
      if (isUniqueViolation(error, "flags_open_key"))
        throw new ConflictError("You already flagged this post; a moderator will look at it.");
      throw error;
    }
  },
});

export const FLAGS_PAGE_SIZE = 20;

/** The moderators' queue: posts with open flags, most flagged first. */
export async function listOpenFlags(
  db: Queryable,
  viewer: Viewer,
  options: { page?: number } = {},
) {
  requireModerator(viewer);
  const pageSize = FLAGS_PAGE_SIZE;
  const page = Math.max(1, options.page ?? 1);
  const base = db
    .selectFrom("flags")
    .innerJoin("posts", "posts.id", "flags.post_id")
    .innerJoin("threads", "threads.id", "posts.thread_id")
    .where("flags.resolved_at", "is", null)
    .where("posts.deleted_at", "is", null)
    .where("threads.deleted_at", "is", null);
  const [{ total }] = await base
    .select(sql<number>`count(distinct flags.post_id)`.as("total"))
    .execute();
  const groups = await base
    .select([
      "flags.post_id",
      sql<number>`count(*)`.as("flag_count"),
      sql<Date>`min(flags.created_at)`.as("first_flagged_at"),
    ])
    .groupBy("flags.post_id")
    .orderBy(sql`count(*)`, "desc")
    .orderBy(sql`min(flags.created_at)`)
    .limit(pageSize)
    .offset((page - 1) * pageSize)
    .execute();
  const postIds = groups.map((g) => g.post_id);
  const posts = postIds.length
    ? await postsWithAuthors(db)
        .innerJoin("threads", "threads.id", "posts.thread_id")
        .select(["threads.title as thread_title", "threads.slug as thread_slug", "posts.body_text"])
        .where("posts.id", "in", postIds)
        .execute()
    : [];
  const flags = postIds.length
    ? await db
        .selectFrom("flags")
        .innerJoin("users", "users.id", "flags.flagger_id")
        .select([
          "flags.id",
          "flags.post_id",
          "flags.reason",
          "flags.note",
          "flags.created_at",
          "users.handle",
          "users.display_name",
        ])
        .where("flags.post_id", "in", postIds)
        .where("flags.resolved_at", "is", null)
        .orderBy("flags.id")
        .execute()
    : [];
  const byId = new Map(posts.map((p) => [p.id, p]));
  return {
    rows: groups.map((g) => {
      const p = byId.get(g.post_id)!;
      return {
        postId: g.post_id,
        flagCount: Number(g.flag_count),
        threadId: p.thread_id,
        threadTitle: p.thread_title,
        threadSlug: p.thread_slug,
        isOpening: p.is_opening,
        hidden: p.hidden_at !== null,
        author: { handle: p.author_handle, displayName: p.author_name },
        text: p.body_text,
        createdAt: p.created_at.toISOString(),
        flags: flags
          .filter((f) => f.post_id === g.post_id)
          .map((f) => ({
            id: f.id,
            reason: f.reason,
            note: f.note,
            createdAt: f.created_at.toISOString(),
            by: { handle: f.handle, displayName: f.display_name },
          })),
      };
    }),
    total: Number(total),
    page,
    pageCount: Math.max(1, Math.ceil(Number(total) / pageSize)),
  };
}

export async function countOpenFlags(db: Queryable): Promise<number> {
  const row = await db
    .selectFrom("flags")
    .select(sql<number>`count(distinct post_id)`.as("n"))
    .where("resolved_at", "is", null)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Closes a post's open flags (hidden: acted on; dismissed: the post was fine); returns how many. */
export async function resolveFlags(
  trx: Queryable,
  postId: number,
  by: number,
  resolution: "hidden" | "dismissed",
  at: Date,
) {
  const result = await trx
    .updateTable("flags")
    .set({ resolved_at: at, resolved_by: by, resolution })
    .where("post_id", "=", postId)
    .where("resolved_at", "is", null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

/** Closes a post's open flags without action (the post was fine). */
export const dismissFlags = defineCommand({
  name: "flags.dismiss",
  authorize: (viewer) => requireModerator(viewer),
  async run(trx, input: { postId: number; reason: string }, { viewer, effects, now }) {
    const { post } = await lockPostForChange(trx, viewer, input.postId);
    const count = await resolveFlags(trx, post.id, viewer!.id, "dismissed", now);
    effects.audit({
      actorId: viewer!.id,
      action: "flags.dismissed",
      subjectType: "post",
      subjectId: post.id,
      reason: input.reason,
      details: { flags: count },
    });
    return { dismissed: count };
  },
});
