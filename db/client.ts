import { mkdirSync } from "node:fs";
import { PGlite } from "@electric-sql/pglite";
import { pg_trgm } from "@electric-sql/pglite/contrib/pg_trgm";
import { Kysely, PostgresDialect, sql, type Transaction } from "kysely";
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
  /** Whether the database answers (PostgreSQL can go away; the embedded one cannot). */
  health: DatabaseHealth;
  close(): Promise<void>;
}

export interface DatabaseHealth {
  /**
   * False from the moment a connection to PostgreSQL fails until a probe gets
   * through again, so requests can be refused at once instead of each waiting
   * on a dead database.
   */
  readonly available: boolean;
  /** Asks the database now; false when it fails or has not answered within timeoutMs. */
  check(timeoutMs?: number): Promise<boolean>;
}

/** Time limits on PostgreSQL connections, in milliseconds (0 turns one off). */
export interface PoolTimeouts {
  /** Opening a connection, or waiting for a free one in the pool. */
  connectMs: number;
  /** One statement on the server. */
  statementMs: number;
  /** A transaction left open with nothing running: the server ends the session, releasing its locks. */
  idleInTransactionMs: number;
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
  /** PostgreSQL only: limits that keep a hung or vanished database from holding requests. */
  timeouts?: PoolTimeouts;
  /** Told when the connection to PostgreSQL is lost and when it is back. */
  onAvailabilityChange?: (available: boolean, error?: unknown) => void;
}

/** SQLSTATE of a session ended by idle_in_transaction_session_timeout. */
const IDLE_IN_TRANSACTION_ENDED = "25P03";

/** How often a lost PostgreSQL is asked whether it is back. */
const PROBE_INTERVAL_MS = 500;

/**
 * Health of a database handle: a `select 1` that never waits longer than asked
 * (one probe at a time, however many callers ask), and, on PostgreSQL, an
 * availability flag kept by the pool's connection errors and a probe loop.
 */
function createHealth(
  db: () => DB,
  onChange?: (available: boolean, error?: unknown) => void,
): DatabaseHealth & { lost(error: unknown): void; stop(): void } {
  let available = true;
  let stopped = false;
  let probing: Promise<boolean> | undefined;
  let timer: NodeJS.Timeout | undefined;
  const probe = () =>
    (probing ??= sql`select 1`
      .execute(db())
      .then(
        () => true,
        () => false,
      )
      .finally(() => (probing = undefined)));
  const watch = () => {
    timer = setTimeout(async () => {
      if (await probe()) {
        available = true;
        timer = undefined;
        onChange?.(true);
      } else if (!stopped) watch();
    }, PROBE_INTERVAL_MS);
    timer.unref();
  };
  return {
    get available() {
      return available;
    },
    async check(timeoutMs = 1000) {
      let timeout: NodeJS.Timeout | undefined;
      const late = new Promise<boolean>((resolve) => {
        timeout = setTimeout(() => resolve(false), timeoutMs);
      });
      try {
        return await Promise.race([probe(), late]);
      } finally {
        clearTimeout(timeout);
      }
    },
    stop() {
      stopped = true;
      clearTimeout(timer);
    },
    lost(error) {
      if (!available || stopped) return;
      available = false;
      onChange?.(false, error);
      if (!timer) watch();
    },
  };
}

export async function createDb(options: CreateDbOptions): Promise<DbHandle> {
  if (options.databaseUrl) {
    const schema = options.schema ?? "public";
    const timeouts = options.timeouts;
    const pool = new pg.Pool({
      connectionString: options.databaseUrl,
      max: options.poolSize ?? 10,
      options: schema === "public" ? undefined : `-c search_path=${schema}`,
      connectionTimeoutMillis: timeouts?.connectMs || undefined,
      statement_timeout: timeouts?.statementMs || undefined,
      idle_in_transaction_session_timeout: timeouts?.idleInTransactionMs || undefined,
      // A frozen server never sends the statement timeout's error: the client stops waiting too.
      query_timeout: timeouts?.statementMs ? timeouts.statementMs + 5000 : undefined,
    });
    const health = createHealth(() => db, options.onAvailabilityChange);
    // An idle connection that dies (a restart, pg_terminate_backend) is reported here;
    // without a listener the 'error' event would end the process.
    pool.on("error", (error) => health.lost(error));
    const watched = new WeakSet<pg.PoolClient>();
    const guardedPool = {
      async connect() {
        let client: pg.PoolClient;
        try {
          client = await pool.connect();
        } catch (error) {
          health.lost(error);
          throw error;
        }
        // A connection in use that dies reports on the client, not the pool.
        if (!watched.has(client)) {
          watched.add(client);
          let endedForIdling = false;
          client.on("error", (error) => {
            // The server ended this one session for idling in a transaction (and then its
            // socket closes): the database itself is fine.
            if ((error as { code?: string }).code === IDLE_IN_TRANSACTION_ENDED)
              endedForIdling = true;
            if (!endedForIdling) health.lost(error);
          });
        }
        return client;
      },
      end: () => pool.end(),
    };
    const db: DB = new Kysely<Database>({ dialect: new PostgresDialect({ pool: guardedPool }) });
    if (schema !== "public") {
      const client = await guardedPool.connect();
      try {
        await client.query(`create schema if not exists "${schema}"`);
      } finally {
        client.release();
      }
    }
    return {
      db,
      kind: "postgres",
      schema,
      health,
      close: async () => {
        health.stop();
        await db.destroy();
      },
    };
  }

  if (options.dataDir) mkdirSync(options.dataDir, { recursive: true });
  const pglite = await PGlite.create({
    dataDir: options.dataDir,
    loadDataDir: options.loadDataDir,
    parsers: pgliteParsers,
    // Trigram search (migration 2026-12-02T0700_search_trigrams) needs it loaded.
    extensions: { pg_trgm },
  });
  const db = new Kysely<Database>({ dialect: new PGliteDialect(pglite) });
  return {
    db,
    kind: "pglite",
    schema: "public",
    pglite,
    health: createHealth(() => db),
    close: async () => {
      await db.destroy();
      if (!pglite.closed) await pglite.close();
    },
  };
}
