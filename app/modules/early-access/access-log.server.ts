import type { Queryable } from "../../../db/client.ts";
import { ensure } from "../access/ensure.ts";
import { isStaff, tierRankOf, type Viewer } from "../access/policy.ts";
import type { EarlyAccessSubject } from "./items.server.ts";

/**
 * The access log: one row each time someone opens an item, with how they
 * could (their tier, because it is public, or as the team). Managers read it.
 */

/**
 * Notes that a signed-in person opened an item (the reader calls this once it
 * has shown it). An observation made while reading, not a command: see the
 * addendum to ADR 008.
 */
export async function recordView(
  db: Queryable,
  viewer: NonNullable<Viewer>,
  itemId: number,
  subject: EarlyAccessSubject,
  now: Date,
): Promise<void> {
  const isPublic = subject.publicAt !== null && subject.publicAt <= now;
  await db
    .insertInto("early_access_views")
    .values({
      item_id: itemId,
      user_id: viewer.id,
      tier_rank: tierRankOf(viewer),
      via: isStaff(viewer) ? "staff" : isPublic ? "public" : "tier",
      created_at: now,
    })
    .execute();
}

export const LOG_PAGE_SIZE = 50;

/** Who opened which item, and when (managers only). */
export async function accessLog(
  db: Queryable,
  viewer: Viewer,
  options: { itemId?: number; page?: number } = {},
) {
  ensure("readEarlyAccessLog", viewer);
  const page = Math.max(1, options.page ?? 1);
  let base = db
    .selectFrom("early_access_views as v")
    .innerJoin("early_access_items as i", "i.id", "v.item_id")
    .innerJoin("users as u", "u.id", "v.user_id");
  if (options.itemId !== undefined) base = base.where("v.item_id", "=", options.itemId);
  const [rows, count] = await Promise.all([
    base
      .select([
        "v.id",
        "v.created_at",
        "v.via",
        "v.tier_rank",
        "i.id as item_id",
        "i.title",
        "i.slug",
        "u.handle",
        "u.display_name",
      ])
      .orderBy("v.created_at", "desc")
      .orderBy("v.id", "desc")
      .limit(LOG_PAGE_SIZE)
      .offset((page - 1) * LOG_PAGE_SIZE)
      .execute(),
    base.select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow(),
  ]);
  const total = Number(count.n);
  return {
    rows: rows.map((r) => ({ ...r, id: Number(r.id) })),
    total,
    page,
    pageCount: Math.max(1, Math.ceil(total / LOG_PAGE_SIZE)),
  };
}
