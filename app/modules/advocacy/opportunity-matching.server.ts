import type { Queryable } from "../../../db/client.ts";

/** Open speaking opportunities still taking applications, soonest event first, for matching to advocates. */
export async function openOpportunitiesForMatching(db: Queryable, now: Date, limit = 100) {
  return db
    .selectFrom("speaking_opportunities")
    .select([
      "id",
      "title",
      "event_name",
      "format",
      "starts_at",
      "is_virtual",
      "location",
      "audience_description",
      "topic_md",
      "application_deadline",
    ])
    .where("status", "=", "open")
    .where("application_deadline", ">=", now)
    .orderBy("starts_at")
    .orderBy("id")
    .limit(limit)
    .execute();
}
