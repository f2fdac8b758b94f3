import { sql, type Kysely } from "kysely";

/**
 * Promoter invitations go out by email and are followed by reminders: each
 * reminder carries a fresh link (only hashes are stored, so the first link
 * cannot be repeated), and every link sent for an invitation keeps working
 * until it is used, revoked or expires. A person who deletes their account
 * keeps their row (the reputation ledger still points at it) with the time
 * of deletion.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable("promoter_invitations")
    .addColumn("reminders_sent", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("last_sent_at", "timestamptz")
    .addColumn("reminder_token_hashes", sql`text[]`, (c) => c.notNull().defaultTo(sql`'{}'`))
    .execute();
  await sql`create index promoter_invitations_reminder_links_idx
    on promoter_invitations using gin (reminder_token_hashes)`.execute(db);
  await db.schema.alterTable("users").addColumn("deleted_at", "timestamptz").execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable("users").dropColumn("deleted_at").execute();
  await sql`drop index promoter_invitations_reminder_links_idx`.execute(db);
  await db.schema
    .alterTable("promoter_invitations")
    .dropColumn("reminder_token_hashes")
    .dropColumn("last_sent_at")
    .dropColumn("reminders_sent")
    .execute();
}
