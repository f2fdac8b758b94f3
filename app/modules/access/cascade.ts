/**
 * The release cascade of early-access content, as pure functions: from when
 * a person of a given tier rank may read an item, and the teaser line shown
 * to those who may not read it yet. The access policy asks these.
 */
import { formatDay as dayMonthYear, formatDayMonth } from "../../utils/format.ts";

export interface CascadeRelease {
  tierId: number;
  rank: number;
  tierName: string;
  opensAt: Date;
}

export interface CascadeSubject {
  status: "draft" | "published";
  /** General availability: everyone from then on; null means never public. */
  publicAt: Date | null;
  releases: readonly CascadeRelease[];
}

/**
 * When someone of this rank may first read the item: the earliest of the
 * public date and the dates of every tier at or below their rank (a tier
 * reads whatever the tiers below it read). Null: never, at this rank.
 */
export function readableFrom(subject: CascadeSubject, rank: number): Date | null {
  let earliest = subject.publicAt;
  for (const release of subject.releases) {
    if (rank > 0 && release.rank <= rank) {
      if (!earliest || release.opensAt < earliest) earliest = release.opensAt;
    }
  }
  return earliest;
}

export function isReadableAt(subject: CascadeSubject, rank: number, now: Date): boolean {
  if (subject.status !== "published") return false;
  const from = readableFrom(subject, rank);
  return from !== null && from.getTime() <= now.getTime();
}

export function isPublicAt(subject: CascadeSubject, now: Date): boolean {
  return (
    subject.status === "published" &&
    subject.publicAt !== null &&
    subject.publicAt.getTime() <= now.getTime()
  );
}

/** "12 Dec", or "12 Dec 2027" when the year differs from now's (dates are shown in UTC). */
export function formatDay(date: Date, now: Date): string {
  const sameYear = date.getUTCFullYear() === now.getUTCFullYear();
  return sameYear ? formatDayMonth(date) : dayMonthYear(date);
}

export interface UnlockHint {
  /** The sentence shown on the teaser. */
  text: string;
  /** When this viewer will be able to read it, if they will at their current rank. */
  availableAt: Date | null;
}

/**
 * The teaser's line for someone who may not read the item now:
 * "Champions and above — available to you on 12 Dec", "Public on 3 Feb",
 * or "Unlocks at Champion".
 */
export function unlockHint(subject: CascadeSubject, rank: number, now: Date): UnlockHint {
  const from = readableFrom(subject, rank);
  if (from && from.getTime() > now.getTime()) {
    const byTier = subject.releases
      .filter((r) => rank > 0 && r.rank <= rank && r.opensAt.getTime() === from.getTime())
      .sort((a, b) => a.rank - b.rank)[0];
    if (byTier) {
      return {
        text: `${pluralTierName(byTier.tierName)} and above — available to you on ${formatDay(from, now)}`,
        availableAt: from,
      };
    }
    return { text: `Public on ${formatDay(from, now)}`, availableAt: from };
  }
  const lowest = [...subject.releases].sort((a, b) => a.rank - b.rank)[0];
  if (lowest) return { text: `Unlocks at ${lowest.tierName}`, availableAt: null };
  return { text: "Not released yet", availableAt: null };
}

export interface CascadeInput {
  tierId: number;
  rank: number;
  tierName: string;
  opensAt: Date | null;
}

export interface CascadeProblem {
  field: string;
  message: string;
}

/**
 * A cascade opens top tier first: no tier may read before a higher one, and
 * general availability comes last. Returns the first problem, or null.
 * A tier without a date reads from the earliest date of the tiers below it,
 * or from general availability.
 */
export function checkCascade(
  tiers: readonly CascadeInput[],
  publicAt: Date | null,
): CascadeProblem | null {
  const byRankDesc = [...tiers].sort((a, b) => b.rank - a.rank);
  for (let i = 0; i < byRankDesc.length; i++) {
    const lower = byRankDesc[i];
    if (!lower.opensAt) continue;
    for (const higher of byRankDesc.slice(0, i)) {
      if (higher.opensAt && higher.opensAt.getTime() > lower.opensAt.getTime()) {
        return {
          field: `opens-${lower.tierId}`,
          message: `${pluralTierName(lower.tierName)} cannot read it before ${pluralTierName(higher.tierName)}: give ${pluralTierName(higher.tierName)} the same date or an earlier one.`,
        };
      }
    }
    if (publicAt && lower.opensAt.getTime() > publicAt.getTime()) {
      return {
        field: `opens-${lower.tierId}`,
        message: `${pluralTierName(lower.tierName)} cannot get it after general availability; leave their date empty or move it earlier.`,
      };
    }
  }
  if (!publicAt && byRankDesc.every((t) => !t.opensAt)) {
    return {
      field: "publicAt",
      message: "Give at least one tier a date, or a general availability date.",
    };
  }
  return null;
}

/** "Champions", "MVPs": how a tier's holders are named in a sentence. */
export function pluralTierName(name: string): string {
  return /s$/i.test(name) ? name : `${name}s`;
}
