import type { Queryable } from "../client.ts";

/** The demo community's discussions: spaces, threads, replies and votes (through the domain, so points follow). */
export async function seedDiscussions(
  _db: Queryable,
  _people: Map<string, number>,
  _now: Date,
): Promise<void> {}
