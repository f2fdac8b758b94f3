import { sql } from "kysely";
import type { Queryable } from "../../../db/client.ts";
import type { WrittenIn } from "../../../db/columns.ts";
import { policy, type Viewer } from "../access/policy.ts";
import { listAllSpaces, spaceSubject } from "./spaces.server.ts";
import { SEARCH_QUERY_MAX } from "./validation.ts";
import { containing } from "../../utils/like.ts";

export const SEARCH_PAGE_SIZE = 20;
/** At most this many matching posts are ranked, so a very common word stays fast. */
const CANDIDATES = 2_000;

// Markers PostgreSQL puts around matches; the text is escaped before they become <mark>.
const START = "\u2983";
const STOP = "\u2984";

const escapeHtml = (s: string) =>
  s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

/** Escapes a headline and turns the match markers into <mark> (safe to render as HTML). */
/** Letters of any script but Latin: Chinese has no spaces, and the English stemmer knows none. */
const SPACELESS_OR_NON_LATIN = /(?!\p{Script=Latin})\p{L}/u;
const TITLE_HIT = 0.6;
const BODY_HIT = 0.2;
const SNIPPET_BEFORE = 60;
const SNIPPET_LENGTH = 200;
const MAX_TERMS = 5;

/** The query's terms usable as substrings: two characters of Chinese, three of Latin letters. */
function substringTerms(q: string): string[] {
  return q
    .split(/\s+/)
    .map((t) => t.replace(/^["'(-]+|["')]+$/g, ""))
    .filter((t) => t.length >= (SPACELESS_OR_NON_LATIN.test(t) ? 2 : 3))
    .slice(0, MAX_TERMS);
}

const regExpEscape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** Puts the match markers around each occurrence of the terms, ignoring case. */
function markTerms(text: string, terms: string[]): string {
  if (!terms.length) return text;
  const re = new RegExp(terms.map(regExpEscape).join("|"), "giu");
  return text.replace(re, (m) => `${START}${m}${STOP}`);
}

/** Some of the body around the first hit (`from` counts from 1, as in SQL). */
function excerptOf(r: { body_text: string; excerpt_from: number }, terms: string[]): string {
  const from = Number(r.excerpt_from) - 1;
  const chars = Array.from(r.body_text); // code points, as SQL counts them
  const text = chars.slice(from, from + SNIPPET_LENGTH).join("");
  const end = from + SNIPPET_LENGTH < chars.length ? " …" : "";
  return `${from > 0 ? "… " : ""}${markTerms(text, terms)}${end}`;
}

export function highlightToHtml(headline: string): string {
  return escapeHtml(headline).replaceAll(START, "<mark>").replaceAll(STOP, "</mark>");
}

/**
 * Full-text search over thread titles and post bodies (tsvector + GIN),
 * ranked, with highlighted snippets, next to substring matching (pg_trgm GIN
 * indexes) for Chinese and other text the English configuration cannot split
 * or stem; only threads and posts this viewer may
 * read are considered, by the same policy as the pages.
 */
export async function searchDiscussions(
  db: Queryable,
  viewer: Viewer,
  input: { q: string; page?: number; languages?: readonly WrittenIn[] },
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
  const terms = substringTerms(q);
  /**
   * `fts`: websearch words for the ranked English full-text search (null: none);
   * `like`: terms that must each appear as a substring of the title or body
   * (null: none). A post matching either is a candidate.
   */
  const search = async (fts: string | null, like: string[] | null) => {
    const query = sql`websearch_to_tsquery('english', ${fts ?? q})`;
    const ftsHit = fts ? sql<boolean>`posts.search_vector @@ ${query}` : sql<boolean>`false`;
    const contains = (term: string) => {
      const pattern = containing(term);
      return {
        title: sql<boolean>`(posts.is_opening and threads.title ilike ${pattern})`,
        body: sql<boolean>`posts.body_text ilike ${pattern}`,
      };
    };
    const likes = (like ?? []).map(contains);
    const likeHit = likes.length
      ? sql.join(
          likes.map((c) => sql`(${c.title} or ${c.body})`),
          sql` and `,
        )
      : sql`false`;
    // Substring hits rank on the full-text scale: a title hit like a title word.
    const likeRank = likes.length
      ? sql.join(
          likes.map(
            (c) =>
              sql`(case when ${c.title} then ${sql.lit(TITLE_HIT)}::real else 0 end + case when ${c.body} then ${sql.lit(BODY_HIT)}::real else 0 end)`,
          ),
          sql` + `,
        )
      : sql`0`;

    const matches = db
      .selectFrom("posts")
      .innerJoin("threads", "threads.id", "posts.thread_id")
      .select([
        "posts.id as post_id",
        "posts.thread_id",
        "posts.is_opening",
        sql<boolean>`${ftsHit}`.as("fts_hit"),
        sql<number>`(case when ${ftsHit} then ts_rank(posts.search_vector, ${query}) else 0 end) + (case when ${likeHit} then ${likeRank} else 0 end)`.as(
          "rank",
        ),
      ])
      .where(sql<boolean>`(${ftsHit} or (${likeHit}))`)
      .where("threads.space_id", "in", spaceIds)
      .where("threads.deleted_at", "is", null)
      .where("posts.deleted_at", "is", null)
      .$if(Boolean(input.languages?.length), (qb) =>
        qb.where("threads.language", "in", input.languages!),
      )
      .$if(!moderator, (qb) =>
        qb.where("threads.hidden_at", "is", null).where("posts.hidden_at", "is", null),
      )
      .limit(CANDIDATES);

    // The best post per thread, then threads by that rank.
    const best = db
      .selectFrom(matches.as("m"))
      .select(["m.thread_id", "m.post_id", "m.is_opening", "m.rank", "m.fts_hit"])
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
        "b.fts_hit",
        // Around the first substring hit, for posts full-text search did not find.
        sql<number>`greatest(1, strpos(lower(posts.body_text), lower(${terms[0] ?? ""})) - ${SNIPPET_BEFORE})`.as(
          "excerpt_from",
        ),
        "posts.body_text",
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

  // Every word must match (as a word, or for a script without spaces such as
  // Chinese, as a substring); when nothing has them all, a substring of each
  // (a word the stemmer does not reduce, a part of one); then any of the words.
  const spaceless = SPACELESS_OR_NON_LATIN.test(q) && terms.length > 0;
  let { total, rows } = await search(q, spaceless ? terms : null);
  let matchedAll = true;
  if (total === 0 && !spaceless && terms.length) ({ total, rows } = await search(null, terms));
  const words = q.split(/\s+/).filter(Boolean);
  if (total === 0 && words.length > 1 && !/["-]|\bor\b/i.test(q)) {
    ({ total, rows } = await search(words.join(" or "), null));
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
        titleHtml: highlightToHtml(r.fts_hit ? r.title_headline : markTerms(r.title, terms)),
        snippetHtml: highlightToHtml(r.fts_hit ? r.snippet : excerptOf(r, terms)),
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
