/**
 * Pure rules of tiers: which automatic tier a person holds (with hysteresis),
 * and what the next tier takes. No database here; the callers load the
 * numbers and store the answers.
 */

export type TierKind = "base" | "automatic" | "awarded";

export interface TierRule {
  id: number;
  slug: string;
  name: string;
  rank: number;
  kind: TierKind;
  reputationThreshold: number | null;
  requiresShowcase: boolean;
  termMonths: number | null;
}

/** An automatic tier is lost only below this share of its threshold (Discourse's rule). */
export const KEEP_PERCENT = 90;

/** Reached at the threshold. */
export function reachesThreshold(balance: number, threshold: number): boolean {
  return balance >= threshold;
}

/** Kept while the balance stays at or above 90 % of the threshold (integer maths, no rounding). */
export function keepsThreshold(balance: number, threshold: number): boolean {
  return balance * 100 >= threshold * KEEP_PERCENT;
}

/** The lowest balance at which a held tier is still kept. */
export function keepFloor(threshold: number): number {
  return Math.ceil((threshold * KEEP_PERCENT) / 100);
}

export interface Standing {
  /** Total reputation. */
  balance: number;
  /** Verified talks plus published case studies. */
  showcases: number;
}

/**
 * The automatic tier a person should hold, given the one they hold now.
 * A tier is reached at its threshold and kept down to 90 % of it, so a
 * reversal of a few points never flips status back and forth. The
 * showcase requirement (a verified talk or published story) has no margin:
 * it is met or it is not.
 */
export function automaticTierFor(
  tiers: readonly TierRule[],
  heldRank: number | null,
  standing: Standing,
): TierRule | null {
  const automatic = tiers
    .filter((t) => t.kind === "automatic" && t.reputationThreshold !== null)
    .sort((a, b) => b.rank - a.rank);
  for (const tier of automatic) {
    const threshold = tier.reputationThreshold!;
    if (tier.requiresShowcase && standing.showcases < 1) continue;
    if (reachesThreshold(standing.balance, threshold)) return tier;
    if (heldRank !== null && tier.rank <= heldRank && keepsThreshold(standing.balance, threshold))
      return tier;
  }
  return null;
}

export interface NextTierProgress {
  tier: TierRule;
  /** For automatic tiers: the reputation still to earn and the showcases still needed. */
  reputation: { have: number; need: number } | null;
  showcasesNeeded: number;
  /** Awarded tiers are reached only by a manager's decision. */
  awarded: boolean;
}

/** What the next tier above the current rank takes; null at the top. */
export function progressToNext(
  tiers: readonly TierRule[],
  currentRank: number,
  standing: Standing,
): NextTierProgress | null {
  const next = tiers.filter((t) => t.rank > currentRank).sort((a, b) => a.rank - b.rank)[0];
  if (!next) return null;
  if (next.kind === "automatic" && next.reputationThreshold !== null) {
    return {
      tier: next,
      reputation: { have: standing.balance, need: next.reputationThreshold },
      showcasesNeeded: next.requiresShowcase ? Math.max(0, 1 - standing.showcases) : 0,
      awarded: false,
    };
  }
  return { tier: next, reputation: null, showcasesNeeded: 0, awarded: next.kind === "awarded" };
}

/** "620 / 750 reputation; 1 verified talk or case study still needed". */
export function describeProgress(progress: NextTierProgress): string {
  if (progress.awarded) {
    return `${progress.tier.name} is awarded by the community team for a term, on contributions over the last 12 months. Anyone can nominate you.`;
  }
  const parts: string[] = [];
  if (progress.reputation) {
    parts.push(
      `${progress.reputation.have.toLocaleString("en-GB")} / ${progress.reputation.need.toLocaleString("en-GB")} reputation`,
    );
  }
  if (progress.showcasesNeeded > 0) {
    parts.push(`${progress.showcasesNeeded} verified talk or case study still needed`);
  }
  return parts.join("; ");
}

/** The share of the way to the next reputation threshold, 0–100. */
export function progressPercent(progress: NextTierProgress): number {
  if (!progress.reputation) return 0;
  const { have, need } = progress.reputation;
  return Math.max(0, Math.min(100, Math.floor((have / need) * 100)));
}

/** Adds whole calendar months (a 12-month term from 31 Jan ends on 31 Jan). */
export function addMonths(date: Date, months: number): Date {
  const result = new Date(date.getTime());
  const day = result.getUTCDate();
  result.setUTCDate(1);
  result.setUTCMonth(result.getUTCMonth() + months);
  const lastDay = new Date(
    Date.UTC(result.getUTCFullYear(), result.getUTCMonth() + 1, 0),
  ).getUTCDate();
  result.setUTCDate(Math.min(day, lastDay));
  return result;
}
