import type { ColumnType, Generated } from "kysely";

/** Timestamps the database fills in unless a seed gives the moment it happened. */
type CreatedAt = ColumnType<Date, Date | string | undefined, never>;

/** One award or reversal; append-only (the database refuses UPDATE and DELETE). */
export interface ReputationLedgerTable {
  id: Generated<number>;
  user_id: number;
  amount: number;
  rule: string;
  area: "help" | "speaking" | "stories" | "community";
  source_type: string;
  source_id: string;
  idempotency_key: string;
  awarded_by: number | null;
  reason: string | null;
  reverses_id: number | null;
  created_at: CreatedAt;
}

/** Materialised from the ledger, in the same transaction as each ledger row. */
export interface ReputationBalancesTable {
  user_id: number;
  total: Generated<number>;
  help: Generated<number>;
  speaking: Generated<number>;
  stories: Generated<number>;
  community: Generated<number>;
  updated_at: ColumnType<Date, Date | string | undefined, Date | string>;
}

export interface ReputationBadgesTable {
  user_id: number;
  badge: string;
  earned_at: CreatedAt;
}

/** Recent points per person (last 30 days), recomputed from the ledger every minute or so. */
export interface ReputationRecentPointsTable {
  user_id: number;
  points: number;
  computed_at: ColumnType<Date, Date | string, Date | string>;
}

/** Tables of the reputation engine (ledger, balances, badges). */
export interface ReputationTables {
  reputation_recent_points: ReputationRecentPointsTable;
  reputation_ledger: ReputationLedgerTable;
  reputation_balances: ReputationBalancesTable;
  reputation_badges: ReputationBadgesTable;
}

// The reputation migration adds the leaderboard opt-out to profiles.
declare module "../schema.ts" {
  interface ProfilesTable {
    /** Shown on leaderboards as "an advocate" instead of by name. */
    leaderboard_opt_out: Generated<boolean>;
  }
}
