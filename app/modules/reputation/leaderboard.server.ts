import { sql, type RawBuilder } from "kysely";
import type { Queryable } from "../../../db/client.ts";
import { inTransaction } from "../../../db/transaction.ts";
import { isStaff, policy, STAFF_ROLES, type Viewer } from "../access/policy.ts";
import type { Place } from "../profiles/location.ts";
import { placeCondition } from "../profiles/location.server.ts";
import { loadReputationConfig } from "./config.server.ts";
import { placesAbove, standingsOf } from "./standings.server.ts";
import { AREAS, type Area } from "./rules.ts";

export const BOARDS = ["all", "30d", ...AREAS] as const;
export type Board = (typeof BOARDS)[number];
export const LEADERBOARD_PAGE_SIZE = 50;
const DAY = 86_400_000;

export function isBoard(value: unknown): value is Board {
  return typeof value === "string" && (BOARDS as readonly string[]).includes(value);
}

export interface LeaderboardRow {
  rank: number;
  points: number;
  /** Null when the person opted out or their profile is hidden from this viewer. */
  person: { id: number; handle: string; displayName: string; company: string } | null;
  isViewer: boolean;
}

export interface Leaderboard {
  board: Board;
  rows: LeaderboardRow[];
  total: number;
  page: number;
  pageCount: number;
  /** The signed-in person's own place on this board, pinned above the list. */
  viewerRow: LeaderboardRow | null;
  /** Why the viewer has no place ("staff are not ranked", "no points yet"). */
  viewerNote: string | null;
  includesStaff: boolean;
}

interface Ranked {
  user_id: number;
  points: number;
}

/**
 * Ranked people on one board. All-time and per-area boards read the
 * balance table through its (points desc, user_id) indexes; the last 30
 * days read a snapshot summed from the ledger at most a minute ago. Staff are
 * left out unless an admin included them; ties share a rank.
 */
export async function getLeaderboard(
  db: Queryable,
  viewer: Viewer,
  options: { board?: Board; page?: number; now?: Date; place?: Place } = {},
): Promise<Leaderboard> {
  const board = options.board ?? "all";
  const page = Math.max(1, Math.floor(options.page ?? 1));
  if (board === "30d") await keepRecentBoardFresh(db, options.now);
  const place = options.place;

  const {
    includeStaff,
    rows: pageRows,
    total,
    firstRank,
    mine,
  } = place
    ? await readFiltered(db, viewer, { board, page, place })
    : await readKept(db, viewer, { board, page });

  let viewerRanked: (Ranked & { rank: number }) | null = null;
  let viewerNote: string | null = null;
  if (viewer) {
    if (isStaff(viewer) && !includeStaff) {
      viewerNote = "Community managers and admins are not ranked.";
    } else {
      if (mine) {
        viewerRanked = { user_id: viewer.id, ...mine };
      } else if (place) {
        viewerNote =
          "You are not on this board: it lists people whose public location is there. Your location is in Settings.";
      } else {
        viewerNote =
          board === "30d"
            ? "You have not earned points in the last 30 days yet."
            : "You are not on this board yet: earn your first points to join it.";
      }
    }
  }

  const ids = [...new Set([...pageRows.map((r) => r.user_id), viewer?.id ?? 0])].filter(Boolean);
  const people = ids.length
    ? await db
        .selectFrom("users")
        .leftJoin("profiles", "profiles.user_id", "users.id")
        .select([
          "users.id",
          "users.handle",
          "users.display_name",
          "profiles.company",
          "profiles.is_public",
          "profiles.leaderboard_opt_out",
        ])
        .where("users.id", "in", ids)
        .execute()
    : [];
  const byId = new Map(people.map((p) => [p.id, p]));
  const personFor = (userId: number) => {
    const p = byId.get(userId);
    if (!p) return null;
    const own = viewer?.id === userId;
    const hidden =
      p.is_public === null ||
      p.leaderboard_opt_out ||
      !policy.viewProfile(viewer, { userId, isPublic: Boolean(p.is_public) });
    if (hidden && !own) return null;
    return { id: p.id, handle: p.handle, displayName: p.display_name, company: p.company ?? "" };
  };

  let rank = firstRank;
  const rows: LeaderboardRow[] = pageRows.map((r, i) => {
    const points = Number(r.points);
    if (i > 0 && points !== Number(pageRows[i - 1].points))
      rank = (page - 1) * LEADERBOARD_PAGE_SIZE + i + 1;
    return {
      rank,
      points,
      person: personFor(r.user_id),
      isViewer: viewer?.id === r.user_id,
    };
  });

  return {
    board,
    rows,
    total,
    page,
    pageCount: Math.max(1, Math.ceil(total / LEADERBOARD_PAGE_SIZE)),
    viewerRow: viewerRanked
      ? {
          rank: viewerRanked.rank,
          points: viewerRanked.points,
          person: personFor(viewerRanked.user_id),
          isViewer: true,
        }
      : null,
    viewerNote,
    includesStaff: includeStaff,
  };
}

interface BoardRead {
  /** Whether an admin ranks staff on the leaderboards. */
  includeStaff: boolean;
  rows: Ranked[];
  total: number;
  firstRank: number;
  /** The viewer's own points and rank, when they are on the board. */
  mine: { points: number; rank: number } | null;
}

/**
 * A whole board (no place): read from its kept standings, so the total, the
 * page's first rank and the reader's own rank cost no count over the board.
 */
async function readKept(
  db: Queryable,
  viewer: Viewer,
  options: { board: Board; page: number },
): Promise<BoardRead> {
  const { standings, includeStaff } = await standingsOf(db, {
    key: options.board,
    source: boardSource(options.board),
    recent: options.board === "30d",
  });
  const offset = (options.page - 1) * LEADERBOARD_PAGE_SIZE;
  const end = Math.min(offset + LEADERBOARD_PAGE_SIZE, standings.points.length);
  const rows: Ranked[] = [];
  for (let i = offset; i < end; i += 1)
    rows.push({ user_id: standings.userIds[i], points: standings.points[i] });
  const at = viewer ? standings.userIds.indexOf(viewer.id) : -1;
  const rankOf = (points: number) => 1 + placesAbove(standings, points);
  return {
    includeStaff,
    rows,
    total: standings.points.length,
    firstRank: rows.length > 0 ? rankOf(rows[0].points) : 0,
    mine: at >= 0 ? { points: standings.points[at], rank: rankOf(standings.points[at]) } : null,
  };
}

/** A board of the people whose public location is in one place: counted in SQL. */
async function readFiltered(
  db: Queryable,
  viewer: Viewer,
  filter: Omit<BoardQuery, "includeStaff"> & { page: number },
): Promise<BoardRead> {
  const source = boardSource(filter.board);
  const { place } = filter;
  const includeStaff = (await loadReputationConfig(db)).options.leaderboardIncludesStaff;
  const options = { ...filter, includeStaff };
  const rows = await boardPage(db, options);
  const total = await countAbove(db, source, null, includeStaff, place);
  const firstRank =
    rows.length > 0 ? 1 + (await countAbove(db, source, rows[0].points, includeStaff, place)) : 0;
  const mine =
    viewer && (includeStaff || !isStaff(viewer)) ? await rankOnBoard(db, viewer.id, options) : null;
  return { includeStaff, rows, total, firstRank, mine };
}

interface BoardQuery {
  board: Board;
  includeStaff: boolean;
  /** Only people whose public location is there (a private one never matches). */
  place?: Place;
}

function placeFilter(place: Place | undefined) {
  return place
    ? sql`and exists (select 1 from profiles p where p.user_id = r.user_id and ${placeCondition(place, "p")})`
    : sql``;
}

/** One page of a board: who, with how many points, best first (one indexed query). */
export async function boardPage(
  db: Queryable,
  options: BoardQuery & { page: number },
): Promise<Ranked[]> {
  const source = boardSource(options.board);
  const eligible = options.includeStaff
    ? sql``
    : sql`and not exists (select 1 from users s where s.id = r.user_id and s.role in ('manager', 'admin'))`;
  const result = await sql<Ranked>`
    select r.user_id, r.points from (${source}) r
    where r.points > 0 ${eligible} ${placeFilter(options.place)}
    order by r.points desc, r.user_id
    limit ${LEADERBOARD_PAGE_SIZE} offset ${(options.page - 1) * LEADERBOARD_PAGE_SIZE}`.execute(
    db,
  );
  return result.rows.map((r) => ({ user_id: r.user_id, points: Number(r.points) }));
}

/** A person's points and rank on a board (ties share a rank), or null without points. */
export async function rankOnBoard(
  db: Queryable,
  userId: number,
  options: BoardQuery,
): Promise<{ points: number; rank: number } | null> {
  const source = boardSource(options.board);
  const mine = await sql<Ranked>`
    select r.user_id, r.points from (${source}) r
    where r.user_id = ${userId} ${placeFilter(options.place)}`.execute(db);
  const points = Number(mine.rows[0]?.points ?? 0);
  if (points <= 0) return null;
  return {
    points,
    rank: 1 + (await countAbove(db, source, points, options.includeStaff, options.place)),
  };
}

/** How old the last-30-days snapshot may be before a reader recomputes it. */
export const RECENT_BOARD_MAX_AGE_MS = 60_000;

/**
 * Recomputes the last-30-days snapshot from the ledger when it is older
 * than maxAgeMs. One process recomputes at a time (an advisory lock); the
 * others keep reading the previous snapshot meanwhile. A cache derived from
 * the ledger, not a command: see the addendum to ADR 008.
 */
export async function refreshRecentBoard(
  db: Queryable,
  options: { now?: Date; maxAgeMs?: number } = {},
): Promise<boolean> {
  const now = options.now ?? new Date();
  const maxAge = options.maxAgeMs ?? RECENT_BOARD_MAX_AGE_MS;
  const latest = await db
    .selectFrom("reputation_recent_points")
    .select((eb) => eb.fn.max("computed_at").as("at"))
    .executeTakeFirst();
  const at = latest?.at ? new Date(latest.at).getTime() : null;
  if (at !== null && now.getTime() - at < maxAge && at <= now.getTime()) return false;
  return inTransaction(db, async (trx) => {
    const lock = await sql<{
      ok: boolean;
    }>`select pg_try_advisory_xact_lock(${RECENT_BOARD_LOCK}) as ok`.execute(trx);
    if (!lock.rows[0]?.ok) return false;
    await trx.deleteFrom("reputation_recent_points").execute();
    await sql`
      insert into reputation_recent_points (user_id, points, computed_at)
      select user_id, sum(amount)::int, ${now}
      from reputation_ledger
      where created_at >= ${new Date(now.getTime() - 30 * DAY)} and created_at <= ${now}
      group by user_id
      having sum(amount) > 0`.execute(trx);
    return true;
  });
}
const RECENT_BOARD_LOCK = 7_311_930;

/**
 * Before reading the last-30-days board: a board never computed is computed
 * now; a stale one is recomputed in the background while this request reads
 * the previous snapshot (so no reader waits for the sum of a month of rows).
 * Given an explicit moment (tests, tools), it recomputes before returning.
 */
async function keepRecentBoardFresh(db: Queryable, now?: Date): Promise<void> {
  const any = await db.selectFrom("reputation_recent_points").select("user_id").limit(1).execute();
  if (any.length === 0 || now || db.isTransaction) {
    await refreshRecentBoard(db, { now });
    return;
  }
  refreshRecentBoard(db).catch(() => {
    // A failed refresh leaves the previous snapshot; the next reader tries again.
  });
}

/** The (user_id, points) relation a board ranks. */
function boardSource(board: Board): RawBuilder<unknown> {
  if (board === "30d") return sql`select user_id, points from reputation_recent_points`;
  const column: "total" | Area = board === "all" ? "total" : board;
  return sql`select user_id, ${sql.ref(column)} as points from reputation_balances`;
}

/**
 * How many ranked people have more than `points` (or any points, when
 * null). Counting the whole board and taking away the few staff keeps this
 * on the index instead of joining every row with users.
 */
async function countAbove(
  db: Queryable,
  source: RawBuilder<unknown>,
  points: number | null,
  includeStaff: boolean,
  place?: Place,
): Promise<number> {
  const floor = points ?? 0;
  const all = await sql<{ n: number }>`
    select count(*)::int as n from (${source}) r
    where r.points > ${floor} ${placeFilter(place)}`.execute(db);
  if (includeStaff) return Number(all.rows[0]?.n ?? 0);
  // Staff are few: start from them (users_role_idx), then look up their points.
  const staff = await sql<{ n: number }>`
    select count(*)::int as n
    from users s join (${source}) r on r.user_id = s.id
    where s.role in (${sql.join(STAFF_ROLES.map((role) => sql`${role}`))}) and r.points > ${floor}
    ${placeFilter(place)}`.execute(db);
  return Number(all.rows[0]?.n ?? 0) - Number(staff.rows[0]?.n ?? 0);
}
