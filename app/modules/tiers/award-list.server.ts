import type { Queryable } from "../../../db/client.ts";

/** Awards as managers list them; the changes to them are the commands in awards.server.ts. */

export interface AwardRow {
  id: number;
  userId: number;
  handle: string;
  displayName: string;
  tierId: number;
  tierName: string;
  status: "active" | "revoked" | "lapsed";
  since: Date;
  termStart: Date;
  termEnd: Date;
  renewals: number;
  reason: string;
  grantedByName: string | null;
}

export const AWARDS_PAGE_SIZE = 25;

/** Awards for the manager's list: active first (ending soonest), then ended ones. */
export async function listAwards(
  db: Queryable,
  options: { status?: "active" | "ended"; page?: number } = {},
): Promise<{ rows: AwardRow[]; total: number; page: number; pageCount: number }> {
  const page = Math.max(1, options.page ?? 1);
  let base = db
    .selectFrom("tier_awards as a")
    .innerJoin("users as u", "u.id", "a.user_id")
    .innerJoin("tiers as t", "t.id", "a.tier_id")
    .leftJoin("users as g", "g.id", "a.granted_by");
  if (options.status === "active") base = base.where("a.status", "=", "active");
  if (options.status === "ended") base = base.where("a.status", "<>", "active");
  const [rows, count] = await Promise.all([
    base
      .select([
        "a.id",
        "a.user_id",
        "u.handle",
        "u.display_name",
        "a.tier_id",
        "t.name as tier_name",
        "a.status",
        "a.since",
        "a.term_start",
        "a.term_end",
        "a.renewals",
        "a.reason",
        "g.display_name as granted_by_name",
      ])
      .orderBy((eb) => eb.case().when("a.status", "=", "active").then(0).else(1).end())
      .orderBy("a.term_end", "asc")
      .orderBy("a.id", "desc")
      .limit(AWARDS_PAGE_SIZE)
      .offset((page - 1) * AWARDS_PAGE_SIZE)
      .execute(),
    base.select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow(),
  ]);
  const total = Number(count.n);
  return {
    rows: rows.map((r) => ({
      id: r.id,
      userId: r.user_id,
      handle: r.handle,
      displayName: r.display_name,
      tierId: r.tier_id,
      tierName: r.tier_name,
      status: r.status,
      since: r.since,
      termStart: r.term_start,
      termEnd: r.term_end,
      renewals: r.renewals,
      reason: r.reason,
      grantedByName: r.granted_by_name,
    })),
    total,
    page,
    pageCount: Math.max(1, Math.ceil(total / AWARDS_PAGE_SIZE)),
  };
}

/** A person's active awards with their current term, for the credentials issued for them. */
export async function activeAwardsOf(db: Queryable, userId: number) {
  const rows = await db
    .selectFrom("tier_awards as a")
    .innerJoin("tiers as t", "t.id", "a.tier_id")
    .select([
      "a.id",
      "a.term_start",
      "a.term_end",
      "a.renewals",
      "a.reason",
      "t.name as tier_name",
      "t.slug as tier_slug",
      "t.description as tier_description",
    ])
    .where("a.user_id", "=", userId)
    .where("a.status", "=", "active")
    .orderBy("a.id")
    .execute();
  return rows.map((r) => ({
    id: r.id,
    termStart: new Date(r.term_start),
    termEnd: new Date(r.term_end),
    renewals: r.renewals,
    reason: r.reason,
    tierName: r.tier_name,
    tierSlug: r.tier_slug,
    tierDescription: r.tier_description,
  }));
}
