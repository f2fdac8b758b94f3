import type { ColumnType, Generated } from "kysely";

type CreatedAt = ColumnType<Date, Date | string | undefined, never>;
type Moment = ColumnType<Date, Date | string | undefined, Date | string>;
type OptionalMoment = ColumnType<
  Date | null,
  Date | string | null | undefined,
  Date | string | null
>;
type Json<T> = ColumnType<T, T | string, T | string>;

export type OutboxChannel = "email" | "webhook";
/** queued → sending → sent; failed after the last try; kept when no transport is configured. */
export type OutboxStatus = "queued" | "sending" | "sent" | "failed" | "kept";

/** An email as composed at the moment of the decision. */
export interface EmailPayload {
  to: string;
  from: string;
  subject: string;
  html: string;
  text: string;
  headers: Record<string, string>;
  /** The first link in the message, for the log line of the embedded default. */
  firstLink: string | null;
}

export interface OutboxMessagesTable {
  id: Generated<number>;
  channel: OutboxChannel;
  idempotency_key: string;
  kind: string;
  recipient: string;
  user_id: number | null;
  subject: Generated<string>;
  payload: Json<EmailPayload>;
  status: ColumnType<OutboxStatus, OutboxStatus | undefined, OutboxStatus>;
  attempts: Generated<number>;
  max_attempts: Generated<number>;
  next_attempt_at: Moment;
  locked_until: OptionalMoment;
  last_error: string | null;
  created_at: CreatedAt;
  sent_at: OptionalMoment;
}

export interface OutboxAttemptsTable {
  id: Generated<number>;
  message_id: number;
  ok: boolean;
  detail: Generated<string>;
  duration_ms: number;
  created_at: CreatedAt;
}

/** The outbox and its delivery attempts (owned by app/modules/outbox). */
export interface OutboxTables {
  outbox_messages: OutboxMessagesTable;
  outbox_attempts: OutboxAttemptsTable;
}
