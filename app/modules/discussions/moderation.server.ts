import { sql } from "kysely";
import type { Queryable } from "../../../db/client.ts";
import type { FlagReason } from "../../../db/tables/discussions.ts";
import { inTransaction } from "../../../db/transaction.ts";
import { policy, type Viewer } from "../access/policy.ts";
import { recordAudit } from "../audit/audit.server.ts";
import { isUniqueViolation } from "../auth/errors.ts";
import { awardPoints, reversePoints } from "../reputation/ledger.server.ts";
import {
  ConflictError,
  FieldError,
  ForbiddenError,
  SignInRequiredError,
  threadNotFound,
} from "./errors.ts";
import { notify } from "./notifications.server.ts";
import { Outbox } from "./outbox.ts";
import {
  announcePostChange,
  findReadablePost,
  lockPostForChange,
  reversePostPoints,
  revokeAcceptance,
  type WriteOptions,
} from "./posts.server.ts";
import { listAllSpaces } from "./spaces.server.ts";
import {
  bumpThread,
  loadPost,
  lockThread,
  postsWithAuthors,
  postSubject,
  threadAccess,
  threadSubject,
  type PostRow,
} from "./state.server.ts";

function requireModerator(viewer: Viewer): asserts viewer is NonNullable<Viewer> {
  if (!viewer) throw new SignInRequiredError();
  if (!policy.moderateDiscussions(viewer))
    throw new ForbiddenError("Only community managers can moderate discussions.");
}

/** Any member with the flag privilege asks a moderator to look at a post. */
export async function flagPost(
  db: Queryable,
  viewer: Viewer,
  postId: number,
  input: { reason: FlagReason; note?: string },
  options: WriteOptions = {},
): Promise<{ flagId: number }> {
  if (!viewer) throw new SignInRequiredError("Sign in to flag a post.");
  return inTransaction(db, async (trx) => {
    const { thread, post } = await findReadablePost(trx, viewer, postId);
    if (post.author_id === viewer.id) throw new ForbiddenError("You cannot flag your own post.");
    if (!policy.flagPost(viewer, threadSubject(thread), postSubject(post)))
      throw new ForbiddenError("Flagging opens once you have earned 15 reputation points.");
    try {
      const flag = await trx
        .insertInto("flags")
        .values({
          post_id: post.id,
          flagger_id: viewer.id,
          reason: input.reason,
          note: input.note ?? "",
          created_at: options.at ?? new Date(),
        })
        .returning("id")
        .executeTakeFirstOrThrow();
      await recordAudit(trx, {
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
  });
}

/** The moderators' queue: posts with open flags, most flagged first. */
export async function listOpenFlags(
  db: Queryable,
  viewer: Viewer,
  options: { page?: number } = {},
) {
  requireModerator(viewer);
  const pageSize = 20;
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

async function resolveFlags(
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
export async function dismissFlags(
  db: Queryable,
  viewer: Viewer,
  postId: number,
  reason: string,
  options: WriteOptions = {},
) {
  requireModerator(viewer);
  return inTransaction(db, async (trx) => {
    const { post } = await lockPostForChange(trx, viewer, postId);
    const count = await resolveFlags(
      trx,
      post.id,
      viewer.id,
      "dismissed",
      options.at ?? new Date(),
    );
    await recordAudit(trx, {
      actorId: viewer.id,
      action: "flags.dismissed",
      subjectType: "post",
      subjectId: post.id,
      reason,
      details: { flags: count },
    });
    return { dismissed: count };
  });
}

/**
 * Hides a post from everyone but moderators, live. Points it earned are
 * reversed; hiding the opening post hides the whole thread.
 */
export async function hidePost(
  db: Queryable,
  viewer: Viewer,
  postId: number,
  reason: string,
  options: WriteOptions = {},
): Promise<{ outbox: Outbox }> {
  requireModerator(viewer);
  const at = options.at ?? new Date();
  const outbox = new Outbox();
  return inTransaction(db, async (trx) => {
    const { thread, post } = await lockPostForChange(trx, viewer, postId);
    if (post.deleted_at) throw new ConflictError("This post was deleted.");
    if (post.hidden_at) throw new ConflictError("This post is already hidden.");
    await trx
      .updateTable("posts")
      .set({ hidden_at: at, hidden_by: viewer.id, hidden_reason: reason })
      .where("id", "=", post.id)
      .execute();
    await reversePostPoints(
      trx,
      outbox,
      post.id,
      `Hidden by a moderator: ${reason}`,
      viewer.id,
      at,
    );
    let previousAccepted: number | null = null;
    if (thread.acceptedPostId === post.id)
      previousAccepted = await revokeAcceptance(
        trx,
        outbox,
        thread,
        viewer.id,
        `The answer was hidden by a moderator: ${reason}`,
        at,
      );
    const seq = await bumpThread(trx, thread.id, {
      ...(post.is_opening ? { hidden_at: at } : { reply_count: sql`greatest(reply_count - 1, 0)` }),
      ...(previousAccepted ? { accepted_post_id: null } : {}),
    });
    await trx.updateTable("posts").set({ change_seq: seq }).where("id", "=", post.id).execute();
    const flags = await resolveFlags(trx, post.id, viewer.id, "hidden", at);
    await recordAudit(trx, {
      actorId: viewer.id,
      action: post.is_opening ? "thread.hidden" : "post.hidden",
      subjectType: post.is_opening ? "thread" : "post",
      subjectId: post.is_opening ? thread.id : post.id,
      reason,
      details: { threadId: thread.id, postId: post.id, flagsResolved: flags },
    });
    const fresh = (await lockThread(trx, thread.id))!;
    if (post.is_opening) outbox.accessChanged(threadAccess(fresh));
    if (previousAccepted)
      outbox.toThread(threadAccess(fresh), "thread:accepted", {
        threadId: thread.id,
        seq,
        postId: null,
        previousPostId: previousAccepted,
        post: null,
      });
    announcePostChange(outbox, fresh, (await loadPost(trx, post.id))!, seq);
    return { outbox };
  });
}

/** Restores a hidden post; the votes it still holds earn their points again. */
export async function unhidePost(
  db: Queryable,
  viewer: Viewer,
  postId: number,
  reason: string,
  options: WriteOptions = {},
): Promise<{ outbox: Outbox }> {
  requireModerator(viewer);
  const at = options.at ?? new Date();
  const outbox = new Outbox();
  return inTransaction(db, async (trx) => {
    const { thread, post } = await lockPostForChange(trx, viewer, postId);
    if (post.deleted_at) throw new ConflictError("This post was deleted.");
    if (!post.hidden_at) throw new ConflictError("This post is not hidden.");
    await trx
      .updateTable("posts")
      .set({ hidden_at: null, hidden_by: null, hidden_reason: null })
      .where("id", "=", post.id)
      .execute();
    const seq = await bumpThread(
      trx,
      thread.id,
      post.is_opening ? { hidden_at: null } : { reply_count: sql`reply_count + 1` },
    );
    await trx.updateTable("posts").set({ change_seq: seq }).where("id", "=", post.id).execute();
    await restorePostPoints(trx, outbox, { ...post, hidden_at: null }, thread.title, at);
    await recordAudit(trx, {
      actorId: viewer.id,
      action: post.is_opening ? "thread.unhidden" : "post.unhidden",
      subjectType: post.is_opening ? "thread" : "post",
      subjectId: post.is_opening ? thread.id : post.id,
      reason,
      details: { threadId: thread.id, postId: post.id },
    });
    const fresh = (await lockThread(trx, thread.id))!;
    announcePostChange(outbox, fresh, (await loadPost(trx, post.id))!, seq);
    return { outbox };
  });
}

/** Votes and the helpful mark a restored post still holds earn again, under fresh keys. */
async function restorePostPoints(
  trx: Queryable,
  outbox: Outbox,
  post: PostRow,
  title: string,
  at: Date,
) {
  const stamp = at.getTime();
  const votes = await trx
    .selectFrom("post_votes")
    .select(["id", "voter_id"])
    .where("post_id", "=", post.id)
    .where("award_key", "is", null)
    .orderBy("id")
    .execute();
  for (const vote of votes) {
    if (vote.voter_id === post.author_id) continue;
    const key = `vote:${vote.id}:restored:${stamp}`;
    const entry = await awardPoints(trx, {
      userId: post.author_id,
      rule: post.is_opening ? "post_upvoted" : "reply_upvoted",
      source: { type: "post", id: post.id, title },
      idempotencyKey: key,
      awardedBy: vote.voter_id,
      at,
    });
    if (entry) {
      await trx
        .updateTable("post_votes")
        .set({ award_key: key })
        .where("id", "=", vote.id)
        .execute();
      outbox.award(entry);
    }
  }
  const helpful = await trx
    .selectFrom("posts")
    .select(["helpful_at", "helpful_by", "helpful_award_key"])
    .where("id", "=", post.id)
    .executeTakeFirstOrThrow();
  if (helpful.helpful_at && !helpful.helpful_award_key) {
    const key = `helpful:${post.id}:restored:${stamp}`;
    const entry = await awardPoints(trx, {
      userId: post.author_id,
      rule: "reply_marked_helpful",
      source: { type: "post", id: post.id, title },
      idempotencyKey: key,
      awardedBy: helpful.helpful_by,
      at,
    });
    if (entry) {
      await trx
        .updateTable("posts")
        .set({ helpful_award_key: key })
        .where("id", "=", post.id)
        .execute();
      outbox.award(entry);
    }
  }
}

/** Locks or unlocks a thread: no new replies or edits, except by moderators. */
export async function setThreadLocked(
  db: Queryable,
  viewer: Viewer,
  threadId: number,
  locked: boolean,
  reason: string,
  options: WriteOptions = {},
): Promise<{ outbox: Outbox }> {
  requireModerator(viewer);
  const at = options.at ?? new Date();
  const outbox = new Outbox();
  return inTransaction(db, async (trx) => {
    const thread = await lockThread(trx, threadId);
    if (!thread || !policy.readThread(viewer, threadSubject(thread))) throw threadNotFound();
    if (Boolean(thread.lockedAt) === locked)
      throw new ConflictError(
        locked ? "This thread is already locked." : "This thread is not locked.",
      );
    const seq = await bumpThread(trx, thread.id, {
      locked_at: locked ? at : null,
      locked_by: locked ? viewer.id : null,
    });
    await recordAudit(trx, {
      actorId: viewer.id,
      action: locked ? "thread.locked" : "thread.unlocked",
      subjectType: "thread",
      subjectId: thread.id,
      reason,
    });
    const fresh = (await lockThread(trx, thread.id))!;
    outbox.toThread(threadAccess(fresh), "thread:locked", { threadId: thread.id, seq, locked });
    return { outbox };
  });
}

/** Moves a thread to another space; readers who may not follow it there lose it, live. */
export async function moveThread(
  db: Queryable,
  viewer: Viewer,
  threadId: number,
  spaceId: number,
  reason: string,
  _options: WriteOptions = {},
): Promise<{ outbox: Outbox; spaceSlug: string }> {
  requireModerator(viewer);
  const outbox = new Outbox();
  return inTransaction(db, async (trx) => {
    const thread = await lockThread(trx, threadId);
    if (!thread || !policy.readThread(viewer, threadSubject(thread))) throw threadNotFound();
    const target = (await listAllSpaces(trx)).find((s) => s.id === spaceId);
    if (!target) throw new FieldError("spaceId", "Choose a space to move the thread to.");
    if (target.id === thread.space.id)
      throw new FieldError("spaceId", "The thread is already in that space.", 409);
    const seq = await bumpThread(trx, thread.id, { space_id: target.id });
    await recordAudit(trx, {
      actorId: viewer.id,
      action: "thread.moved",
      subjectType: "thread",
      subjectId: thread.id,
      reason,
      details: { from: thread.space.slug, to: target.slug },
    });
    const fresh = (await lockThread(trx, thread.id))!;
    outbox.accessChanged(threadAccess(fresh));
    outbox.toThread(threadAccess(fresh), "thread:moved", {
      threadId: thread.id,
      seq,
      space: { slug: target.slug, name: target.name },
    });
    return { outbox, spaceSlug: target.slug };
  });
}

/** A manager marks a reply as especially helpful (or takes the mark back); its author earns points. */
export async function setHelpful(
  db: Queryable,
  viewer: Viewer,
  postId: number,
  helpful: boolean,
  options: WriteOptions = {},
): Promise<{ outbox: Outbox }> {
  requireModerator(viewer);
  const at = options.at ?? new Date();
  const outbox = new Outbox();
  return inTransaction(db, async (trx) => {
    const { thread, post } = await lockPostForChange(trx, viewer, postId);
    if (post.is_opening) throw new FieldError("postId", "Only replies can be marked helpful.");
    if (post.deleted_at || post.hidden_at)
      throw new ConflictError("This reply was removed, so it cannot be marked helpful.");
    if (Boolean(post.helpful_at) === helpful)
      throw new ConflictError(
        helpful ? "This reply is already marked helpful." : "This reply is not marked helpful.",
      );
    const current = await trx
      .selectFrom("posts")
      .select("helpful_award_key")
      .where("id", "=", post.id)
      .executeTakeFirstOrThrow();
    let key: string | null = null;
    if (helpful && post.author_id !== viewer.id) {
      key = `helpful:${post.id}:${at.getTime()}`;
      const entry = await awardPoints(trx, {
        userId: post.author_id,
        rule: "reply_marked_helpful",
        source: { type: "post", id: post.id, title: thread.title },
        idempotencyKey: key,
        awardedBy: viewer.id,
        at,
      });
      outbox.award(entry);
      if (entry && entry.amount > 0)
        await notify(trx, outbox, {
          userId: post.author_id,
          role: post.author_role,
          kind: "points",
          actor: null,
          thread,
          post,
          data: { amount: entry.amount, rule: entry.rule },
          at,
        });
    } else if (!helpful && current.helpful_award_key) {
      outbox.award(
        await reversePoints(trx, {
          idempotencyKey: current.helpful_award_key,
          reason: "The helpful mark was taken back.",
          reversedBy: viewer.id,
          at,
        }),
      );
    }
    const seq = await bumpThread(trx, thread.id);
    await trx
      .updateTable("posts")
      .set({
        helpful_at: helpful ? at : null,
        helpful_by: helpful ? viewer.id : null,
        helpful_award_key: key,
        change_seq: seq,
      })
      .where("id", "=", post.id)
      .execute();
    await recordAudit(trx, {
      actorId: viewer.id,
      action: helpful ? "post.marked_helpful" : "post.unmarked_helpful",
      subjectType: "post",
      subjectId: post.id,
      details: { threadId: thread.id },
    });
    const fresh = (await lockThread(trx, thread.id))!;
    announcePostChange(outbox, fresh, (await loadPost(trx, post.id))!, seq);
    return { outbox };
  });
}

/** Earlier versions of a post, newest first, for moderators. */
export async function listRevisions(db: Queryable, viewer: Viewer, postId: number) {
  requireModerator(viewer);
  await findReadablePost(db, viewer, postId);
  return db
    .selectFrom("post_revisions")
    .innerJoin("users", "users.id", "post_revisions.editor_id")
    .select([
      "post_revisions.id",
      "post_revisions.title",
      "post_revisions.body_md",
      "post_revisions.created_at",
      "users.handle as editor_handle",
      "users.display_name as editor_name",
    ])
    .where("post_revisions.post_id", "=", postId)
    .orderBy("post_revisions.id", "desc")
    .execute();
}
