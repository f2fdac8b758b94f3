import { type Kysely, sql } from "kysely";

// Frozen once shipped: never imports application code.
//
// Search in languages the English full-text configuration cannot split into
// words (Chinese has no spaces): trigram indexes on the searchable text, used
// by case-insensitive substring matching next to the ranked full-text search.
// The extension lives in `public` so that one schema's tables never own it
// (test workers drop their own schemas with cascade).
export async function up(db: Kysely<any>): Promise<void> {
  // Two schemas of one database migrating at once must not both create it.
  await sql`select pg_advisory_xact_lock(hashtext('limelight:pg_trgm'))`.execute(db);
  await sql`create extension if not exists pg_trgm with schema public`.execute(db);
  const { rows } = await sql<{ nspname: string }>`
    select n.nspname from pg_opclass c join pg_namespace n on n.oid = c.opcnamespace
    where c.opcname = 'gin_trgm_ops' limit 1`.execute(db);
  const ops = sql`${sql.id(rows[0].nspname)}.gin_trgm_ops`;
  await sql`create index posts_body_trgm_idx on posts using gin (body_text ${ops})`.execute(db);
  await sql`create index threads_title_trgm_idx on threads using gin (title ${ops})`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop index if exists threads_title_trgm_idx`.execute(db);
  await sql`drop index if exists posts_body_trgm_idx`.execute(db);
}
