import { sql } from "kysely";
import type { Queryable } from "../../../db/client.ts";

/**
 * Sign-in throttling kept in the database, so it holds across processes.
 * Failures are counted in a sliding window; when the window passes the
 * person may try again (no permanent lockout).
 */
export const THROTTLE_WINDOW_SECONDS = 15 * 60;
export const MAX_FAILURES = { account: 5, ip: 20 } as const;

export interface ThrottleKeys {
  ip: string;
  account: string;
}

/** Seconds to wait, or 0 when the attempt may go ahead. */
export async function signInRetryAfter(db: Queryable, keys: ThrottleKeys): Promise<number> {
  let wait = 0;
  for (const scope of ["account", "ip"] as const) {
    const limit = MAX_FAILURES[scope];
    const rows = await db
      .selectFrom("auth_attempts")
      .select("created_at")
      .where("scope", "=", scope)
      .where("key", "=", keys[scope])
      .where(
        "created_at",
        ">",
        sql<Date>`now() - make_interval(secs => ${THROTTLE_WINDOW_SECONDS})`,
      )
      .orderBy("created_at", "desc")
      .limit(limit)
      .execute();
    if (rows.length >= limit) {
      const oldest = rows[rows.length - 1].created_at.getTime();
      const seconds = Math.ceil((oldest + THROTTLE_WINDOW_SECONDS * 1000 - Date.now()) / 1000);
      wait = Math.max(wait, seconds, 1);
    }
  }
  return wait;
}

export async function recordSignInFailure(db: Queryable, keys: ThrottleKeys): Promise<void> {
  await db
    .insertInto("auth_attempts")
    .values([
      { scope: "account", key: keys.account },
      { scope: "ip", key: keys.ip },
    ])
    .execute();
  // Keep the table small: old attempts no longer matter.
  await db
    .deleteFrom("auth_attempts")
    .where(
      "created_at",
      "<",
      sql<Date>`now() - make_interval(secs => ${THROTTLE_WINDOW_SECONDS * 2})`,
    )
    .execute();
}

export async function clearAccountFailures(db: Queryable, account: string): Promise<void> {
  await db
    .deleteFrom("auth_attempts")
    .where("scope", "=", "account")
    .where("key", "=", account)
    .execute();
}
