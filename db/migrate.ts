import {
  type DatabaseIntrospector,
  type Kysely,
  Migrator,
  type MigrationResultSet,
  sql,
  type TableMetadata,
} from "kysely";
import { migrations } from "./migrations/index.ts";

export async function migrateToLatest(
  db: Kysely<any>,
  schema = "public",
): Promise<MigrationResultSet> {
  const migrator = new Migrator({
    db: withNarrowIntrospection(db, schema),
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

/**
 * The migrator asks the introspector only whether its own bookkeeping tables
 * exist. Kysely's PostgreSQL introspector answers by describing every column
 * of every table in every schema, calling functions that fail when another
 * schema is dropped at that moment, so a database shared by several
 * deployments (or test runs) could fail a migration that had nothing to do
 * with the schema being dropped. This one lists the table names of our own
 * schema only, straight from the catalog, with no per-table lookups.
 */
function withNarrowIntrospection(db: Kysely<any>, schema: string): Kysely<any> {
  const introspection: DatabaseIntrospector = {
    async getSchemas() {
      return [{ name: schema }];
    },
    async getTables(): Promise<TableMetadata[]> {
      const { rows } = await sql<{ name: string; schema: string }>`
        select c.relname as name, n.nspname as schema
        from pg_catalog.pg_class c
        join pg_catalog.pg_namespace n on n.oid = c.relnamespace
        where c.relkind in ('r', 'p', 'v')
          and n.nspname = ${schema === "public" ? sql`current_schema()` : schema}
      `.execute(db);
      return rows.map((row) => ({ ...row, isView: false, columns: [] }));
    },
    async getMetadata() {
      return { tables: await this.getTables() };
    },
  };
  return new Proxy(db, {
    get(target, property) {
      if (property === "introspection") return introspection;
      const value = Reflect.get(target, property, target);
      return typeof value === "function" ? value.bind(target) : value;
    },
  });
}
