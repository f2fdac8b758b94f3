import { type Kysely, Migrator, type MigrationResultSet } from "kysely";
import { migrations } from "./migrations/index.ts";

export async function migrateToLatest(
  db: Kysely<any>,
  schema = "public",
): Promise<MigrationResultSet> {
  const migrator = new Migrator({
    db,
    provider: { getMigrations: async () => migrations },
    // Each test worker on PostgreSQL has a schema of its own, bookkeeping included.
    migrationTableSchema: schema === "public" ? undefined : schema,
  });
  const result = await migrator.migrateToLatest();
  if (result.error) {
    const failed = result.results?.find((r) => r.status === "Error");
    throw new Error(
      `Migration ${failed?.migrationName ?? "(unknown)"} failed: ${String(result.error)}`,
      {
        cause: result.error,
      },
    );
  }
  return result;
}
