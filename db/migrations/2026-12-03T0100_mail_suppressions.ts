import { type Kysely, sql } from "kysely";

// Frozen once shipped: never imports application code.
//
// Addresses that asked, through a signed link in a message, for no more mail
// of one group (promoter invitations, surveys, or all of it). Keyed by the
// normalised address, because the people it protects have no account.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("mail_suppressions")
    .addColumn("email", "text", (c) => c.notNull())
    .addColumn("scope", "text", (c) =>
      c.notNull().check(sql`scope in ('invitations', 'surveys', 'all')`),
    )
    // How it was asked for: the page's button, or a mail client's one-click POST.
    .addColumn("source", "text", (c) => c.notNull())
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint("mail_suppressions_pk", ["email", "scope"])
    .addCheckConstraint("mail_suppressions_email_normalised", sql`email = lower(btrim(email))`)
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable("mail_suppressions").execute();
}
