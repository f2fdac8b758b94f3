import { sql } from "kysely";
import type { Queryable } from "../../../db/client.ts";
import { NotFoundError } from "../../utils/errors.ts";
import { isVerifiedCustomer } from "../access/policy.ts";
import { postersBetween } from "../discussions/activity-reads.server.ts";
import {
  balancesOf,
  contributionCounts,
  earnersBetween,
  liveAwardsByAreaAndMonth,
} from "../reputation/dashboard-reads.server.ts";
import { AREAS, type Area } from "../reputation/rules.ts";
import { listTiers } from "../tiers/catalogue.server.ts";
import { effectiveTiers } from "../tiers/standing.server.ts";
import { creditedReturn, sharesOf } from "./credit.server.ts";
import { countOpenItems } from "./open-items.server.ts";
import { listPromoters, promoterFunnel } from "./pipeline.server.ts";
import { referralSummary } from "./referrals.server.ts";
import { lastMonths, npsSummary } from "./survey.server.ts";

const DAY = 86_400_000;

/** Advocates who contributed (earned points that still stand, or posted) within the last `days` days. */
export async function countActiveAdvocates(db: Queryable, days: number, now = new Date()) {
  const since = new Date(now.getTime() - days * DAY);
  const [earners, posters] = await Promise.all([
    earnersBetween(db, since, now),
    postersBetween(db, since, now),
  ]);
  const active = [...new Set([...earners, ...posters])];
  if (!active.length) return 0;
  const row = await db
    .selectFrom("users")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .where("role", "=", "advocate")
    .where("id", "in", active)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export interface AreaMonth {
  month: string;
  counts: Record<Area, number>;
}

/** Contributions (point-earning ledger rows) by area for each of the last `months` months. */
export async function contributionsByAreaPerMonth(db: Queryable, now = new Date(), months = 12) {
  const keys = lastMonths(now, months);
  const from = new Date(`${keys[0]}-01T00:00:00Z`);
  const rows = await liveAwardsByAreaAndMonth(db, from, now);
  return keys.map((month): AreaMonth => {
    const counts = Object.fromEntries(AREAS.map((a) => [a, 0])) as Record<Area, number>;
    for (const r of rows) if (r.month === month) counts[r.area] = Number(r.n);
    return { month, counts };
  });
}

/** How many advocates hold each tier now: every tier in the catalogue, empty ones as 0. */
export async function tierDistribution(db: Queryable, now = new Date()) {
  const [advocates, catalogue] = await Promise.all([
    db.selectFrom("users").select("id").where("role", "=", "advocate").execute(),
    listTiers(db),
  ]);
  const tiers = await effectiveTiers(
    db,
    advocates.map((a) => a.id),
    now,
  );
  const byTier = new Map<number, { name: string; rank: number; count: number }>(
    catalogue.map((t) => [t.id, { name: t.name, rank: t.rank, count: 0 }]),
  );
  for (const { tier } of tiers.values()) {
    const entry = byTier.get(tier.id) ?? { name: tier.name, rank: tier.rank, count: 0 };
    entry.count++;
    byTier.set(tier.id, entry);
  }
  return [...byTier.values()].sort((a, b) => a.rank - b.rank);
}

async function referenceCounts(db: Queryable) {
  const rows = await db
    .selectFrom("reference_requests")
    .select(["status", (eb) => eb.fn.countAll<number>().as("n")])
    .groupBy("status")
    .execute();
  return Object.fromEntries(rows.map((r) => [r.status, Number(r.n)])) as Record<string, number>;
}

/** Everything the manager's dashboard shows, read from the database in one go. */
export async function programHealth(db: Queryable, now = new Date()) {
  const [
    active30,
    active90,
    advocates,
    contributions,
    tiers,
    promoters,
    nps,
    referrals,
    references,
    openItems,
  ] = await Promise.all([
    countActiveAdvocates(db, 30, now),
    countActiveAdvocates(db, 90, now),
    db
      .selectFrom("users")
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .where("role", "=", "advocate")
      .executeTakeFirstOrThrow(),
    contributionsByAreaPerMonth(db, now),
    tierDistribution(db, now),
    listPromoters(db, now),
    npsSummary(db, { now }),
    referralSummary(db),
    referenceCounts(db),
    countOpenItems(db, now),
  ]);
  return {
    advocates: { total: Number(advocates.n), active30, active90 },
    contributions,
    tiers,
    funnel: promoterFunnel(promoters),
    nps,
    referrals,
    references,
    openItems,
  };
}

/** One advocate's return on relationship: what they gave and what it brought. */
export async function advocateReturn(db: Queryable, handle: string) {
  const user = await db
    .selectFrom("users")
    .innerJoin("profiles", "profiles.user_id", "users.id")
    .select([
      "users.id",
      "users.handle",
      "users.display_name",
      "users.email",
      "users.role",
      "users.verified_customer_at",
      "profiles.company",
      "profiles.industry",
    ])
    .where(sql<string>`lower(users.handle)`, "=", handle.toLowerCase())
    .executeTakeFirst();
  if (!user || !isVerifiedCustomer(user))
    throw new NotFoundError("We could not find that advocate.");
  const [counts, references, referrals, referralList, balances, credited, shares] =
    await Promise.all([
      contributionCounts(db, [user.id]),
      db
        .selectFrom("reference_requests")
        .select(["status", (eb) => eb.fn.countAll<number>().as("n")])
        .where("advocate_id", "=", user.id)
        .groupBy("status")
        .execute(),
      referralSummary(db, user.id),
      db
        .selectFrom("referrals")
        .select([
          "id",
          "company",
          "contact_name",
          "stage",
          "revenue_cents",
          "margin_cents",
          "created_at",
          "stage_changed_at",
        ])
        .where((eb) =>
          eb.or([
            eb("advocate_id", "=", user.id),
            eb(
              "id",
              "in",
              eb
                .selectFrom("referral_credits")
                .select("referral_id")
                .where("advocate_id", "=", user.id),
            ),
          ]),
        )
        .orderBy("created_at", "desc")
        .execute(),
      balancesOf(db, [user.id]),
      creditedReturn(db, user.id),
      sharesOf(db, user.id),
    ]);
  const balance = balances.get(user.id);
  const refs = Object.fromEntries(references.map((r) => [r.status, Number(r.n)])) as Record<
    string,
    number
  >;
  const c = counts.get(user.id);
  const helpfulRow = await db
    .selectFrom("reference_requests")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .where("advocate_id", "=", user.id)
    .where("status", "=", "completed")
    .where("helpful", "=", true)
    .executeTakeFirstOrThrow();
  return {
    advocate: user,
    references: {
      completed: refs.completed ?? 0,
      helpful: Number(helpfulRow.n),
      accepted: refs.accepted ?? 0,
      pending: (refs.pending ?? 0) + (refs.queued ?? 0),
      declined: refs.declined ?? 0,
    },
    // Revenue and margin are this advocate's shares of the wins they are credited with.
    referrals: {
      ...referrals,
      ...credited,
      list: referralList.map((f) => ({ ...f, share_bp: shares.get(f.id) ?? null })),
    },
    talks: c?.talks ?? 0,
    stories: c?.stories ?? 0,
    answers: c?.answers ?? 0,
    referencePoints: c?.referencePoints ?? 0,
    reputation: balance ?? { total: 0, help: 0, speaking: 0, stories: 0, community: 0 },
  };
}
export type AdvocateReturn = Awaited<ReturnType<typeof advocateReturn>>;

export const ADVOCATES_PAGE_SIZE = 25;

/** Every advocate with their return on relationship, most valuable first. */
export async function listAdvocateReturns(
  db: Queryable,
  options: { page?: number; all?: boolean } = {},
) {
  const page = Math.max(1, Math.floor(options.page ?? 1));
  const { n: total } = await db
    .selectFrom("users")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .where("role", "=", "advocate")
    .executeTakeFirstOrThrow();
  const { rows } = await sql<{
    id: number;
    handle: string;
    display_name: string;
    company: string;
    references_completed: number;
    referrals: number;
    referrals_won: number;
    revenue_cents: number;
    margin_cents: number;
  }>`
    select u.id, u.handle, u.display_name, p.company,
      (select count(*) from reference_requests r where r.advocate_id = u.id and r.status = 'completed')::int as references_completed,
      (select count(*) from referrals f where f.advocate_id = u.id)::int as referrals,
      (select count(*) from referrals f where f.advocate_id = u.id and f.stage = 'won')::int as referrals_won,
      (select coalesce(sum(round(coalesce(f.revenue_cents, 0) * c.share_bp / 10000.0)), 0)
         from referral_credits c join referrals f on f.id = c.referral_id
         where c.advocate_id = u.id and f.stage = 'won')::bigint as revenue_cents,
      (select coalesce(sum(round(coalesce(f.margin_cents, 0) * c.share_bp / 10000.0)), 0)
         from referral_credits c join referrals f on f.id = c.referral_id
         where c.advocate_id = u.id and f.stage = 'won')::bigint as margin_cents
    from users u
    join profiles p on p.user_id = u.id
    where u.role = 'advocate'`.execute(db);
  const ids = rows.map((r) => r.id);
  const [counts, balances] = await Promise.all([contributionCounts(db, ids), balancesOf(db, ids)]);
  const all = rows
    .map((r) => {
      const c = counts.get(r.id);
      return {
        ...r,
        revenue_cents: Number(r.revenue_cents),
        margin_cents: Number(r.margin_cents),
        talks: c?.talks ?? 0,
        stories: c?.stories ?? 0,
        answers: c?.answers ?? 0,
        reputation: balances.get(r.id)?.total ?? 0,
      };
    })
    .sort(
      (a, b) =>
        b.revenue_cents - a.revenue_cents ||
        b.references_completed - a.references_completed ||
        b.reputation - a.reputation ||
        a.id - b.id,
    );
  return {
    rows: options.all
      ? all
      : all.slice((page - 1) * ADVOCATES_PAGE_SIZE, page * ADVOCATES_PAGE_SIZE),
    total: Number(total),
    page,
    pageCount: Math.max(1, Math.ceil(Number(total) / ADVOCATES_PAGE_SIZE)),
  };
}
