import { sql } from "kysely";
import type { Queryable } from "../../../db/client.ts";
import { renderMarkdown } from "../../utils/markdown.server.ts";
import { ensure } from "../access/ensure.ts";
import { policy, type Viewer } from "../access/policy.ts";
import { defineCommand } from "../commands/command.server.ts";
import { NotFoundError } from "../../utils/errors.ts";
import type { OpenToKey } from "./open-to.ts";
import type { ProfileInput } from "./validation.ts";
import type { Locale } from "../../i18n/index.ts";
import type { Place } from "./location.ts";
import { placeCondition, visibleLocation } from "./location.server.ts";
import { containing } from "../../utils/like.ts";

const profileColumns = [
  "users.id",
  "users.handle",
  "users.display_name",
  "users.role",
  "users.created_at",
  "users.verified_customer_at",
  "profiles.headline",
  "profiles.company",
  "profiles.job_title",
  "profiles.industry",
  "profiles.location",
  "profiles.bio_md",
  "profiles.bio_html",
  "profiles.expertise",
  "profiles.linkedin_url",
  "profiles.blog_url",
  "profiles.website_url",
  "profiles.open_to_speaking",
  "profiles.open_to_references",
  "profiles.open_to_case_studies",
  "profiles.open_to_mentoring",
  "profiles.is_public",
  "profiles.leaderboard_opt_out",
] as const;

export async function getProfileByHandle(db: Queryable, handle: string) {
  return db
    .selectFrom("users")
    .innerJoin("profiles", "profiles.user_id", "users.id")
    .select(profileColumns)
    .where((eb) => eb(eb.fn("lower", ["users.handle"]), "=", handle.toLowerCase()))
    .executeTakeFirst();
}
export type FullProfile = NonNullable<Awaited<ReturnType<typeof getProfileByHandle>>>;

/** The profile if this viewer may see it; a missing and a hidden profile look the same (404). */
export async function getVisibleProfile(
  db: Queryable,
  viewer: Viewer,
  handle: string,
  /** The reader's language, for the location phrase. */
  locale?: Locale,
) {
  const profile = await getProfileByHandle(db, handle);
  if (
    !profile ||
    !policy.viewProfile(viewer, { userId: profile.id, isPublic: profile.is_public })
  ) {
    throw new NotFoundError("We could not find that profile.");
  }
  const location = await db
    .selectFrom("profiles")
    .select(["country", "city", "is_remote", "location_public"])
    .where("user_id", "=", profile.id)
    .executeTakeFirstOrThrow();
  // Only the phrase leaves, and only when the policy shows it to this viewer.
  return { ...profile, place: visibleLocation(viewer, { id: profile.id, ...location }, locale) };
}

export async function getOwnProfile(db: Queryable, userId: number) {
  return db
    .selectFrom("users")
    .innerJoin("profiles", "profiles.user_id", "users.id")
    .select(profileColumns)
    .where("users.id", "=", userId)
    .executeTakeFirstOrThrow();
}

/** A person edits their own profile: name, story, links and what they are open to. */
export const updateProfile = defineCommand({
  name: "profile.update",
  async run(trx, input: ProfileInput & { userId: number }, { viewer, now }) {
    const { userId } = input;
    ensure("editProfile", viewer, { userId, isPublic: input.isPublic });
    const bioHtml = renderMarkdown(input.bio);
    await trx
      .updateTable("users")
      .set({ display_name: input.displayName, updated_at: now })
      .where("id", "=", userId)
      .execute();
    await trx
      .updateTable("profiles")
      .set({
        headline: input.headline,
        company: input.company,
        job_title: input.jobTitle,
        industry: input.industry,
        location: input.location,
        bio_md: input.bio,
        bio_html: bioHtml,
        expertise: input.expertise,
        linkedin_url: input.linkedinUrl,
        blog_url: input.blogUrl,
        website_url: input.websiteUrl,
        open_to_speaking: input.openToSpeaking,
        open_to_references: input.openToReferences,
        open_to_case_studies: input.openToCaseStudies,
        open_to_mentoring: input.openToMentoring,
        is_public: input.isPublic,
        leaderboard_opt_out: input.leaderboardOptOut,
        updated_at: now,
      })
      .where("user_id", "=", userId)
      .execute();
  },
});

export const DIRECTORY_PAGE_SIZE = 24;

export interface DirectoryFilters {
  q?: string;
  industry?: string;
  tag?: string;
  openTo?: OpenToKey;
  /** Only advocates whose public location is in this country, region, or remote. */
  place?: Place;
  page?: number;
  /** The reader's language, for the location phrases. */
  locale?: Locale;
}

/** Advocates for the directory, filtered, newest verified first; private profiles only for members. */
export async function listAdvocates(db: Queryable, viewer: Viewer, filters: DirectoryFilters) {
  const page = Math.max(1, Math.floor(filters.page ?? 1));
  let query = db
    .selectFrom("users")
    .innerJoin("profiles", "profiles.user_id", "users.id")
    .where("users.role", "=", "advocate");
  if (!policy.seePrivateProfilesInDirectory(viewer))
    query = query.where("profiles.is_public", "=", true);
  const q = filters.q?.trim();
  if (q) {
    const pattern = containing(q);
    query = query.where((eb) =>
      eb.or([
        eb("users.display_name", "ilike", pattern),
        eb("users.handle", "ilike", pattern),
        eb("profiles.company", "ilike", pattern),
        eb("profiles.headline", "ilike", pattern),
      ]),
    );
  }
  if (filters.industry) query = query.where("profiles.industry", "=", filters.industry);
  if (filters.tag)
    query = query.where(sql<boolean>`profiles.expertise @> array[${filters.tag}]::text[]`);
  if (filters.openTo) query = query.where(`profiles.${filters.openTo}`, "=", true);
  if (filters.place) query = query.where(placeCondition(filters.place));

  const [{ total }] = await query.select((eb) => eb.fn.countAll<number>().as("total")).execute();
  const rows = await query
    .select([
      "users.id",
      "users.handle",
      "users.display_name",
      "profiles.headline",
      "profiles.company",
      "profiles.job_title",
      "profiles.industry",
      "profiles.location",
      "profiles.expertise",
      "profiles.open_to_speaking",
      "profiles.open_to_references",
      "profiles.open_to_case_studies",
      "profiles.open_to_mentoring",
      "profiles.is_public",
      "profiles.country",
      "profiles.city",
      "profiles.is_remote",
      "profiles.location_public",
    ])
    .orderBy("users.display_name")
    .orderBy("users.id")
    .limit(DIRECTORY_PAGE_SIZE)
    .offset((page - 1) * DIRECTORY_PAGE_SIZE)
    .execute();
  return {
    // The stated location leaves only as a phrase, and only when the policy shows it.
    rows: rows.map(({ country, city, is_remote, location_public, ...row }) => ({
      ...row,
      place: visibleLocation(
        viewer,
        { id: row.id, country, city, is_remote, location_public },
        filters.locale,
      ),
    })),
    total: Number(total),
    page,
    pageCount: Math.max(1, Math.ceil(Number(total) / DIRECTORY_PAGE_SIZE)),
  };
}

/** Industries and expertise tags in use, for the directory's filters. */
export async function directoryFacets(db: Queryable, viewer: Viewer) {
  const publicOnly = !policy.seePrivateProfilesInDirectory(viewer);
  let base = db
    .selectFrom("profiles")
    .innerJoin("users", "users.id", "profiles.user_id")
    .where("users.role", "=", "advocate");
  if (publicOnly) base = base.where("profiles.is_public", "=", true);
  const industries = await base
    .select("profiles.industry")
    .where("profiles.industry", "!=", "")
    .groupBy("profiles.industry")
    .orderBy("profiles.industry")
    .execute();
  const tags = await base.select([sql<string>`unnest(profiles.expertise)`.as("tag")]).execute();
  const counts = new Map<string, number>();
  for (const { tag } of tags) counts.set(tag, (counts.get(tag) ?? 0) + 1);
  return {
    industries: industries.map((r) => r.industry),
    tags: [...counts.entries()]
      .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
      .map(([t]) => t),
  };
}

/** Countries where advocates listed for this viewer have a public location, for the region filter. */
export async function placeFacets(db: Queryable, viewer: Viewer): Promise<string[]> {
  let query = db
    .selectFrom("profiles")
    .innerJoin("users", "users.id", "profiles.user_id")
    .select("profiles.country")
    .where("users.role", "=", "advocate")
    .where("profiles.location_public", "=", true)
    .where("profiles.country", "is not", null)
    .groupBy("profiles.country");
  if (!policy.seePrivateProfilesInDirectory(viewer))
    query = query.where("profiles.is_public", "=", true);
  const rows = await query.execute();
  return rows.map((r) => r.country!).sort();
}

/** Live numbers for the landing page. */
export async function communityCounts(db: Queryable) {
  const row = await db
    .selectFrom("users")
    .select([
      sql<number>`count(*) filter (where role = 'advocate')`.as("advocates"),
      sql<number>`count(distinct nullif(profiles.company, '')) filter (where role = 'advocate')`.as(
        "companies",
      ),
      sql<number>`count(distinct nullif(profiles.industry, '')) filter (where role = 'advocate')`.as(
        "industries",
      ),
    ])
    .leftJoin("profiles", "profiles.user_id", "users.id")
    .executeTakeFirstOrThrow();
  return {
    advocates: Number(row.advocates),
    companies: Number(row.companies),
    industries: Number(row.industries),
  };
}
