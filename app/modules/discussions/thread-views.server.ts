import type { Queryable } from "../../../db/client.ts";

/**
 * The thread change (`change_seq`) at which this process last wrote each
 * person's view of each thread, most recent last. A view is what the mail
 * sweep reads to skip a reply the person has already read; a notification
 * about a thread comes from a change that raises its `change_seq`, so a
 * second view of the same change adds nothing the sweep could use and is
 * not written again. A reader reloading a quiet thread costs no write.
 * Another process may write it once more: the row keeps the latest time.
 */
const RECORDED_KEPT = 20_000;
const recorded = new Map<string, number>();

/**
 * Notes that a signed-in person opened a thread page (the loader calls this
 * once the policy has let them read it), at the thread's change `seq`. One
 * upsert, keeping the latest time, when the thread changed since this
 * process last wrote this person's view; nothing otherwise. An observation
 * made while reading, not a command: see the addendum to ADR 008. It marks
 * no notification read.
 */
export async function recordThreadView(
  db: Queryable,
  userId: number,
  thread: { id: number; seq: number },
  now: Date,
): Promise<void> {
  const key = `${userId}:${thread.id}`;
  if (recorded.get(key) === thread.seq) {
    recorded.delete(key);
    recorded.set(key, thread.seq);
    return;
  }
  await db
    .insertInto("thread_views")
    .values({ user_id: userId, thread_id: thread.id, seen_at: now })
    .onConflict((oc) => oc.columns(["user_id", "thread_id"]).doUpdateSet({ seen_at: now }))
    .execute();
  recorded.delete(key);
  recorded.set(key, thread.seq);
  if (recorded.size > RECORDED_KEPT) recorded.delete(recorded.keys().next().value!);
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
