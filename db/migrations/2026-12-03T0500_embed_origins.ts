import type { Kysely } from "kysely";

// Frozen once shipped: never imports application code.
//
// The websites an admin allows to show Limelight's embeddable widgets in a
// frame (Content-Security-Policy frame-ancestors).
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("embed_origins")
    .addColumn("origin", "text", (c) => c.primaryKey())
    .addColumn("added_by", "integer", (c) => c.references("users.id").onDelete("set null"))
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(db.fn("now")))
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable("embed_origins").ifExists().execute();
}
