import type { ColumnType, Generated } from "kysely";

/** Timestamps the database fills in unless a seed gives the moment it happened. */
type CreatedAt = ColumnType<Date, Date | string | undefined, never>;
type UpdatedAt = ColumnType<Date, Date | string | undefined, Date | string>;
type Moment = ColumnType<Date, Date | string, Date | string>;
type OptionalMoment = ColumnType<
  Date | null,
  Date | string | null | undefined,
  Date | string | null
>;
type TextList = ColumnType<string[], string[] | undefined, string[]>;

export type TierKind = "base" | "automatic" | "awarded";
export type TierChange = "reached" | "lost" | "granted" | "renewed" | "revoked" | "lapsed";
export type AwardStatus = "active" | "revoked" | "lapsed";
export type NominationStatus = "open" | "accepted" | "declined";

/** The tier catalogue (admins edit it). Ranks: Member 1, Contributor 2, Champion 3, MVP 4. */
export interface TiersTable {
  id: Generated<number>;
  slug: string;
  name: string;
  rank: number;
  kind: TierKind;
  description: Generated<string>;
  colour: Generated<string>;
  icon: Generated<string>;
  /** Automatic tiers: reached at this balance, kept down to 90 % of it. */
  reputation_threshold: number | null;
  /** Automatic tiers: also needs at least one verified talk or published case study. */
  requires_showcase: Generated<boolean>;
  /** Awarded tiers: the usual length of a term. */
  term_months: number | null;
  unlocks: TextList;
  nda_terms_md: Generated<string>;
  nda_terms_html: Generated<string>;
  /** Raised whenever the terms change, so everyone acknowledges the new text. */
  nda_terms_version: Generated<number>;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
}

/** The automatic tier a person holds now (stored for hysteresis). */
export interface TierAutomaticHoldingsTable {
  user_id: number;
  tier_id: number;
  since: Moment;
  updated_at: UpdatedAt;
}

export interface TierAwardsTable {
  id: Generated<number>;
  user_id: number;
  tier_id: number;
  status: AwardStatus;
  /** When this person first held the award (renewals keep it). */
  since: Moment;
  term_start: Moment;
  term_end: Moment;
  renewals: Generated<number>;
  granted_by: number | null;
  reason: string;
  ended_at: OptionalMoment;
  ended_by: number | null;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
}

/** One row per change of standing: who, what, why, when. */
export interface TierHistoryTable {
  id: Generated<number>;
  user_id: number;
  tier_id: number;
  change: TierChange;
  award_id: number | null;
  actor_id: number | null;
  reason: string | null;
  term_start: OptionalMoment;
  term_end: OptionalMoment;
  created_at: CreatedAt;
}

export interface TierNominationsTable {
  id: Generated<number>;
  nominee_id: number;
  tier_id: number;
  nominated_by: number | null;
  reason: string;
  evidence_links: TextList;
  status: ColumnType<NominationStatus, NominationStatus | undefined, NominationStatus>;
  decided_by: number | null;
  decided_at: OptionalMoment;
  decision_reason: string | null;
  award_id: number | null;
  created_at: CreatedAt;
}

/** Tables of tiers, awards and nominations (owned by app/modules/tiers). */
export interface TierTables {
  tiers: TiersTable;
  tier_automatic_holdings: TierAutomaticHoldingsTable;
  tier_awards: TierAwardsTable;
  tier_history: TierHistoryTable;
  tier_nominations: TierNominationsTable;
}
