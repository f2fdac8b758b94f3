import { sql, type RawBuilder } from "kysely";
import type { Queryable } from "../../../db/client.ts";
import { STAFF_ROLES } from "../access/policy.ts";
import { SETTINGS_KEYS } from "./config.server.ts";
import { mergeOptions } from "./rules.ts";

/**
 * A board's ranked people, best first (points, then id), as two parallel
 * arrays: what the board's counts and pages are read from.
 */
export interface Standings {
  userIds: Int32Array;
  points: Int32Array;
}

interface Kept {
  version: string;
  builtAt: number;
  standings: Promise<Standings>;
}

/**
 * Kept standings are rebuilt after this long even when nothing they are
 * versioned by moved (a balance row removed with its account, say).
 */
const MAX_AGE_MS = 60_000;
const kept = new WeakMap<object, Map<string, Kept>>();
/** The staff roles as an SQL list, for `role in (…)`. */
const staffRoles = sql.join(STAFF_ROLES.map((role) => sql`${role}`));

/**
 * What a board's standings depend on, read in one cheap query: the newest
 * ledger row (every change of points writes one, reversals included), who
 * the staff are, whether an admin ranks them too, and for the last 30 days
 * the moment of the snapshot.
 */
async function versionOf(
  db: Queryable,
  recent: boolean,
): Promise<{ version: string; includeStaff: boolean }> {
  const snapshot = recent
    ? sql`(select max(computed_at) from reputation_recent_points)::text`
    : sql`''`;
  const row = await sql<{ v: string; options: unknown }>`
    select concat_ws('|',
      (select max(id) from reputation_ledger)::text,
      (select string_agg(id::text, ',' order by id) from users where role in (${staffRoles})),
      ${snapshot}) as v,
      (select value from settings where key = ${SETTINGS_KEYS.options}) as options`.execute(db);
  return {
    version: row.rows[0]?.v ?? "",
    includeStaff: mergeOptions(row.rows[0]?.options).leaderboardIncludesStaff,
  };
}

async function build(db: Queryable, source: RawBuilder<unknown>, includeStaff: boolean) {
  const eligible = includeStaff
    ? sql``
    : sql`and not exists (select 1 from users s where s.id = r.user_id and s.role in (${staffRoles}))`;
  const rows = await sql<{ user_id: number; points: number }>`
    select r.user_id, r.points from (${source}) r
    where r.points > 0 ${eligible}
    order by r.points desc, r.user_id`.execute(db);
  const userIds = new Int32Array(rows.rows.length);
  const points = new Int32Array(rows.rows.length);
  rows.rows.forEach((r, i) => {
    userIds[i] = r.user_id;
    points[i] = Number(r.points);
  });
  return { userIds, points };
}

/**
 * The standings of one board, kept per database and process while what they
 * depend on has not moved, so that every read of the board (its total, the
 * first rank of a page, a reader's own rank, the page itself) is arithmetic
 * instead of counting the whole board in SQL, and whether staff are ranked on
 * it. Each read still asks the database whether anything moved. Inside a
 * transaction the standings are built from what that transaction sees and
 * not kept.
 */
export async function standingsOf(
  db: Queryable,
  board: { key: string; source: RawBuilder<unknown>; recent: boolean },
): Promise<{ standings: Standings; includeStaff: boolean }> {
  const { version, includeStaff } = await versionOf(db, board.recent);
  if (db.isTransaction)
    return { standings: await build(db, board.source, includeStaff), includeStaff };
  let boards = kept.get(db);
  if (!boards) kept.set(db, (boards = new Map()));
  const key = `${board.key}|${includeStaff ? "staff" : "ranked"}`;
  const current = boards.get(key);
  if (current && current.version === version && Date.now() - current.builtAt < MAX_AGE_MS)
    return { standings: await current.standings, includeStaff };
  const standings = build(db, board.source, includeStaff);
  boards.set(key, { version, builtAt: Date.now(), standings });
  standings.catch(() => {
    if (boards.get(key)?.standings === standings) boards.delete(key);
  });
  return { standings: await standings, includeStaff };
}

/** How many on the board have more than `points`: the rank of someone with `points` is this plus one. */
export function placesAbove(standings: Standings, points: number): number {
  // The first index whose points are not above `points` (points run downwards).
  let low = 0;
  let high = standings.points.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (standings.points[mid] > points) low = mid + 1;
    else high = mid;
  }
  return low;
}
