import type { Kysely } from "kysely";
import type { Queryable } from "./client.ts";
import type { Database } from "./schema.ts";

/** Runs fn in a transaction, or inside the caller's transaction when it already is one. */
export async function inTransaction<T>(
  db: Queryable,
  fn: (trx: Queryable) => Promise<T>,
): Promise<T> {
  if (db.isTransaction) return fn(db);
  return (db as Kysely<Database>).transaction().execute((trx) => fn(trx));
}
