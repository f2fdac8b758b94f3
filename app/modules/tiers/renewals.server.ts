import { sql } from "kysely";
import type { Queryable } from "../../../db/client.ts";
import { SHOWCASE_RULE_PATTERN, STORY_RULE } from "./standing.server.ts";

/**
 * The renewal review: awards whose term ends soon, each with what the
 * advocate gave the community over the last 12 months, read from the
 * ledger rows by rule (reversed rows cancel out, because the reversal's
 * negative amount sits in the same sums).
 */

export const RENEWAL_WINDOW_DAYS = 60;
const DAY = 86_400_000;

export interface Contributions {
  points: { total: number; help: number; speaking: number; stories: number; community: number };
  talks: number;
  stories: number;
  acceptedAnswers: number;
}

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

/** Contributions of several people over a window, from the ledger. */
export async function contributionsSince(
  db: Queryable,
  userIds: number[],
  from: Date,
): Promise<Map<number, Contributions>> {
  const out = new Map<number, Contributions>();
  for (const id of userIds)
    out.set(id, {
      points: { total: 0, help: 0, speaking: 0, stories: 0, community: 0 },
      talks: 0,
      stories: 0,
      acceptedAnswers: 0,
    });
  if (userIds.length === 0) return out;
  const rows = await db
    .selectFrom("reputation_ledger")
    .select([
      "user_id",
      sql<number>`coalesce(sum(amount), 0)::int`.as("total"),
      sql<number>`coalesce(sum(amount) filter (where area = 'help'), 0)::int`.as("help"),
      sql<number>`coalesce(sum(amount) filter (where area = 'speaking'), 0)::int`.as("speaking"),
      sql<number>`coalesce(sum(amount) filter (where area = 'stories'), 0)::int`.as("stories"),
      sql<number>`coalesce(sum(amount) filter (where area = 'community'), 0)::int`.as("community"),
      // A reversal counts minus one, so a withdrawn talk or answer is not counted.
      sql<number>`coalesce(sum(sign(amount)) filter (where rule like ${SHOWCASE_RULE_PATTERN}), 0)::int`.as(
        "talks",
      ),
      sql<number>`coalesce(sum(sign(amount)) filter (where rule = ${STORY_RULE}), 0)::int`.as(
        "story_count",
      ),
      sql<number>`coalesce(sum(sign(amount)) filter (where rule = 'answer_accepted'), 0)::int`.as(
        "accepted",
      ),
    ])
    .where("user_id", "in", userIds)
    .where("created_at", ">=", from)
    .groupBy("user_id")
    .execute();
  for (const r of rows) {
    out.set(r.user_id, {
      points: {
        total: Number(r.total),
        help: Number(r.help),
        speaking: Number(r.speaking),
        stories: Number(r.stories),
        community: Number(r.community),
      },
      talks: Math.max(0, Number(r.talks)),
      stories: Math.max(0, Number(r.story_count)),
      acceptedAnswers: Math.max(0, Number(r.accepted)),
    });
  }
  return out;
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
