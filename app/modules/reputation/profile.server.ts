import type { Queryable } from "../../../db/client.ts";
import { policy, type Viewer } from "../access/policy.ts";
import { listBadges } from "./badges.server.ts";
import { dailyPoints, listHistory, recentPoints } from "./history.server.ts";

/**
 * A person's points per day and area (the chart), kept per process for the
 * people read most. It is the same for every reader and changes only with
 * the person's ledger, and every ledger entry also writes the person's
 * balance row (its total and `updated_at`): that pair is the version the
 * kept copy belongs to. For a long history the sum over the ledger is the
 * costliest read of the page (over 100 ms for the top earner of the scale
 * data set). The version also names the chart's layout, which the page
 * keeps in turn (`chartFor`).
 */
const DAYS_KEPT = 500;
type ChartDays = Awaited<ReturnType<typeof dailyPoints>>;
const daysByPerson = new Map<number, { version: string; days: ChartDays }>();

async function chartDays(db: Queryable, userId: number, version: string) {
  const kept = daysByPerson.get(userId);
  if (kept?.version === version) {
    // Least recently used goes first.
    daysByPerson.delete(userId);
    daysByPerson.set(userId, kept);
    return kept.days;
  }
  const days = await dailyPoints(db, userId);
  daysByPerson.delete(userId);
  daysByPerson.set(userId, { version, days });
  if (daysByPerson.size > DAYS_KEPT) daysByPerson.delete(daysByPerson.keys().next().value!);
  return days;
}

async function balanceWithVersion(db: Queryable, userId: number) {
  const row = await db
    .selectFrom("reputation_balances")
    .select(["total", "help", "speaking", "stories", "community", "updated_at"])
    .where("user_id", "=", userId)
    .executeTakeFirst();
  if (!row)
    return {
      balance: { total: 0, help: 0, speaking: 0, stories: 0, community: 0 },
      version: "none",
    };
  const { updated_at, ...balance } = row;
  return { balance, version: `${new Date(updated_at).getTime()}:${balance.total}` };
}

/**
 * Everything the profile's reputation section shows: the balance (total
 * and per area), the last 30 days, the chart's data, badges and one page
 * of the itemised history (?history=N). The caller has already checked
 * that this viewer may see the profile.
 */
export async function loadProfileReputation(
  db: Queryable,
  viewer: Viewer,
  userId: number,
  url: URL,
  now = new Date(),
) {
  const historyPage = Number(url.searchParams.get("history") ?? "1") || 1;
  const today = now.toISOString().slice(0, 10);
  const [{ balance, chart }, recent, badges, history] = await Promise.all([
    balanceWithVersion(db, userId).then(async ({ balance, version }) => {
      const days = await chartDays(db, userId, version);
      // Same person, ledger and day: the same chart, whoever reads it.
      const chart = days.length ? { key: `${userId}:${version}:${today}`, days, today } : null;
      return { balance, chart };
    }),
    recentPoints(db, userId, now),
    listBadges(db, userId),
    listHistory(db, viewer, userId, { page: historyPage }),
  ]);
  return {
    balance,
    recent,
    chart,
    badges,
    history,
    canExport: policy.exportLedger(viewer, userId),
    canAward: policy.awardPointsManually(viewer, userId),
  };
}
export type ProfileReputation = Awaited<ReturnType<typeof loadProfileReputation>>;
