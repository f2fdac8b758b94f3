import type { Queryable } from "../../../db/client.ts";
import type { EmailPayload, OutboxChannel } from "../../../db/tables/outbox.ts";
import type { Effects } from "../commands/effects.server.ts";
import type { SiteSettings } from "../mail/settings.ts";

/** One message for the outbox, composed in full at the moment of the decision. */
export interface OutgoingMessage {
  channel: OutboxChannel;
  /** One decision, one message: the same key twice adds nothing (a retried command sends once). */
  idempotencyKey: string;
  /** What kind of message it is ("password_reset", "reference_requested" …), for lists and preferences. */
  kind: string;
  recipient: string;
  userId: number | null;
  subject: string;
  payload: EmailPayload;
  maxAttempts?: number;
}

/**
 * Writes a message into the outbox inside the caller's transaction: a
 * decision that rolls back leaves no message, and a committed one always
 * has its message, whatever happens to the process afterwards.
 */
export async function enqueue(trx: Queryable, message: OutgoingMessage): Promise<void> {
  await trx
    .insertInto("outbox_messages")
    .values({
      channel: message.channel,
      idempotency_key: message.idempotencyKey,
      kind: message.kind,
      recipient: message.recipient,
      user_id: message.userId,
      subject: message.subject,
      payload: JSON.stringify(message.payload),
      max_attempts: message.maxAttempts,
    })
    .onConflict((oc) => oc.column("idempotency_key").doNothing())
    .execute();
}

/**
 * The command's way to send: the message is composed at the end of the
 * command (it may read what it needs in the transaction) and joins it.
 */
export function sendLater(
  effects: Effects,
  message: (trx: Queryable, site: SiteSettings) => Promise<OutgoingMessage | null>,
): void {
  effects.beforeCommit(async (trx) => {
    const composed = await message(trx, effects.site);
    if (composed) await enqueue(trx, composed);
  });
}

/** Whether a message with this key is already in the outbox (a sweep asks before composing again). */
export async function isEnqueued(db: Queryable, idempotencyKey: string): Promise<boolean> {
  const row = await db
    .selectFrom("outbox_messages")
    .select("id")
    .where("idempotency_key", "=", idempotencyKey)
    .executeTakeFirst();
  return Boolean(row);
}
