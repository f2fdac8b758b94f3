import { type Kysely, sql } from "kysely";

// Frozen: this migration never imports application code and is never edited once shipped.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("users")
    .addColumn("id", "integer", (c) => c.primaryKey().generatedByDefaultAsIdentity())
    .addColumn("email", "text", (c) => c.notNull())
    .addColumn("handle", "text", (c) => c.notNull())
    .addColumn("display_name", "text", (c) => c.notNull())
    .addColumn("password_hash", "text")
    .addColumn("role", "text", (c) =>
      c
        .notNull()
        .defaultTo("prospect")
        .check(sql`role in ('prospect', 'advocate', 'manager', 'admin')`),
    )
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn("updated_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn("verified_customer_at", "timestamptz")
    .addColumn("verified_by", "integer", (c) => c.references("users.id").onDelete("set null"))
    .execute();
  await sql`create unique index users_email_key on users (lower(email))`.execute(db);
  await sql`create unique index users_handle_key on users (lower(handle))`.execute(db);
  await db.schema.createIndex("users_role_idx").on("users").column("role").execute();

  await db.schema
    .createTable("profiles")
    .addColumn("user_id", "integer", (c) =>
      c.primaryKey().references("users.id").onDelete("cascade"),
    )
    .addColumn("headline", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("company", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("job_title", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("industry", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("location", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("bio_md", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("bio_html", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("expertise", sql`text[]`, (c) => c.notNull().defaultTo(sql`'{}'::text[]`))
    .addColumn("linkedin_url", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("blog_url", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("website_url", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("open_to_speaking", "boolean", (c) => c.notNull().defaultTo(false))
    .addColumn("open_to_references", "boolean", (c) => c.notNull().defaultTo(false))
    .addColumn("open_to_case_studies", "boolean", (c) => c.notNull().defaultTo(false))
    .addColumn("open_to_mentoring", "boolean", (c) => c.notNull().defaultTo(false))
    .addColumn("is_public", "boolean", (c) => c.notNull().defaultTo(true))
    .addColumn("updated_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await sql`create index profiles_expertise_idx on profiles using gin (expertise)`.execute(db);
  await db.schema.createIndex("profiles_industry_idx").on("profiles").column("industry").execute();

  await db.schema
    .createTable("sessions")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("user_id", "integer", (c) => c.notNull().references("users.id").onDelete("cascade"))
    .addColumn("expires_at", "timestamptz", (c) => c.notNull())
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn("ip", "text")
    .addColumn("user_agent", "text")
    .execute();
  await db.schema.createIndex("sessions_user_idx").on("sessions").column("user_id").execute();

  await db.schema
    .createTable("audit_log")
    .addColumn("id", "integer", (c) => c.primaryKey().generatedByDefaultAsIdentity())
    .addColumn("actor_id", "integer", (c) => c.references("users.id").onDelete("set null"))
    .addColumn("action", "text", (c) => c.notNull())
    .addColumn("subject_type", "text", (c) => c.notNull())
    .addColumn("subject_id", "text", (c) => c.notNull())
    .addColumn("reason", "text")
    .addColumn("details", "jsonb", (c) => c.notNull().defaultTo(sql`'{}'::jsonb`))
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema
    .createIndex("audit_log_subject_idx")
    .on("audit_log")
    .columns(["subject_type", "subject_id", "created_at"])
    .execute();
  await db.schema
    .createIndex("audit_log_created_idx")
    .on("audit_log")
    .column("created_at")
    .execute();

  await db.schema
    .createTable("auth_attempts")
    .addColumn("id", "integer", (c) => c.primaryKey().generatedByDefaultAsIdentity())
    .addColumn("scope", "text", (c) => c.notNull())
    .addColumn("key", "text", (c) => c.notNull())
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema
    .createIndex("auth_attempts_lookup_idx")
    .on("auth_attempts")
    .columns(["scope", "key", "created_at"])
    .execute();

  await db.schema
    .createTable("settings")
    .addColumn("key", "text", (c) => c.primaryKey())
    .addColumn("value", "jsonb", (c) => c.notNull())
    .addColumn("updated_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn("updated_by", "integer", (c) => c.references("users.id").onDelete("set null"))
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of ["settings", "auth_attempts", "audit_log", "sessions", "profiles", "users"]) {
    await db.schema.dropTable(table).execute();
  }
}
