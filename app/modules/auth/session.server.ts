import { sha256 } from "@oslojs/crypto/sha2";
import { encodeBase32LowerCaseNoPadding, encodeHexLowerCase } from "@oslojs/encoding";
import type { Queryable } from "../../../db/client.ts";
import type { Role } from "../../../db/schema.ts";

// Sessions as the Lucia guide describes them: a random token lives only in the
// cookie, the database keeps its SHA-256, and expiry slides while it is used.
const DAY = 24 * 60 * 60 * 1000;
export const SESSION_LIFETIME_MS = 30 * DAY;
const RENEW_WHEN_LEFT_MS = 15 * DAY;

export interface SessionUser {
  id: number;
  email: string;
  handle: string;
  displayName: string;
  role: Role;
  /** The address is confirmed (an unconfirmed account reads, but does not take part yet). */
  emailVerified: boolean;
  /** The language the person chose on their account; null while they follow their browser. */
  locale: string | null;
}

export interface ValidSession {
  id: string;
  userId: number;
  expiresAt: Date;
  /** True when the expiry moved and the cookie should be re-sent. */
  renewed: boolean;
}

export function generateSessionToken(): string {
  const bytes = new Uint8Array(20);
  crypto.getRandomValues(bytes);
  return encodeBase32LowerCaseNoPadding(bytes);
}

export function sessionIdFromToken(token: string): string {
  return encodeHexLowerCase(sha256(new TextEncoder().encode(token)));
}

export async function createSession(
  db: Queryable,
  userId: number,
  meta: { ip?: string | null; userAgent?: string | null } = {},
): Promise<{ token: string; expiresAt: Date }> {
  const token = generateSessionToken();
  const expiresAt = new Date(Date.now() + SESSION_LIFETIME_MS);
  await db
    .insertInto("sessions")
    .values({
      id: sessionIdFromToken(token),
      user_id: userId,
      expires_at: expiresAt,
      ip: meta.ip ?? null,
      user_agent: meta.userAgent?.slice(0, 300) ?? null,
    })
    .execute();
  return { token, expiresAt };
}

export async function validateSessionToken(
  db: Queryable,
  token: string,
): Promise<{ session: ValidSession; user: SessionUser } | null> {
  if (!/^[a-z2-7]{32}$/.test(token)) return null;
  const id = sessionIdFromToken(token);
  const row = await db
    .selectFrom("sessions")
    .innerJoin("users", "users.id", "sessions.user_id")
    .select([
      "sessions.id",
      "sessions.expires_at",
      "users.id as user_id",
      "users.email",
      "users.handle",
      "users.display_name",
      "users.role",
      "users.email_verified_at",
      "users.locale",
    ])
    .where("sessions.id", "=", id)
    .executeTakeFirst();
  if (!row) return null;
  const now = Date.now();
  if (row.expires_at.getTime() <= now) {
    await db.deleteFrom("sessions").where("id", "=", id).execute();
    return null;
  }
  let expiresAt = row.expires_at;
  let renewed = false;
  if (expiresAt.getTime() - now < RENEW_WHEN_LEFT_MS) {
    expiresAt = new Date(now + SESSION_LIFETIME_MS);
    renewed = true;
    await db.updateTable("sessions").set({ expires_at: expiresAt }).where("id", "=", id).execute();
  }
  return {
    session: { id, userId: row.user_id, expiresAt, renewed },
    user: {
      id: row.user_id,
      email: row.email,
      handle: row.handle,
      displayName: row.display_name,
      role: row.role,
      emailVerified: row.email_verified_at !== null,
      locale: row.locale,
    },
  };
}

export async function invalidateSession(db: Queryable, sessionId: string): Promise<void> {
  await db.deleteFrom("sessions").where("id", "=", sessionId).execute();
}

/** How many sessions a person has open now, on any device. */
export async function countActiveSessions(db: Queryable, userId: number, now = new Date()) {
  const row = await db
    .selectFrom("sessions")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .where("user_id", "=", userId)
    .where("expires_at", ">", now)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}
