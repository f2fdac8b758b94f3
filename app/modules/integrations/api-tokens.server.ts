import { createHash, randomBytes } from "node:crypto";
import { sql } from "kysely";
import type { Queryable } from "../../../db/client.ts";
import type { Role } from "../../../db/schema.ts";
import { FieldError, NotFoundError } from "../../utils/errors.ts";
import { ensure } from "../access/ensure.ts";
import { defineCommand } from "../commands/command.server.ts";

/** What a token may do; each API operation names the one it needs. */
export const API_SCOPES = {
  "advocates:read": "Read advocates: public profile, tier, points by area",
  "advocates:private": "Also read what only the community team sees (email, private profiles)",
  "ledger:read": "Read an advocate's points ledger",
  "references:read": "Read reference conversations",
  "referrals:read": "Read referrals",
  "referrals:write": "Create referrals, move their stage, record revenue and margin",
  "stories:read": "Read published customer stories",
  "nps:write": "Record NPS survey responses",
} as const;
export type ApiScope = keyof typeof API_SCOPES;
export const API_SCOPE_NAMES = Object.keys(API_SCOPES) as ApiScope[];

export const hashToken = (token: string) => createHash("sha256").update(token).digest("hex");

export interface NewApiToken {
  name: string;
  scopes: string[];
  /** Days until it stops working; null for no end. */
  expiresInDays: number | null;
  ratePerMinute: number;
}

/** An admin creates a token: answered once, here, and stored only as its hash. */
export const createApiToken = defineCommand({
  name: "api_token.create",
  authorize(viewer) {
    ensure("manageIntegrations", viewer);
  },
  async run(trx, input: NewApiToken, { viewer, effects, now }) {
    const name = input.name.trim();
    if (!name) throw new FieldError("name", "Name the token after the system that will use it.");
    const scopes = [...new Set(input.scopes)];
    if (scopes.length === 0) throw new FieldError("scopes", "Choose at least one scope.");
    const unknown = scopes.find((s) => !(s in API_SCOPES));
    if (unknown) throw new FieldError("scopes", `There is no scope called “${unknown}”.`);
    const prefix = `llt_${randomBytes(4).toString("hex")}`;
    const token = `${prefix}_${randomBytes(24).toString("base64url")}`;
    const row = await trx
      .insertInto("api_tokens")
      .values({
        name: name.slice(0, 100),
        token_hash: hashToken(token),
        prefix,
        scopes: JSON.stringify(scopes),
        created_by: viewer!.id,
        created_at: now,
        expires_at: input.expiresInDays
          ? new Date(now.getTime() + input.expiresInDays * 86_400_000)
          : null,
        rate_limit_per_minute: input.ratePerMinute,
      })
      .returning(["id"])
      .executeTakeFirstOrThrow();
    effects.audit({
      actorId: viewer!.id,
      action: "api_token.created",
      subjectType: "api_token",
      subjectId: row.id,
      details: { name, scopes },
    });
    return { id: row.id, token };
  },
});

export const revokeApiToken = defineCommand({
  name: "api_token.revoke",
  authorize(viewer) {
    ensure("manageIntegrations", viewer);
  },
  async run(trx, { id }: { id: number }, { viewer, effects, now }) {
    const row = await trx
      .updateTable("api_tokens")
      .set({ revoked_at: now })
      .where("id", "=", id)
      .where("revoked_at", "is", null)
      .returning(["id", "name"])
      .executeTakeFirst();
    if (!row) throw new NotFoundError("We could not find that token, or it is already revoked.");
    effects.audit({
      actorId: viewer!.id,
      action: "api_token.revoked",
      subjectType: "api_token",
      subjectId: id,
      details: { name: row.name },
    });
  },
});

export function listApiTokens(db: Queryable) {
  return db
    .selectFrom("api_tokens")
    .innerJoin("users", "users.id", "api_tokens.created_by")
    .select([
      "api_tokens.id",
      "api_tokens.name",
      "api_tokens.prefix",
      "api_tokens.scopes",
      "api_tokens.created_at",
      "api_tokens.expires_at",
      "api_tokens.revoked_at",
      "api_tokens.last_used_at",
      "api_tokens.rate_limit_per_minute",
      "users.display_name as created_by_name",
    ])
    .orderBy("api_tokens.revoked_at", (ob) => ob.desc().nullsFirst())
    .orderBy("api_tokens.id", "desc")
    .execute();
}

export type TokenCheck =
  | { ok: true; tokenId: number; scopes: string[]; user: { id: number; role: Role } }
  | { ok: false; reason: "missing" | "unknown" | "revoked" | "expired" }
  | { ok: false; reason: "rate_limited"; retryAfterSeconds: number };

/**
 * Checks a bearer token and counts the request against its limit, in one
 * statement: the fixed one-minute window lives in the token's row, so every
 * process shares it. Also records when the token was last used.
 */
export async function checkApiToken(
  db: Queryable,
  authorization: string | null,
  now = new Date(),
): Promise<TokenCheck> {
  const match = /^Bearer\s+(\S+)$/i.exec(authorization ?? "");
  if (!match) return { ok: false, reason: "missing" };
  const hash = hashToken(match[1]);
  const token = await db
    .selectFrom("api_tokens")
    .innerJoin("users", "users.id", "api_tokens.created_by")
    .select([
      "api_tokens.id",
      "api_tokens.scopes",
      "api_tokens.revoked_at",
      "api_tokens.expires_at",
      "users.id as user_id",
      "users.role",
    ])
    .where("api_tokens.token_hash", "=", hash)
    .executeTakeFirst();
  if (!token) return { ok: false, reason: "unknown" };
  if (token.revoked_at) return { ok: false, reason: "revoked" };
  if (token.expires_at && new Date(token.expires_at) <= now)
    return { ok: false, reason: "expired" };
  const windowStart = new Date(now.getTime() - 60_000);
  const counted = await db
    .updateTable("api_tokens")
    .set({
      last_used_at: now,
      window_started_at: sql`case when window_started_at is null or window_started_at <= ${windowStart} then ${now} else window_started_at end`,
      window_count: sql`case when window_started_at is null or window_started_at <= ${windowStart} then 1 else window_count + 1 end`,
    })
    .where("id", "=", token.id)
    .returning(["window_count", "window_started_at", "rate_limit_per_minute"])
    .executeTakeFirstOrThrow();
  if (counted.window_count > counted.rate_limit_per_minute) {
    const resets = new Date(counted.window_started_at!).getTime() + 60_000;
    return {
      ok: false,
      reason: "rate_limited",
      retryAfterSeconds: Math.max(1, Math.ceil((resets - now.getTime()) / 1000)),
    };
  }
  return {
    ok: true,
    tokenId: token.id,
    scopes: token.scopes,
    user: { id: token.user_id, role: token.role },
  };
}

/**
 * Idempotency-Key: a key is reserved (status 0) before the request runs, so
 * two concurrent requests with one key cannot both run; its answer is kept
 * once it has one. Returns false when the key was already taken.
 */
export async function reserveIdempotent(
  db: Queryable,
  tokenId: number,
  key: string,
  requestHash: string,
): Promise<boolean> {
  const row = await db
    .insertInto("api_idempotency_keys")
    .values({ token_id: tokenId, key, request_hash: requestHash, status: 0, body: "null" })
    .onConflict((oc) => oc.columns(["token_id", "key"]).doNothing())
    .returning("key")
    .executeTakeFirst();
  return Boolean(row);
}

/**
 * How long a request may hold its key's reservation. No API request runs
 * this long: a reservation older than this was left by a process that
 * stopped mid-request, and will never be answered.
 */
export const IDEMPOTENCY_RESERVATION_MS = 15 * 60_000;

/**
 * Lets go of the keys that requests reserved and never answered (the
 * process stopped before it could), so the client's retry with the same key
 * runs instead of being told forever that it is still being handled.
 * Answered keys are kept. Returns the keys it let go.
 */
export async function releaseAbandonedIdempotencyKeys(db: Queryable, now = new Date()) {
  return db
    .deleteFrom("api_idempotency_keys")
    .where("status", "=", 0)
    .where("created_at", "<", new Date(now.getTime() - IDEMPOTENCY_RESERVATION_MS))
    .returning(["token_id", "key"])
    .execute();
}

/** A refused request lets its key go, so the corrected request can use it. */
export async function releaseIdempotent(db: Queryable, tokenId: number, key: string) {
  await db
    .deleteFrom("api_idempotency_keys")
    .where("token_id", "=", tokenId)
    .where("key", "=", key)
    .where("status", "=", 0)
    .execute();
}

/**
 * The answer kept for a key: the same request gets it again; another
 * request with that key is refused.
 */
export async function recallIdempotent(
  db: Queryable,
  tokenId: number,
  key: string,
  requestHash: string,
): Promise<{ status: number; body: unknown; sameRequest: boolean } | null> {
  const row = await db
    .selectFrom("api_idempotency_keys")
    .select(["status", "body", "request_hash"])
    .where("token_id", "=", tokenId)
    .where("key", "=", key)
    .executeTakeFirst();
  if (!row) return null;
  return { status: row.status, body: row.body, sameRequest: row.request_hash === requestHash };
}

export async function rememberIdempotent(
  db: Queryable,
  entry: { tokenId: number; key: string; status: number; body: unknown },
): Promise<void> {
  await db
    .updateTable("api_idempotency_keys")
    .set({ status: entry.status, body: JSON.stringify(entry.body) })
    .where("token_id", "=", entry.tokenId)
    .where("key", "=", entry.key)
    .execute();
}
