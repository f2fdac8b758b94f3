import { type Kysely, sql } from "kysely";

// Frozen once shipped: never imports application code.
export async function up(db: Kysely<any>): Promise<void> {
  const now = sql`now()`;

  await db.schema
    .createTable("speaking_opportunities")
    .addColumn("id", "integer", (c) => c.primaryKey().generatedByDefaultAsIdentity())
    .addColumn("title", "text", (c) => c.notNull())
    .addColumn("event_name", "text", (c) => c.notNull())
    .addColumn("format", "text", (c) =>
      c.notNull().check(sql`format in ('conference', 'webinar', 'podcast', 'meetup')`),
    )
    .addColumn("starts_at", "timestamptz", (c) => c.notNull())
    .addColumn("time_zone", "text", (c) => c.notNull())
    .addColumn("is_virtual", "boolean", (c) => c.notNull().defaultTo(false))
    .addColumn("location", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("expected_audience", "integer", (c) => c.check(sql`expected_audience >= 0`))
    .addColumn("audience_description", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("topic_md", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("topic_html", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("event_url", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("application_deadline", "timestamptz", (c) => c.notNull())
    .addColumn("status", "text", (c) =>
      c
        .notNull()
        .defaultTo("open")
        .check(sql`status in ('open', 'closed', 'filled')`),
    )
    .addColumn("created_by", "integer", (c) => c.references("users.id").onDelete("set null"))
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(now))
    .addColumn("updated_at", "timestamptz", (c) => c.notNull().defaultTo(now))
    .execute();
  await db.schema
    .createIndex("speaking_opportunities_listing_idx")
    .on("speaking_opportunities")
    .columns(["status", "starts_at"])
    .execute();

  await db.schema
    .createTable("speaking_applications")
    .addColumn("id", "integer", (c) => c.primaryKey().generatedByDefaultAsIdentity())
    .addColumn("opportunity_id", "integer", (c) =>
      c.notNull().references("speaking_opportunities.id").onDelete("cascade"),
    )
    .addColumn("advocate_id", "integer", (c) =>
      c.notNull().references("users.id").onDelete("cascade"),
    )
    .addColumn("talk_title", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("pitch", "text", (c) => c.notNull())
    .addColumn("status", "text", (c) =>
      c
        .notNull()
        .defaultTo("pending")
        .check(sql`status in ('pending', 'shortlisted', 'accepted', 'declined', 'withdrawn')`),
    )
    .addColumn("decision_message", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("decided_by", "integer", (c) => c.references("users.id").onDelete("set null"))
    .addColumn("decided_at", "timestamptz")
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(now))
    .addColumn("updated_at", "timestamptz", (c) => c.notNull().defaultTo(now))
    .addUniqueConstraint("speaking_applications_once_key", ["opportunity_id", "advocate_id"])
    .execute();
  await db.schema
    .createIndex("speaking_applications_advocate_idx")
    .on("speaking_applications")
    .column("advocate_id")
    .execute();
  await db.schema
    .createIndex("speaking_applications_status_idx")
    .on("speaking_applications")
    .column("status")
    .execute();

  await db.schema
    .createTable("talks")
    .addColumn("id", "integer", (c) => c.primaryKey().generatedByDefaultAsIdentity())
    .addColumn("speaker_id", "integer", (c) =>
      c.notNull().references("users.id").onDelete("cascade"),
    )
    .addColumn("origin", "text", (c) =>
      c.notNull().check(sql`origin in ('opportunity', 'self_reported')`),
    )
    .addColumn("opportunity_id", "integer", (c) =>
      c.references("speaking_opportunities.id").onDelete("set null"),
    )
    .addColumn("application_id", "integer", (c) =>
      c.unique().references("speaking_applications.id").onDelete("set null"),
    )
    .addColumn("title", "text", (c) => c.notNull())
    .addColumn("event_name", "text", (c) => c.notNull())
    .addColumn("format", "text", (c) =>
      c.notNull().check(sql`format in ('conference', 'webinar', 'podcast', 'meetup')`),
    )
    .addColumn("given_at", "timestamptz", (c) => c.notNull())
    .addColumn("time_zone", "text", (c) => c.notNull())
    .addColumn("is_virtual", "boolean", (c) => c.notNull().defaultTo(false))
    .addColumn("location", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("abstract", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("event_url", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("status", "text", (c) =>
      c
        .notNull()
        .defaultTo("scheduled")
        .check(sql`status in ('scheduled', 'pending', 'verified', 'rejected')`),
    )
    .addColumn("recording_url", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("slides_url", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("attendance", "integer", (c) => c.check(sql`attendance >= 0`))
    .addColumn("evidence_note", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("evidence_at", "timestamptz")
    .addColumn("decided_by", "integer", (c) => c.references("users.id").onDelete("set null"))
    .addColumn("decided_at", "timestamptz")
    .addColumn("rejection_reason", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("verification_count", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("award_key", "text")
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(now))
    .addColumn("updated_at", "timestamptz", (c) => c.notNull().defaultTo(now))
    .execute();
  await db.schema
    .createIndex("talks_speaker_idx")
    .on("talks")
    .columns(["speaker_id", "given_at"])
    .execute();
  await db.schema
    .createIndex("talks_status_idx")
    .on("talks")
    .columns(["status", "given_at"])
    .execute();

  await db.schema
    .createTable("case_studies")
    .addColumn("id", "integer", (c) => c.primaryKey().generatedByDefaultAsIdentity())
    .addColumn("slug", "text", (c) => c.notNull().unique())
    .addColumn("author_id", "integer", (c) =>
      c.notNull().references("users.id").onDelete("cascade"),
    )
    .addColumn("status", "text", (c) =>
      c
        .notNull()
        .defaultTo("draft")
        .check(
          sql`status in ('proposed', 'draft', 'submitted', 'changes_requested', 'published', 'declined', 'withdrawn', 'unpublished')`,
        ),
    )
    .addColumn("title", "text", (c) => c.notNull())
    .addColumn("company", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("industry", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("product_area", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("challenge_md", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("challenge_html", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("solution_md", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("solution_html", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("results_md", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("results_html", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("pull_quote", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("metrics", "jsonb", (c) => c.notNull().defaultTo(sql`'[]'::jsonb`))
    .addColumn("consent_at", "timestamptz")
    .addColumn("source_type", "text")
    .addColumn("source_id", "text")
    .addColumn("started_by", "integer", (c) => c.references("users.id").onDelete("set null"))
    .addColumn("live_version_id", "integer")
    .addColumn("publication_count", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("award_key", "text")
    .addColumn("submitted_at", "timestamptz")
    .addColumn("published_at", "timestamptz")
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(now))
    .addColumn("updated_at", "timestamptz", (c) => c.notNull().defaultTo(now))
    .execute();
  await db.schema
    .createIndex("case_studies_author_idx")
    .on("case_studies")
    .column("author_id")
    .execute();
  await db.schema
    .createIndex("case_studies_status_idx")
    .on("case_studies")
    .column("status")
    .execute();
  await db.schema
    .createIndex("case_studies_source_idx")
    .on("case_studies")
    .columns(["source_type", "source_id"])
    .execute();

  await db.schema
    .createTable("case_study_versions")
    .addColumn("id", "integer", (c) => c.primaryKey().generatedByDefaultAsIdentity())
    .addColumn("case_study_id", "integer", (c) =>
      c.notNull().references("case_studies.id").onDelete("cascade"),
    )
    .addColumn("version", "integer", (c) => c.notNull())
    .addColumn("title", "text", (c) => c.notNull())
    .addColumn("company", "text", (c) => c.notNull())
    .addColumn("industry", "text", (c) => c.notNull())
    .addColumn("product_area", "text", (c) => c.notNull())
    .addColumn("challenge_md", "text", (c) => c.notNull())
    .addColumn("challenge_html", "text", (c) => c.notNull())
    .addColumn("solution_md", "text", (c) => c.notNull())
    .addColumn("solution_html", "text", (c) => c.notNull())
    .addColumn("results_md", "text", (c) => c.notNull())
    .addColumn("results_html", "text", (c) => c.notNull())
    .addColumn("pull_quote", "text", (c) => c.notNull())
    .addColumn("metrics", "jsonb", (c) => c.notNull())
    .addColumn("published_by", "integer", (c) => c.references("users.id").onDelete("set null"))
    .addColumn("published_at", "timestamptz", (c) => c.notNull().defaultTo(now))
    .addUniqueConstraint("case_study_versions_number_key", ["case_study_id", "version"])
    .execute();
  await db.schema
    .alterTable("case_studies")
    .addForeignKeyConstraint(
      "case_studies_live_version_fkey",
      ["live_version_id"],
      "case_study_versions",
      ["id"],
    )
    .onDelete("set null")
    .execute();
  await db.schema
    .createIndex("case_study_versions_industry_idx")
    .on("case_study_versions")
    .columns(["industry", "product_area"])
    .execute();

  await db.schema
    .createTable("case_study_events")
    .addColumn("id", "integer", (c) => c.primaryKey().generatedByDefaultAsIdentity())
    .addColumn("case_study_id", "integer", (c) =>
      c.notNull().references("case_studies.id").onDelete("cascade"),
    )
    .addColumn("actor_id", "integer", (c) => c.references("users.id").onDelete("set null"))
    .addColumn("action", "text", (c) => c.notNull())
    .addColumn("comment", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(now))
    .execute();
  await db.schema
    .createIndex("case_study_events_story_idx")
    .on("case_study_events")
    .columns(["case_study_id", "created_at"])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable("case_studies")
    .dropConstraint("case_studies_live_version_fkey")
    .execute();
  for (const table of [
    "case_study_events",
    "case_study_versions",
    "case_studies",
    "talks",
    "speaking_applications",
    "speaking_opportunities",
  ]) {
    await db.schema.dropTable(table).execute();
  }
}
