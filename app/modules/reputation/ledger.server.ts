import type { Effects } from "../commands/effects.server.ts";
import { sql } from "kysely";
import type { Queryable } from "../../../db/client.ts";
import { inTransaction } from "../../../db/transaction.ts";
import { FieldError, ForbiddenError, NotFoundError } from "../auth/errors.ts";
import type { RealtimePublisher } from "../realtime/publisher.ts";
import { syncAutomaticTier, type AutomaticTierChange } from "../tiers/standing.server.ts";
import { checkBadges, type BadgeGrant } from "./badges.server.ts";
import { loadReputationConfig } from "./config.server.ts";
import { ReputationError, SelfVoteError } from "./errors.ts";
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

export type { Area, RuleKey } from "./rules.ts";

/**
 * The reputation ledger: every point is one append-only row with a rule, a
 * source, an idempotency key and who awarded it. Balances are written only
 * here (and by reconcile), in the same transaction as the row they follow.
 */
export interface LedgerEntry {
  id: number;
  userId: number;
  amount: number;
  rule: RuleKey;
  area: Area;
  sourceType: string;
  sourceId: string;
  idempotencyKey: string;
  awardedBy: number | null;
  reason: string | null;
  reversesId: number | null;
  createdAt: Date;
}

export interface Balance {
  total: number;
  help: number;
  speaking: number;
  stories: number;
  community: number;
}

/** What awardPoints and reversePoints return: the row, and what announcePoints needs after commit. */
export interface AwardedEntry extends LedgerEntry {
  /** The person's balance right after this entry, in the same transaction. */
  balance: Balance;
  /** Badges this entry unlocked. */
  badges: BadgeGrant[];
  /** The automatic tier this entry moved the person into or out of, if any. */
  tierChange?: AutomaticTierChange | null;
  /** The source's title when the caller gave one, for the toast ("… in 'Migrating from v3?'"). */
  sourceTitle?: string;
}

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
const MAX_REASON_LENGTH = 500;

type LedgerRow = {
  id: number;
  user_id: number;
  amount: number;
  rule: string;
  area: Area;
  source_type: string;
  source_id: string;
  idempotency_key: string;
  awarded_by: number | null;
  reason: string | null;
  reverses_id: number | null;
  created_at: Date;
};

function toEntry(row: LedgerRow): LedgerEntry {
  return {
    id: Number(row.id),
    userId: row.user_id,
    amount: row.amount,
    rule: row.rule as RuleKey,
    area: row.area,
    sourceType: row.source_type,
    sourceId: row.source_id,
    idempotencyKey: row.idempotency_key,
    awardedBy: row.awarded_by,
    reason: row.reason,
    reversesId: row.reverses_id === null ? null : Number(row.reverses_id),
    createdAt: new Date(row.created_at),
  };
}

/** Turns a foreign-key failure on a person into the 404 it means. */
function missingPerson(error: unknown): never {
  const e = error as { code?: string; constraint?: string; message?: string };
  if (e?.code === "23503") {
    const text = `${e.constraint ?? ""} ${e.message ?? ""}`;
    if (text.includes("awarded_by"))
      throw new NotFoundError("The person awarding these points does not exist.");
    throw new NotFoundError("We could not find the person to award these points to.");
  }
  throw error;
}

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

/** Adds amount to the person's total and area, creating the balance row on first use. */
async function applyToBalance(
  trx: Queryable,
  userId: number,
  area: Area,
  amount: number,
): Promise<{ balance: Balance; tierChange: AutomaticTierChange | null }> {
  const row = await trx
    .insertInto("reputation_balances")
    .values({ user_id: userId, total: amount, [area]: amount, updated_at: new Date() })
    .onConflict((oc) =>
      oc.column("user_id").doUpdateSet({
        total: sql`reputation_balances.total + excluded.total`,
        [area]: sql`reputation_balances.${sql.ref(area)} + excluded.${sql.ref(area)}`,
        updated_at: sql`excluded.updated_at`,
      }),
    )
    .returning(["total", "help", "speaking", "stories", "community"])
    .executeTakeFirstOrThrow();
  // Automatic tiers follow the balance, in this same transaction.
  const tierChange = await syncAutomaticTier(trx, userId);
  return { balance: row, tierChange };
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

/**
 * Takes back an award with a compensating entry that points at it (the
 * original row is never changed). Returns null when there is nothing under
 * that key, or when it was already reversed (reversing twice is a no-op).
 */
export async function reversePoints(
  db: Queryable,
  input: { idempotencyKey: string; reason: string; reversedBy: number | null; at?: Date },
): Promise<AwardedEntry | null> {
  const reason = input.reason?.trim();
  if (!reason) throw new FieldError("reason", "Say why these points are taken back.");
  if (reason.length > MAX_REASON_LENGTH)
    throw new FieldError("reason", "Keep the reason under 500 characters.");
  try {
    return await inTransaction(db, async (trx) => {
      const original = await trx
        .selectFrom("reputation_ledger")
        .selectAll()
        .where("idempotency_key", "=", input.idempotencyKey)
        .executeTakeFirst();
      if (!original) return null;
      if (original.reverses_id !== null)
        throw new ReputationError("A reversal cannot itself be reversed; award again instead.");
      const row = await trx
        .insertInto("reputation_ledger")
        .values({
          user_id: original.user_id,
          amount: -original.amount,
          rule: original.rule,
          area: original.area,
          source_type: original.source_type,
          source_id: original.source_id,
          idempotency_key: `reverse:${original.idempotency_key}`,
          awarded_by: input.reversedBy,
          reason,
          reverses_id: original.id,
          created_at: input.at ?? new Date(),
        })
        // Either unique index (the key, or "reverses at most once") means: already reversed.
        .onConflict((oc) => oc.doNothing())
        .returningAll()
        .executeTakeFirst();
      if (!row) return null;
      const { balance, tierChange } = await applyToBalance(
        trx,
        original.user_id,
        original.area,
        -original.amount,
      );
      return { ...toEntry(row as LedgerRow), balance, badges: [], tierChange };
    });
  } catch (error) {
    return missingPerson(error);
  }
}

/**
 * Reverses every award earned by one source (a deleted post, a withdrawn
 * talk) that is not reversed yet. Returns the compensating entries.
 */
export async function reverseSource(
  db: Queryable,
  input: {
    source: { type: string; id: string | number };
    reason: string;
    reversedBy: number | null;
    at?: Date;
  },
): Promise<AwardedEntry[]> {
  return inTransaction(db, async (trx) => {
    const keys = await trx
      .selectFrom("reputation_ledger as l")
      .select("l.idempotency_key")
      .where("l.source_type", "=", input.source.type)
      .where("l.source_id", "=", String(input.source.id))
      .where("l.reverses_id", "is", null)
      .where(({ not, exists, selectFrom }) =>
        not(
          exists(
            selectFrom("reputation_ledger as r")
              .select("r.id")
              .whereRef("r.reverses_id", "=", "l.id"),
          ),
        ),
      )
      .orderBy("l.id")
      .execute();
    const out: AwardedEntry[] = [];
    for (const { idempotency_key } of keys) {
      const entry = await reversePoints(trx, {
        idempotencyKey: idempotency_key,
        reason: input.reason,
        reversedBy: input.reversedBy,
        at: input.at,
      });
      if (entry) out.push(entry);
    }
    return out;
  });
}

/** A person's balance (zeros when they have never earned anything). */
export async function getBalance(db: Queryable, userId: number): Promise<Balance> {
  const row = await db
    .selectFrom("reputation_balances")
    .select(["total", "help", "speaking", "stories", "community"])
    .where("user_id", "=", userId)
    .executeTakeFirst();
  return row ?? { total: 0, help: 0, speaking: 0, stories: 0, community: 0 };
}

/** What a history line or a toast says about an entry: "reply upvoted", "… reversed". */
export function describeEntry(entry: Pick<LedgerEntry, "rule" | "reversesId" | "reason">): string {
  const phrase = isRuleKey(entry.rule) ? RULES[entry.rule].phrase : entry.rule;
  if (entry.reversesId !== null) return `${phrase} (reversed)`;
  return phrase;
}

const pointsWord = (n: number) => (Math.abs(n) === 1 ? "point" : "points");

/** Announces these entries once the command that wrote them has committed. */
export function announceAwards(
  effects: Effects,
  ...entries: Array<LedgerEntry | AwardedEntry | null>
): void {
  if (entries.some((entry) => entry && entry.amount !== 0))
    effects.afterCommit((publisher) => announcePoints(publisher, entries));
}

/**
 * After commit: tells each person live, in their own socket room, what they
 * earned ("toast") and their new balance ("user:points"), and which badges
 * they unlocked. Entries that changed nothing (capped votes) stay silent.
 */
export function announcePoints(
  publisher: RealtimePublisher,
  entries: Array<LedgerEntry | AwardedEntry | null>,
): void {
  for (const entry of entries) {
    if (!entry || entry.amount === 0) continue;
    const awarded = entry as Partial<AwardedEntry>;
    const where = awarded.sourceTitle ? ` in “${awarded.sourceTitle}”` : "";
    const what =
      entry.rule === "manual_adjustment" && entry.reversesId === null && entry.reason
        ? entry.reason
        : `${describeEntry(entry)}${where}`;
    const n = Math.abs(entry.amount);
    publisher.toUser(entry.userId, "toast", {
      kind: entry.amount > 0 ? "success" : "info",
      title:
        entry.amount > 0
          ? `You earned ${n.toLocaleString("en-GB")} ${pointsWord(n)}`
          : `${n.toLocaleString("en-GB")} ${pointsWord(n)} taken back`,
      description: `${what.charAt(0).toUpperCase()}${what.slice(1)}`,
    });
    publisher.toUser(entry.userId, "user:points", {
      balance: awarded.balance ?? null,
      entry: {
        id: entry.id,
        amount: entry.amount,
        rule: entry.rule,
        area: entry.area,
        sourceType: entry.sourceType,
        sourceId: entry.sourceId,
        createdAt: entry.createdAt,
      },
    });
    for (const badge of awarded.badges ?? []) {
      publisher.toUser(entry.userId, "toast", {
        kind: "success",
        title: `New badge: ${badge.name}`,
        description: "It now shows on your profile.",
      });
    }
    if (awarded.tierChange) announceAutomaticTier(publisher, awarded.tierChange);
  }
}

/**
 * An automatic tier reached or lost with the balance: the person's open
 * sockets reload their standing (tier spaces open or close at once) and
 * they are told.
 */
function announceAutomaticTier(publisher: RealtimePublisher, change: AutomaticTierChange) {
  publisher.refreshViewer?.(change.userId);
  const up = (change.to?.rank ?? 0) > (change.from?.rank ?? 0);
  const title = up
    ? `You reached ${change.to!.name}`
    : change.to
      ? `Your tier is now ${change.to.name}`
      : `You are no longer ${change.from!.name}`;
  publisher.toUser(change.userId, "toast", {
    kind: up ? "success" : "info",
    title,
    description: up
      ? "It comes with the access of your new tier."
      : "Your points fell below what the tier keeps; earning them back restores it.",
  });
  publisher.toUser(change.userId, "tier:changed", { title });
}
