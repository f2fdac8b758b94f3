import type { Queryable } from "../client.ts";

/** Speaking opportunities, talks and case studies of the demo community. */
export async function seedAdvocacy(
  _db: Queryable,
  _people: Map<string, number>,
  _now: Date,
): Promise<void> {}
