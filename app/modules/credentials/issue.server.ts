import { createHash, randomBytes, randomUUID } from "node:crypto";
import { SignJWT } from "jose";
import { sql } from "kysely";
import type { Queryable } from "../../../db/client.ts";
import { ensure } from "../access/ensure.ts";
import { defineCommand } from "../commands/command.server.ts";
import { ConflictError, NotFoundError } from "../../utils/errors.ts";
import { achievementsOf } from "./achievements.server.ts";
import { buildCredential, issuerUrls, type AchievementFacts } from "./document.ts";
import { ALG, currentSigningKey, type SigningKey } from "./keys.server.ts";
import { markRevoked } from "./revoke.server.ts";

/**
 * Issuing: a sweep (at start-up, hourly, after the demo seed, and when an
 * advocate asks) signs a credential for every achievement that has none
 * standing. Revoking is immediate: the commands that end an achievement
 * (an award revoked or lapsed, a talk reversed, a story unpublished) call
 * `revokeCredentialsLater` through their effects, so the status list changes
 * in the same transaction as the decision. ADR 018 explains the split.
 */

export const ISSUER_NAME = "Limelight community";

/** Why a credential whose achievement no longer stands was revoked, when no command said. */
const ENDED: Record<string, string> = {
  tier: "The award ended.",
  talk: "The talk is no longer verified.",
  story: "The case study is no longer published.",
  badge: "The badge was withdrawn.",
  contribution: "The contribution record changed.",
};

interface Signing {
  publicUrl: string;
  secret: string;
  now: Date;
  key: SigningKey;
}

interface Person {
  id: number;
  handle: string;
  email: string;
  is_public: boolean;
}

/** `sha256$<hex>` of the address with a fresh salt, as Open Badges 3.0 hashes an identity. */
function hashedIdentity(email: string) {
  const salt = randomBytes(16).toString("hex");
  const hex = createHash("sha256")
    .update(email.trim().toLowerCase() + salt, "utf8")
    .digest("hex");
  return { identityHash: `sha256$${hex}`, salt };
}

async function signOne(
  trx: Queryable,
  person: Person,
  facts: AchievementFacts,
  signing: Signing,
): Promise<string | null> {
  const id = randomUUID();
  const [{ n: statusIndex }] = (
    await sql<{
      n: number;
    }>`select nextval(pg_get_serial_sequence('credentials', 'status_index'))::int as n`.execute(trx)
  ).rows;
  const document = buildCredential({
    id,
    publicUrl: signing.publicUrl,
    issuerName: ISSUER_NAME,
    achievement: facts,
    subject: { ...hashedIdentity(person.email), name: person.handle },
    statusIndex: Number(statusIndex),
    issuedAt: signing.now,
  });
  const urls = issuerUrls(signing.publicUrl);
  let jwt = new SignJWT(document)
    .setProtectedHeader({ alg: ALG, kid: signing.key.kid, typ: "vc+jwt", cty: "vc" })
    .setIssuer(urls.issuer)
    .setJti(urls.credential(id))
    .setIssuedAt(signing.now)
    .setNotBefore(facts.achievedAt);
  if (facts.validUntil) jwt = jwt.setExpirationTime(facts.validUntil);
  const signed = await jwt.sign(signing.key.key);
  const inserted = await trx
    .insertInto("credentials")
    .values({
      id,
      user_id: person.id,
      kind: facts.kind,
      achievement_key: facts.key,
      source_type: facts.sourceType,
      source_id: facts.sourceId,
      name: facts.name,
      is_public: person.is_public,
      status_index: Number(statusIndex),
      kid: signing.key.kid,
      jwt: signed,
      document: JSON.stringify(document),
      issued_at: signing.now,
      valid_until: facts.validUntil,
    })
    // Another sweep issued it a moment ago: one standing credential per achievement.
    .onConflict((oc) =>
      oc.columns(["user_id", "achievement_key"]).where("revoked_at", "is", null).doNothing(),
    )
    .returning("id")
    .executeTakeFirst();
  return inserted?.id ?? null;
}

async function loadPerson(trx: Queryable, userId: number): Promise<Person | undefined> {
  return trx
    .selectFrom("users")
    .innerJoin("profiles", "profiles.user_id", "users.id")
    .select(["users.id", "users.handle", "users.email", "profiles.is_public"])
    .where("users.id", "=", userId)
    .executeTakeFirst();
}

/** Revokes this person's standing credentials whose achievement is gone; issues the missing ones. */
async function syncPerson(trx: Queryable, person: Person, signing: Signing): Promise<string[]> {
  const facts = await achievementsOf(trx, person, signing.publicUrl, signing.now);
  const standing = await trx
    .selectFrom("credentials")
    .select(["id", "kind", "achievement_key", "source_type", "source_id"])
    .where("user_id", "=", person.id)
    .where("revoked_at", "is", null)
    .execute();
  const current = new Set(facts.map((f) => f.key));
  const liveSources = new Set(facts.map((f) => `${f.sourceType}:${f.sourceId}`));
  for (const credential of standing) {
    if (current.has(credential.achievement_key)) continue;
    // An earlier term of an award still held stays valid until its own end date.
    if (liveSources.has(`${credential.source_type}:${credential.source_id}`)) continue;
    // A year's record is issued once; a later correction does not take it back.
    if (credential.kind === "contribution") continue;
    await markRevoked(trx, { id: credential.id }, ENDED[credential.kind], signing.now);
  }
  const held = new Set(standing.map((c) => c.achievement_key));
  const issued: string[] = [];
  for (const f of facts) {
    if (held.has(f.key)) continue;
    const id = await signOne(trx, person, f, signing);
    if (id) issued.push(id);
  }
  return issued;
}

/**
 * Signs a credential for every achievement without one, for one person or
 * for every verified customer. Idempotent: run it as often as you like.
 */
export const issueCredentials = defineCommand({
  name: "credentials.issue",
  async run(trx, input: { secret: string; userId?: number }, { viewer, now, site }) {
    if (viewer && input.userId !== undefined)
      ensure("reissueCredentials", viewer, { userId: input.userId });
    const key = await currentSigningKey(trx, input.secret, now);
    const signing: Signing = { publicUrl: site.publicUrl, secret: input.secret, now, key };
    let ids: number[];
    if (input.userId !== undefined) ids = [input.userId];
    else
      ids = (
        await trx
          .selectFrom("users")
          .select("id")
          .where("verified_customer_at", "is not", null)
          .orderBy("id")
          .execute()
      ).map((r) => r.id);
    const issued: string[] = [];
    for (const id of ids) {
      const person = await loadPerson(trx, id);
      if (person) issued.push(...(await syncPerson(trx, person, signing)));
    }
    return issued;
  },
});

/**
 * The advocate (or staff) re-issues one credential: the old one is revoked
 * as replaced, and a fresh one is signed with the current key and details.
 */
export const reissueCredential = defineCommand({
  name: "credentials.reissue",
  async run(trx, input: { secret: string; credentialId: string }, { viewer, effects, now, site }) {
    const old = await trx
      .selectFrom("credentials")
      .select(["id", "user_id", "achievement_key", "revoked_at"])
      .where("id", "=", input.credentialId)
      .forUpdate()
      .executeTakeFirst();
    if (!old) throw new NotFoundError("We could not find that credential.");
    ensure("reissueCredentials", viewer, { userId: old.user_id });
    if (old.revoked_at)
      throw new ConflictError("This credential was revoked; only a standing one can be re-issued.");
    const person = await loadPerson(trx, old.user_id);
    if (!person) throw new NotFoundError("We could not find that credential.");
    const facts = (await achievementsOf(trx, person, site.publicUrl, now)).find(
      (f) => f.key === old.achievement_key,
    );
    if (!facts)
      throw new ConflictError("This achievement no longer stands, so it cannot be re-issued.");
    await markRevoked(trx, { id: old.id }, "Replaced by a re-issued credential.", now);
    const key = await currentSigningKey(trx, input.secret, now);
    const id = await signOne(trx, person, facts, {
      publicUrl: site.publicUrl,
      secret: input.secret,
      now,
      key,
    });
    effects.audit({
      actorId: viewer?.id ?? null,
      action: "credentials.reissued",
      subjectType: "user",
      subjectId: old.user_id,
      details: { replaced: old.id, credential: id },
    });
    return { id: id! };
  },
});
