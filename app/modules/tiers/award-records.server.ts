import type { Insertable } from "kysely";
import type { Queryable } from "../../../db/client.ts";
import type { TierHistoryTable } from "../../../db/tables/tiers.ts";
import type { Effects } from "../commands/effects.server.ts";

/** What every change to a person's tier records and tells them. */

/** Where tier notices lead: the person's own tier page. */
export const TIER_URL = "/settings/tier";

/**
 * A person's tier changed: a notice kept in their notifications (and a
 * toast), their sockets reload their standing (tier spaces open or close
 * without a reload), and pages listening for tier changes read again.
 */
export function tellTierChange(
  effects: Effects,
  notice: {
    userId: number;
    kind: "success" | "info";
    title: string;
    description: string;
    /** The page it concerns: their tier unless said otherwise. */
    url?: string;
  },
): void {
  effects.notify({ ...notice, url: notice.url ?? TIER_URL });
  effects.refreshViewer(notice.userId);
  effects.toUser(notice.userId, "tier:changed", { title: notice.title });
}

/** One line of a person's tier history, for each change to an award. */
export async function writeHistory(trx: Queryable, line: Insertable<TierHistoryTable>) {
  await trx.insertInto("tier_history").values(line).execute();
}

/** "a Champion", "an MVP". */
export function article(word: string): string {
  return /^[aeiou]/i.test(word) || /^MVP/.test(word) ? "an" : "a";
}
