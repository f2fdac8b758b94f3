import { type Kysely, sql } from "kysely";

// Frozen once shipped: never imports application code.
//
// The durable outbox: every message that leaves Limelight (email now, webhooks
// later) is a row written in the transaction of the decision that causes it,
// delivered after commit by a worker that claims rows with FOR UPDATE SKIP
// LOCKED, retries with backoff and records every attempt. Password reset
// tokens are stored as their SHA-256, single use, for an hour.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("outbox_messages")
    .addColumn("id", "integer", (c) => c.primaryKey().generatedByDefaultAsIdentity())
    .addColumn("channel", "text", (c) => c.notNull().check(sql`channel in ('email', 'webhook')`))
    // One decision, one message: a repeated enqueue with the same key adds nothing.
    .addColumn("idempotency_key", "text", (c) => c.notNull().unique())
    .addColumn("kind", "text", (c) => c.notNull())
    // An email address, or an endpoint URL.
    .addColumn("recipient", "text", (c) => c.notNull())
    .addColumn("user_id", "integer", (c) => c.references("users.id").onDelete("set null"))
    .addColumn("subject", "text", (c) => c.notNull().defaultTo(""))
    // The message in full, as composed when the decision committed.
    .addColumn("payload", "jsonb", (c) => c.notNull())
    .addColumn("status", "text", (c) =>
      c
        .notNull()
        .defaultTo("queued")
        .check(sql`status in ('queued', 'sending', 'sent', 'failed', 'kept')`),
    )
    .addColumn("attempts", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("max_attempts", "integer", (c) => c.notNull().defaultTo(8))
    .addColumn("next_attempt_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    // A worker holds a claimed row until then; a worker that died lets it go when this passes.
    .addColumn("locked_until", "timestamptz")
    .addColumn("last_error", "text")
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn("sent_at", "timestamptz")
    .execute();
  await sql`create index outbox_messages_due_idx on outbox_messages (next_attempt_at, id) where status in ('queued', 'sending')`.execute(
    db,
  );
  await sql`create index outbox_messages_status_idx on outbox_messages (status, id desc)`.execute(
    db,
  );

  await db.schema
    .createTable("outbox_attempts")
    .addColumn("id", "integer", (c) => c.primaryKey().generatedByDefaultAsIdentity())
    .addColumn("message_id", "integer", (c) =>
      c.notNull().references("outbox_messages.id").onDelete("cascade"),
    )
    .addColumn("ok", "boolean", (c) => c.notNull())
    .addColumn("detail", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("duration_ms", "integer", (c) => c.notNull())
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await sql`create index outbox_attempts_message_idx on outbox_attempts (message_id, id)`.execute(
    db,
  );

  await db.schema
    .createTable("password_resets")
    .addColumn("token_hash", "text", (c) => c.primaryKey())
    .addColumn("user_id", "integer", (c) => c.notNull().references("users.id").onDelete("cascade"))
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn("expires_at", "timestamptz", (c) => c.notNull())
    .addColumn("used_at", "timestamptz")
    .execute();
  await sql`create index password_resets_user_idx on password_resets (user_id, created_at desc)`.execute(
    db,
  );
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable("password_resets").execute();
  await db.schema.dropTable("outbox_attempts").execute();
  await db.schema.dropTable("outbox_messages").execute();
}
