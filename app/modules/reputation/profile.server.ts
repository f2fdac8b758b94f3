import type { Queryable } from "../../../db/client.ts";
import { policy, type Viewer } from "../access/policy.ts";
import { listBadges } from "./badges.server.ts";
import { chartView, type ChartView } from "./chart.ts";
import { dailyPoints, listHistory, recentPoints } from "./history.server.ts";

/**
 * A person's chart (points per day and area, laid out), kept per process
 * for the people read most. It is the same for every reader and changes
 * only with the person's ledger and the date, and every ledger entry also
 * writes the person's balance row (its total and `updated_at`): that pair
 * is the version the kept copy belongs to. For a long history the sum over
 * the ledger is the costliest read of the page (over 100 ms for the top
 * earner of the scale data set); the layout is the costliest part of its
 * render. A new day lays out the kept days again without reading them.
 */
const KEPT = 500;
type ChartDays = Awaited<ReturnType<typeof dailyPoints>>;
interface KeptChart {
  version: string;
  days: ChartDays;
  today: string;
  view: ChartView | null;
}
const chartByPerson = new Map<number, KeptChart>();

async function keptChart(db: Queryable, userId: number, version: string, today: string) {
  let kept = chartByPerson.get(userId);
  if (kept?.version !== version) {
    const days = await dailyPoints(db, userId);
    kept = { version, days, today, view: chartView(days, today) };
  } else if (kept.today !== today) {
    kept = { ...kept, today, view: chartView(kept.days, today) };
  }
  // Least recently used goes first.
  chartByPerson.delete(userId);
  chartByPerson.set(userId, kept);
  if (chartByPerson.size > KEPT) chartByPerson.delete(chartByPerson.keys().next().value!);
  return kept.view;
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
    balanceWithVersion(db, userId).then(async ({ balance, version }) => ({
      balance,
      chart: await keptChart(db, userId, version, today),
    })),
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
