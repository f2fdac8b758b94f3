import { sql } from "kysely";
import type { Queryable } from "../../../db/client.ts";
import { NotFoundError } from "../auth/errors.ts";
import { syncAutomaticTier, type AutomaticTierChange } from "../tiers/standing.server.ts";
import type { BadgeGrant } from "./badges.server.ts";
import type { Area, RuleKey } from "./rules.ts";

// What writing an entry and reversing one share: the row's shape, the
// balance it moves, and the 404 a missing person means.

/** One row of the ledger, as the rest of the code reads it. */
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

export const MAX_REASON_LENGTH = 500;

export type LedgerRow = {
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

export function toEntry(row: LedgerRow): LedgerEntry {
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
export function missingPerson(error: unknown): never {
  const e = error as { code?: string; constraint?: string; message?: string };
  if (e?.code === "23503") {
    const text = `${e.constraint ?? ""} ${e.message ?? ""}`;
    if (text.includes("awarded_by"))
      throw new NotFoundError("The person awarding these points does not exist.");
    throw new NotFoundError("We could not find the person to award these points to.");
  }
  throw error;
}

/** Adds amount to the person's total and area, creating the balance row on first use. */
export async function applyToBalance(
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

/** A person's balance (zeros when they have never earned anything). */
export async function getBalance(db: Queryable, userId: number): Promise<Balance> {
  const row = await db
    .selectFrom("reputation_balances")
    .select(["total", "help", "speaking", "stories", "community"])
    .where("user_id", "=", userId)
    .executeTakeFirst();
  return row ?? { total: 0, help: 0, speaking: 0, stories: 0, community: 0 };
}
