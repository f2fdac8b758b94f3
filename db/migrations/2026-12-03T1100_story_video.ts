import type { Kysely } from "kysely";

// Frozen once shipped: never imports application code.
//
// A case study can carry a video (an https address) and its transcript, on the
// working copy and on every published version alike.
export async function up(db: Kysely<any>): Promise<void> {
  for (const table of ["case_studies", "case_study_versions"]) {
    await db.schema
      .alterTable(table)
      .addColumn("video_url", "text", (c) => c.notNull().defaultTo(""))
      .execute();
    await db.schema
      .alterTable(table)
      .addColumn("video_transcript", "text", (c) => c.notNull().defaultTo(""))
      .execute();
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of ["case_studies", "case_study_versions"])
    await db.schema
      .alterTable(table)
      .dropColumn("video_url")
      .dropColumn("video_transcript")
      .execute();
}
