import type { Queryable } from "../../../db/client.ts";
import type { EmailPayload, OutboxChannel } from "../../../db/tables/outbox.ts";
import type { Effects } from "../commands/effects.server.ts";
import { isEssential, MAIL_CAPS, suppressionGroupOf } from "../mail/kinds.ts";
import { addressUnsubscribeToken, suppressionOf } from "../mail/suppressions.server.ts";
import {
  foldIntoDigest,
  rhythmFor,
  signingSecret,
  unsubscribeToken,
} from "../mail/preferences.server.ts";
import type { SiteSettings } from "../mail/settings.ts";
import { UNSUBSCRIBE_TOKEN_SLOT } from "../mail/templates/footer-context.ts";

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
  /** The thread a discussion message is about (for its line in a digest). */
  threadId?: number | null;
}

/** Non-essential messages this person was sent alone since then (the digest does not count). */
async function sentAloneSince(trx: Queryable, userId: number, since: Date): Promise<number> {
  const row = await trx
    .selectFrom("outbox_messages")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .where("user_id", "=", userId)
    .where("channel", "=", "email")
    .where("kind", "not in", ["digest"])
    .where("created_at", ">", since)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/**
 * What the person's preferences make of an email: sent alone, folded into
 * their digest ("digest", or past their hourly or daily cap), or nothing at
 * all ("never"). Essential mail is always sent alone.
 */
async function routeEmail(
  trx: Queryable,
  message: OutgoingMessage,
  now: Date,
): Promise<"send" | "digest" | "never"> {
  if (message.channel !== "email" || message.userId === null || isEssential(message.kind))
    return "send";
  const rhythm = await rhythmFor(trx, message.userId, message.kind);
  if (rhythm !== "immediate") return rhythm;
  if (message.kind === "digest") return "send";
  const hour = await sentAloneSince(trx, message.userId, new Date(now.getTime() - 3_600_000));
  if (hour >= MAIL_CAPS.perHour) return "digest";
  const day = await sentAloneSince(trx, message.userId, new Date(now.getTime() - 86_400_000));
  return day >= MAIL_CAPS.perDay ? "digest" : "send";
}

/** Puts the signed unsubscribe token where composing left its slot. */
function signed(payload: EmailPayload, token: string): EmailPayload {
  const fill = (v: string) => v.split(UNSUBSCRIBE_TOKEN_SLOT).join(token);
  return {
    ...payload,
    html: fill(payload.html),
    text: fill(payload.text),
    firstLink: payload.firstLink ? fill(payload.firstLink) : null,
    headers: Object.fromEntries(Object.entries(payload.headers).map(([k, v]) => [k, fill(v)])),
  };
}

/**
 * Writes a message into the outbox inside the caller's transaction: a
 * decision that rolls back leaves no message, and a committed one always
 * has its message, whatever happens to the process afterwards.
 */
export async function enqueue(
  trx: Queryable,
  message: OutgoingMessage,
  now = new Date(),
): Promise<"queued" | "digest" | "never"> {
  // The last word for mail to people without an account: an address that
  // unsubscribed from this group gets nothing, whichever path composed it.
  const group = message.channel === "email" ? suppressionGroupOf(message.kind) : undefined;
  if (group && (await suppressionOf(trx, message.recipient, group))) return "never";
  const route = await routeEmail(trx, message, now);
  if (route === "never") return "never";
  if (route === "digest") {
    const kept = await foldIntoDigest(trx, {
      userId: message.userId!,
      idempotencyKey: message.idempotencyKey,
      kind: message.kind,
      subject: message.subject,
      link: message.payload.firstLink,
      threadId: message.threadId,
      at: now,
    });
    return kept ? "digest" : "never";
  }
  // Webhooks share the outbox; only mail carries an unsubscribe link to sign.
  const payload =
    message.channel === "email" && message.payload.text?.includes(UNSUBSCRIBE_TOKEN_SLOT)
      ? signed(
          message.payload,
          message.userId !== null
            ? unsubscribeToken(await signingSecret(trx), message.userId, message.kind)
            : addressUnsubscribeToken(await signingSecret(trx), message.recipient, group!),
        )
      : message.payload;
  await trx
    .insertInto("outbox_messages")
    .values({
      channel: message.channel,
      idempotency_key: message.idempotencyKey,
      kind: message.kind,
      recipient: message.recipient,
      user_id: message.userId,
      subject: message.subject,
      payload: JSON.stringify(payload),
      max_attempts: message.maxAttempts,
    })
    .onConflict((oc) => oc.column("idempotency_key").doNothing())
    .execute();
  return "queued";
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
    if (composed) await enqueue(trx, composed, effects.at);
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
