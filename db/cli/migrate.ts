import { openCliDatabase } from "./open.ts";

const handle = await openCliDatabase();
const rows = await handle.db
  .selectFrom("kysely_migration" as never)
  .select(["name" as never])
  .execute()
  .catch(() => []);
console.log(`Database is up to date (${rows.length} migrations applied).`);
await handle.close();
handle.release();
