import { sql } from "kysely";
import type { Queryable } from "../../../db/client.ts";
import type { ReferralStage } from "../../../db/tables/promoters.ts";
import { ConflictError, FieldError, NotFoundError, isUniqueViolation } from "../../utils/errors.ts";
import { ensure } from "../access/ensure.ts";
import { isVerifiedCustomer, type Viewer } from "../access/policy.ts";
import { defineCommand } from "../commands/command.server.ts";
import { announceAwards } from "../reputation/ledger.server.ts";
import { creditWin } from "./credit.server.ts";
import { awardReferralPoints, type AwardedEntry } from "./points.server.ts";
import { referralForWebhook } from "./webhook-payloads.server.ts";
import { sendWebhookLater } from "../integrations/webhooks.server.ts";

import { NEXT_STAGES, REFERRAL_STAGES, REFERRAL_STAGE_LABELS } from "./labels.ts";

export {
  formatMoney,
  NEXT_STAGES,
  REFERRAL_STAGES,
  REFERRAL_STAGE_LABELS as STAGE_LABELS,
} from "./labels.ts";

export interface NewReferral {
  contactName: string;
  contactEmail: string;
  company: string;
  note: string;
  /** Recorded for this advocate by the community team (a CRM through the API); the viewer when absent. */
  advocateId?: number;
}

function ensureMayRefer(viewer: Viewer, input: NewReferral): asserts viewer is NonNullable<Viewer> {
  if (input.advocateId === undefined || input.advocateId === viewer?.id)
    ensure("submitReferral", viewer);
  else ensure("submitReferralFor", viewer);
}

/** An advocate refers a peer company; the contact agreed to be introduced. */
export const submitReferral = defineCommand({
  name: "referral.submit",
  authorize(viewer, input: NewReferral) {
    ensureMayRefer(viewer, input);
  },
  async run(trx, input: NewReferral, { viewer, effects, now }) {
    ensureMayRefer(viewer, input);
    const advocateId = input.advocateId ?? viewer.id;
    if (advocateId !== viewer.id) {
      const advocate = await trx
        .selectFrom("users")
        .select(["id", "role"])
        .where("id", "=", advocateId)
        .executeTakeFirst();
      if (!advocate || !isVerifiedCustomer(advocate))
        throw new FieldError("advocate", "Referrals are credited to a verified advocate.", 422);
    }
    try {
      const referral = await trx
        .insertInto("referrals")
        .values({
          advocate_id: advocateId,
          contact_name: input.contactName,
          contact_email: input.contactEmail.toLowerCase(),
          company: input.company,
          note: input.note,
          consent_confirmed_at: now,
          created_at: now,
          stage_changed_at: now,
        })
        .returningAll()
        .executeTakeFirstOrThrow();
      effects.audit({
        actorId: viewer.id,
        action: "referral.submitted",
        subjectType: "referral",
        subjectId: referral.id,
        details: { company: input.company },
      });
      sendWebhookLater(effects, "referral.created", (trx) => referralForWebhook(trx, referral.id));
      return referral;
    } catch (error) {
      if (isUniqueViolation(error, "referrals_open_contact_key"))
        throw new FieldError(
          "contactEmail",
          "This person was already referred and the team is following up. Thank you!",
          409,
        );
      throw error;
    }
  },
});

/**
 * A manager moves a referral on. Revenue and margin (in cents) are recorded
 * on a win and only then; a win goes through the rule "referral_won",
 * which is worth nothing unless an admin changed it.
 */
export interface ReferralMove {
  referralId: number;
  stage: ReferralStage;
  revenueCents?: number | null;
  marginCents?: number | null;
}

function checkMoney(input: ReferralMove) {
  const hasMoney = input.revenueCents != null || input.marginCents != null;
  if (input.stage !== "won" && hasMoney)
    throw new FieldError("revenue", "Revenue and margin are recorded only when a referral is won.");
  if (input.stage === "won") {
    if (input.revenueCents == null)
      throw new FieldError("revenue", "Enter the revenue this win brought (0 if none yet).");
    if (input.marginCents == null)
      throw new FieldError("margin", "Enter the margin on that revenue.");
    if (input.revenueCents < 0) throw new FieldError("revenue", "Revenue cannot be negative.");
    if (input.marginCents > input.revenueCents)
      throw new FieldError("margin", "The margin cannot be more than the revenue.");
  }
}

export const moveReferral = defineCommand({
  name: "referral.move",
  authorize(viewer, input: ReferralMove) {
    ensure("manageReferrals", viewer);
    checkMoney(input);
  },
  async run(
    trx,
    input,
    { viewer, effects, now },
  ): Promise<{
    referral: { id: number; stage: ReferralStage; company: string; advocate_id: number };
    awarded: AwardedEntry[];
  }> {
    ensure("manageReferrals", viewer);
    const id = input.referralId;
    const referral = await trx
      .selectFrom("referrals")
      .selectAll()
      .where("id", "=", id)
      .forUpdate()
      .executeTakeFirst();
    if (!referral) throw new NotFoundError("We could not find that referral.");
    if (!NEXT_STAGES[referral.stage].includes(input.stage))
      throw new ConflictError(
        NEXT_STAGES[referral.stage].length === 0
          ? `This referral is already ${referral.stage}; that is final.`
          : `A ${referral.stage} referral can move to ${NEXT_STAGES[referral.stage].join(", ")}, not to ${input.stage}.`,
      );
    const updated = await trx
      .updateTable("referrals")
      .set({
        stage: input.stage,
        revenue_cents: input.stage === "won" ? input.revenueCents! : null,
        margin_cents: input.stage === "won" ? input.marginCents! : null,
        stage_changed_at: now,
        stage_changed_by: viewer.id,
      })
      .where("id", "=", id)
      .returningAll()
      .executeTakeFirstOrThrow();
    effects.audit({
      actorId: viewer.id,
      action: "referral.stage_changed",
      subjectType: "referral",
      subjectId: id,
      details: {
        from: referral.stage,
        to: input.stage,
        ...(input.stage === "won"
          ? { revenueCents: input.revenueCents, marginCents: input.marginCents }
          : {}),
      },
    });
    // The suggested split is the credit until a manager adjusts it.
    if (input.stage === "won") await creditWin(trx, referral, now);
    const awarded =
      input.stage === "won"
        ? await awardReferralPoints(trx, {
            referralId: id,
            advocateId: referral.advocate_id,
            company: referral.company,
            awardedBy: viewer.id,
            at: now,
          })
        : [];
    announceAwards(effects, ...awarded);
    sendWebhookLater(effects, "referral.stage_changed", async (trx) => ({
      ...(await referralForWebhook(trx, id)),
      previousStage: referral.stage,
    }));
    if (input.stage === "won")
      sendWebhookLater(effects, "referral.won", (trx) => referralForWebhook(trx, id));
    effects.toUser(updated.advocate_id, "toast", {
      kind: "info",
      title: `Your referral of ${updated.company} is now ${REFERRAL_STAGE_LABELS[updated.stage].toLowerCase()}`,
      description: updated.stage === "won" ? "Thank you: they are a customer now." : undefined,
    });
    return { referral: updated, awarded };
  },
});

const referralColumns = [
  "referrals.id",
  "referrals.advocate_id",
  "referrals.contact_name",
  "referrals.contact_email",
  "referrals.company",
  "referrals.note",
  "referrals.stage",
  "referrals.revenue_cents",
  "referrals.margin_cents",
  "referrals.created_at",
  "referrals.stage_changed_at",
  "users.handle as advocate_handle",
  "users.display_name as advocate_name",
] as const;

export const REFERRALS_PAGE_SIZE = 25;

export async function listReferrals(
  db: Queryable,
  viewer: NonNullable<Viewer>,
  filters: { stage?: ReferralStage; page?: number },
) {
  ensure("manageReferrals", viewer);
  const page = Math.max(1, Math.floor(filters.page ?? 1));
  let query = db.selectFrom("referrals").innerJoin("users", "users.id", "referrals.advocate_id");
  if (filters.stage) query = query.where("referrals.stage", "=", filters.stage);
  const { total } = await query
    .select((eb) => eb.fn.count<number>("referrals.id").as("total"))
    .executeTakeFirstOrThrow();
  const rows = await query
    .select(referralColumns)
    .orderBy(
      sql`case referrals.stage when 'submitted' then 0 when 'contacted' then 1 when 'qualified' then 2 else 3 end`,
    )
    .orderBy("referrals.stage_changed_at", "desc")
    .orderBy("referrals.id", "desc")
    .limit(REFERRALS_PAGE_SIZE)
    .offset((page - 1) * REFERRALS_PAGE_SIZE)
    .execute();
  return {
    rows,
    total: Number(total),
    page,
    pageCount: Math.max(1, Math.ceil(Number(total) / REFERRALS_PAGE_SIZE)),
    summary: await referralSummary(db),
  };
}

export async function listOwnReferrals(db: Queryable, viewer: NonNullable<Viewer>) {
  return db
    .selectFrom("referrals")
    .innerJoin("users", "users.id", "referrals.advocate_id")
    .select(referralColumns)
    .where("referrals.advocate_id", "=", viewer.id)
    .orderBy("referrals.created_at", "desc")
    .limit(200)
    .execute();
}

/** Count per stage and money from won referrals, program-wide or for one advocate. */
export async function referralSummary(db: Queryable, advocateId?: number) {
  let query = db
    .selectFrom("referrals")
    .select([
      "stage",
      (eb) => eb.fn.countAll<number>().as("n"),
      sql<number>`coalesce(sum(revenue_cents) filter (where stage = 'won'), 0)`.as("revenue"),
      sql<number>`coalesce(sum(margin_cents) filter (where stage = 'won'), 0)`.as("margin"),
    ])
    .groupBy("stage");
  if (advocateId !== undefined) query = query.where("advocate_id", "=", advocateId);
  const rows = await query.execute();
  const byStage = Object.fromEntries(REFERRAL_STAGES.map((s) => [s, 0])) as Record<
    ReferralStage,
    number
  >;
  let revenueCents = 0;
  let marginCents = 0;
  for (const r of rows) {
    byStage[r.stage] = Number(r.n);
    revenueCents += Number(r.revenue);
    marginCents += Number(r.margin);
  }
  const total = Object.values(byStage).reduce((a, b) => a + b, 0);
  return { byStage, total, revenueCents, marginCents };
}

/** "12,500.00" or "12500" → cents; null for an empty field; NaN when it is not money. */
export function parseMoney(text: string | undefined | null): number | null {
  const t = (text ?? "").trim().replace(/[$,\s]/g, "");
  if (!t) return null;
  if (!/^-?\d+(\.\d{1,2})?$/.test(t)) return Number.NaN;
  const [whole, fraction = ""] = t.replace("-", "").split(".");
  const cents = Number(whole) * 100 + Number(fraction.padEnd(2, "0"));
  return t.startsWith("-") ? -cents : cents;
}
