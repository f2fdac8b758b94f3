import { sql } from "kysely";
import type { Queryable } from "../../../db/client.ts";
import type { EmailPayload, OutboxChannel } from "../../../db/tables/outbox.ts";

/** A message the worker has claimed, with its lease. */
export interface ClaimedMessage {
  id: number;
  channel: OutboxChannel;
  idempotencyKey: string;
  recipient: string;
  payload: EmailPayload;
  attempts: number;
  maxAttempts: number;
}

/**
 * How a channel delivers. `sent` means the receiving server accepted it;
 * `kept` means there is nowhere to send it (the embedded default without
 * SMTP), so it stays readable in the outbox. Throwing is a failed attempt.
 */
export type Transport = (
  message: ClaimedMessage,
) => Promise<{ outcome: "sent" | "kept"; detail: string }>;

export interface WorkerOptions {
  /** How long a claim holds before another worker may take the message over. */
  leaseMs?: number;
  /** At most this many messages per round. */
  batch?: number;
  now?: () => Date;
}

/** 30 s, 1 min, 2 min … capped at an hour: a server that is down gets time to come back. */
export function backoffMs(attempt: number): number {
  return Math.min(30_000 * 2 ** Math.max(0, attempt - 1), 3_600_000);
}

/**
 * Claims due messages for this worker: queued ones whose time has come, and
 * ones whose previous worker's lease ran out (it died mid-send). SKIP LOCKED
 * lets several processes share the work without waiting on each other or
 * taking the same row.
 */
export async function claimDue(
  db: Queryable,
  options: WorkerOptions = {},
): Promise<ClaimedMessage[]> {
  const now = options.now?.() ?? new Date();
  const leaseUntil = new Date(now.getTime() + (options.leaseMs ?? 60_000));
  const rows = await db
    .updateTable("outbox_messages")
    .set((eb) => ({
      status: "sending",
      attempts: eb("attempts", "+", 1),
      locked_until: leaseUntil,
    }))
    .where(
      "id",
      "in",
      db
        .selectFrom("outbox_messages")
        .select("id")
        .where((eb) =>
          eb.or([
            eb.and([eb("status", "=", "queued"), eb("next_attempt_at", "<=", now)]),
            eb.and([eb("status", "=", "sending"), eb("locked_until", "<", now)]),
          ]),
        )
        .orderBy("next_attempt_at")
        .orderBy("id")
        .limit(options.batch ?? 10)
        .forUpdate()
        .skipLocked(),
    )
    .returning([
      "id",
      "channel",
      "idempotency_key",
      "recipient",
      "payload",
      "attempts",
      "max_attempts",
    ])
    .execute();
  return rows.map((r) => ({
    id: r.id,
    channel: r.channel,
    idempotencyKey: r.idempotency_key,
    recipient: r.recipient,
    payload: r.payload,
    attempts: r.attempts,
    maxAttempts: r.max_attempts,
  }));
}

/** Delivers one claimed message and records the attempt; a failure is retried later, or gives up. */
export async function deliverOne(
  db: Queryable,
  message: ClaimedMessage,
  transport: Transport,
  options: WorkerOptions = {},
): Promise<"sent" | "kept" | "retry" | "failed"> {
  const started = Date.now();
  let result: "sent" | "kept" | "retry" | "failed";
  let detail: string;
  try {
    const delivered = await transport(message);
    result = delivered.outcome;
    detail = delivered.detail;
  } catch (error) {
    detail = (error as Error)?.message?.slice(0, 500) || String(error);
    result = message.attempts >= message.maxAttempts ? "failed" : "retry";
  }
  const now = options.now?.() ?? new Date();
  const ok = result === "sent" || result === "kept";
  await db
    .insertInto("outbox_attempts")
    .values({ message_id: message.id, ok, detail, duration_ms: Date.now() - started })
    .execute();
  await db
    .updateTable("outbox_messages")
    .set({
      status: result === "retry" ? "queued" : result,
      locked_until: null,
      last_error: ok ? null : detail,
      sent_at: result === "sent" ? now : null,
      next_attempt_at:
        result === "retry" ? new Date(now.getTime() + backoffMs(message.attempts)) : now,
    })
    .where("id", "=", message.id)
    // Only the worker that holds the claim settles it.
    .where("status", "=", "sending")
    .execute();
  return result;
}

/** One round: claim what is due and deliver it, one message after another. Returns how many were handled. */
export async function deliverDue(
  db: Queryable,
  transports: Record<OutboxChannel, Transport | undefined>,
  options: WorkerOptions = {},
): Promise<number> {
  const claimed = await claimDue(db, options);
  for (const message of claimed) {
    const transport = transports[message.channel];
    if (!transport) continue;
    await deliverOne(db, message, transport, options);
  }
  return claimed.length;
}

/** What /metrics shows: how many messages are in each state, and the age of the oldest waiting one. */
export async function outboxGauges(db: Queryable) {
  const rows = await db
    .selectFrom("outbox_messages")
    .select(["status", (eb) => eb.fn.countAll<number>().as("n")])
    .groupBy("status")
    .execute();
  const oldest = await db
    .selectFrom("outbox_messages")
    .select(sql<Date | null>`min(created_at)`.as("at"))
    .where("status", "in", ["queued", "sending"])
    .executeTakeFirst();
  const counts = Object.fromEntries(rows.map((r) => [r.status, Number(r.n)]));
  return {
    queued: (counts.queued ?? 0) + (counts.sending ?? 0),
    sent: counts.sent ?? 0,
    failed: counts.failed ?? 0,
    kept: counts.kept ?? 0,
    oldestQueuedSeconds: oldest?.at ? (Date.now() - new Date(oldest.at).getTime()) / 1000 : 0,
  };
}
