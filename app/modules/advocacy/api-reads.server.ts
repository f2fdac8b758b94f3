import type { Queryable } from "../../../db/client.ts";

/** Published stories (the public library) by keyset, newest first, for the REST API. */
export async function publishedStoriesPage(
  db: Queryable,
  page: { before?: number; limit: number },
) {
  let query = db
    .selectFrom("case_studies as s")
    .innerJoin("case_study_versions as v", "v.id", "s.live_version_id")
    .innerJoin("users as u", "u.id", "s.author_id")
    .select([
      "s.id",
      "s.slug",
      "v.title",
      "v.company",
      "v.industry",
      "v.product_area",
      "v.pull_quote",
      "v.metrics",
      "v.published_at",
      "u.handle as author_handle",
    ]);
  if (page.before) query = query.where("s.id", "<", page.before);
  return query
    .orderBy("s.id", "desc")
    .limit(page.limit + 1)
    .execute();
}
