import { type Kysely, sql } from "kysely";

// Frozen once shipped: never imports application code.
//
// NPS surveys sent from the product. A survey has recipients, each with a
// personal single-use link (only its SHA-256 is stored); an answer is written
// into nps_responses like an imported one, and the recipient row points at
// it. Detractors open a follow-up for a manager. Promoters may publish a
// recommendation, with explicit consent, as a testimonial that its author can
// withdraw at any time.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("nps_surveys")
    .addColumn("id", "integer", (c) => c.primaryKey().generatedByDefaultAsIdentity())
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("question", "text", (c) => c.notNull())
    .addColumn("follow_up", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("audience", "text", (c) =>
      c.notNull().check(sql`audience in ('contacts', 'members', 'list')`),
    )
    .addColumn("send_at", "timestamptz", (c) => c.notNull())
    .addColumn("sent_at", "timestamptz")
    .addColumn("created_by", "integer", (c) => c.references("users.id").onDelete("set null"))
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .execute();

  await db.schema
    .createTable("nps_survey_recipients")
    .addColumn("id", "integer", (c) => c.primaryKey().generatedByDefaultAsIdentity())
    .addColumn("survey_id", "integer", (c) =>
      c.notNull().references("nps_surveys.id").onDelete("cascade"),
    )
    .addColumn("email", "text", (c) => c.notNull())
    .addColumn("name", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("company", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("user_id", "integer", (c) => c.references("users.id").onDelete("set null"))
    .addColumn("token_hash", "text", (c) => c.notNull().unique())
    .addColumn("sent_at", "timestamptz")
    .addColumn("answered_at", "timestamptz")
    .addColumn("response_id", "integer", (c) =>
      c.references("nps_responses.id").onDelete("set null"),
    )
    // What a passive says would make it a 10.
    .addColumn("improvement", "text", (c) => c.notNull().defaultTo(""))
    // The moment after the answer is over (recommended, declined or answered the extra question).
    .addColumn("moment_done_at", "timestamptz")
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await sql`create unique index nps_survey_recipients_person_key on nps_survey_recipients (survey_id, lower(email))`.execute(
    db,
  );
  await sql`create index nps_survey_recipients_email_idx on nps_survey_recipients (lower(email), sent_at desc)`.execute(
    db,
  );

  await db.schema
    .createTable("nps_follow_ups")
    .addColumn("id", "integer", (c) => c.primaryKey().generatedByDefaultAsIdentity())
    .addColumn("response_id", "integer", (c) =>
      c.notNull().unique().references("nps_responses.id").onDelete("cascade"),
    )
    .addColumn("survey_id", "integer", (c) => c.references("nps_surveys.id").onDelete("set null"))
    .addColumn("owner_id", "integer", (c) => c.references("users.id").onDelete("set null"))
    .addColumn("due_at", "timestamptz", (c) => c.notNull())
    .addColumn("notes", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("outcome", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("closed_at", "timestamptz")
    .addColumn("closed_by", "integer", (c) => c.references("users.id").onDelete("set null"))
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await sql`create index nps_follow_ups_open_idx on nps_follow_ups (due_at) where closed_at is null`.execute(
    db,
  );

  await db.schema
    .createTable("testimonials")
    .addColumn("id", "integer", (c) => c.primaryKey().generatedByDefaultAsIdentity())
    // The survey answer it came from; one testimonial per answer.
    .addColumn("response_id", "integer", (c) =>
      c.unique().references("nps_responses.id").onDelete("set null"),
    )
    .addColumn("author_email", "text", (c) => c.notNull())
    .addColumn("user_id", "integer", (c) => c.references("users.id").onDelete("set null"))
    .addColumn("body", "text", (c) => c.notNull())
    .addColumn("credit", "text", (c) =>
      c.notNull().check(sql`credit in ('name', 'title', 'company', 'initials')`),
    )
    .addColumn("credit_line", "text", (c) => c.notNull())
    .addColumn("industry", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("product_area", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("score", "integer", (c) => c.notNull().check(sql`score between 9 and 10`))
    .addColumn("consented_at", "timestamptz", (c) => c.notNull())
    // SHA-256 of the withdrawal link's token, mailed to the author.
    .addColumn("withdraw_token_hash", "text", (c) => c.notNull().unique())
    .addColumn("withdrawn_at", "timestamptz")
    .addColumn("story_id", "integer", (c) => c.references("case_studies.id").onDelete("set null"))
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await sql`create index testimonials_wall_idx on testimonials (created_at desc) where withdrawn_at is null`.execute(
    db,
  );
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable("testimonials").execute();
  await db.schema.dropTable("nps_follow_ups").execute();
  await db.schema.dropTable("nps_survey_recipients").execute();
  await db.schema.dropTable("nps_surveys").execute();
}
