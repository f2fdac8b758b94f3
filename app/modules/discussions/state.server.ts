import { sql } from "kysely";
import type { Queryable } from "../../../db/client.ts";
import type { WrittenIn } from "../../../db/columns.ts";
import type { Role } from "../../../db/schema.ts";
import type { ThreadKind } from "../../../db/tables/discussions.ts";
import type { PostSubject, ThreadSubject } from "../access/policy.ts";
import type { PostView } from "../realtime/events.ts";
import type { ThreadAccess } from "../realtime/publisher.ts";
import type { Space } from "./spaces.server.ts";

/** A thread as the domain reasons about it: its own state and its space's rules. */
export interface ThreadState {
  id: number;
  kind: ThreadKind;
  title: string;
  slug: string;
  authorId: number;
  tags: string[];
  language: WrittenIn;
  replyCount: number;
  voteCount: number;
  acceptedPostId: number | null;
  lockedAt: Date | null;
  hiddenAt: Date | null;
  deletedAt: Date | null;
  createdAt: Date;
  editedAt: Date | null;
  lastActivityAt: Date;
  changeSeq: number;
  space: Space;
}

const threadColumns = [
  "threads.id",
  "threads.kind",
  "threads.title",
  "threads.slug",
  "threads.author_id",
  "threads.tags",
  "threads.language",
  "threads.reply_count",
  "threads.vote_count",
  "threads.accepted_post_id",
  "threads.locked_at",
  "threads.hidden_at",
  "threads.deleted_at",
  "threads.created_at",
  "threads.edited_at",
  "threads.last_activity_at",
  "threads.change_seq",
  "spaces.id as space_id",
  "spaces.slug as space_slug",
  "spaces.name as space_name",
  "spaces.description as space_description",
  "spaces.colour as space_colour",
  "spaces.position as space_position",
  "spaces.visibility as space_visibility",
  "spaces.min_tier_rank as space_min_tier_rank",
  "spaces.prospects_may_ask as space_prospects_may_ask",
] as const;

function threadQuery(db: Queryable) {
  return db
    .selectFrom("threads")
    .innerJoin("spaces", "spaces.id", "threads.space_id")
    .select(threadColumns);
}
type ThreadRow = NonNullable<
  Awaited<ReturnType<ReturnType<typeof threadQuery>["executeTakeFirst"]>>
>;

function toThreadState(row: ThreadRow): ThreadState {
  return {
    id: row.id,
    kind: row.kind,
    title: row.title,
    slug: row.slug,
    authorId: row.author_id,
    tags: row.tags,
    language: row.language,
    replyCount: row.reply_count,
    voteCount: row.vote_count,
    acceptedPostId: row.accepted_post_id,
    lockedAt: row.locked_at,
    hiddenAt: row.hidden_at,
    deletedAt: row.deleted_at,
    createdAt: row.created_at,
    editedAt: row.edited_at,
    lastActivityAt: row.last_activity_at,
    changeSeq: Number(row.change_seq),
    space: {
      id: row.space_id,
      slug: row.space_slug,
      name: row.space_name,
      description: row.space_description,
      colour: row.space_colour,
      position: row.space_position,
      visibility: row.space_visibility,
      minTierRank: row.space_min_tier_rank,
      prospectsMayAsk: row.space_prospects_may_ask,
    },
  };
}

/** The thread and its space, or undefined. */
export async function loadThread(
  db: Queryable,
  threadId: number,
): Promise<ThreadState | undefined> {
  const row = await threadQuery(db).where("threads.id", "=", threadId).executeTakeFirst();
  return row ? toThreadState(row) : undefined;
}

/**
 * The thread, locked for this transaction: changes to one thread happen one
 * after another, so their change numbers follow the order they commit in.
 */
export async function lockThread(
  trx: Queryable,
  threadId: number,
): Promise<ThreadState | undefined> {
  const row = await threadQuery(trx)
    .where("threads.id", "=", threadId)
    .forUpdate("threads")
    .executeTakeFirst();
  return row ? toThreadState(row) : undefined;
}

/** The thread a post belongs to, locked (one statement: find the thread by the post). */
export async function lockThreadOfPost(
  trx: Queryable,
  postId: number,
): Promise<ThreadState | undefined> {
  const row = await threadQuery(trx)
    .where("threads.id", "=", (eb) =>
      eb.selectFrom("posts").select("posts.thread_id").where("posts.id", "=", postId),
    )
    .forUpdate("threads")
    .executeTakeFirst();
  return row ? toThreadState(row) : undefined;
}

export const threadSubject = (t: ThreadState): ThreadSubject => ({
  kind: t.kind,
  authorId: t.authorId,
  space: {
    visibility: t.space.visibility,
    minTierRank: t.space.minTierRank,
    prospectsMayAsk: t.space.prospectsMayAsk,
  },
  lockedAt: t.lockedAt,
  hiddenAt: t.hiddenAt,
  deletedAt: t.deletedAt,
});

/** What travels with a live event so each receiving socket can be checked. */
export const threadAccess = (t: ThreadState): ThreadAccess => ({
  threadId: t.id,
  kind: t.kind,
  authorId: t.authorId,
  space: {
    visibility: t.space.visibility,
    minTierRank: t.space.minTierRank,
    prospectsMayAsk: t.space.prospectsMayAsk,
  },
  lockedAt: t.lockedAt ? t.lockedAt.toISOString() : null,
  hiddenAt: t.hiddenAt ? t.hiddenAt.toISOString() : null,
  deletedAt: t.deletedAt ? t.deletedAt.toISOString() : null,
});

/** Takes the thread's next change number (and applies other changes to the thread row). */
export async function bumpThread(
  trx: Queryable,
  threadId: number,
  set: Record<string, unknown> = {},
): Promise<number> {
  const row = await trx
    .updateTable("threads")
    .set({ ...set, change_seq: sql<number>`nextval('discussion_change_seq')` } as never)
    .where("id", "=", threadId)
    .returning("change_seq")
    .executeTakeFirstOrThrow();
  return Number(row.change_seq);
}

/**
 * Takes the thread's next change number and applies it, with other changes,
 * to one of its posts — a single statement for the hot paths (votes).
 */
export async function bumpThreadAndPost(
  trx: Queryable,
  threadId: number,
  postId: number,
  threadSet: Record<string, unknown>,
  postSet: Record<string, unknown>,
): Promise<{ seq: number; voteCount: number }> {
  const row = await trx
    .with("bumped", (db) =>
      db
        .updateTable("threads")
        .set({ ...threadSet, change_seq: sql<number>`nextval('discussion_change_seq')` } as never)
        .where("id", "=", threadId)
        .returning("change_seq"),
    )
    .updateTable("posts")
    .set({ ...postSet, change_seq: sql<number>`(select change_seq from bumped)` } as never)
    .where("id", "=", postId)
    .returning(["vote_count", sql<number>`(select change_seq from bumped)`.as("seq")])
    .executeTakeFirstOrThrow();
  return { seq: Number(row.seq), voteCount: row.vote_count };
}

/** A post with its author, as pages and events show it. */
export interface PostRow {
  id: number;
  thread_id: number;
  author_id: number;
  is_opening: boolean;
  body_md: string;
  body_html: string;
  vote_count: number;
  created_at: Date;
  edited_at: Date | null;
  deleted_at: Date | null;
  hidden_at: Date | null;
  hidden_reason: string | null;
  helpful_at: Date | null;
  change_seq: number;
  author_handle: string;
  author_name: string;
  author_role: Role;
}

export const postColumns = [
  "posts.id",
  "posts.thread_id",
  "posts.author_id",
  "posts.is_opening",
  "posts.body_md",
  "posts.body_html",
  "posts.vote_count",
  "posts.created_at",
  "posts.edited_at",
  "posts.deleted_at",
  "posts.hidden_at",
  "posts.hidden_reason",
  "posts.helpful_at",
  "posts.change_seq",
  "author.handle as author_handle",
  "author.display_name as author_name",
  "author.role as author_role",
] as const;

export function postsWithAuthors(db: Queryable) {
  return db
    .selectFrom("posts")
    .innerJoin("users as author", "author.id", "posts.author_id")
    .select(postColumns);
}

export async function loadPost(db: Queryable, postId: number): Promise<PostRow | undefined> {
  const row = await postsWithAuthors(db).where("posts.id", "=", postId).executeTakeFirst();
  return row as PostRow | undefined;
}

export const postSubject = (
  p: Pick<PostRow, "author_id" | "hidden_at" | "deleted_at">,
): PostSubject => ({
  authorId: p.author_id,
  hiddenAt: p.hidden_at,
  deletedAt: p.deleted_at,
});

const iso = (d: Date | string | null) => (d === null ? null : new Date(d).toISOString());

/** The one shape of a post for pages, loader data and live events. */
export function toPostView(row: PostRow): PostView {
  return {
    id: row.id,
    threadId: row.thread_id,
    isOpening: row.is_opening,
    author: {
      id: row.author_id,
      handle: row.author_handle,
      displayName: row.author_name,
      role: row.author_role,
    },
    html: row.body_html,
    createdAt: iso(row.created_at)!,
    editedAt: iso(row.edited_at),
    voteCount: row.vote_count,
    helpful: row.helpful_at !== null,
    hidden: row.hidden_at !== null,
    deleted: row.deleted_at !== null,
    hiddenReason: row.hidden_reason,
    seq: Number(row.change_seq),
  };
}
