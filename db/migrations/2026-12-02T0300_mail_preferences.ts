import { type Kysely, sql } from "kysely";

// Frozen once shipped: never imports application code.
//
// Mail preferences: how each person wants each kind of non-essential message
// (immediately, in the digest, or never) and how often their digest comes;
// messages folded into the next digest; the key that signs one-click
// unsubscribe links; and which discussion notifications were already
// considered for mail (so a notification is mailed, or folded, at most once).
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("mail_preferences")
    .addColumn("user_id", "integer", (c) => c.notNull().references("users.id").onDelete("cascade"))
    .addColumn("kind", "text", (c) => c.notNull())
    .addColumn("rhythm", "text", (c) =>
      c.notNull().check(sql`rhythm in ('immediate', 'digest', 'never')`),
    )
    .addColumn("updated_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint("mail_preferences_pk", ["user_id", "kind"])
    .execute();

  await db.schema
    .createTable("mail_digest_settings")
    .addColumn("user_id", "integer", (c) =>
      c.primaryKey().references("users.id").onDelete("cascade"),
    )
    .addColumn("rhythm", "text", (c) =>
      c.notNull().check(sql`rhythm in ('daily', 'weekly', 'off')`),
    )
    .addColumn("updated_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .execute();

  await db.schema
    .createTable("mail_digest_items")
    .addColumn("id", "integer", (c) => c.primaryKey().generatedByDefaultAsIdentity())
    .addColumn("user_id", "integer", (c) => c.notNull().references("users.id").onDelete("cascade"))
    // The message it stands for: one folded message is one line, once.
    .addColumn("idempotency_key", "text", (c) => c.notNull().unique())
    .addColumn("kind", "text", (c) => c.notNull())
    .addColumn("subject", "text", (c) => c.notNull())
    .addColumn("link", "text")
    // A line about a thread is shown only while the person may still read the thread.
    .addColumn("thread_id", "integer")
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn("digested_at", "timestamptz")
    .execute();
  await sql`create index mail_digest_items_waiting_idx on mail_digest_items (user_id, id) where digested_at is null`.execute(
    db,
  );

  // One digest per person per period (a day, or an ISO week), whether or not it had anything to say.
  await db.schema
    .createTable("mail_digest_runs")
    .addColumn("user_id", "integer", (c) => c.notNull().references("users.id").onDelete("cascade"))
    .addColumn("period", "text", (c) => c.notNull())
    .addColumn("sent", "boolean", (c) => c.notNull())
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint("mail_digest_runs_pk", ["user_id", "period"])
    .execute();

  await db.schema
    .createTable("mail_keys")
    .addColumn("name", "text", (c) => c.primaryKey())
    .addColumn("secret", "text", (c) => c.notNull())
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .execute();

  await db.schema
    .createTable("notification_mails")
    .addColumn("notification_id", "integer", (c) =>
      c.primaryKey().references("notifications.id").onDelete("cascade"),
    )
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable("notification_mails").execute();
  await db.schema.dropTable("mail_keys").execute();
  await db.schema.dropTable("mail_digest_runs").execute();
  await db.schema.dropTable("mail_digest_items").execute();
  await db.schema.dropTable("mail_digest_settings").execute();
  await db.schema.dropTable("mail_preferences").execute();
}
