import type { Queryable } from "../../../db/client.ts";

/** A person's own posts (with the thread they are in), for their data download. */
export function postsOf(db: Queryable, userId: number) {
  return db
    .selectFrom("posts as p")
    .innerJoin("threads as t", "t.id", "p.thread_id")
    .select([
      "p.id",
      "p.thread_id",
      "t.title as thread_title",
      "p.is_opening",
      "p.body_md",
      "p.created_at",
      "p.edited_at",
      "p.deleted_at",
    ])
    .where("p.author_id", "=", userId)
    .orderBy("p.id")
    .execute();
}
