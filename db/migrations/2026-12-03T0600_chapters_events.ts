import { sql, type Kysely } from "kysely";

// Frozen once shipped: never imports application code.
//
// Where advocates are (optional, private unless made public), regional
// chapters with leaders and members, and events with RSVPs and a waitlist.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable("profiles")
    .addColumn("country", "text")
    .addColumn("city", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("is_remote", "boolean", (c) => c.notNull().defaultTo(false))
    .addColumn("location_public", "boolean", (c) => c.notNull().defaultTo(false))
    .execute();
  await db.schema.createIndex("profiles_country_idx").on("profiles").column("country").execute();

  await db.schema
    .createTable("chapters")
    .addColumn("id", "serial", (c) => c.primaryKey())
    .addColumn("slug", "text", (c) => c.notNull().unique())
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("description", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("language", "text", (c) => c.notNull().defaultTo("en"))
    .addColumn("region", "text", (c) => c.notNull())
    .addColumn("country", "text")
    .addColumn("time_zone", "text", (c) => c.notNull().defaultTo("UTC"))
    .addColumn("created_by", "integer", (c) => c.references("users.id").onDelete("set null"))
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .execute();

  await db.schema
    .createTable("chapter_leaders")
    .addColumn("chapter_id", "integer", (c) =>
      c.notNull().references("chapters.id").onDelete("cascade"),
    )
    .addColumn("user_id", "integer", (c) => c.notNull().references("users.id").onDelete("cascade"))
    .addColumn("appointed_by", "integer", (c) => c.references("users.id").onDelete("set null"))
    .addColumn("appointed_at", "timestamptz", (c) => c.notNull())
    .addPrimaryKeyConstraint("chapter_leaders_pk", ["chapter_id", "user_id"])
    .execute();

  await db.schema
    .createTable("chapter_members")
    .addColumn("chapter_id", "integer", (c) =>
      c.notNull().references("chapters.id").onDelete("cascade"),
    )
    .addColumn("user_id", "integer", (c) => c.notNull().references("users.id").onDelete("cascade"))
    .addColumn("joined_at", "timestamptz", (c) => c.notNull())
    .addPrimaryKeyConstraint("chapter_members_pk", ["chapter_id", "user_id"])
    .execute();
  await db.schema
    .createIndex("chapter_members_user_idx")
    .on("chapter_members")
    .column("user_id")
    .execute();

  await db.schema
    .createTable("events")
    .addColumn("id", "serial", (c) => c.primaryKey())
    .addColumn("chapter_id", "integer", (c) => c.references("chapters.id").onDelete("set null"))
    .addColumn("kind", "text", (c) =>
      c.notNull().check(sql`kind in ('meetup', 'webinar', 'seminar', 'user_group')`),
    )
    .addColumn("title", "text", (c) => c.notNull())
    .addColumn("description", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("starts_at", "timestamptz", (c) => c.notNull())
    .addColumn("ends_at", "timestamptz", (c) => c.notNull())
    .addColumn("time_zone", "text", (c) => c.notNull())
    .addColumn("venue", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("online_url", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("capacity", "integer", (c) => c.notNull().check(sql`capacity > 0`))
    .addColumn("status", "text", (c) =>
      c
        .notNull()
        .defaultTo("scheduled")
        .check(sql`status in ('scheduled', 'cancelled')`),
    )
    .addColumn("host_id", "integer", (c) => c.notNull().references("users.id"))
    .addColumn("created_by", "integer", (c) => c.references("users.id").onDelete("set null"))
    .addColumn("attendance_recorded_at", "timestamptz")
    .addColumn("attendance_recorded_by", "integer", (c) =>
      c.references("users.id").onDelete("set null"),
    )
    .addColumn("reminder_sent_at", "timestamptz")
    .addColumn("recording_item_id", "integer")
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn("updated_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addCheckConstraint("events_end_after_start", sql`ends_at > starts_at`)
    .execute();
  await db.schema.createIndex("events_starts_idx").on("events").column("starts_at").execute();
  await db.schema
    .createIndex("events_chapter_idx")
    .on("events")
    .columns(["chapter_id", "starts_at"])
    .execute();

  await db.schema
    .createTable("event_speakers")
    .addColumn("event_id", "integer", (c) =>
      c.notNull().references("events.id").onDelete("cascade"),
    )
    .addColumn("user_id", "integer", (c) => c.notNull().references("users.id").onDelete("cascade"))
    .addColumn("talk_id", "integer", (c) => c.references("talks.id").onDelete("set null"))
    .addPrimaryKeyConstraint("event_speakers_pk", ["event_id", "user_id"])
    .execute();

  await db.schema
    .createTable("event_rsvps")
    .addColumn("id", "serial", (c) => c.primaryKey())
    .addColumn("event_id", "integer", (c) =>
      c.notNull().references("events.id").onDelete("cascade"),
    )
    .addColumn("user_id", "integer", (c) => c.notNull().references("users.id").onDelete("cascade"))
    .addColumn("status", "text", (c) =>
      c.notNull().check(sql`status in ('going', 'waitlisted', 'cancelled')`),
    )
    // Waitlist order: when the person asked for their current place.
    .addColumn("queued_at", "timestamptz", (c) => c.notNull())
    .addColumn("attended", "boolean")
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn("updated_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addUniqueConstraint("event_rsvps_person", ["event_id", "user_id"])
    .execute();
  await db.schema
    .createIndex("event_rsvps_queue_idx")
    .on("event_rsvps")
    .columns(["event_id", "status", "queued_at"])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of [
    "event_rsvps",
    "event_speakers",
    "events",
    "chapter_members",
    "chapter_leaders",
    "chapters",
  ])
    await db.schema.dropTable(table).ifExists().execute();
  await db.schema.dropIndex("profiles_country_idx").ifExists().execute();
  await db.schema
    .alterTable("profiles")
    .dropColumn("country")
    .dropColumn("city")
    .dropColumn("is_remote")
    .dropColumn("location_public")
    .execute();
}
