import type { Queryable } from "../../../db/client.ts";
import { STORY_CARD_COLUMNS } from "./story-queries.server.ts";

/** Published stories (the public library) by keyset, newest first, for the REST API. */
export async function publishedStoriesPage(
  db: Queryable,
  page: { before?: number; limit: number },
) {
  let query = db
    .selectFrom("case_studies as s")
    .innerJoin("case_study_versions as v", "v.id", "s.live_version_id")
    .innerJoin("users as u", "u.id", "s.author_id")
    .select(STORY_CARD_COLUMNS);
  if (page.before) query = query.where("s.id", "<", page.before);
  return query
    .orderBy("s.id", "desc")
    .limit(page.limit + 1)
    .execute();
}
