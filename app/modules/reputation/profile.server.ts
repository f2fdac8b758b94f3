import type { Queryable } from "../../../db/client.ts";
import { policy, type Viewer } from "../access/policy.ts";
import { listBadges } from "./badges.server.ts";
import { dailyPoints, listHistory, recentPoints } from "./history.server.ts";
import { getBalance } from "./ledger.server.ts";

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
  const [balance, recent, days, badges, history] = await Promise.all([
    getBalance(db, userId),
    recentPoints(db, userId, now),
    dailyPoints(db, userId),
    listBadges(db, userId),
    listHistory(db, viewer, userId, { page: historyPage }),
  ]);
  return {
    balance,
    recent,
    days,
    today: now.toISOString().slice(0, 10),
    badges,
    history,
    canExport: policy.exportLedger(viewer, userId),
    canAward: policy.awardPointsManually(viewer, userId),
  };
}
export type ProfileReputation = Awaited<ReturnType<typeof loadProfileReputation>>;
