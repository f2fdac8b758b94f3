import type { Queryable } from "../../../db/client.ts";
import type { Role } from "../../../db/schema.ts";
import type { NotificationKind } from "../../../db/tables/notifications.ts";
import { policy } from "../access/policy.ts";
import { loadViewer } from "../viewer/viewer.server.ts";
import type { Effects } from "../commands/effects.server.ts";
import { recordNotification } from "../notifications/record.server.ts";
import { postSubject, threadSubject, type PostRow, type ThreadState } from "./state.server.ts";

/**
 * Notifies one person about a post, if (and only if) they may read it: the
 * notification is kept in the command's transaction, and their bell is told
 * once it commits.
 */
export async function notify(
  trx: Queryable,
  effects: Effects,
  input: {
    userId: number;
    /** The recipient's role, when the caller already knows it. */
    role?: Role;
    kind: NotificationKind;
    actor: { id: number; displayName: string } | null;
    thread: ThreadState;
    post: { id: number; author_id: number; hidden_at: Date | null; deleted_at: Date | null };
    data?: Record<string, unknown>;
  },
): Promise<void> {
  const role =
    input.role ??
    (await trx.selectFrom("users").select("role").where("id", "=", input.userId).executeTakeFirst())
      ?.role;
  if (!role) return;
  const recipient = await loadViewer(trx, { id: input.userId, role });
  if (!policy.readPost(recipient, threadSubject(input.thread), postSubject(input.post))) return;
  const live = await recordNotification(trx, {
    userId: input.userId,
    kind: input.kind,
    actor: input.actor,
    thread: input.thread,
    postId: input.post.id,
    data: input.data,
    at: effects.at,
  });
  effects.toUser(input.userId, "notification:new", live);
}

/** Tells a post's author what it just earned them (a vote, a helpful mark), if anything. */
export async function notifyPointsEarned(
  trx: Queryable,
  effects: Effects,
  thread: ThreadState,
  post: PostRow,
  entry: { amount: number; rule: string } | null,
): Promise<void> {
  if (!entry || entry.amount <= 0) return;
  await notify(trx, effects, {
    userId: post.author_id,
    role: post.author_role,
    kind: "points",
    actor: null,
    thread,
    post,
    data: { amount: entry.amount, rule: entry.rule },
  });
}
