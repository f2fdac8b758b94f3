import type { Queryable } from "../client.ts";

/** Reputation the demo community earned outside discussions (manual awards, badges). */
export async function seedReputation(
  _db: Queryable,
  _people: Map<string, number>,
  _now: Date,
): Promise<void> {}
