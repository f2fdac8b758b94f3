import type { Queryable } from "../../../db/client.ts";

/**
 * The reference conversations a person took part in, for their data
 * download: what they asked or were asked, never the other person's details
 * (the note and times are included only for the one who wrote them).
 */
export async function referencesOf(db: Queryable, userId: number) {
  const rows = await db
    .selectFrom("reference_requests")
    .selectAll()
    .where((eb) => eb.or([eb("advocate_id", "=", userId), eb("prospect_id", "=", userId)]))
    .orderBy("id")
    .execute();
  return rows.map((r) => {
    const asked = r.prospect_id === userId;
    return {
      id: r.id,
      role: asked ? ("asked" as const) : ("advocate" as const),
      topic: r.topic,
      context: asked ? r.context : undefined,
      preferred_times: asked ? r.preferred_times : undefined,
      status: r.status,
      created_at: r.created_at,
      responded_at: r.responded_at,
      completed_at: r.completed_at,
      helpful: asked ? r.helpful : undefined,
    };
  });
}
