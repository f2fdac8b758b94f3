import { sql, type Kysely } from "kysely";

// Frozen once shipped: never imports application code.
//
// The language a member chose for the site and for their mail ("en", "zh",
// "es"); null while they follow their browser (and their mail the
// community's language).
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable("users").addColumn("locale", "text").execute();
  await db.schema
    .alterTable("users")
    .addCheckConstraint("users_locale_known", sql`locale is null or locale in ('en', 'zh', 'es')`)
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable("users").dropConstraint("users_locale_known").execute();
  await db.schema.alterTable("users").dropColumn("locale").execute();
}
