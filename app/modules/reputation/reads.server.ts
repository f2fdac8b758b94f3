import { sql, type RawBuilder } from "kysely";
import type { Queryable } from "../../../db/client.ts";

/**
 * What other modules may know of the ledger, asked here so that the rule
 * for "points that still stand" lives with the ledger: an award counts while
 * no reversal points at it, and a reversal's negative amount sits in the
 * same sums, so a withdrawn talk or answer cancels out.
 */

/** Ledger rules that count as a verified talk or a published case study. */
export const SHOWCASE_RULE_PATTERN = "talk\\_%";
export const STORY_RULE = "case_study_published";

/** SQL for a person's balance (0 when they have none), to embed in a caller's single round trip. */
export function balanceSql(userId: number | RawBuilder<unknown>): RawBuilder<number> {
  return sql<number>`(select total from reputation_balances where user_id = ${userId})`;
}

/** SQL counting a person's verified talks and published case studies that still stand. */
export function liveShowcasesSql(userId: number): RawBuilder<number> {
  return sql<number>`(select count(*)::int from reputation_ledger l
    where l.user_id = ${userId}
      and (l.rule like ${SHOWCASE_RULE_PATTERN} or l.rule = ${STORY_RULE})
      and l.reverses_id is null and l.amount > 0
      and not exists (select 1 from reputation_ledger r where r.reverses_id = l.id))`;
}

/** Verified talks and published case studies that still stand (not reversed). */
export async function countLiveShowcases(db: Queryable, userId: number): Promise<number> {
  const row = await sql<{ n: number }>`select ${liveShowcasesSql(userId)} as n`.execute(db);
  return Number(row.rows[0]?.n ?? 0);
}

/** A person's balance and showcases, in one round trip. */
export async function standingFacts(
  db: Queryable,
  userId: number,
): Promise<{ balance: number; showcases: number }> {
  const row = await sql<{ balance: number | null; showcases: number }>`
    select ${balanceSql(userId)} as balance, ${liveShowcasesSql(userId)} as showcases`.execute(db);
  return {
    balance: Number(row.rows[0]?.balance ?? 0),
    showcases: Number(row.rows[0]?.showcases ?? 0),
  };
}

/** Balances of several people (0 for those without one). */
export async function balancesOf(db: Queryable, userIds: number[]): Promise<Map<number, number>> {
  const out = new Map<number, number>(userIds.map((id) => [id, 0]));
  if (userIds.length === 0) return out;
  const rows = await db
    .selectFrom("reputation_balances")
    .select(["user_id", "total"])
    .where("user_id", "in", userIds)
    .execute();
  for (const r of rows) out.set(r.user_id, Number(r.total));
  return out;
}

/** Everyone who has a balance, lowest id first. */
export async function usersWithBalance(db: Queryable): Promise<number[]> {
  const rows = await db
    .selectFrom("reputation_balances")
    .select("user_id")
    .orderBy("user_id")
    .execute();
  return rows.map((r) => r.user_id);
}

export interface Contributions {
  points: { total: number; help: number; speaking: number; stories: number; community: number };
  talks: number;
  stories: number;
  acceptedAnswers: number;
}

/** What several people gave the community since a day, from the ledger rows by rule and area. */
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

/** Points one person earned in each calendar year before `before`'s year, by area (reversals count). */
export async function pointsByAreaPerYear(
  db: Queryable,
  userId: number,
  before: Date,
): Promise<{ year: number; total: number; areas: Record<string, number> }[]> {
  const rows = await db
    .selectFrom("reputation_ledger")
    .select([
      sql<number>`extract(year from created_at at time zone 'UTC')::int`.as("year"),
      "area",
      sql<number>`coalesce(sum(amount), 0)::int`.as("points"),
    ])
    .where("user_id", "=", userId)
    .where("created_at", "<", new Date(Date.UTC(before.getUTCFullYear(), 0, 1)))
    .groupBy(["year", "area"])
    .orderBy("year")
    .execute();
  const years = new Map<number, { year: number; total: number; areas: Record<string, number> }>();
  for (const row of rows) {
    const year = Number(row.year);
    const entry = years.get(year) ?? { year, total: 0, areas: {} };
    entry.areas[row.area] = Number(row.points);
    entry.total += Number(row.points);
    years.set(year, entry);
  }
  return [...years.values()].filter((y) => y.total > 0);
}
