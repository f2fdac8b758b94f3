import type { Queryable } from "../client.ts";

/** Tiers, awards, nominations and early-access content of the demo community. */
export async function seedTiers(
  _db: Queryable,
  _people: Map<string, number>,
  _now: Date,
): Promise<void> {}
