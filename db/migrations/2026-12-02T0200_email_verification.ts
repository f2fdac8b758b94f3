import { type Kysely, sql } from "kysely";

// Frozen once shipped: never imports application code.
//
// Email addresses are confirmed: a new account proves its address before it
// posts, votes or asks for a conversation, and a change of address takes
// effect only once the new one is confirmed. Everyone who already has an
// account counts as confirmed. Links carry a token stored as its SHA-256,
// single use, like password resets.
export async function up(db: Kysely<any>): Promise<void> {
  // Accounts made by seeds, imports and the command line count as confirmed; only a
  // self-service sign-up starts without (it sets null and mails a link).
  await db.schema
    .alterTable("users")
    .addColumn("email_verified_at", "timestamptz", (c) => c.defaultTo(sql`now()`))
    .execute();
  await sql`update users set email_verified_at = created_at`.execute(db);

  await db.schema
    .createTable("email_tokens")
    .addColumn("token_hash", "text", (c) => c.primaryKey())
    .addColumn("user_id", "integer", (c) => c.notNull().references("users.id").onDelete("cascade"))
    // "verify": the account's own address; "change": a new address it wants to move to.
    .addColumn("purpose", "text", (c) => c.notNull().check(sql`purpose in ('verify', 'change')`))
    // The address this link proves (lower case).
    .addColumn("email", "text", (c) => c.notNull())
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn("expires_at", "timestamptz", (c) => c.notNull())
    .addColumn("used_at", "timestamptz")
    .execute();
  await sql`create index email_tokens_user_idx on email_tokens (user_id, purpose, created_at desc)`.execute(
    db,
  );
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable("email_tokens").execute();
  await db.schema.alterTable("users").dropColumn("email_verified_at").execute();
}
