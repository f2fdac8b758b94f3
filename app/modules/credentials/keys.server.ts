import { randomUUID } from "node:crypto";
import { exportJWK, generateKeyPair, importJWK, type JWK } from "jose";
import { sql } from "kysely";
import type { Queryable } from "../../../db/client.ts";
import { ensure } from "../access/ensure.ts";
import { seal, unseal } from "../auth/secret-box.server.ts";
import { defineCommand } from "../commands/command.server.ts";

/**
 * The issuer's Ed25519 keys. The private half is sealed under
 * SETTINGS_ENCRYPTION_KEY like every other secret in the database; the public
 * half is published as JWKS. One key signs at a time; a rotated key signs
 * nothing new and stays published while any credential it signed is still
 * valid, so what was issued keeps verifying.
 */

export const ALG = "EdDSA";

export interface SigningKey {
  kid: string;
  key: CryptoKey;
}

/** Refused to sign: the private key was sealed under another SETTINGS_ENCRYPTION_KEY. */
export class SigningKeyUnreadableError extends Error {
  constructor() {
    super("The credential signing key cannot be opened with this SETTINGS_ENCRYPTION_KEY.");
  }
}

async function createKey(db: Queryable, secret: string, now: Date): Promise<void> {
  const { publicKey, privateKey } = await generateKeyPair(ALG, {
    crv: "Ed25519",
    extractable: true,
  });
  const kid = `key-${now.toISOString().slice(0, 10)}-${randomUUID().slice(0, 8)}`;
  const publicJwk = { ...(await exportJWK(publicKey)), kid, alg: ALG, use: "sig" };
  const privateJwk = { ...(await exportJWK(privateKey)), kid, alg: ALG };
  await db
    .insertInto("credential_keys")
    .values({
      kid,
      public_jwk: JSON.stringify(publicJwk),
      private_jwk_sealed: seal(JSON.stringify(privateJwk), secret),
      created_at: now,
    })
    // Another process made the current key a moment ago: theirs is used.
    .onConflict((oc) =>
      oc
        .expression(sql`(true)`)
        .where("retired_at", "is", null)
        .doNothing(),
    )
    .execute();
}

/** The key that signs now, made on first use. */
export async function currentSigningKey(
  db: Queryable,
  secret: string,
  now: Date,
): Promise<SigningKey> {
  const find = () =>
    db
      .selectFrom("credential_keys")
      .select(["kid", "private_jwk_sealed"])
      .where("retired_at", "is", null)
      .executeTakeFirst();
  let row = await find();
  if (!row) {
    await createKey(db, secret, now);
    row = await find();
  }
  if (!row) throw new Error("No credential signing key could be made.");
  const opened = unseal(row.private_jwk_sealed, secret);
  if (opened === null) throw new SigningKeyUnreadableError();
  const key = (await importJWK(JSON.parse(opened) as JWK, ALG)) as CryptoKey;
  return { kid: row.kid, key };
}

/**
 * The published key set: the current key and every retired one that signed
 * a credential still valid at `now` (no end date counts as valid).
 */
export async function publishedKeys(db: Queryable, now: Date): Promise<{ keys: JWK[] }> {
  const rows = await db
    .selectFrom("credential_keys as k")
    .select(["k.public_jwk"])
    .where((eb) =>
      eb.or([
        eb("k.retired_at", "is", null),
        eb.exists(
          eb
            .selectFrom("credentials as c")
            .select("c.id")
            .whereRef("c.kid", "=", "k.kid")
            .where((w) => w.or([w("c.valid_until", "is", null), w("c.valid_until", ">", now)])),
        ),
      ]),
    )
    .orderBy("k.id", "desc")
    .execute();
  return { keys: rows.map((r) => r.public_jwk as JWK) };
}

/** An admin retires the signing key and makes a new one (after a suspected leak, or yearly). */
export const rotateSigningKey = defineCommand({
  name: "credentials.rotate_key",
  async run(trx, input: { secret: string }, { viewer, effects, now }) {
    ensure("rotateCredentialKey", viewer);
    const retired = await trx
      .updateTable("credential_keys")
      .set({ retired_at: now })
      .where("retired_at", "is", null)
      .returning("kid")
      .execute();
    await createKey(trx, input.secret, now);
    const current = await currentSigningKey(trx, input.secret, now);
    effects.audit({
      actorId: viewer?.id ?? null,
      action: "credentials.key_rotated",
      subjectType: "system",
      subjectId: "credential_keys",
      details: { retired: retired.map((r) => r.kid), current: current.kid },
    });
    return { kid: current.kid, retired: retired.map((r) => r.kid) };
  },
});

export interface SigningKeyRow {
  kid: string;
  createdAt: Date;
  retiredAt: Date | null;
  /** How many credentials it signed, so an admin sees what a retired key still vouches for. */
  signed: number;
}

/** Every issuer key, newest first, for the admin's key page. */
export async function listSigningKeys(db: Queryable): Promise<SigningKeyRow[]> {
  const rows = await db
    .selectFrom("credential_keys as k")
    .select((eb) => [
      "k.kid",
      "k.created_at",
      "k.retired_at",
      eb
        .selectFrom("credentials as c")
        .select((c) => c.fn.countAll<number>().as("n"))
        .whereRef("c.kid", "=", "k.kid")
        .as("signed"),
    ])
    .orderBy("k.id", "desc")
    .execute();
  return rows.map((r) => ({
    kid: r.kid,
    createdAt: new Date(r.created_at),
    retiredAt: r.retired_at ? new Date(r.retired_at) : null,
    signed: Number(r.signed ?? 0),
  }));
}
