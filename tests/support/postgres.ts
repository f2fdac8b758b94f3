import pg from "pg";

/** The machine's PostgreSQL, used by the tests that need a real server even when DATABASE_URL is unset. */
export const POSTGRES_URL =
  process.env.DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/limelight_dev";

/** Creates the database when the server is there but the database is not yet (a fresh machine). */
async function createDatabaseIfMissing(databaseUrl: string) {
  const url = new URL(databaseUrl);
  const name = decodeURIComponent(url.pathname.slice(1));
  url.pathname = "/postgres";
  const admin = new pg.Client({ connectionString: url.href, connectionTimeoutMillis: 3000 });
  try {
    await admin.connect();
    await admin.query(`create database ${pg.escapeIdentifier(name)}`);
  } catch (error) {
    // Another test run created it meanwhile: fine.
    if ((error as { code?: string }).code !== "42P04") throw error;
  } finally {
    await admin.end().catch(() => undefined);
  }
}

/** Fails with what to start when PostgreSQL is not reachable; creates the database when missing. */
export async function requirePostgres(databaseUrl = POSTGRES_URL): Promise<void> {
  const client = new pg.Client({ connectionString: databaseUrl, connectionTimeoutMillis: 3000 });
  try {
    try {
      await client.connect();
    } catch (error) {
      if ((error as { code?: string }).code !== "3D000") throw error;
      await createDatabaseIfMissing(databaseUrl);
      return requirePostgres(databaseUrl);
    }
    await client.query("select 1");
  } catch (error) {
    throw new Error(
      `PostgreSQL is not reachable at ${databaseUrl} (${(error as Error).message}). Start it (e.g. \`service postgresql start\`, and \`createdb -U postgres limelight_dev\`) or point DATABASE_URL at one.`,
    );
  } finally {
    await client.end().catch(() => undefined);
  }
}
