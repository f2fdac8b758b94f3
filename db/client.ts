import { mkdirSync } from "node:fs";
import { PGlite } from "@electric-sql/pglite";
import { Kysely, PostgresDialect, type Transaction } from "kysely";
import { PGliteDialect } from "kysely-pglite-dialect";
import pg from "pg";
import type { Database } from "./schema.ts";

export type DB = Kysely<Database>;
/** Either the process-wide handle or a transaction: domain functions accept both. */
export type Queryable = Kysely<Database> | Transaction<Database>;

export interface DbHandle {
  db: DB;
  kind: "postgres" | "pglite";
  /** Schema the handle works in (a test worker's own schema on PostgreSQL). */
  schema: string;
  /** The embedded instance, when there is one (tests dump it as a template). */
  pglite?: PGlite;
  close(): Promise<void>;
}

const INT8 = 20;
const NUMERIC = 1700;

// count(*) and bigint sums come back as strings from pg and as numbers from
// PGlite; make both drivers agree on numbers (our counts stay far below 2^53).
pg.types.setTypeParser(INT8, (v) => Number(v));
pg.types.setTypeParser(NUMERIC, (v) => Number(v));
const pgliteParsers = { [INT8]: (v: string) => Number(v), [NUMERIC]: (v: string) => Number(v) };

export interface CreateDbOptions {
  databaseUrl?: string;
  dataDir?: string;
  /** PostgreSQL only: work inside this schema (created if missing). */
  schema?: string;
  /** PGlite only: start from a dumped data directory (test templates). */
  loadDataDir?: Blob | File;
  poolSize?: number;
}

export async function createDb(options: CreateDbOptions): Promise<DbHandle> {
  if (options.databaseUrl) {
    const schema = options.schema ?? "public";
    const pool = new pg.Pool({
      connectionString: options.databaseUrl,
      max: options.poolSize ?? 10,
      options: schema === "public" ? undefined : `-c search_path=${schema}`,
    });
    if (schema !== "public") {
      const client = await pool.connect();
      try {
        await client.query(`create schema if not exists "${schema}"`);
      } finally {
        client.release();
      }
    }
    const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
    return { db, kind: "postgres", schema, close: () => db.destroy() };
  }

  if (options.dataDir) mkdirSync(options.dataDir, { recursive: true });
  const pglite = await PGlite.create({
    dataDir: options.dataDir,
    loadDataDir: options.loadDataDir,
    parsers: pgliteParsers,
  });
  const db = new Kysely<Database>({ dialect: new PGliteDialect(pglite) });
  return {
    db,
    kind: "pglite",
    schema: "public",
    pglite,
    close: async () => {
      await db.destroy();
      if (!pglite.closed) await pglite.close();
    },
  };
}
