import { sql } from "kysely";
import type { Queryable } from "../../../db/client.ts";
import { ConflictError, FieldError, NotFoundError } from "../../utils/errors.ts";
import { ensure } from "../access/ensure.ts";
import { isVerifiedCustomer, type Viewer } from "../access/policy.ts";
import { defineCommand } from "../commands/command.server.ts";
import { formatShare, splitSuggestion, WHOLE_SHARE } from "./credit-shares.ts";

export { formatShare, parseSharePercent, WHOLE_SHARE } from "./credit-shares.ts";

export type CreditReason = "referred" | "reference_call" | "story_read" | "link";

export const CREDIT_REASON_LABELS: Record<CreditReason, string> = {
  referred: "referred them",
  reference_call: "took a reference call with them",
  story_read: "wrote a story they read before asking",
  link: "their referral link brought them",
};

export interface CreditLine {
  advocateId: number;
  handle: string;
  name: string;
  shareBp: number;
  reasons: CreditReason[];
}

interface ReferralForCredit {
  id: number;
  advocate_id: number;
  contact_email: string;
  created_at: Date | string;
}

async function peopleByIds(db: Queryable, ids: number[]) {
  if (!ids.length) return new Map<number, { handle: string; name: string; role: string }>();
  const rows = await db
    .selectFrom("users")
    .select(["id", "handle", "display_name", "role"])
    .where("id", "in", ids)
    .execute();
  return new Map(rows.map((r) => [r.id, { handle: r.handle, name: r.display_name, role: r.role }]));
}

/**
 * Who helped this prospect decide, and why: the advocate who referred them;
 * advocates who took (or agreed to) reference calls with them; authors of
 * stories they read, and advocates whose links brought them, before they
 * first asked (a conversation request or this referral).
 */
async function helpersOf(db: Queryable, referral: ReferralForCredit) {
  const reasons = new Map<number, Set<CreditReason>>([
    [referral.advocate_id, new Set<CreditReason>(["referred"])],
  ]);
  const add = (id: number, reason: CreditReason) => {
    const set = reasons.get(id) ?? new Set<CreditReason>();
    set.add(reason);
    reasons.set(id, set);
  };
  const prospect = await db
    .selectFrom("users")
    .select("id")
    .where(sql<string>`lower(email)`, "=", referral.contact_email.toLowerCase())
    .executeTakeFirst();
  if (prospect) {
    const firstAsk = await db
      .selectFrom("reference_requests")
      .select((eb) => eb.fn.min("created_at").as("at"))
      .where("prospect_id", "=", prospect.id)
      .executeTakeFirst();
    const referredAt = new Date(referral.created_at);
    const askedAt =
      firstAsk?.at && new Date(firstAsk.at) < referredAt ? new Date(firstAsk.at) : referredAt;
    const [calls, reads, links] = await Promise.all([
      db
        .selectFrom("reference_requests")
        .select("advocate_id")
        .where("prospect_id", "=", prospect.id)
        .where("status", "in", ["accepted", "completed"])
        .execute(),
      db
        .selectFrom("prospect_touches")
        .select("advocate_id")
        .where("user_id", "=", prospect.id)
        .where("kind", "=", "story_read")
        .where("created_at", "<=", askedAt)
        .execute(),
      db
        .selectFrom("referral_link_clicks as c")
        .select("c.advocate_id")
        .where("c.clicked_at", "<=", askedAt)
        .where((eb) =>
          eb.or([
            eb("c.user_id", "=", prospect.id),
            eb(
              "c.id",
              "in",
              eb
                .selectFrom("prospect_touches")
                .select("click_id")
                .where("user_id", "=", prospect.id)
                .where("click_id", "is not", null)
                .$narrowType<{ click_id: number }>(),
            ),
          ]),
        )
        .execute(),
    ]);
    for (const c of calls) add(c.advocate_id, "reference_call");
    for (const r of reads) add(r.advocate_id, "story_read");
    for (const l of links) add(l.advocate_id, "link");
  }
  const people = await peopleByIds(db, [...reasons.keys()]);
  return [...reasons.entries()]
    .filter(([id]) => id === referral.advocate_id || isVerifiedCustomer(people.get(id)))
    .map(([id, set]) => ({
      advocateId: id,
      handle: people.get(id)?.handle ?? "",
      name: people.get(id)?.name ?? "",
      reasons: [...set],
    }));
}

export async function suggestCredit(
  db: Queryable,
  referral: ReferralForCredit,
): Promise<CreditLine[]> {
  const helpers = await helpersOf(db, referral);
  const shares = splitSuggestion(
    referral.advocate_id,
    helpers.map((h) => h.advocateId),
  );
  return helpers.map((h) => ({ ...h, shareBp: shares.get(h.advocateId) ?? 0 }));
}

/** The credit a won referral carries now, largest share first. */
export async function creditsOf(db: Queryable, referralId: number) {
  return db
    .selectFrom("referral_credits as c")
    .innerJoin("users as u", "u.id", "c.advocate_id")
    .select(["c.advocate_id", "c.share_bp", "u.handle", "u.display_name"])
    .where("c.referral_id", "=", referralId)
    .orderBy("c.share_bp", "desc")
    .orderBy("u.handle")
    .execute();
}

/** On a win, the suggested split becomes the credit (a manager can adjust it afterwards). */
export async function creditWin(trx: Queryable, referral: ReferralForCredit, at: Date) {
  const suggestion = await suggestCredit(trx, referral);
  await trx.deleteFrom("referral_credits").where("referral_id", "=", referral.id).execute();
  await trx
    .insertInto("referral_credits")
    .values(
      suggestion
        .filter((s) => s.shareBp > 0)
        .map((s) => ({
          referral_id: referral.id,
          advocate_id: s.advocateId,
          share_bp: s.shareBp,
          created_at: at,
        })),
    )
    .execute();
  return suggestion;
}

export interface CreditAdjustment {
  referralId: number;
  shares: { advocateId: number; shareBp: number }[];
  reason: string;
}

/** Checks a split before anything is written: whole basis points, verified advocates, 100 % in all. */
function checkSplit(input: CreditAdjustment) {
  if (!input.reason.trim())
    throw new FieldError("reason", "Say why the split changes: it goes into the audit log.");
  const kept = input.shares.filter((s) => s.shareBp !== 0);
  for (const s of kept)
    if (!Number.isInteger(s.shareBp) || s.shareBp < 0 || s.shareBp > WHOLE_SHARE)
      throw new FieldError(`share-${s.advocateId}`, "A share is between 0 and 100 %.");
  if (new Set(kept.map((s) => s.advocateId)).size !== kept.length)
    throw new FieldError("shares", "Each advocate appears once in a split.");
  const total = kept.reduce((sum, s) => sum + s.shareBp, 0);
  if (total !== WHOLE_SHARE)
    throw new FieldError(
      "shares",
      `The shares add up to ${formatShare(total)}; they must add up to 100 %.`,
    );
  return kept;
}

/** A manager changes who is credited with a won referral, and says why (audited). */
export const adjustReferralCredit = defineCommand({
  name: "referral.credit.adjust",
  authorize(viewer, input: CreditAdjustment) {
    ensure("manageReferrals", viewer);
    checkSplit(input);
  },
  async run(trx, input, { viewer, effects, now }) {
    ensure("manageReferrals", viewer);
    const kept = checkSplit(input);
    const referral = await trx
      .selectFrom("referrals")
      .select(["id", "stage", "company"])
      .where("id", "=", input.referralId)
      .forUpdate()
      .executeTakeFirst();
    if (!referral) throw new NotFoundError("We could not find that referral.");
    if (referral.stage !== "won")
      throw new ConflictError("Credit is shared once a referral is won.");
    const people = await peopleByIds(
      trx,
      kept.map((s) => s.advocateId),
    );
    for (const s of kept)
      if (!isVerifiedCustomer(people.get(s.advocateId)))
        throw new FieldError(`share-${s.advocateId}`, "Credit goes to verified advocates only.");
    const before = await creditsOf(trx, referral.id);
    await trx.deleteFrom("referral_credits").where("referral_id", "=", referral.id).execute();
    await trx
      .insertInto("referral_credits")
      .values(
        kept.map((s) => ({
          referral_id: referral.id,
          advocate_id: s.advocateId,
          share_bp: s.shareBp,
          created_at: now,
        })),
      )
      .execute();
    effects.audit({
      actorId: viewer.id,
      action: "referral.credit_adjusted",
      subjectType: "referral",
      subjectId: referral.id,
      details: {
        reason: input.reason.trim(),
        from: before.map((c) => ({ advocateId: c.advocate_id, shareBp: c.share_bp })),
        to: kept,
      },
    });
    return { referral, credits: await creditsOf(trx, referral.id) };
  },
});

/** Revenue and margin credited to one advocate: each won referral × their share. */
export async function creditedReturn(db: Queryable, advocateId: number) {
  const row = await db
    .selectFrom("referral_credits as c")
    .innerJoin("referrals as f", "f.id", "c.referral_id")
    .select([
      sql<number>`count(*)`.as("wins"),
      sql<number>`coalesce(sum(round(coalesce(f.revenue_cents, 0) * c.share_bp / 10000.0)), 0)`.as(
        "revenue",
      ),
      sql<number>`coalesce(sum(round(coalesce(f.margin_cents, 0) * c.share_bp / 10000.0)), 0)`.as(
        "margin",
      ),
    ])
    .where("c.advocate_id", "=", advocateId)
    .where("f.stage", "=", "won")
    .executeTakeFirstOrThrow();
  return {
    creditedWins: Number(row.wins),
    revenueCents: Number(row.revenue),
    marginCents: Number(row.margin),
  };
}

/** Each advocate's share of each won referral they are credited with, keyed by referral. */
export async function sharesOf(db: Queryable, advocateId: number) {
  const rows = await db
    .selectFrom("referral_credits")
    .select(["referral_id", "share_bp"])
    .where("advocate_id", "=", advocateId)
    .execute();
  return new Map(rows.map((r) => [r.referral_id, r.share_bp]));
}

/** Companies an advocate helped decide: won referrals they hold a share of. */
export async function companiesHelped(db: Queryable, advocateId: number) {
  const row = await db
    .selectFrom("referral_credits as c")
    .innerJoin("referrals as f", "f.id", "c.referral_id")
    .select(sql<number>`count(distinct lower(f.company))`.as("n"))
    .where("c.advocate_id", "=", advocateId)
    .where("f.stage", "=", "won")
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** A referral with its credit and the suggested split, for the managers' credit page. */
export async function referralCredit(db: Queryable, viewer: Viewer, referralId: number) {
  ensure("manageReferrals", viewer);
  const referral = await db
    .selectFrom("referrals as f")
    .innerJoin("users as u", "u.id", "f.advocate_id")
    .select([
      "f.id",
      "f.advocate_id",
      "f.company",
      "f.contact_name",
      "f.contact_email",
      "f.stage",
      "f.revenue_cents",
      "f.margin_cents",
      "f.created_at",
      "u.handle as advocate_handle",
      "u.display_name as advocate_name",
    ])
    .where("f.id", "=", referralId)
    .executeTakeFirst();
  if (!referral) throw new NotFoundError("We could not find that referral.");
  const [credits, suggestion] = await Promise.all([
    creditsOf(db, referral.id),
    suggestCredit(db, referral),
  ]);
  return { referral, credits, suggestion };
}

/** The advocate a manager names by handle when adding someone to a split. */
export async function advocateIdByHandle(db: Queryable, handle: string) {
  const row = await db
    .selectFrom("users")
    .select(["id", "role"])
    .where(sql<string>`lower(handle)`, "=", handle.trim().replace(/^@/, "").toLowerCase())
    .executeTakeFirst();
  return row && isVerifiedCustomer(row) ? row.id : null;
}
