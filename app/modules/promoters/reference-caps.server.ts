import { sql } from "kysely";
import type { Queryable } from "../../../db/client.ts";
import type { ReferenceStatus } from "../../../db/tables/promoters.ts";
import { isVerifiedCustomer, type Viewer } from "../access/policy.ts";
import type { SuggestedAdvocate } from "./errors.ts";

const DAY = 86_400_000;
export const DEFAULT_MONTHLY_CAP = 2;
export const MAX_MONTHLY_CAP = 20;
/** The same prospect may ask the same advocate again only after this many days. */
export const REPEAT_REQUEST_DAYS = 90;
export const REPEAT_REQUEST_MS = REPEAT_REQUEST_DAYS * DAY;

export const OPEN_STATUSES: ReferenceStatus[] = ["queued", "pending", "accepted"];

export function startOfMonth(now: Date): Date {
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 1));
}
export function startOfNextMonth(now: Date): Date {
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + 1, 1));
}

export async function getMonthlyCap(db: Queryable, userId: number): Promise<number> {
  const row = await db
    .selectFrom("reference_settings")
    .select("monthly_cap")
    .where("user_id", "=", userId)
    .executeTakeFirst();
  return row?.monthly_cap ?? DEFAULT_MONTHLY_CAP;
}

/**
 * Requests that reached the advocate this calendar month (UTC) and still
 * count: a request they declined, or one that was cancelled, gives the
 * slot back — saying no costs nothing.
 */
export async function requestsThisMonth(db: Queryable, advocateId: number, now = new Date()) {
  const row = await db
    .selectFrom("reference_requests")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .where("advocate_id", "=", advocateId)
    .where("delivered_at", ">=", startOfMonth(now))
    .where("status", "not in", ["declined", "cancelled"])
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** True when the advocate's month has no room left. */
export async function monthIsFull(db: Queryable, advocateId: number, now: Date) {
  const cap = await getMonthlyCap(db, advocateId);
  return (await requestsThisMonth(db, advocateId, now)) >= cap;
}

/** The advocate, locked: serialises everything that counts against one advocate's cap. */
export async function lockAdvocate(trx: Queryable, advocateId: number) {
  return trx
    .selectFrom("users")
    .innerJoin("profiles", "profiles.user_id", "users.id")
    .select([
      "users.id",
      "users.handle",
      "users.display_name",
      "users.email",
      "users.role",
      "profiles.open_to_references",
      "profiles.industry",
      "profiles.expertise",
    ])
    .where("users.id", "=", advocateId)
    .forUpdate(["users"])
    .executeTakeFirst();
}

/** Advocates like this one (same industry, shared expertise) who take references and have room this month. */
export async function suggestSimilarAdvocates(
  db: Queryable,
  advocate: { id: number; industry: string; expertise: string[] },
  excludeUserIds: number[],
  now = new Date(),
  limit = 3,
): Promise<SuggestedAdvocate[]> {
  const candidates = await db
    .selectFrom("users")
    .innerJoin("profiles", "profiles.user_id", "users.id")
    .leftJoin("reference_settings", "reference_settings.user_id", "users.id")
    .select([
      "users.id",
      "users.handle",
      "users.display_name",
      "profiles.company",
      "profiles.industry",
      "profiles.expertise",
      sql<number>`coalesce(reference_settings.monthly_cap, ${DEFAULT_MONTHLY_CAP})`.as("cap"),
      sql<number>`(select count(*) from reference_requests r where r.advocate_id = users.id and r.delivered_at >= ${startOfMonth(now)} and r.status not in ('declined', 'cancelled'))`.as(
        "used",
      ),
    ])
    .where("users.role", "=", "advocate")
    .where("profiles.open_to_references", "=", true)
    .where("profiles.is_public", "=", true)
    .where("users.id", "not in", [advocate.id, ...excludeUserIds])
    .execute();
  const wanted = new Set(advocate.expertise);
  return candidates
    .filter((c) => Number(c.used) < Number(c.cap))
    .map((c) => {
      const shared = c.expertise.filter((t) => wanted.has(t));
      const score = (c.industry && c.industry === advocate.industry ? 2 : 0) + shared.length;
      return { c, shared, score };
    })
    .filter((s) => s.score > 0)
    .sort((a, b) => b.score - a.score || Number(a.c.used) - Number(b.c.used) || a.c.id - b.c.id)
    .slice(0, limit)
    .map(({ c, shared }) => ({
      id: c.id,
      handle: c.handle,
      displayName: c.display_name,
      company: c.company,
      industry: c.industry,
      sharedExpertise: shared,
    }));
}

/** What a profile page needs to offer "Ask for a conversation". */
export async function referenceAvailability(
  db: Queryable,
  viewer: Viewer,
  advocate: { id: number; role: string; open_to_references: boolean },
  now = new Date(),
) {
  if (!isVerifiedCustomer(advocate) || !advocate.open_to_references)
    return { open: false as const };
  const full = await monthIsFull(db, advocate.id, now);
  let earlier: { id: number } | undefined;
  if (viewer && viewer.id !== advocate.id) {
    earlier = await db
      .selectFrom("reference_requests")
      .select("id")
      .where("advocate_id", "=", advocate.id)
      .where("prospect_id", "=", viewer.id)
      .where("status", "!=", "cancelled")
      .where("created_at", ">", new Date(now.getTime() - REPEAT_REQUEST_MS))
      .executeTakeFirst();
  }
  return { open: true as const, full, earlierRequestId: earlier?.id ?? null };
}
