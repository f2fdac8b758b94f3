import { type Kysely, sql } from "kysely";

// Frozen once shipped: never imports application code.
//
// The doors to other systems: webhook endpoints (each delivery is an outbox
// row on the `webhook` channel, with one log row per attempt here), and API
// tokens (stored as their SHA-256, with scopes, a per-token rate window and
// the answers kept for Idempotency-Key).
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("webhook_endpoints")
    .addColumn("id", "integer", (c) => c.primaryKey().generatedByDefaultAsIdentity())
    .addColumn("url", "text", (c) => c.notNull())
    .addColumn("description", "text", (c) => c.notNull().defaultTo(""))
    // The event names it receives, a JSON array of strings.
    .addColumn("events", "jsonb", (c) => c.notNull())
    // whsec_… : needed in full to sign, so kept as such; shown to the admin once.
    .addColumn("secret", "text", (c) => c.notNull())
    // Loopback and private addresses are refused unless an admin allows them for this endpoint.
    .addColumn("allow_private", "boolean", (c) => c.notNull().defaultTo(false))
    .addColumn("enabled", "boolean", (c) => c.notNull().defaultTo(true))
    .addColumn("consecutive_failures", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("disabled_at", "timestamptz")
    .addColumn("disabled_reason", "text")
    .addColumn("created_by", "integer", (c) => c.references("users.id").onDelete("set null"))
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .execute();

  await db.schema
    .createTable("webhook_deliveries")
    .addColumn("id", "integer", (c) => c.primaryKey().generatedByDefaultAsIdentity())
    .addColumn("endpoint_id", "integer", (c) =>
      c.notNull().references("webhook_endpoints.id").onDelete("cascade"),
    )
    .addColumn("message_id", "integer", (c) =>
      c.notNull().references("outbox_messages.id").onDelete("cascade"),
    )
    .addColumn("event", "text", (c) => c.notNull())
    .addColumn("ok", "boolean", (c) => c.notNull())
    .addColumn("status_code", "integer")
    .addColumn("duration_ms", "integer", (c) => c.notNull())
    .addColumn("error", "text")
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await sql`create index webhook_deliveries_endpoint_idx on webhook_deliveries (endpoint_id, id desc)`.execute(
    db,
  );

  await db.schema
    .createTable("api_tokens")
    .addColumn("id", "integer", (c) => c.primaryKey().generatedByDefaultAsIdentity())
    .addColumn("name", "text", (c) => c.notNull())
    // SHA-256 (hex) of the token; the token itself is shown once.
    .addColumn("token_hash", "text", (c) => c.notNull().unique())
    // The first characters, so a person can tell tokens apart.
    .addColumn("prefix", "text", (c) => c.notNull())
    .addColumn("scopes", "jsonb", (c) => c.notNull())
    // The API acts as this person, through the same policy as their pages.
    .addColumn("created_by", "integer", (c) =>
      c.notNull().references("users.id").onDelete("cascade"),
    )
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn("expires_at", "timestamptz")
    .addColumn("revoked_at", "timestamptz")
    .addColumn("last_used_at", "timestamptz")
    .addColumn("rate_limit_per_minute", "integer", (c) => c.notNull().defaultTo(120))
    // A fixed one-minute window counted in this row: shared by every process.
    .addColumn("window_started_at", "timestamptz")
    .addColumn("window_count", "integer", (c) => c.notNull().defaultTo(0))
    .execute();

  await db.schema
    .createTable("api_idempotency_keys")
    .addColumn("token_id", "integer", (c) =>
      c.notNull().references("api_tokens.id").onDelete("cascade"),
    )
    .addColumn("key", "text", (c) => c.notNull())
    // SHA-256 of method, path and body: the same key with another request is refused.
    .addColumn("request_hash", "text", (c) => c.notNull())
    .addColumn("status", "integer", (c) => c.notNull())
    .addColumn("body", "jsonb", (c) => c.notNull())
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint("api_idempotency_keys_pkey", ["token_id", "key"])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable("api_idempotency_keys").execute();
  await db.schema.dropTable("api_tokens").execute();
  await db.schema.dropTable("webhook_deliveries").execute();
  await db.schema.dropTable("webhook_endpoints").execute();
}
