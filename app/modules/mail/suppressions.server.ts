import { createHmac, timingSafeEqual } from "node:crypto";
import type { Queryable } from "../../../db/client.ts";
import type { SuppressionScope } from "../../../db/tables/mail.ts";
import { ConflictError } from "../../utils/errors.ts";
import { ensure } from "../access/ensure.ts";
import type { Viewer } from "../access/policy.ts";
import { defineCommand } from "../commands/command.server.ts";
import { SUPPRESSION_LABELS } from "./kinds.ts";
import { signingSecret } from "./preferences.server.ts";

/**
 * People without an account (promoters, survey contacts) unsubscribe by
 * address: a signed link in the message stops one group of mail, or all of
 * it, for that address. Every way of composing such mail asks here first.
 */
export type SuppressionGroup = Exclude<SuppressionScope, "all">;

export const normaliseEmail = (email: string) => email.trim().toLowerCase();

const GROUPS = new Set<string>(["invitations", "surveys", "all"]);

const signature = (secret: string, email: string, scope: SuppressionScope) =>
  createHmac("sha256", secret).update(`suppress:${email}:${scope}`).digest("base64url");

/** `a.<address>.<group>.<signature>`: one address, one group, signed by this site. */
export function addressUnsubscribeToken(
  secret: string,
  email: string,
  group: SuppressionGroup,
): string {
  const address = normaliseEmail(email);
  return `a.${Buffer.from(address).toString("base64url")}.${group}.${signature(secret, address, group)}`;
}

export function isAddressToken(token: string): boolean {
  return token.startsWith("a.");
}

/** The address and group a link stands for, or null when this site did not sign it. */
export async function verifyAddressToken(
  db: Queryable,
  token: string,
): Promise<{ email: string; group: SuppressionGroup } | null> {
  const match = /^a\.([A-Za-z0-9_-]{1,400})\.([a-z]{1,20})\.([A-Za-z0-9_-]{43})$/.exec(token);
  if (!match || !GROUPS.has(match[2]) || match[2] === "all") return null;
  const email = Buffer.from(match[1], "base64url").toString("utf8");
  const group = match[2] as SuppressionGroup;
  if (!email.includes("@") || email !== normaliseEmail(email)) return null;
  const expected = Buffer.from(signature(await signingSecret(db), email, group));
  const given = Buffer.from(match[3]);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return null;
  return { email, group };
}

export interface Suppression {
  email: string;
  scope: SuppressionScope;
  createdAt: Date;
}

/** Which of these addresses asked for no more of this group (their own scope, or "all"). */
export async function suppressedAmong(
  db: Queryable,
  emails: readonly string[],
  group: SuppressionGroup,
): Promise<Map<string, Suppression>> {
  const found = new Map<string, Suppression>();
  const wanted = [...new Set(emails.map(normaliseEmail))];
  for (let i = 0; i < wanted.length; i += 500) {
    const rows = await db
      .selectFrom("mail_suppressions")
      .select(["email", "scope", "created_at"])
      .where("email", "in", wanted.slice(i, i + 500))
      .where("scope", "in", [group, "all"])
      .orderBy("created_at")
      .execute();
    for (const r of rows)
      if (!found.has(r.email))
        found.set(r.email, { email: r.email, scope: r.scope, createdAt: new Date(r.created_at) });
  }
  return found;
}

export async function suppressionOf(db: Queryable, email: string, group: SuppressionGroup) {
  return (await suppressedAmong(db, [email], group)).get(normaliseEmail(email)) ?? null;
}

/** The sentence a manager reads about a skipped address. */
export function suppressionReason(s: Suppression): string {
  return `${s.email} unsubscribed from ${SUPPRESSION_LABELS[s.scope]} on ${s.createdAt.toISOString().slice(0, 10)}.`;
}

/** A few reasons, then how many more: for a toast that must stay readable. */
export function summariseReasons(reasons: readonly string[], max = 5): string {
  const more = reasons.length - max;
  return `${reasons.slice(0, max).join(" ")}${more > 0 ? ` And ${more} more.` : ""}`;
}

/** Refuses mail of this group to an address that unsubscribed from it (nothing is written). */
export async function ensureNotSuppressed(
  db: Queryable,
  email: string,
  group: SuppressionGroup,
  what: string,
): Promise<void> {
  const s = await suppressionOf(db, email, group);
  if (s) throw new ConflictError(`${suppressionReason(s)} ${what}`);
}

/** The link's button (this group, or everything) and a mail client's one-click POST (this group). */
export const suppressAddress = defineCommand({
  name: "mail.suppress_address",
  async run(
    trx,
    input: { email: string; scope: SuppressionScope; source: "link" | "one_click" },
    { effects, now },
  ) {
    const email = normaliseEmail(input.email);
    const added = await trx
      .insertInto("mail_suppressions")
      .values({ email, scope: input.scope, source: input.source, created_at: now })
      .onConflict((oc) => oc.columns(["email", "scope"]).doNothing())
      .returning("email")
      .executeTakeFirst();
    if (added)
      effects.audit({
        actorId: null,
        action: "mail.address_unsubscribed",
        subjectType: "mail_suppression",
        subjectId: email,
        details: { email, scope: input.scope, source: input.source },
      });
    return { label: SUPPRESSION_LABELS[input.scope] };
  },
});

export const SUPPRESSIONS_PAGE_SIZE = 25;

/** For managers: who unsubscribed, newest first, a page at a time. */
export async function listSuppressions(
  db: Queryable,
  viewer: Viewer,
  page = 1,
): Promise<{ rows: Suppression[]; total: number }> {
  ensure("managePromoters", viewer);
  const [rows, count] = await Promise.all([
    db
      .selectFrom("mail_suppressions")
      .select(["email", "scope", "created_at"])
      .orderBy("created_at", "desc")
      .orderBy("email")
      .limit(SUPPRESSIONS_PAGE_SIZE)
      .offset((Math.max(1, page) - 1) * SUPPRESSIONS_PAGE_SIZE)
      .execute(),
    db
      .selectFrom("mail_suppressions")
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .executeTakeFirstOrThrow(),
  ]);
  return {
    rows: rows.map((r) => ({ email: r.email, scope: r.scope, createdAt: new Date(r.created_at) })),
    total: Number(count.n),
  };
}
