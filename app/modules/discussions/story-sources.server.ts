import type { Queryable } from "../../../db/client.ts";

/**
 * A thread as the start of a customer story: its title and the words of its
 * opening post, while the thread is neither deleted nor hidden (null then).
 */
export async function threadForStory(
  db: Queryable,
  threadId: number,
): Promise<{ id: number; title: string; text: string } | null> {
  const thread = await db
    .selectFrom("threads")
    .innerJoin("posts", (join) =>
      join.onRef("posts.thread_id", "=", "threads.id").on("posts.is_opening", "=", true),
    )
    .select(["threads.id", "threads.title", "posts.body_md"])
    .where("threads.id", "=", threadId)
    .where("threads.deleted_at", "is", null)
    .where("threads.hidden_at", "is", null)
    .executeTakeFirst();
  return thread ? { id: thread.id, title: thread.title, text: thread.body_md } : null;
}
