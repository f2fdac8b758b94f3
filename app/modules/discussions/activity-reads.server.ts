import type { Queryable } from "../../../db/client.ts";

/** People who wrote a post (not deleted) between `since` and `until`. */
export async function postersBetween(db: Queryable, since: Date, until: Date): Promise<number[]> {
  const rows = await db
    .selectFrom("posts")
    .select("author_id")
    .distinct()
    .where("deleted_at", "is", null)
    .where("created_at", ">=", since)
    .where("created_at", "<=", until)
    .execute();
  return rows.map((r) => r.author_id);
}

/** When each person wrote their first post that still stands. */
export async function firstPostAt(db: Queryable, userIds: number[]): Promise<Map<number, Date>> {
  if (!userIds.length) return new Map();
  const rows = await db
    .selectFrom("posts")
    .select(["author_id", (eb) => eb.fn.min("created_at").as("first")])
    .where("author_id", "in", userIds)
    .where("deleted_at", "is", null)
    .groupBy("author_id")
    .execute();
  return new Map(rows.map((r) => [r.author_id, new Date(r.first as Date)]));
}
