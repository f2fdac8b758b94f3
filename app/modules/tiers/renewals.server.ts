import type { Queryable } from "../../../db/client.ts";
import { contributionsSince, type Contributions } from "../reputation/reads.server.ts";

export type { Contributions };

/**
 * The renewal review: awards whose term ends soon, each with what the
 * advocate gave the community over the last 12 months, as the reputation
 * module reads it from the ledger (reversed rows cancel out).
 */

export const RENEWAL_WINDOW_DAYS = 60;
const DAY = 86_400_000;

export interface RenewalCandidate {
  awardId: number;
  userId: number;
  handle: string;
  displayName: string;
  tierName: string;
  termStart: Date;
  termEnd: Date;
  since: Date;
  renewals: number;
  daysLeft: number;
  contributions: Contributions;
}

/** Active awards ending within the window (or already past their end, awaiting the sweep). */
export async function listRenewalCandidates(
  db: Queryable,
  now = new Date(),
  windowDays = RENEWAL_WINDOW_DAYS,
): Promise<RenewalCandidate[]> {
  const until = new Date(now.getTime() + windowDays * DAY);
  const awards = await db
    .selectFrom("tier_awards as a")
    .innerJoin("users as u", "u.id", "a.user_id")
    .innerJoin("tiers as t", "t.id", "a.tier_id")
    .select([
      "a.id",
      "a.user_id",
      "u.handle",
      "u.display_name",
      "t.name as tier_name",
      "a.term_start",
      "a.term_end",
      "a.since",
      "a.renewals",
    ])
    .where("a.status", "=", "active")
    .where("a.term_end", "<=", until)
    .orderBy("a.term_end", "asc")
    .orderBy("a.id", "asc")
    .execute();
  const contributions = await contributionsSince(
    db,
    [...new Set(awards.map((a) => a.user_id))],
    new Date(now.getTime() - 365 * DAY),
  );
  return awards.map((a) => ({
    awardId: a.id,
    userId: a.user_id,
    handle: a.handle,
    displayName: a.display_name,
    tierName: a.tier_name,
    termStart: a.term_start,
    termEnd: a.term_end,
    since: a.since,
    renewals: a.renewals,
    daysLeft: Math.ceil((new Date(a.term_end).getTime() - now.getTime()) / DAY),
    contributions: contributions.get(a.user_id)!,
  }));
}

/** How many active awards end within the review window (the managers' "needs you" count). */
export async function countAwardsDueForRenewal(
  db: Queryable,
  now = new Date(),
  windowDays = RENEWAL_WINDOW_DAYS,
): Promise<number> {
  const row = await db
    .selectFrom("tier_awards")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .where("status", "=", "active")
    .where("term_end", "<=", new Date(now.getTime() + windowDays * DAY))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}
