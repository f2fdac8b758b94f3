import { type Kysely, sql } from "kysely";

// Frozen once shipped: never imports application code.
//
// Promoters and return on relationship: NPS survey responses (imported from
// CSV or entered by hand), single-use invitations for promoters to join,
// reference requests between prospects and advocates (consent first, with a
// monthly cap per advocate), and referrals tracked through stages to revenue.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("nps_imports")
    .addColumn("id", "integer", (c) => c.primaryKey().generatedByDefaultAsIdentity())
    .addColumn("file_name", "text", (c) => c.notNull())
    .addColumn("imported_by", "integer", (c) => c.references("users.id").onDelete("set null"))
    .addColumn("rows_in_file", "integer", (c) => c.notNull())
    .addColumn("rows_added", "integer", (c) => c.notNull())
    .addColumn("rows_skipped", "integer", (c) => c.notNull())
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .execute();

  await db.schema
    .createTable("nps_responses")
    .addColumn("id", "integer", (c) => c.primaryKey().generatedByDefaultAsIdentity())
    .addColumn("email", "text", (c) => c.notNull())
    .addColumn("name", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("company", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("score", "integer", (c) => c.notNull().check(sql`score between 0 and 10`))
    .addColumn("comment", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("responded_at", "timestamptz", (c) => c.notNull())
    .addColumn("import_id", "integer", (c) => c.references("nps_imports.id").onDelete("set null"))
    .addColumn("entered_by", "integer", (c) => c.references("users.id").onDelete("set null"))
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  // The same person answering at the same moment is the same response: re-imports add nothing.
  await sql`create unique index nps_responses_email_responded_key on nps_responses (lower(email), responded_at)`.execute(
    db,
  );
  await sql`create index nps_responses_responded_idx on nps_responses (responded_at)`.execute(db);

  await db.schema
    .createTable("promoter_invitations")
    .addColumn("id", "integer", (c) => c.primaryKey().generatedByDefaultAsIdentity())
    // SHA-256 (hex) of the token in the link; the token itself is never stored.
    .addColumn("token_hash", "text", (c) => c.notNull().unique())
    .addColumn("email", "text", (c) => c.notNull())
    .addColumn("name", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("company", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("response_id", "integer", (c) =>
      c.references("nps_responses.id").onDelete("set null"),
    )
    .addColumn("invited_by", "integer", (c) => c.references("users.id").onDelete("set null"))
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn("expires_at", "timestamptz", (c) => c.notNull())
    .addColumn("used_at", "timestamptz")
    .addColumn("used_by", "integer", (c) => c.references("users.id").onDelete("set null"))
    .addColumn("revoked_at", "timestamptz")
    .execute();
  await sql`create index promoter_invitations_email_idx on promoter_invitations (lower(email), created_at desc)`.execute(
    db,
  );

  await db.schema
    .createTable("reference_settings")
    .addColumn("user_id", "integer", (c) =>
      c.primaryKey().references("users.id").onDelete("cascade"),
    )
    .addColumn("monthly_cap", "integer", (c) =>
      c
        .notNull()
        .defaultTo(2)
        .check(sql`monthly_cap between 0 and 20`),
    )
    .addColumn("updated_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .execute();

  await db.schema
    .createTable("reference_requests")
    .addColumn("id", "integer", (c) => c.primaryKey().generatedByDefaultAsIdentity())
    .addColumn("advocate_id", "integer", (c) => c.notNull().references("users.id"))
    .addColumn("prospect_id", "integer", (c) => c.notNull().references("users.id"))
    .addColumn("requested_by", "integer", (c) => c.notNull().references("users.id"))
    .addColumn("topic", "text", (c) => c.notNull())
    .addColumn("context", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("preferred_times", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("status", "text", (c) =>
      c
        .notNull()
        .check(
          sql`status in ('queued', 'pending', 'accepted', 'declined', 'completed', 'cancelled')`,
        ),
    )
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    // When the request reached the advocate (queued requests wait for room under the cap).
    .addColumn("delivered_at", "timestamptz")
    .addColumn("responded_at", "timestamptz")
    .addColumn("advocate_completed_at", "timestamptz")
    .addColumn("prospect_completed_at", "timestamptz")
    .addColumn("completed_at", "timestamptz")
    .addColumn("helpful", "boolean")
    .addColumn("cancelled_by", "integer", (c) => c.references("users.id"))
    .addColumn("cancel_reason", "text")
    .addColumn("updated_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await sql`create index reference_requests_advocate_idx on reference_requests (advocate_id, status, delivered_at)`.execute(
    db,
  );
  await sql`create index reference_requests_prospect_idx on reference_requests (prospect_id, advocate_id, created_at desc)`.execute(
    db,
  );
  await sql`create index reference_requests_status_idx on reference_requests (status, created_at)`.execute(
    db,
  );

  await db.schema
    .createTable("referrals")
    .addColumn("id", "integer", (c) => c.primaryKey().generatedByDefaultAsIdentity())
    .addColumn("advocate_id", "integer", (c) => c.notNull().references("users.id"))
    .addColumn("contact_name", "text", (c) => c.notNull())
    .addColumn("contact_email", "text", (c) => c.notNull())
    .addColumn("company", "text", (c) => c.notNull())
    .addColumn("note", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("consent_confirmed_at", "timestamptz", (c) => c.notNull())
    .addColumn("stage", "text", (c) =>
      c
        .notNull()
        .defaultTo("submitted")
        .check(sql`stage in ('submitted', 'contacted', 'qualified', 'won', 'lost')`),
    )
    // Money in cents of the program currency, recorded only on a win.
    .addColumn("revenue_cents", "bigint")
    .addColumn("margin_cents", "bigint")
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn("stage_changed_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn("stage_changed_by", "integer", (c) => c.references("users.id"))
    .addCheckConstraint(
      "referrals_money_only_when_won",
      sql`stage = 'won' or (revenue_cents is null and margin_cents is null)`,
    )
    .addCheckConstraint(
      "referrals_won_has_money",
      sql`stage <> 'won' or (revenue_cents is not null and margin_cents is not null and revenue_cents >= 0 and margin_cents <= revenue_cents)`,
    )
    .execute();
  await sql`create index referrals_advocate_idx on referrals (advocate_id, created_at desc)`.execute(
    db,
  );
  await sql`create index referrals_stage_idx on referrals (stage, stage_changed_at)`.execute(db);
  await sql`create unique index referrals_open_contact_key on referrals (lower(contact_email)) where stage in ('submitted', 'contacted', 'qualified')`.execute(
    db,
  );
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of [
    "referrals",
    "reference_requests",
    "reference_settings",
    "promoter_invitations",
    "nps_responses",
    "nps_imports",
  ]) {
    await db.schema.dropTable(table).execute();
  }
}
