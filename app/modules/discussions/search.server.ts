import { sql } from "kysely";
import type { Queryable } from "../../../db/client.ts";
import { policy, type Viewer } from "../access/policy.ts";
import { listAllSpaces, spaceSubject } from "./spaces.server.ts";
import { SEARCH_QUERY_MAX } from "./validation.ts";

export const SEARCH_PAGE_SIZE = 20;
/** At most this many matching posts are ranked, so a very common word stays fast. */
const CANDIDATES = 2_000;

// Markers PostgreSQL puts around matches; the text is escaped before they become <mark>.
const START = "\u2983";
const STOP = "\u2984";

const escapeHtml = (s: string) =>
  s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

/** Escapes a headline and turns the match markers into <mark> (safe to render as HTML). */
export function highlightToHtml(headline: string): string {
  return escapeHtml(headline).replaceAll(START, "<mark>").replaceAll(STOP, "</mark>");
}

/**
 * Full-text search over thread titles and post bodies (tsvector + GIN),
 * ranked, with highlighted snippets; only threads and posts this viewer may
 * read are considered, by the same policy as the pages.
 */
export async function searchDiscussions(
  db: Queryable,
  viewer: Viewer,
  input: { q: string; page?: number },
) {
  const q = input.q.trim().slice(0, SEARCH_QUERY_MAX);
  const page = Math.max(1, Math.min(50, Math.floor(input.page ?? 1)));
  const empty = { q, matchedAll: true, rows: [], total: 0, page, pageCount: 1 };
  if (!q) return empty;
  const spaces = await listAllSpaces(db);
  const readable = spaces.filter((s) => policy.readSpace(viewer, spaceSubject(s)));
  if (!readable.length) return empty;
  const moderator = policy.moderateDiscussions(viewer);
  const spaceIds = readable.map((s) => s.id);
  const search = async (text: string) => {
    const query = sql`websearch_to_tsquery('english', ${text})`;

    const matches = db
      .selectFrom("posts")
      .innerJoin("threads", "threads.id", "posts.thread_id")
      .select([
        "posts.id as post_id",
        "posts.thread_id",
        "posts.is_opening",
        sql<number>`ts_rank(posts.search_vector, ${query})`.as("rank"),
      ])
      .where(sql<boolean>`posts.search_vector @@ ${query}`)
      .where("threads.space_id", "in", spaceIds)
      .where("threads.deleted_at", "is", null)
      .where("posts.deleted_at", "is", null)
      .$if(!moderator, (qb) =>
        qb.where("threads.hidden_at", "is", null).where("posts.hidden_at", "is", null),
      )
      .limit(CANDIDATES);

    // The best post per thread, then threads by that rank.
    const best = db
      .selectFrom(matches.as("m"))
      .select(["m.thread_id", "m.post_id", "m.is_opening", "m.rank"])
      .distinctOn("m.thread_id")
      .orderBy("m.thread_id")
      .orderBy("m.rank", "desc")
      .orderBy("m.is_opening", "desc");

    const [{ total }] = await db
      .selectFrom(best.as("b"))
      .select((eb) => eb.fn.countAll<number>().as("total"))
      .execute();
    const rows = await db
      .selectFrom(best.as("b"))
      .innerJoin("threads", "threads.id", "b.thread_id")
      .innerJoin("posts", "posts.id", "b.post_id")
      .innerJoin("users as author", "author.id", "threads.author_id")
      .select([
        "threads.id",
        "threads.title",
        "threads.slug",
        "threads.kind",
        "threads.space_id",
        "threads.reply_count",
        "threads.vote_count",
        "threads.accepted_post_id",
        "threads.created_at",
        "threads.tags",
        "b.post_id",
        "b.is_opening",
        "b.rank",
        "author.handle as author_handle",
        "author.display_name as author_name",
        sql<string>`ts_headline('english', threads.title, ${query}, ${`HighlightAll=true, StartSel=${START}, StopSel=${STOP}`})`.as(
          "title_headline",
        ),
        sql<string>`ts_headline('english', posts.body_text, ${query}, ${`MaxFragments=2, MaxWords=28, MinWords=12, FragmentDelimiter=" … ", StartSel=${START}, StopSel=${STOP}`})`.as(
          "snippet",
        ),
      ])
      .orderBy("b.rank", "desc")
      .orderBy("threads.id", "desc")
      .limit(SEARCH_PAGE_SIZE)
      .offset((page - 1) * SEARCH_PAGE_SIZE)
      .execute();

    return { total: Number(total), rows };
  };

  // Every word must match; when no post has them all, any of them will do.
  let { total, rows } = await search(q);
  let matchedAll = true;
  const words = q.split(/\s+/).filter(Boolean);
  if (total === 0 && words.length > 1 && !/["-]|\bor\b/i.test(q)) {
    ({ total, rows } = await search(words.join(" or ")));
    matchedAll = false;
  }
  const spaceById = new Map(spaces.map((s) => [s.id, s]));
  return {
    q,
    matchedAll,
    rows: rows.map((r) => {
      const space = spaceById.get(r.space_id)!;
      return {
        id: r.id,
        slug: r.slug,
        title: r.title,
        kind: r.kind,
        titleHtml: highlightToHtml(r.title_headline),
        snippetHtml: highlightToHtml(r.snippet),
        postId: r.is_opening ? null : r.post_id,
        replyCount: r.reply_count,
        voteCount: r.vote_count,
        solved: r.accepted_post_id !== null,
        tags: r.tags,
        createdAt: r.created_at.toISOString(),
        author: { handle: r.author_handle, displayName: r.author_name },
        space: { slug: space.slug, name: space.name, colour: space.colour },
      };
    }),
    total: Number(total),
    page,
    pageCount: Math.max(1, Math.ceil(Number(total) / SEARCH_PAGE_SIZE)),
  };
}
