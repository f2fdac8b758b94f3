import type { Queryable } from "../../../db/client.ts";
import type { NominationStatus } from "../../../db/tables/tiers.ts";
import { inTransaction } from "../../../db/transaction.ts";
import { recordAudit } from "../audit/audit.server.ts";
import {
  ConflictError,
  FieldError,
  ForbiddenError,
  NotFoundError,
  isUniqueViolation,
} from "../auth/errors.ts";
import { grantTier, keepTierNotice, type Actor, type TierNotice } from "./awards.server.ts";
import { addMonths } from "./rules.ts";

/**
 * Nominations for an awarded tier: an advocate or a manager puts someone
 * forward with a reason and evidence; managers decide with a reason; the
 * nominee is told. One open nomination per nominee and tier (the database
 * holds that with a partial unique index).
 */

export function mayNominate(actor: Actor | null): boolean {
  return actor !== null && actor.role !== "prospect";
}

export async function nominate(
  db: Queryable,
  actor: Actor,
  input: { handle: string; tierId: number; reason: string; evidenceLinks: string[]; at?: Date },
): Promise<{ id: number; nomineeName: string; tierName: string }> {
  if (!mayNominate(actor))
    throw new ForbiddenError("Only verified customers and the community team can nominate.");
  const reason = input.reason.trim();
  if (!reason) throw new FieldError("reason", "Say why: what have they done for their peers?");
  try {
    return await inTransaction(db, async (trx) => {
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
      if (!nominee)
        throw new FieldError("handle", "We could not find anyone with that handle.", 404);
      if (nominee.id === actor.id)
        throw new FieldError(
          "handle",
          "You cannot nominate yourself; ask a peer or a community manager who knows your work.",
        );
      if (nominee.role !== "advocate")
        throw new FieldError(
          "handle",
          nominee.role === "prospect"
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
          nominated_by: actor.id,
          reason,
          evidence_links: input.evidenceLinks,
          created_at: input.at ?? new Date(),
        })
        .returning("id")
        .executeTakeFirstOrThrow();
      return { id: row.id, nomineeName: nominee.display_name, tierName: tier.name };
    });
  } catch (error) {
    if (isUniqueViolation(error, "tier_nominations_one_open"))
      throw new ConflictError(
        "Someone has already nominated this person for that tier; the community team is reviewing it.",
      );
    throw error;
  }
}

export interface DecisionResult {
  notices: TierNotice[];
  status: NominationStatus;
  nomineeName: string;
}

/**
 * A manager accepts (which grants the tier for a term, in the same
 * transaction) or declines, with a reason the nominee reads.
 */
export async function decideNomination(
  db: Queryable,
  actor: Actor,
  nominationId: number,
  input: {
    decision: "accept" | "decline";
    reason: string;
    termStart?: Date;
    termEnd?: Date;
    at?: Date;
  },
): Promise<DecisionResult> {
  if (actor.role !== "manager" && actor.role !== "admin")
    throw new ForbiddenError("Only community managers decide on nominations.");
  const reason = input.reason.trim();
  if (!reason) throw new FieldError("reason", "Give a reason: the nominee reads it.");
  const at = input.at ?? new Date();
  return inTransaction(db, async (trx) => {
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
      .where("n.id", "=", nominationId)
      .forUpdate("n")
      .executeTakeFirst();
    if (!nomination) throw new NotFoundError("That nomination does not exist.");
    if (nomination.status !== "open")
      throw new ConflictError(`This nomination was already ${nomination.status}.`);

    const notices: TierNotice[] = [];
    let awardId: number | null = null;
    if (input.decision === "accept") {
      const termStart = input.termStart ?? at;
      const termEnd = input.termEnd ?? addMonths(termStart, nomination.term_months ?? 12);
      const granted = await grantTier(trx, actor, {
        userId: nomination.nominee_id,
        tierId: nomination.tier_id,
        reason,
        termStart,
        termEnd,
        at,
      });
      awardId = granted.awardId;
      notices.push(granted.notice);
    } else {
      notices.push(
        await keepTierNotice(
          trx,
          {
            userId: nomination.nominee_id,
            kind: "info",
            title: `Your ${nomination.tier_name} nomination was reviewed`,
            description: `Not this time: ${reason}`,
          },
          at,
        ),
      );
    }
    const status: NominationStatus = input.decision === "accept" ? "accepted" : "declined";
    await trx
      .updateTable("tier_nominations")
      .set({
        status,
        decided_by: actor.id,
        decided_at: at,
        decision_reason: reason,
        award_id: awardId,
      })
      .where("id", "=", nominationId)
      .execute();
    await recordAudit(trx, {
      actorId: actor.id,
      action: `tier.nomination_${status}`,
      subjectType: "user",
      subjectId: nomination.nominee_id,
      reason,
      details: { tier: nomination.tier_name, nominationId },
    });
    if (nomination.nominated_by && nomination.nominated_by !== nomination.nominee_id)
      notices.push(
        await keepTierNotice(
          trx,
          {
            userId: nomination.nominated_by,
            kind: "info",
            title: `Your nomination of ${nomination.display_name} was ${status}`,
            description: reason,
          },
          at,
          "/nominate",
        ),
      );
    return { notices, status, nomineeName: nomination.display_name };
  });
}

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
    .leftJoin("users as decider", "decider.id", "n.decided_by")
    .leftJoin("reputation_balances as b", "b.user_id", "n.nominee_id");
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
        "b.total as reputation",
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
      reputation: Number(r.reputation ?? 0),
    })),
    total,
    page,
    pageCount: Math.max(1, Math.ceil(total / NOMINATIONS_PAGE_SIZE)),
  };
}
