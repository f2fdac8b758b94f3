import type { Queryable } from "../../../db/client.ts";

/**
 * Notes that a signed-in person opened a thread page (the loader calls this
 * once the policy has let them read it). One upsert, keeping the latest time.
 * An observation made while reading, not a command: see the addendum to
 * ADR 008. It marks no notification read.
 */
export async function recordThreadView(
  db: Queryable,
  userId: number,
  threadId: number,
  now: Date,
): Promise<void> {
  await db
    .insertInto("thread_views")
    .values({ user_id: userId, thread_id: threadId, seen_at: now })
    .onConflict((oc) => oc.columns(["user_id", "thread_id"]).doUpdateSet({ seen_at: now }))
    .execute();
}

/** Whether the person opened the thread page at or after `since`. */
export async function sawThreadSince(
  db: Queryable,
  userId: number,
  threadId: number,
  since: Date,
): Promise<boolean> {
  const row = await db
    .selectFrom("thread_views")
    .select("seen_at")
    .where("user_id", "=", userId)
    .where("thread_id", "=", threadId)
    .where("seen_at", ">=", since)
    .executeTakeFirst();
  return row !== undefined;
}
