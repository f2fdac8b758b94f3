import { type Kysely, sql } from "kysely";

// Frozen once shipped: never imports application code.
//
// The relationship behind each advocate. Goals are the advocate's own words
// (they write them on /settings/goals; staff read them). Conversations and
// next steps are the community team's notes and are never shown to the
// advocate. A next step has an owner on staff and a due date; the reminder is
// sent once, and `reminded_at` records that it was.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("advocate_goals")
    .addColumn("id", "integer", (c) => c.primaryKey().generatedByDefaultAsIdentity())
    .addColumn("user_id", "integer", (c) => c.notNull().references("users.id").onDelete("cascade"))
    .addColumn("position", "integer", (c) => c.notNull())
    .addColumn("body", "text", (c) => c.notNull().check(sql`length(body) between 1 and 200`))
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn("updated_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addUniqueConstraint("advocate_goals_position_key", ["user_id", "position"])
    .execute();

  await db.schema
    .createTable("relationship_conversations")
    .addColumn("id", "integer", (c) => c.primaryKey().generatedByDefaultAsIdentity())
    .addColumn("advocate_id", "integer", (c) =>
      c.notNull().references("users.id").onDelete("cascade"),
    )
    .addColumn("author_id", "integer", (c) => c.references("users.id").onDelete("set null"))
    .addColumn("held_at", "timestamptz", (c) => c.notNull())
    .addColumn("notes", "text", (c) => c.notNull())
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await sql`create index relationship_conversations_advocate_idx on relationship_conversations (advocate_id, held_at desc)`.execute(
    db,
  );

  await db.schema
    .createTable("relationship_next_steps")
    .addColumn("id", "integer", (c) => c.primaryKey().generatedByDefaultAsIdentity())
    .addColumn("advocate_id", "integer", (c) =>
      c.notNull().references("users.id").onDelete("cascade"),
    )
    .addColumn("owner_id", "integer", (c) => c.references("users.id").onDelete("set null"))
    .addColumn("body", "text", (c) => c.notNull())
    .addColumn("due_at", "timestamptz", (c) => c.notNull())
    .addColumn("reminded_at", "timestamptz")
    .addColumn("done_at", "timestamptz")
    .addColumn("done_by", "integer", (c) => c.references("users.id").onDelete("set null"))
    .addColumn("created_by", "integer", (c) => c.references("users.id").onDelete("set null"))
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await sql`create index relationship_next_steps_due_idx on relationship_next_steps (due_at) where done_at is null and reminded_at is null`.execute(
    db,
  );
  await sql`create index relationship_next_steps_advocate_idx on relationship_next_steps (advocate_id)`.execute(
    db,
  );
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable("relationship_next_steps").ifExists().execute();
  await db.schema.dropTable("relationship_conversations").ifExists().execute();
  await db.schema.dropTable("advocate_goals").ifExists().execute();
}
