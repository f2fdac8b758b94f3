import { sql } from "kysely";
import { isDatabaseEmpty, printDemoSignIns, seedDemoCommunity } from "../seed/demo.ts";
import { fail, openCliDatabase, parseArgs } from "./open.ts";

// Seeds the demo community. A database that already has people is left
// alone unless --reset is given, which empties it first.
const args = parseArgs();
const handle = await openCliDatabase();
try {
  if (!(await isDatabaseEmpty(handle.db))) {
    if (!args.reset) {
      fail(
        "The database already has data; nothing was changed. Run `npm run db:seed -- --reset` to wipe it and re-seed.",
      );
    }
    const tables = await sql<{ tablename: string }>`
      select tablename from pg_tables where schemaname = current_schema() and tablename not like 'kysely_%'`.execute(
      handle.db,
    );
    const names = tables.rows.map((t) => `"${t.tablename}"`).join(", ");
    if (names) await sql.raw(`truncate ${names} restart identity cascade`).execute(handle.db);
    console.log("Emptied the database.");
  }
  await seedDemoCommunity(handle.db, new Date(), (step, done, total) =>
    console.log(`Seeding ${done + 1}/${total}: ${step}…`),
  );
  printDemoSignIns();
} finally {
  await handle.close();
  handle.release();
}
