import { sql, type RawBuilder } from "kysely";
import type { Queryable } from "../../../db/client.ts";
import { isStaff, policy, type Viewer } from "../access/policy.ts";
import { loadReputationConfig } from "./config.server.ts";
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

const STAFF_ROLES = ["manager", "admin"] as const;

/**
 * Ranked people on one board. All-time and per-area boards read the
 * balance table through its (points desc, user_id) indexes; the last 30
 * days sum the ledger through its (created_at) covering index. Staff are
 * left out unless an admin included them; ties share a rank.
 */
export async function getLeaderboard(
  db: Queryable,
  viewer: Viewer,
  options: { board?: Board; page?: number; now?: Date } = {},
): Promise<Leaderboard> {
  const board = options.board ?? "all";
  const page = Math.max(1, Math.floor(options.page ?? 1));
  const { options: config } = await loadReputationConfig(db);
  const includeStaff = config.leaderboardIncludesStaff;
  const since = new Date((options.now ?? new Date()).getTime() - 30 * DAY);
  const source = boardSource(board, since);

  const eligible = includeStaff
    ? sql``
    : sql`and not exists (select 1 from users s where s.id = r.user_id and s.role in ('manager', 'admin'))`;

  const pageRows = await sql<Ranked>`
    select r.user_id, r.points from (${source}) r
    where r.points > 0 ${eligible}
    order by r.points desc, r.user_id
    limit ${LEADERBOARD_PAGE_SIZE} offset ${(page - 1) * LEADERBOARD_PAGE_SIZE}`.execute(db);

  const total = await countAbove(db, source, null, includeStaff);
  const firstRank =
    pageRows.rows.length > 0
      ? 1 + (await countAbove(db, source, pageRows.rows[0].points, includeStaff))
      : 0;

  let viewerRanked: (Ranked & { rank: number }) | null = null;
  let viewerNote: string | null = null;
  if (viewer) {
    if (isStaff(viewer) && !includeStaff) {
      viewerNote = "Community managers and admins are not ranked.";
    } else {
      const mine = await sql<Ranked>`
        select r.user_id, r.points from (${source}) r where r.user_id = ${viewer.id}`.execute(db);
      const points = Number(mine.rows[0]?.points ?? 0);
      if (points > 0) {
        viewerRanked = {
          user_id: viewer.id,
          points,
          rank: 1 + (await countAbove(db, source, points, includeStaff)),
        };
      } else {
        viewerNote =
          board === "30d"
            ? "You have not earned points in the last 30 days yet."
            : "You are not on this board yet: earn your first points to join it.";
      }
    }
  }

  const ids = [...new Set([...pageRows.rows.map((r) => r.user_id), viewer?.id ?? 0])].filter(
    Boolean,
  );
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
  const rows: LeaderboardRow[] = pageRows.rows.map((r, i) => {
    const points = Number(r.points);
    if (i > 0 && points !== Number(pageRows.rows[i - 1].points))
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

/** The (user_id, points) relation a board ranks. */
function boardSource(board: Board, since: Date): RawBuilder<unknown> {
  if (board === "30d")
    return sql`select user_id, sum(amount)::int as points from reputation_ledger where created_at >= ${since} group by user_id`;
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
): Promise<number> {
  const floor = points ?? 0;
  const all = await sql<{ n: number }>`
    select count(*)::int as n from (${source}) r where r.points > ${floor}`.execute(db);
  if (includeStaff) return Number(all.rows[0]?.n ?? 0);
  // Staff are few: start from them (users_role_idx), then look up their points.
  const staff = await sql<{ n: number }>`
    select count(*)::int as n
    from users s join (${source}) r on r.user_id = s.id
    where s.role in (${sql.join(STAFF_ROLES.map((role) => sql`${role}`))}) and r.points > ${floor}`.execute(
    db,
  );
  return Number(all.rows[0]?.n ?? 0) - Number(staff.rows[0]?.n ?? 0);
}
