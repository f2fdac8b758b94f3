import { sql, type Kysely } from "kysely";

// Frozen once shipped: never imports application code.
//
// Where an advocate says they are: the country is an ISO 3166-1 alpha-2 code
// or nothing, a remote worker names no city, and the person's own time zone
// (for reminders shown in their time). Finding advocates by a public country
// reads the partial index.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable("profiles").addColumn("time_zone", "text").execute();
  await db.schema
    .alterTable("profiles")
    .addCheckConstraint("profiles_country_code", sql`country is null or country ~ '^[A-Z]{2}$'`)
    .execute();
  await db.schema
    .alterTable("profiles")
    .addCheckConstraint("profiles_remote_has_no_city", sql`not (is_remote and city <> '')`)
    .execute();
  await db.schema
    .createIndex("profiles_public_country_idx")
    .on("profiles")
    .column("country")
    .where(sql.ref("location_public"), "=", true)
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex("profiles_public_country_idx").ifExists().execute();
  await db.schema.alterTable("profiles").dropConstraint("profiles_remote_has_no_city").execute();
  await db.schema.alterTable("profiles").dropConstraint("profiles_country_code").execute();
  await db.schema.alterTable("profiles").dropColumn("time_zone").execute();
}
