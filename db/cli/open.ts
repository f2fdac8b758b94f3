import path from "node:path";
import { createDb, type DbHandle } from "../client.ts";
import { acquireDataDirLock, DataDirLockedError } from "../lock.ts";
import { migrateToLatest } from "../migrate.ts";
import { EnvError, loadEnv } from "../../app/utils/env.server.ts";

/**
 * Opens the same database the server would, for a command-line task. On the
 * embedded database it refuses to run while the server holds the data
 * directory, because two processes on one PGlite directory corrupt it.
 */
export async function openCliDatabase(): Promise<DbHandle & { release(): void }> {
  let env;
  try {
    env = loadEnv();
  } catch (error) {
    if (error instanceof EnvError) fail(error.message);
    throw error;
  }
  let release = () => {};
  if (!env.DATABASE_URL) {
    try {
      release = acquireDataDirLock(env.DATA_DIR);
    } catch (error) {
      if (error instanceof DataDirLockedError) fail(error.message);
      throw error;
    }
  }
  const handle = await createDb({
    databaseUrl: env.DATABASE_URL,
    dataDir: path.join(env.DATA_DIR, "pglite"),
    schema: env.DATABASE_SCHEMA,
  });
  await migrateToLatest(handle.db, handle.schema);
  return { ...handle, release };
}

export function fail(message: string): never {
  console.error(message);
  process.exit(1);
}

/** `--name value` and `--flag` from the command line. */
export function parseArgs(argv = process.argv.slice(2)): Record<string, string | true> {
  const out: Record<string, string | true> = {};
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (!arg.startsWith("--")) continue;
    const eq = arg.indexOf("=");
    if (eq !== -1) out[arg.slice(2, eq)] = arg.slice(eq + 1);
    else if (argv[i + 1] && !argv[i + 1].startsWith("--")) out[arg.slice(2)] = argv[++i];
    else out[arg.slice(2)] = true;
  }
  return out;
}
