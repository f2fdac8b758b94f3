import { sql, type Kysely } from "kysely";

/**
 * Sign-in attempts on an account also note the client they came from, so
 * failures are counted per (account, client) pair as well as per account:
 * an attacker elsewhere slows down only themselves.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable("auth_attempts").addColumn("client", "text").execute();
  await sql`create index auth_attempts_pair_idx on auth_attempts (key, client, created_at)
    where scope = 'account'`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop index auth_attempts_pair_idx`.execute(db);
  await db.schema.alterTable("auth_attempts").dropColumn("client").execute();
}
