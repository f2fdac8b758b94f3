import { sql } from "kysely";
import type { Queryable } from "../../../db/client.ts";
import { inTransaction } from "../../../db/transaction.ts";
import { FieldError, ForbiddenError, NotFoundError } from "../auth/errors.ts";
import { checkBadges } from "./badges.server.ts";
import { loadReputationConfig } from "./config.server.ts";
import { ReputationError, SelfVoteError } from "./errors.ts";
import {
  applyToBalance,
  MAX_REASON_LENGTH,
  missingPerson,
  toEntry,
  type AwardedEntry,
  type LedgerRow,
} from "./ledger-rows.server.ts";
import {
  applyVoteCaps,
  isArea,
  isRuleKey,
  MANUAL_ADJUSTMENT_LIMIT,
  RULE_KEYS,
  RULES,
  type Area,
  type RuleKey,
} from "./rules.ts";

/**
 * The reputation ledger: every point is one append-only row with a rule, a
 * source, an idempotency key and who awarded it. Balances are written only
 * here, in reversal.server.ts (and by reconcile), in the same transaction as
 * the row they follow. This file writes awards; reversal.server.ts takes them
 * back; announce.server.ts explains them and tells people after commit.
 */
export type { Area, RuleKey } from "./rules.ts";
export {
  getBalance,
  type AwardedEntry,
  type Balance,
  type LedgerEntry,
} from "./ledger-rows.server.ts";
export { reversePoints, reverseSource } from "./reversal.server.ts";
export { announceAwards, announcePoints, describeEntry } from "./announce.server.ts";

export interface AwardInput {
  userId: number;
  rule: RuleKey;
  /** What earned it, e.g. { type: "post", id: 42 }; title is only used for the live toast. */
  source: { type: string; id: string | number; title?: string };
  /** Unique per award, e.g. "vote:<voteId>", "accept:<threadId>:<postId>". */
  idempotencyKey: string;
  /** The voter or manager; null for the system. */
  awardedBy: number | null;
  /** Required for manual_adjustment. */
  reason?: string;
  /** Only for manual_adjustment (±500); otherwise the rule catalogue decides. */
  amount?: number;
  /** Only for manual_adjustment: the area it counts towards (community by default). */
  area?: Area;
  /** For seeds: when it happened. */
  at?: Date;
}

const VOTE_RULES = RULE_KEYS.filter((k) => RULES[k].voteDerived);
const DAY = 86_400_000;
const MAX_KEY_LENGTH = 200;

function validateAward(input: AwardInput) {
  if (!isRuleKey(input.rule)) throw new ReputationError(`Unknown reputation rule: ${input.rule}.`);
  if (!Number.isInteger(input.userId) || input.userId <= 0)
    throw new NotFoundError("We could not find the person to award these points to.");
  const key = input.idempotencyKey?.trim();
  if (!key || key.length > MAX_KEY_LENGTH)
    throw new ReputationError("Every award needs an idempotency key (at most 200 characters).");
  const sourceType = String(input.source?.type ?? "").trim();
  const sourceId = String(input.source?.id ?? "").trim();
  if (!sourceType || !sourceId)
    throw new ReputationError("Every award needs a source (what earned it).");
  const rule = RULES[input.rule];
  const reason = input.reason?.trim() || null;
  if (reason && reason.length > MAX_REASON_LENGTH)
    throw new FieldError("reason", "Keep the reason under 500 characters.");
  if (input.rule === "manual_adjustment") {
    if (!reason)
      throw new FieldError("reason", "Give a reason: the advocate reads it in their history.");
    const amount = input.amount;
    if (amount === undefined || !Number.isInteger(amount) || amount === 0)
      throw new FieldError("amount", "Enter a whole number of points other than zero.");
    if (Math.abs(amount) > MANUAL_ADJUSTMENT_LIMIT)
      throw new FieldError(
        "amount",
        `A manual award or correction stays within ±${MANUAL_ADJUSTMENT_LIMIT} points.`,
      );
    if (input.awardedBy === null || input.awardedBy === undefined)
      throw new ReputationError("A manual award names the manager who made it.");
    if (input.awardedBy === input.userId)
      throw new ForbiddenError("Managers cannot award points to themselves.");
    if (input.area !== undefined && !isArea(input.area))
      throw new FieldError("area", "Choose an area: help, speaking, stories or community.");
  } else {
    if (input.amount !== undefined)
      throw new ReputationError(
        "Only manual adjustments carry their own amount; other rules take it from the catalogue.",
      );
    if (input.area !== undefined && input.area !== rule.area)
      throw new ReputationError(`The rule ${input.rule} always counts towards ${rule.area}.`);
  }
  if (rule.voteDerived) {
    if (input.awardedBy === null || input.awardedBy === undefined)
      throw new ReputationError("Points from a vote name the voter.");
    if (input.awardedBy === input.userId) throw new SelfVoteError();
  }
  return { key, sourceType, sourceId, reason, rule };
}

/**
 * Records an award. Idempotent: a key already used returns null and writes
 * nothing, also when two requests race (INSERT … ON CONFLICT DO NOTHING on
 * the unique key). Runs inside the caller's transaction when given one, and
 * updates the balance (and grants badges) in that same transaction.
 *
 * Vote-derived rules are capped: at most 200 points from votes per person
 * per UTC day, at most 5 scoring votes per day from one voter to the same
 * author, and never a self-vote (400). A capped vote still writes its row,
 * with amount 0 (or what was left under the cap) and a reason saying why,
 * so the history explains itself.
 */
export async function awardPoints(db: Queryable, input: AwardInput): Promise<AwardedEntry | null> {
  const { key, sourceType, sourceId, reason: givenReason, rule } = validateAward(input);
  const at = input.at ?? new Date();
  const area: Area = input.rule === "manual_adjustment" ? (input.area ?? rule.area) : rule.area;
  try {
    return await inTransaction(db, async (trx) => {
      const config = await loadReputationConfig(trx);
      let amount = input.rule === "manual_adjustment" ? input.amount! : config.rules[input.rule];
      let reason = givenReason;

      if (rule.voteDerived) {
        // Serialise this person's vote awards on their balance row, so two
        // concurrent votes cannot both slip under the daily cap.
        await trx
          .insertInto("reputation_balances")
          .values({ user_id: input.userId })
          .onConflict((oc) => oc.column("user_id").doUpdateSet({ user_id: sql`excluded.user_id` }))
          .execute();
        const dayStart = new Date(Math.floor(at.getTime() / DAY) * DAY);
        const today = await trx
          .selectFrom("reputation_ledger")
          .select([
            sql<boolean>`exists (select 1 from reputation_ledger where idempotency_key = ${key})`.as(
              "used",
            ),
            sql<number>`coalesce(sum(amount), 0)`.as("received"),
            sql<number>`count(*) filter (where awarded_by = ${input.awardedBy} and amount > 0)`.as(
              "fromVoter",
            ),
          ])
          .where("user_id", "=", input.userId)
          .where("created_at", ">=", dayStart)
          .where("created_at", "<", new Date(dayStart.getTime() + DAY))
          .where("rule", "in", VOTE_RULES)
          // Withdrawn votes still count: voting and unvoting cannot farm points.
          .where("reverses_id", "is", null)
          .executeTakeFirstOrThrow();
        if (today.used) return null;
        const capped = applyVoteCaps({
          points: amount,
          receivedToday: Number(today.received),
          scoringVotesFromVoterToday: Number(today.fromVoter),
          options: config.options,
        });
        amount = capped.amount;
        reason = capped.reason ?? reason;
      }

      const row = await trx
        .insertInto("reputation_ledger")
        .values({
          user_id: input.userId,
          amount,
          rule: input.rule,
          area,
          source_type: sourceType,
          source_id: sourceId,
          idempotency_key: key,
          awarded_by: input.awardedBy ?? null,
          reason,
          reverses_id: null,
          created_at: at,
        })
        .onConflict((oc) => oc.column("idempotency_key").doNothing())
        .returningAll()
        .executeTakeFirst();
      if (!row) return null;

      const { balance, tierChange } = await applyToBalance(trx, input.userId, area, amount);
      const badges = amount > 0 ? await checkBadges(trx, input.userId) : [];
      return {
        ...toEntry(row as LedgerRow),
        balance,
        badges,
        tierChange,
        sourceTitle: input.source.title,
      };
    });
  } catch (error) {
    return missingPerson(error);
  }
}
