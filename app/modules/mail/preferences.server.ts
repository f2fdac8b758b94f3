import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";
import type { Queryable } from "../../../db/client.ts";
import type { DigestRhythm, MailRhythm } from "../../../db/tables/mail.ts";
import { SignInRequiredError } from "../../utils/errors.ts";
import { defineCommand } from "../commands/command.server.ts";
import { CHOOSABLE_KINDS, DEFAULT_DIGEST_RHYTHM, isEssential, mailKind } from "./kinds.ts";

/**
 * What each person chose for their mail, read when a message is enqueued
 * (so every module's mail obeys it without knowing about it) and shown on
 * /settings/email.
 */
export interface MailPreferences {
  kinds: Record<string, MailRhythm>;
  digest: DigestRhythm;
}

export async function preferencesOf(db: Queryable, userId: number): Promise<MailPreferences> {
  const [rows, digest] = await Promise.all([
    db
      .selectFrom("mail_preferences")
      .select(["kind", "rhythm"])
      .where("user_id", "=", userId)
      .execute(),
    db
      .selectFrom("mail_digest_settings")
      .select("rhythm")
      .where("user_id", "=", userId)
      .executeTakeFirst(),
  ]);
  const chosen = new Map(rows.map((r) => [r.kind, r.rhythm]));
  const kinds: Record<string, MailRhythm> = {};
  for (const k of CHOOSABLE_KINDS) kinds[k.kind] = chosen.get(k.kind) ?? k.defaultRhythm;
  return { kinds, digest: digest?.rhythm ?? DEFAULT_DIGEST_RHYTHM };
}

/** How one message of this kind reaches this person: alone, in the digest, or not at all. */
export async function rhythmFor(db: Queryable, userId: number, kind: string): Promise<MailRhythm> {
  if (isEssential(kind)) return "immediate";
  if (kind === "digest") {
    const digest = await digestRhythmOf(db, userId);
    return digest === "off" ? "never" : "immediate";
  }
  const row = await db
    .selectFrom("mail_preferences")
    .select("rhythm")
    .where("user_id", "=", userId)
    .where("kind", "=", kind)
    .executeTakeFirst();
  return row?.rhythm ?? mailKind(kind)?.defaultRhythm ?? "immediate";
}

export async function digestRhythmOf(db: Queryable, userId: number): Promise<DigestRhythm> {
  const row = await db
    .selectFrom("mail_digest_settings")
    .select("rhythm")
    .where("user_id", "=", userId)
    .executeTakeFirst();
  return row?.rhythm ?? DEFAULT_DIGEST_RHYTHM;
}

/**
 * Keeps a message as one line of the person's next digest. With the digest
 * turned off there is no next digest, so nothing is kept: the person chose
 * fewer messages, not a pile that never leaves.
 */
export async function foldIntoDigest(
  trx: Queryable,
  item: {
    userId: number;
    idempotencyKey: string;
    kind: string;
    subject: string;
    link: string | null;
    threadId?: number | null;
    at: Date;
  },
): Promise<boolean> {
  if ((await digestRhythmOf(trx, item.userId)) === "off") return false;
  await trx
    .insertInto("mail_digest_items")
    .values({
      user_id: item.userId,
      idempotency_key: item.idempotencyKey,
      kind: item.kind,
      subject: item.subject,
      link: item.link,
      thread_id: item.threadId ?? null,
      created_at: item.at,
    })
    .onConflict((oc) => oc.column("idempotency_key").doNothing())
    .execute();
  return true;
}

async function setRhythm(
  trx: Queryable,
  userId: number,
  kind: string,
  rhythm: MailRhythm,
  now: Date,
) {
  await trx
    .insertInto("mail_preferences")
    .values({ user_id: userId, kind, rhythm, updated_at: now })
    .onConflict((oc) => oc.columns(["user_id", "kind"]).doUpdateSet({ rhythm, updated_at: now }))
    .execute();
}

async function setDigestRhythm(trx: Queryable, userId: number, rhythm: DigestRhythm, now: Date) {
  await trx
    .insertInto("mail_digest_settings")
    .values({ user_id: userId, rhythm, updated_at: now })
    .onConflict((oc) => oc.column("user_id").doUpdateSet({ rhythm, updated_at: now }))
    .execute();
}

/** /settings/email: a rhythm for each non-essential kind and for the digest. */
export const saveMailPreferences = defineCommand({
  name: "mail.preferences.save",
  authorize(viewer) {
    if (!viewer) throw new SignInRequiredError("Sign in to choose your email.");
  },
  async run(trx, input: MailPreferences, { viewer, now }) {
    for (const k of CHOOSABLE_KINDS) {
      const rhythm = input.kinds[k.kind];
      if (rhythm) await setRhythm(trx, viewer!.id, k.kind, rhythm, now);
    }
    await setDigestRhythm(trx, viewer!.id, input.digest, now);
  },
});

// One-click unsubscribe -----------------------------------------------------

/** The site's key for signing unsubscribe links: made once per database, shared by every process. */
export async function signingSecret(db: Queryable): Promise<string> {
  await db
    .insertInto("mail_keys")
    .values({ name: "unsubscribe", secret: randomBytes(32).toString("base64url") })
    .onConflict((oc) => oc.column("name").doNothing())
    .execute();
  const row = await db
    .selectFrom("mail_keys")
    .select("secret")
    .where("name", "=", "unsubscribe")
    .executeTakeFirstOrThrow();
  return row.secret;
}

const signature = (secret: string, userId: number, kind: string) =>
  createHmac("sha256", secret).update(`unsubscribe:${userId}:${kind}`).digest("base64url");

/** `<user>.<kind>.<signature>`: names one person and one kind, and only the site can make it. */
export function unsubscribeToken(secret: string, userId: number, kind: string): string {
  return `${userId}.${kind}.${signature(secret, userId, kind)}`;
}

/** The person and kind a link stands for, or null when it was not signed by this site. */
export async function verifyUnsubscribeToken(
  db: Queryable,
  token: string,
): Promise<{ userId: number; kind: string } | null> {
  const match = /^(\d{1,10})\.([a-z_]{1,60})\.([A-Za-z0-9_-]{43})$/.exec(token);
  if (!match) return null;
  const userId = Number(match[1]);
  const kind = match[2];
  if (isEssential(kind) || !mailKind(kind)) return null;
  const expected = Buffer.from(signature(await signingSecret(db), userId, kind));
  const given = Buffer.from(match[3]);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return null;
  const user = await db
    .selectFrom("users")
    .select("id")
    .where("id", "=", userId)
    .executeTakeFirst();
  return user ? { userId, kind } : null;
}

/**
 * A signed link turns off one kind for one person, without signing in: the
 * signature is the authority. The digest link turns the digest off.
 */
export const unsubscribeByLink = defineCommand({
  name: "mail.unsubscribe",
  async run(trx, input: { userId: number; kind: string }, { now }) {
    if (input.kind === "digest") await setDigestRhythm(trx, input.userId, "off", now);
    else await setRhythm(trx, input.userId, input.kind, "never", now);
    return { label: mailKind(input.kind)?.label ?? input.kind };
  },
});
