import type { Queryable } from "../../../db/client.ts";
import type { Role } from "../../../db/schema.ts";
import type { NotificationKind } from "../../../db/tables/notifications.ts";
import { policy } from "../access/policy.ts";
import { loadViewer } from "../viewer/viewer.server.ts";
import { recordNotification } from "../notifications/record.server.ts";
import type { Outbox } from "./outbox.ts";
import { postSubject, threadSubject, type ThreadState } from "./state.server.ts";

export { threadUrl } from "../notifications/record.server.ts";

/**
 * Notifies one person about a post, if (and only if) they may read it; the
 * live message leaves after commit through the outbox.
 */
export async function notify(
  trx: Queryable,
  outbox: Outbox,
  input: {
    userId: number;
    /** The recipient's role, when the caller already knows it. */
    role?: Role;
    kind: NotificationKind;
    actor: { id: number; displayName: string } | null;
    thread: ThreadState;
    post: { id: number; author_id: number; hidden_at: Date | null; deleted_at: Date | null };
    data?: Record<string, unknown>;
    at?: Date;
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
    at: input.at,
  });
  outbox.toUser(input.userId, "notification:new", live);
}
