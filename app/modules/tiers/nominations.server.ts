import type { Queryable } from "../../../db/client.ts";
import type { NominationStatus } from "../../../db/tables/tiers.ts";
import { ConflictError, FieldError, NotFoundError, isUniqueViolation } from "../../utils/errors.ts";
import { ensure } from "../access/ensure.ts";
import { isProspect, isVerifiedCustomer } from "../access/policy.ts";
import { defineCommand } from "../commands/command.server.ts";
import { NominationDecidedEmail } from "../mail/templates/tiers.tsx";
import { mailPerson } from "../mail/to-person.server.ts";
import { balancesOf } from "../reputation/reads.server.ts";
import { tellTierChange } from "./award-records.server.ts";
import { grantTier } from "./awards.server.ts";
import { addMonths } from "./rules.ts";

/**
 * Nominations for an awarded tier: an advocate or a manager puts someone
 * forward with a reason and evidence; managers decide with a reason; the
 * nominee is told. One open nomination per nominee and tier (the database
 * holds that with a partial unique index).
 */

export interface NominationInput {
  handle: string;
  tierId: number;
  reason: string;
  evidenceLinks: string[];
}

/** An advocate or a manager puts a peer forward for an awarded tier. */
export const nominate = defineCommand({
  name: "tier.nominate",
  async run(trx, input: NominationInput, { viewer, now }) {
    ensure("nominateForTier", viewer);
    const reason = input.reason.trim();
    if (!reason) throw new FieldError("reason", "Say why: what have they done for their peers?");
    const tier = await trx
      .selectFrom("tiers")
      .selectAll()
      .where("id", "=", input.tierId)
      .executeTakeFirst();
    if (!tier) throw new FieldError("tierId", "Choose a tier from the list.", 404);
    if (tier.kind !== "awarded")
      throw new FieldError("tierId", `${tier.name} is not awarded; it follows reputation.`);
    const nominee = await trx
      .selectFrom("users")
      .select(["id", "display_name", "role"])
      .where((eb) => eb(eb.fn("lower", ["handle"]), "=", input.handle.toLowerCase()))
      .executeTakeFirst();
    if (!nominee) throw new FieldError("handle", "We could not find anyone with that handle.", 404);
    if (nominee.id === viewer.id)
      throw new FieldError(
        "handle",
        "You cannot nominate yourself; ask a peer or a community manager who knows your work.",
      );
    if (!isVerifiedCustomer(nominee))
      throw new FieldError(
        "handle",
        isProspect(nominee)
          ? `${nominee.display_name} is not a verified customer yet, so cannot hold a tier.`
          : `${nominee.display_name} is on the community team; tiers are for advocates.`,
        409,
      );
    const holds = await trx
      .selectFrom("tier_awards")
      .select("id")
      .where("user_id", "=", nominee.id)
      .where("tier_id", "=", tier.id)
      .where("status", "=", "active")
      .where("term_end", ">", new Date())
      .executeTakeFirst();
    if (holds) throw new ConflictError(`${nominee.display_name} already holds ${tier.name}.`);
    const row = await trx
      .insertInto("tier_nominations")
      .values({
        nominee_id: nominee.id,
        tier_id: tier.id,
        nominated_by: viewer.id,
        reason,
        evidence_links: input.evidenceLinks,
        created_at: now,
      })
      .returning("id")
      .executeTakeFirstOrThrow()
      .catch((error: unknown) => {
        if (isUniqueViolation(error, "tier_nominations_one_open"))
          throw new ConflictError(
            "Someone has already nominated this person for that tier; the community team is reviewing it.",
          );
        throw error;
      });
    return { id: row.id, nomineeName: nominee.display_name, tierName: tier.name };
  },
});

export interface DecisionInput {
  nominationId: number;
  decision: "accept" | "decline";
  reason: string;
  termStart?: Date;
  termEnd?: Date;
}

/**
 * A manager accepts (which grants the tier for a term, in the same
 * transaction) or declines, with a reason the nominee reads.
 */
export const decideNomination = defineCommand({
  name: "tier.decide_nomination",
  async run(trx, input: DecisionInput, { viewer, effects, now, nested }) {
    ensure("decideNominations", viewer);
    const reason = input.reason.trim();
    if (!reason) throw new FieldError("reason", "Give a reason: the nominee reads it.");
    const nomination = await trx
      .selectFrom("tier_nominations as n")
      .innerJoin("tiers as t", "t.id", "n.tier_id")
      .innerJoin("users as u", "u.id", "n.nominee_id")
      .select([
        "n.id",
        "n.status",
        "n.nominee_id",
        "n.nominated_by",
        "n.tier_id",
        "t.name as tier_name",
        "t.term_months",
        "u.display_name",
      ])
      .where("n.id", "=", input.nominationId)
      .forUpdate("n")
      .executeTakeFirst();
    if (!nomination) throw new NotFoundError("That nomination does not exist.");
    if (nomination.status !== "open")
      throw new ConflictError(`This nomination was already ${nomination.status}.`);

    let awardId: number | null = null;
    if (input.decision === "accept") {
      const termStart = input.termStart ?? now;
      const termEnd = input.termEnd ?? addMonths(termStart, nomination.term_months ?? 12);
      const granted = await nested(grantTier, {
        userId: nomination.nominee_id,
        tierId: nomination.tier_id,
        reason,
        termStart,
        termEnd,
      });
      awardId = granted.awardId;
    } else {
      tellTierChange(effects, {
        userId: nomination.nominee_id,
        kind: "info",
        title: `Your ${nomination.tier_name} nomination was reviewed`,
        description: `Not this time: ${reason}`,
      });
    }
    const status: NominationStatus = input.decision === "accept" ? "accepted" : "declined";
    await trx
      .updateTable("tier_nominations")
      .set({
        status,
        decided_by: viewer.id,
        decided_at: now,
        decision_reason: reason,
        award_id: awardId,
      })
      .where("id", "=", nomination.id)
      .execute();
    effects.audit({
      actorId: viewer.id,
      action: `tier.nomination_${status}`,
      subjectType: "user",
      subjectId: nomination.nominee_id,
      reason,
      details: { tier: nomination.tier_name, nominationId: nomination.id },
    });
    if (nomination.nominated_by)
      mailPerson(effects, {
        userId: nomination.nominated_by,
        kind: "nomination_decided",
        idempotencyKey: `nomination_decided:${nomination.id}`,
        subject: (t) =>
          t("mail.nominationDecided.subject", { nominee: nomination.display_name, status }),
        template: (person, link) =>
          NominationDecidedEmail({
            name: person.name,
            nomineeName: nomination.display_name,
            tierName: nomination.tier_name,
            accepted: status === "accepted",
            reason,
            link: link("/nominate"),
          }),
      });
    if (nomination.nominated_by && nomination.nominated_by !== nomination.nominee_id)
      tellTierChange(effects, {
        userId: nomination.nominated_by,
        kind: "info",
        title: `Your nomination of ${nomination.display_name} was ${status}`,
        description: reason,
        url: "/nominate",
      });
    return { status, nomineeName: nomination.display_name };
  },
});

export interface NominationRow {
  id: number;
  status: NominationStatus;
  nomineeId: number;
  nomineeHandle: string;
  nomineeName: string;
  tierId: number;
  tierName: string;
  nominatorHandle: string | null;
  nominatorName: string | null;
  reason: string;
  evidenceLinks: string[];
  createdAt: Date;
  decidedAt: Date | null;
  decisionReason: string | null;
  deciderName: string | null;
  /** The nominee's reputation, to help the review. */
  reputation: number;
}

export const NOMINATIONS_PAGE_SIZE = 20;

/** The review queue (open, oldest first) or the decided ones (newest first). */
export async function listNominations(
  db: Queryable,
  options: {
    status?: "open" | "decided" | "all";
    page?: number;
    nomineeId?: number;
    nominatedBy?: number;
  } = {},
): Promise<{ rows: NominationRow[]; total: number; page: number; pageCount: number }> {
  const page = Math.max(1, options.page ?? 1);
  let base = db
    .selectFrom("tier_nominations as n")
    .innerJoin("users as nominee", "nominee.id", "n.nominee_id")
    .innerJoin("tiers as t", "t.id", "n.tier_id")
    .leftJoin("users as nominator", "nominator.id", "n.nominated_by")
    .leftJoin("users as decider", "decider.id", "n.decided_by");
  const status = options.status ?? "open";
  const open = status === "open";
  if (status === "open") base = base.where("n.status", "=", "open");
  if (status === "decided") base = base.where("n.status", "<>", "open");
  if (options.nomineeId !== undefined) base = base.where("n.nominee_id", "=", options.nomineeId);
  if (options.nominatedBy !== undefined)
    base = base.where("n.nominated_by", "=", options.nominatedBy);
  const [rows, count] = await Promise.all([
    base
      .select([
        "n.id",
        "n.status",
        "n.nominee_id",
        "nominee.handle as nominee_handle",
        "nominee.display_name as nominee_name",
        "n.tier_id",
        "t.name as tier_name",
        "nominator.handle as nominator_handle",
        "nominator.display_name as nominator_name",
        "n.reason",
        "n.evidence_links",
        "n.created_at",
        "n.decided_at",
        "n.decision_reason",
        "decider.display_name as decider_name",
      ])
      .orderBy(
        status === "all" ? "n.created_at" : open ? "n.created_at" : "n.decided_at",
        open ? "asc" : "desc",
      )
      .orderBy("n.id", open ? "asc" : "desc")
      .limit(NOMINATIONS_PAGE_SIZE)
      .offset((page - 1) * NOMINATIONS_PAGE_SIZE)
      .execute(),
    base.select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow(),
  ]);
  const total = Number(count.n);
  const reputation = await balancesOf(db, [...new Set(rows.map((r) => r.nominee_id))]);
  return {
    rows: rows.map((r) => ({
      id: r.id,
      status: r.status,
      nomineeId: r.nominee_id,
      nomineeHandle: r.nominee_handle,
      nomineeName: r.nominee_name,
      tierId: r.tier_id,
      tierName: r.tier_name,
      nominatorHandle: r.nominator_handle,
      nominatorName: r.nominator_name,
      reason: r.reason,
      evidenceLinks: r.evidence_links,
      createdAt: r.created_at,
      decidedAt: r.decided_at,
      decisionReason: r.decision_reason,
      deciderName: r.decider_name,
      reputation: reputation.get(r.nominee_id) ?? 0,
    })),
    total,
    page,
    pageCount: Math.max(1, Math.ceil(total / NOMINATIONS_PAGE_SIZE)),
  };
}

/** How many nominations wait for a manager's decision. */
export async function countOpenNominations(db: Queryable): Promise<number> {
  const row = await db
    .selectFrom("tier_nominations")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .where("status", "=", "open")
    .executeTakeFirstOrThrow();
  return Number(row.n);
}
