import { sql } from "kysely";
import type { Queryable } from "../../../db/client.ts";
import { inTransaction } from "../../../db/transaction.ts";

/**
 * Sign-in throttling kept in the database, so it holds across processes.
 * Attempts are counted in a sliding window; when the window passes the
 * person may try again (no permanent lockout).
 *
 * - per (account, client) pair: a few guesses, so one attacker is slowed
 *   down at once without locking the owner, who signs in from elsewhere;
 * - per account: a looser limit across every client, against guessing
 *   spread over many addresses;
 * - per client: a limit across accounts, against trying one password on many.
 */
export const THROTTLE_WINDOW_SECONDS = 15 * 60;
export const MAX_FAILURES = { pair: 5, account: 50, ip: 20 } as const;

export interface ThrottleKeys {
  ip: string;
  account: string;
}

export type SignInReservation = { ok: true; ids: number[] } | { ok: false; retryAfter: number };

/**
 * Reserves one sign-in attempt before the password is checked, or says how
 * many seconds to wait. The count and the reservation happen under a lock on
 * the account and the client, so concurrent attempts cannot all slip past the
 * limit: the reservation counts as a failure until `confirmSignIn` removes it.
 */
export async function reserveSignInAttempt(
  db: Queryable,
  keys: ThrottleKeys,
): Promise<SignInReservation> {
  return inTransaction(db, async (trx) => {
    // Always in the same order (account before ip), so two attempts never wait on each other.
    for (const lock of [`sign-in account ${keys.account}`, `sign-in ip ${keys.ip}`])
      await sql`select pg_advisory_xact_lock(hashtextextended(${lock}, 0))`.execute(trx);
    const retryAfter = await signInRetryAfter(trx, keys);
    if (retryAfter > 0) return { ok: false, retryAfter };
    const rows = await trx
      .insertInto("auth_attempts")
      .values([
        { scope: "account", key: keys.account, client: keys.ip },
        { scope: "ip", key: keys.ip },
      ])
      .returning("id")
      .execute();
    // Keep the table small: old attempts no longer matter.
    await trx
      .deleteFrom("auth_attempts")
      .where(
        "created_at",
        "<",
        sql<Date>`now() - make_interval(secs => ${THROTTLE_WINDOW_SECONDS * 2})`,
      )
      .execute();
    return { ok: true, ids: rows.map((r) => r.id) };
  });
}

/** Seconds to wait, or 0 when the attempt may go ahead. */
export async function signInRetryAfter(db: Queryable, keys: ThrottleKeys): Promise<number> {
  const counts = [
    { limit: MAX_FAILURES.pair, scope: "account", key: keys.account, client: keys.ip },
    { limit: MAX_FAILURES.account, scope: "account", key: keys.account },
    { limit: MAX_FAILURES.ip, scope: "ip", key: keys.ip },
  ] as const;
  let wait = 0;
  for (const count of counts) {
    let query = db
      .selectFrom("auth_attempts")
      .select("created_at")
      .where("scope", "=", count.scope)
      .where("key", "=", count.key)
      .where(
        "created_at",
        ">",
        sql<Date>`now() - make_interval(secs => ${THROTTLE_WINDOW_SECONDS})`,
      );
    if ("client" in count) query = query.where("client", "=", count.client);
    const rows = await query.orderBy("created_at", "desc").limit(count.limit).execute();
    if (rows.length >= count.limit) {
      const oldest = rows[rows.length - 1].created_at.getTime();
      const seconds = Math.ceil((oldest + THROTTLE_WINDOW_SECONDS * 1000 - Date.now()) / 1000);
      wait = Math.max(wait, seconds, 1);
    }
  }
  return wait;
}

/**
 * The password was right: the reserved attempt does not count, and neither do
 * this client's earlier failures on the account (a typo or two). Failures from
 * other clients stay counted.
 */
export async function confirmSignIn(
  db: Queryable,
  keys: ThrottleKeys,
  reservation: { ids: number[] },
): Promise<void> {
  await db
    .deleteFrom("auth_attempts")
    .where((eb) =>
      eb.or([
        eb("id", "in", reservation.ids),
        eb.and([
          eb("scope", "=", "account"),
          eb("key", "=", keys.account),
          eb("client", "=", keys.ip),
        ]),
      ]),
    )
    .execute();
}
