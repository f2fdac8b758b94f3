import type { Queryable } from "../../../db/client.ts";

/** The confidentiality terms a person accepted, for their data download. */
export function ndaAcknowledgementsOf(db: Queryable, userId: number) {
  return db
    .selectFrom("early_access_nda_acks")
    .select(["tier_id", "terms_version", "acknowledged_at"])
    .where("user_id", "=", userId)
    .orderBy("acknowledged_at")
    .execute();
}
