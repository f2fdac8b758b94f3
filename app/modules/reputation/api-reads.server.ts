import type { Queryable } from "../../../db/client.ts";
import { ensure } from "../access/ensure.ts";
import type { Viewer } from "../access/policy.ts";
import { AREAS, type Area } from "./rules.ts";

/** Live points per area for each person (awards net of their reversals), for the REST API. */
export async function pointsByArea(
  db: Queryable,
  userIds: number[],
): Promise<Map<number, Record<Area, number>>> {
  const result = new Map<number, Record<Area, number>>();
  for (const id of userIds)
    result.set(id, Object.fromEntries(AREAS.map((a) => [a, 0])) as Record<Area, number>);
  if (userIds.length === 0) return result;
  const rows = await db
    .selectFrom("reputation_ledger")
    .select(["user_id", "area", (eb) => eb.fn.sum<number>("amount").as("points")])
    .where("user_id", "in", userIds)
    .groupBy(["user_id", "area"])
    .execute();
  for (const r of rows) result.get(r.user_id)![r.area] = Number(r.points);
  return result;
}

/** One page of a person's ledger, newest first, by keyset; as their own download allows. */
export async function ledgerPage(
  db: Queryable,
  viewer: Viewer,
  userId: number,
  page: { before?: number; limit: number },
) {
  ensure("exportLedger", viewer, userId);
  let query = db
    .selectFrom("reputation_ledger")
    .select([
      "id",
      "created_at",
      "amount",
      "rule",
      "area",
      "source_type",
      "source_id",
      "reason",
      "reverses_id",
    ])
    .where("user_id", "=", userId);
  if (page.before) query = query.where("id", "<", page.before);
  return query
    .orderBy("id", "desc")
    .limit(page.limit + 1)
    .execute();
}
