import { sql } from "kysely";
import type { Queryable } from "../../../db/client.ts";
import type { WrittenIn } from "../../../db/columns.ts";
import type { StoryStatus } from "../../../db/tables/advocacy.ts";
import { NotFoundError } from "../../utils/errors.ts";
import { PRODUCT_AREAS, STORY_INDUSTRIES } from "./formats.ts";
import { contentColumns } from "./story-rows.server.ts";
import { containing } from "../../utils/like.ts";

export const STORY_PAGE_SIZE = 12;

export async function getStoryBySlug(db: Queryable, slug: string) {
  const story = await db
    .selectFrom("case_studies as s")
    .innerJoin("users as u", "u.id", "s.author_id")
    .innerJoin("profiles as p", "p.user_id", "s.author_id")
    .leftJoin("users as m", "m.id", "s.started_by")
    .selectAll("s")
    .select([
      "u.handle as author_handle",
      "u.display_name as author_name",
      "p.job_title as author_job_title",
      "p.is_public as author_public",
      "m.display_name as started_by_name",
    ])
    .where("s.slug", "=", slug)
    .executeTakeFirst();
  if (!story) throw new NotFoundError("We could not find that story.");
  return story;
}
export type StoryWithAuthor = Awaited<ReturnType<typeof getStoryBySlug>>;

export async function getStoryById(db: Queryable, id: number) {
  const row = await db
    .selectFrom("case_studies")
    .select("slug")
    .where("id", "=", id)
    .executeTakeFirst();
  if (!row) throw new NotFoundError("We could not find that story.");
  return getStoryBySlug(db, row.slug);
}

/** What a card in the story library shows, from the story, its live version and its author. */
export const STORY_CARD_COLUMNS = [
  "s.id",
  "s.slug",
  "v.title",
  "v.company",
  "v.industry",
  "v.product_area",
  "v.pull_quote",
  "v.metrics",
  "v.published_at",
  "v.language",
  "u.handle as author_handle",
] as const;

/** The published version of a story, as the public sees it; 404 when it is not live. */
export async function getPublishedStory(db: Queryable, slug: string) {
  const story = await db
    .selectFrom("case_studies as s")
    .innerJoin("case_study_versions as v", "v.id", "s.live_version_id")
    .innerJoin("users as u", "u.id", "s.author_id")
    .innerJoin("profiles as p", "p.user_id", "s.author_id")
    .select([
      "s.id",
      "s.slug",
      "s.author_id",
      "s.status",
      "v.version",
      "v.published_at",
      ...contentColumns.map((c) => `v.${c}` as const),
      "u.handle as author_handle",
      "u.display_name as author_name",
      "p.job_title as author_job_title",
      "p.is_public as author_public",
    ])
    .where("s.slug", "=", slug)
    .executeTakeFirst();
  if (!story) throw new NotFoundError("We could not find that story.");
  return story;
}

export interface StoryFilters {
  q?: string;
  industry?: string;
  productArea?: string;
  /** Only stories written in these languages (empty or absent: all). */
  languages?: readonly WrittenIn[];
  page?: number;
}

/** The public library: live stories, newest first, with their headline metric. */
export async function listPublishedStories(db: Queryable, filters: StoryFilters) {
  const page = Math.max(1, Math.floor(filters.page ?? 1));
  let query = db
    .selectFrom("case_studies as s")
    .innerJoin("case_study_versions as v", "v.id", "s.live_version_id")
    .innerJoin("users as u", "u.id", "s.author_id");
  if (filters.industry) query = query.where("v.industry", "=", filters.industry);
  if (filters.productArea) query = query.where("v.product_area", "=", filters.productArea);
  if (filters.languages?.length) query = query.where("v.language", "in", filters.languages);
  const q = filters.q?.trim();
  if (q) {
    const pattern = containing(q);
    query = query.where((eb) =>
      eb.or([
        eb("v.title", "ilike", pattern),
        eb("v.company", "ilike", pattern),
        eb("v.pull_quote", "ilike", pattern),
        eb("v.challenge_md", "ilike", pattern),
        eb("v.solution_md", "ilike", pattern),
        eb("v.results_md", "ilike", pattern),
        eb("u.display_name", "ilike", pattern),
        sql<boolean>`v.metrics::text ilike ${pattern}`,
      ]),
    );
  }
  const [{ total }] = await query.select((eb) => eb.fn.countAll<number>().as("total")).execute();
  const rows = await query
    .select([...STORY_CARD_COLUMNS, "u.display_name as author_name"])
    .orderBy("s.published_at", "desc")
    .orderBy("s.id", "desc")
    .limit(STORY_PAGE_SIZE)
    .offset((page - 1) * STORY_PAGE_SIZE)
    .execute();
  return {
    rows,
    total: Number(total),
    page,
    pageCount: Math.max(1, Math.ceil(Number(total) / STORY_PAGE_SIZE)),
  };
}

/** Industries and product areas that have live stories, in catalogue order. */
export async function storyFacets(db: Queryable) {
  const rows = await db
    .selectFrom("case_studies as s")
    .innerJoin("case_study_versions as v", "v.id", "s.live_version_id")
    .select(["v.industry", "v.product_area"])
    .execute();
  const industries = new Set(rows.map((r) => r.industry));
  const areas = new Set(rows.map((r) => r.product_area));
  return {
    industries: STORY_INDUSTRIES.filter((i) => industries.has(i)),
    productAreas: PRODUCT_AREAS.filter((a) => areas.has(a)),
  };
}

export async function listOwnStories(db: Queryable, authorId: number) {
  return db
    .selectFrom("case_studies")
    .select(["id", "slug", "title", "status", "live_version_id", "updated_at", "metrics"])
    .where("author_id", "=", authorId)
    .orderBy("updated_at", "desc")
    .execute();
}

/** Live stories by one author, for their profile. */
export async function listStoriesForProfile(db: Queryable, authorId: number) {
  return db
    .selectFrom("case_studies as s")
    .innerJoin("case_study_versions as v", "v.id", "s.live_version_id")
    .select(["s.id", "s.slug", "v.title", "v.company", "v.metrics", "s.published_at"])
    .where("s.author_id", "=", authorId)
    .orderBy("s.published_at", "desc")
    .execute();
}

/** Stories by review state, for the managers' queue. */
export async function listStoriesForReview(db: Queryable, statuses: StoryStatus[], limit = 50) {
  return db
    .selectFrom("case_studies as s")
    .innerJoin("users as u", "u.id", "s.author_id")
    .select([
      "s.id",
      "s.slug",
      "s.title",
      "s.company",
      "s.status",
      "s.live_version_id",
      "s.submitted_at",
      "s.updated_at",
      "u.handle as author_handle",
      "u.display_name as author_name",
    ])
    .where("s.status", "in", statuses)
    .orderBy("s.updated_at", "desc")
    .limit(limit)
    .execute();
}

export async function listStoryEvents(db: Queryable, storyId: number) {
  return db
    .selectFrom("case_study_events as e")
    .leftJoin("users as u", "u.id", "e.actor_id")
    .select([
      "e.id",
      "e.action",
      "e.comment",
      "e.created_at",
      "u.display_name as actor_name",
      "u.handle as actor_handle",
    ])
    .where("e.case_study_id", "=", storyId)
    .orderBy("e.created_at", "desc")
    .orderBy("e.id", "desc")
    .execute();
}

export async function listStoryVersions(db: Queryable, storyId: number) {
  return db
    .selectFrom("case_study_versions as v")
    .leftJoin("users as u", "u.id", "v.published_by")
    .select([
      "v.id",
      "v.version",
      "v.title",
      "v.published_at",
      "u.display_name as published_by_name",
    ])
    .where("v.case_study_id", "=", storyId)
    .orderBy("v.version", "desc")
    .execute();
}

/** The manager comment the author should act on now (the latest request for changes). */
export function latestReviewNote(
  events: { action: string; comment: string }[],
): { action: string; comment: string } | null {
  return (
    events.find((e) => ["changes_requested", "declined", "revision_declined"].includes(e.action)) ??
    null
  );
}
