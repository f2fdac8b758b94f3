import { readFileSync } from "node:fs";
import { randomBytes } from "node:crypto";
import { sql } from "kysely";
import { inject } from "vitest";
import { createDb, type DbHandle } from "../../db/client.ts";
import { migrateToLatest } from "../../db/migrate.ts";

/**
 * A real, migrated, empty database of this test file's own: a PGlite copied
 * from the template, or a fresh schema on the PostgreSQL in DATABASE_URL.
 * Tests never see each other's rows.
 */
export async function createTestDb(): Promise<DbHandle> {
  const databaseUrl = process.env.DATABASE_URL;
  if (databaseUrl) {
    const schema = `test_${process.pid}_${randomBytes(4).toString("hex")}`;
    const handle = await createDb({ databaseUrl, schema, poolSize: 12 });
    await migrateToLatest(handle.db, schema);
    return {
      ...handle,
      close: async () => {
        await sql`drop schema if exists ${sql.id(schema)} cascade`.execute(handle.db);
        await handle.close();
      },
    };
  }
  const template = readFileSync(inject("pgliteTemplate"));
  return createDb({ loadDataDir: new Blob([template]) });
}
