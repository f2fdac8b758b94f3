import { sql } from "kysely";
import type { Queryable } from "../../../db/client.ts";
import type { WrittenIn } from "../../../db/columns.ts";
import { policy, type Viewer } from "../access/policy.ts";
import { privilegeHint } from "../access/privileges.ts";
import type { PostView } from "../realtime/events.ts";
import { threadNotFound } from "./errors.ts";
// Ledger lines earned by posts link back to them (registered with the reputation history).
import "./sources.server.ts";
import { listAllSpaces, spaceSubject, type Space } from "./spaces.server.ts";
import {
  loadThread,
  postsWithAuthors,
  postSubject,
  threadSubject,
  toPostView,
  type PostRow,
  type ThreadState,
} from "./state.server.ts";

export const REPLIES_PAGE_SIZE = 20;
export const THREADS_PAGE_SIZE = 20;

export interface ThreadPageOptions {
  /** Replies after this post id (the next page). */
  after?: number | null;
  /** Replies before this post id (the previous page). */
  before?: number | null;
  /** Start from the newest replies. */
  last?: boolean;
}

/** What this viewer may do on a thread page; the server checks each again when it is done. */
export function threadAbilities(viewer: Viewer, thread: ThreadState) {
  const subject = threadSubject(thread);
  return {
    reply: policy.replyToThread(viewer, subject),
    accept: policy.acceptAnswer(viewer, subject),
    moderate: policy.moderateDiscussions(viewer),
    seeVotes: policy.seeVoteBreakdown(viewer),
    vote: Boolean(viewer) && policy.hasPrivilege(viewer, "vote"),
    flag: Boolean(viewer) && policy.hasPrivilege(viewer, "flag"),
  };
}

/**
 * A thread page: the question, its accepted answer first, then one keyset
 * page of replies (so page 1,000 costs what page 1 does).
 */
export async function getThreadPage(
  db: Queryable,
  viewer: Viewer,
  threadId: number,
  options: ThreadPageOptions = {},
) {
  const thread = await loadThread(db, threadId);
  const subject = thread && threadSubject(thread);
  if (!thread || !subject || !policy.readThread(viewer, subject)) throw threadNotFound();
  const moderator = policy.moderateDiscussions(viewer);
  const visible = <QB extends ReturnType<typeof postsWithAuthors>>(qb: QB) =>
    moderator ? qb : qb.where("posts.hidden_at", "is", null).where("posts.deleted_at", "is", null);

  const limit = REPLIES_PAGE_SIZE + 1;
  let page = visible(postsWithAuthors(db))
    .where("posts.thread_id", "=", threadId)
    .where("posts.is_opening", "=", false);
  if (moderator) page = page.where("posts.deleted_at", "is", null);
  const backwards = Boolean(options.before) || Boolean(options.last);
  if (options.after) page = page.where("posts.id", ">", options.after);
  else if (options.before) page = page.where("posts.id", "<", options.before);
  page = page.orderBy("posts.id", backwards ? "desc" : "asc").limit(limit);

  const opening = postsWithAuthors(db)
    .where("posts.thread_id", "=", threadId)
    .where("posts.is_opening", "=", true);
  const accepted = thread.acceptedPostId
    ? visible(postsWithAuthors(db)).where("posts.id", "=", thread.acceptedPostId)
    : null;

  // One round trip for the opening post, the accepted answer and the page of replies.
  const parts = [
    opening.select(sql<string>`'opening'`.as("part")),
    ...(accepted ? [accepted.select(sql<string>`'accepted'`.as("part"))] : []),
    page.select(sql<string>`'page'`.as("part")),
  ];
  const { rows } = await sql<PostRow & { part: string }>`${sql.join(
    parts.map((part) => sql`(${part})`),
    sql` union all `,
  )}`.execute(db);

  const openingRow = rows.find((r) => r.part === "opening");
  if (!openingRow) throw threadNotFound();
  const acceptedRow = rows.find((r) => r.part === "accepted") ?? null;
  let replies = rows.filter((r) => r.part === "page");
  const hasMore = replies.length > REPLIES_PAGE_SIZE;
  replies = replies.slice(0, REPLIES_PAGE_SIZE);
  if (backwards) replies.reverse();

  // Is there anything before / after this page?
  const first = replies[0]?.id;
  const last = replies[replies.length - 1]?.id;
  const hasNewer = backwards ? Boolean(options.before) && replies.length > 0 : hasMore;
  const hasOlder = backwards ? hasMore : Boolean(options.after) && replies.length > 0;

  let viewerVotes: number[] = [];
  if (viewer) {
    const ids = [
      openingRow.id,
      ...(acceptedRow ? [acceptedRow.id] : []),
      ...replies.map((r) => r.id),
    ];
    viewerVotes = (
      await db
        .selectFrom("post_votes")
        .select("post_id")
        .where("voter_id", "=", viewer.id)
        .where("post_id", "in", ids)
        .execute()
    ).map((r) => r.post_id);
  }

  // Markdown sources only for posts this viewer may edit (to fill the editor),
  // and which of them they may also delete (editing others' posts is not deleting them).
  const sources: Record<string, string> = {};
  const deletable: number[] = [];
  for (const row of [openingRow, ...(acceptedRow ? [acceptedRow] : []), ...replies]) {
    const post = postSubject(row);
    if (policy.editPost(viewer, subject, post)) sources[String(row.id)] = row.body_md;
    if (policy.deletePost(viewer, subject, post)) deletable.push(row.id);
  }

  return {
    thread,
    sources,
    deletable,
    opening: toPostView(openingRow),
    accepted: acceptedRow ? toPostView(acceptedRow) : null,
    replies: replies.map(toPostView),
    cursors: {
      newer: hasNewer && last ? last : null,
      older: hasOlder && first ? first : null,
    },
    viewerVotes,
    abilities: threadAbilities(viewer, thread),
    /** Shown under a greyed vote button: what it takes to vote. */
    voteHint: viewer ? privilegeHint(viewer, "vote", viewer.privilegeThresholds) : null,
  };
}

/**
 * Everything in a thread that changed after a change number, as this viewer
 * may see it: what a client missed while its connection was down. Posts are
 * sent whole (or as "removed"), so applying them twice changes nothing.
 */
export async function changesSince(db: Queryable, viewer: Viewer, threadId: number, since: number) {
  const thread = await loadThread(db, threadId);
  if (!thread || !policy.readThread(viewer, threadSubject(thread))) throw threadNotFound();
  const moderator = policy.moderateDiscussions(viewer);
  const rows = (await postsWithAuthors(db)
    .where("posts.thread_id", "=", threadId)
    .where("posts.change_seq", ">", since)
    .orderBy("posts.change_seq")
    .limit(500)
    .execute()) as PostRow[];
  const posts: PostView[] = [];
  const removed: number[] = [];
  for (const row of rows) {
    if (row.deleted_at || (row.hidden_at && !moderator)) removed.push(row.id);
    else posts.push(toPostView(row));
  }
  return {
    seq: thread.changeSeq,
    complete: rows.length < 500,
    thread: {
      acceptedPostId: thread.acceptedPostId,
      locked: thread.lockedAt !== null,
      replyCount: thread.replyCount,
      space: { slug: thread.space.slug, name: thread.space.name },
    },
    posts,
    removed,
  };
}

export type ListTab = "latest" | "top" | "unanswered" | "solved";
export type TopPeriod = "week" | "month" | "all";

export interface ListFilters {
  tab?: ListTab;
  period?: TopPeriod;
  spaceId?: number;
  tag?: string;
  /** Only threads written in these languages (empty or absent: all). */
  languages?: readonly WrittenIn[];
  page?: number;
}

const PERIOD_DAYS: Record<TopPeriod, number | null> = { week: 7, month: 30, all: null };

/** Thread lists (latest, top, unanswered, solved), per space or tag, only from readable spaces. */
export async function listThreads(
  db: Queryable,
  viewer: Viewer,
  filters: ListFilters,
  options: { spaces?: Space[]; now?: Date } = {},
) {
  const page = Math.max(1, Math.floor(filters.page ?? 1));
  const spaces = options.spaces ?? (await listAllSpaces(db));
  const readable = spaces.filter((s) => policy.readSpace(viewer, spaceSubject(s)));
  let spaceIds = readable.map((s) => s.id);
  if (filters.spaceId !== undefined) spaceIds = spaceIds.filter((id) => id === filters.spaceId);
  const empty = { rows: [], total: 0, page, pageCount: 1 };
  if (!spaceIds.length) return empty;

  let query = db
    .selectFrom("threads")
    .where("threads.space_id", "in", spaceIds)
    .where("threads.deleted_at", "is", null);
  if (!policy.moderateDiscussions(viewer)) query = query.where("threads.hidden_at", "is", null);
  if (filters.tag) query = query.where(sql<boolean>`threads.tags @> array[${filters.tag}]::text[]`);
  if (filters.languages?.length) query = query.where("threads.language", "in", filters.languages);
  const tab = filters.tab ?? "latest";
  if (tab === "unanswered")
    query = query
      .where("threads.kind", "=", "question")
      .where("threads.accepted_post_id", "is", null)
      .where("threads.reply_count", "=", 0);
  if (tab === "solved") query = query.where("threads.accepted_post_id", "is not", null);
  if (tab === "top") {
    const days = PERIOD_DAYS[filters.period ?? "week"];
    if (days !== null) {
      const now = options.now ?? new Date();
      query = query.where("threads.created_at", ">=", new Date(now.getTime() - days * 86_400_000));
    }
  }

  const [{ total }] = await query.select((eb) => eb.fn.countAll<number>().as("total")).execute();
  let ordered = query
    .innerJoin("users as author", "author.id", "threads.author_id")
    .leftJoin("users as replier", "replier.id", "threads.last_replier_id")
    .select([
      "threads.id",
      "threads.space_id",
      "threads.kind",
      "threads.title",
      "threads.slug",
      "threads.tags",
      "threads.language",
      "threads.reply_count",
      "threads.vote_count",
      "threads.accepted_post_id",
      "threads.locked_at",
      "threads.hidden_at",
      "threads.created_at",
      "threads.last_activity_at",
      "author.handle as author_handle",
      "author.display_name as author_name",
      "replier.handle as replier_handle",
      "replier.display_name as replier_name",
      (eb) =>
        eb
          .selectFrom("posts")
          .select(sql<string>`left(posts.body_text, 220)`.as("excerpt"))
          .whereRef("posts.thread_id", "=", "threads.id")
          .where("posts.is_opening", "=", true)
          .as("excerpt"),
    ]);
  if (tab === "top")
    ordered = ordered
      .orderBy("threads.vote_count", "desc")
      .orderBy("threads.reply_count", "desc")
      .orderBy("threads.id", "desc");
  else if (tab === "unanswered")
    ordered = ordered.orderBy("threads.created_at", "desc").orderBy("threads.id", "desc");
  else ordered = ordered.orderBy("threads.last_activity_at", "desc").orderBy("threads.id", "desc");
  const rows = await ordered
    .limit(THREADS_PAGE_SIZE)
    .offset((page - 1) * THREADS_PAGE_SIZE)
    .execute();
  const spaceById = new Map(spaces.map((s) => [s.id, s]));
  return {
    rows: rows.map((r) => {
      const space = spaceById.get(r.space_id)!;
      return {
        id: r.id,
        kind: r.kind,
        title: r.title,
        slug: r.slug,
        tags: r.tags,
        replyCount: r.reply_count,
        voteCount: r.vote_count,
        solved: r.accepted_post_id !== null,
        locked: r.locked_at !== null,
        hidden: r.hidden_at !== null,
        createdAt: r.created_at.toISOString(),
        lastActivityAt: r.last_activity_at.toISOString(),
        excerpt: r.excerpt ?? "",
        author: { handle: r.author_handle, displayName: r.author_name },
        lastReplier: r.replier_handle
          ? { handle: r.replier_handle, displayName: r.replier_name ?? r.replier_handle }
          : null,
        space: { slug: space.slug, name: space.name, colour: space.colour },
      };
    }),
    total: Number(total),
    page,
    pageCount: Math.max(1, Math.ceil(Number(total) / THREADS_PAGE_SIZE)),
  };
}
export type ThreadListItem = Awaited<ReturnType<typeof listThreads>>["rows"][number];

/** Tags in use in readable spaces, most used first. */
export async function popularTags(db: Queryable, viewer: Viewer, limit = 20) {
  const spaces = await listAllSpaces(db);
  const ids = spaces.filter((s) => policy.readSpace(viewer, spaceSubject(s))).map((s) => s.id);
  if (!ids.length) return [];
  const rows = await db
    .selectFrom(
      db
        .selectFrom("threads")
        .select(sql<string>`unnest(tags)`.as("tag"))
        .where("space_id", "in", ids)
        .where("deleted_at", "is", null)
        .where("hidden_at", "is", null)
        .as("t"),
    )
    .select(["t.tag", (eb) => eb.fn.countAll<number>().as("n")])
    .groupBy("t.tag")
    .orderBy("n", "desc")
    .orderBy("t.tag")
    .limit(limit)
    .execute();
  return rows.map((r) => ({ tag: r.tag, count: Number(r.n) }));
}

/** Threads and replies visible to everyone, for the landing page. */
export async function publicDiscussionCounts(db: Queryable) {
  const row = await db
    .selectFrom("threads")
    .innerJoin("spaces", "spaces.id", "threads.space_id")
    .select([
      (eb) => eb.fn.countAll<number>().as("threads"),
      sql<number>`coalesce(sum(threads.reply_count), 0)`.as("replies"),
      sql<number>`count(*) filter (where threads.accepted_post_id is not null)`.as("solved"),
    ])
    .where("spaces.visibility", "=", "public")
    .where("threads.deleted_at", "is", null)
    .where("threads.hidden_at", "is", null)
    .executeTakeFirstOrThrow();
  return { threads: Number(row.threads), replies: Number(row.replies), solved: Number(row.solved) };
}

/** The latest answered questions anyone may read, for the landing page. */
export async function recentPublicQuestions(db: Queryable, limit = 4) {
  const rows = await db
    .selectFrom("threads")
    .innerJoin("spaces", "spaces.id", "threads.space_id")
    .select([
      "threads.id",
      "threads.slug",
      "threads.title",
      "threads.reply_count",
      "threads.accepted_post_id",
      "spaces.name as space_name",
      "spaces.colour as space_colour",
    ])
    .where("spaces.visibility", "=", "public")
    .where("threads.kind", "=", "question")
    .where("threads.reply_count", ">", 0)
    .where("threads.deleted_at", "is", null)
    .where("threads.hidden_at", "is", null)
    .orderBy("threads.last_activity_at", "desc")
    .orderBy("threads.id", "desc")
    .limit(limit)
    .execute();
  return rows.map((r) => ({
    id: r.id,
    slug: r.slug,
    title: r.title,
    replyCount: r.reply_count,
    solved: r.accepted_post_id !== null,
    space: { name: r.space_name, colour: r.space_colour },
  }));
}
