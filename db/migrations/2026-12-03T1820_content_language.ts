import { sql, type Kysely } from "kysely";

// Frozen once shipped: never imports application code.
//
// Content has a language: each thread, case study (and its published
// versions) and early-access item records the one it is written in, one of
// the shipped languages. What was written before is sorted by its letters:
// Han characters are Chinese, Spanish's own marks (ñ ¿ ¡ and accented vowels)
// Spanish, the rest English; authors can correct it. A member may list the
// languages they read (none listed: all of them).
const TABLES = ["threads", "case_studies", "case_study_versions", "early_access_items"] as const;
const TEXT: Record<(typeof TABLES)[number], string> = {
  threads: "title",
  case_studies: "title || ' ' || challenge_md",
  case_study_versions: "title || ' ' || challenge_md",
  early_access_items: "title || ' ' || summary",
};

export async function up(db: Kysely<any>): Promise<void> {
  for (const table of TABLES) {
    await db.schema
      .alterTable(table)
      .addColumn("language", "text", (c) => c.notNull().defaultTo("en"))
      .execute();
    await db.schema
      .alterTable(table)
      .addCheckConstraint(`${table}_language_shipped`, sql`language in ('en', 'zh', 'es')`)
      .execute();
    const text = sql.raw(TEXT[table]);
    await sql`update ${sql.table(table)} set language = case
        when ${text} ~ '[一-鿿]' then 'zh'
        when ${text} ~* '[ñ¿¡áéíóú]' then 'es'
        else 'en' end`.execute(db);
  }
  await db.schema
    .createIndex("threads_language_idx")
    .on("threads")
    .columns(["language", "last_activity_at"])
    .execute();
  await db.schema
    .alterTable("users")
    .addColumn("read_languages", sql`text[]`, (c) => c.notNull().defaultTo(sql`'{}'::text[]`))
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable("users").dropColumn("read_languages").execute();
  await db.schema.dropIndex("threads_language_idx").ifExists().execute();
  for (const table of TABLES) await db.schema.alterTable(table).dropColumn("language").execute();
}
