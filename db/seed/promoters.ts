import type { Queryable } from "../client.ts";

/** NPS responses, invitations, reference requests and referrals of the demo community. */
export async function seedPromoters(
  _db: Queryable,
  _people: Map<string, number>,
  _now: Date,
): Promise<void> {}
