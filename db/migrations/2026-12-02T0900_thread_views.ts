import type { Kysely } from "kysely";

// Frozen once shipped: never imports application code.
//
// When each signed-in person last opened each thread page, so that mail about
// a reply they have already read on the site is not sent.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("thread_views")
    .addColumn("user_id", "integer", (c) => c.notNull().references("users.id").onDelete("cascade"))
    .addColumn("thread_id", "integer", (c) =>
      c.notNull().references("threads.id").onDelete("cascade"),
    )
    .addColumn("seen_at", "timestamptz", (c) => c.notNull())
    .addPrimaryKeyConstraint("thread_views_pk", ["user_id", "thread_id"])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable("thread_views").ifExists().execute();
}
