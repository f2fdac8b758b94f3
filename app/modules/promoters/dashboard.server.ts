import { sql } from "kysely";
import type { Queryable } from "../../../db/client.ts";
import { NotFoundError } from "../auth/errors.ts";
import { AREAS, type Area } from "../reputation/rules.ts";
import { effectiveTiers } from "../tiers/standing.server.ts";
import { countOpenItems } from "./open-items.server.ts";
import { listPromoters, promoterFunnel } from "./pipeline.server.ts";
import { referralSummary } from "./referrals.server.ts";
import { lastMonths, npsSummary } from "./survey.server.ts";

const DAY = 86_400_000;

// A ledger row that earned points and has not been reversed is one contribution.
const liveAward = sql<boolean>`l.amount > 0 and l.reverses_id is null and not exists (select 1 from reputation_ledger r where r.reverses_id = l.id)`;

/** Advocates who contributed (earned points or posted) within the last `days` days. */
export async function countActiveAdvocates(db: Queryable, days: number, now = new Date()) {
  const since = new Date(now.getTime() - days * DAY);
  const { rows } = await sql<{ n: number }>`
    select count(*)::int as n from users u
    where u.role = 'advocate' and (
      exists (select 1 from reputation_ledger l where l.user_id = u.id and l.created_at >= ${since} and l.created_at <= ${now} and ${liveAward})
      or exists (select 1 from posts p where p.author_id = u.id and p.deleted_at is null and p.created_at >= ${since} and p.created_at <= ${now})
    )`.execute(db);
  return Number(rows[0]?.n ?? 0);
}

export interface AreaMonth {
  month: string;
  counts: Record<Area, number>;
}

/** Contributions (point-earning ledger rows) by area for each of the last `months` months. */
export async function contributionsByAreaPerMonth(db: Queryable, now = new Date(), months = 12) {
  const keys = lastMonths(now, months);
  const from = new Date(`${keys[0]}-01T00:00:00Z`);
  const { rows } = await sql<{ month: string; area: Area; n: number }>`
    select to_char(date_trunc('month', l.created_at at time zone 'UTC'), 'YYYY-MM') as month, l.area, count(*)::int as n
    from reputation_ledger l
    where l.created_at >= ${from} and l.created_at <= ${now} and ${liveAward}
    group by 1, 2`.execute(db);
  return keys.map((month): AreaMonth => {
    const counts = Object.fromEntries(AREAS.map((a) => [a, 0])) as Record<Area, number>;
    for (const r of rows) if (r.month === month) counts[r.area] = Number(r.n);
    return { month, counts };
  });
}

/** How many advocates hold each tier now. */
export async function tierDistribution(db: Queryable, now = new Date()) {
  const advocates = await db
    .selectFrom("users")
    .select("id")
    .where("role", "=", "advocate")
    .execute();
  const tiers = await effectiveTiers(
    db,
    advocates.map((a) => a.id),
    now,
  );
  const byTier = new Map<string, { name: string; rank: number; count: number }>();
  for (const { tier } of tiers.values()) {
    const entry = byTier.get(tier.name) ?? { name: tier.name, rank: tier.rank, count: 0 };
    entry.count++;
    byTier.set(tier.name, entry);
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
  if (!user || user.role !== "advocate")
    throw new NotFoundError("We could not find that advocate.");
  const [counts, references, referrals, referralList, balance] = await Promise.all([
    sql<{ talks: number; stories: number; answers: number; reference_points: number }>`
      select
        count(*) filter (where l.rule like 'talk\\_%')::int as talks,
        count(*) filter (where l.rule = 'case_study_published')::int as stories,
        count(*) filter (where l.rule = 'answer_accepted')::int as answers,
        coalesce(sum(l.amount) filter (where l.rule = 'reference_call_completed'), 0)::int as reference_points
      from reputation_ledger l
      where l.user_id = ${user.id} and ${liveAward}`.execute(db),
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
      .where("advocate_id", "=", user.id)
      .orderBy("created_at", "desc")
      .execute(),
    db
      .selectFrom("reputation_balances")
      .select(["total", "help", "speaking", "stories", "community"])
      .where("user_id", "=", user.id)
      .executeTakeFirst(),
  ]);
  const refs = Object.fromEntries(references.map((r) => [r.status, Number(r.n)])) as Record<
    string,
    number
  >;
  const c = counts.rows[0];
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
    referrals: { ...referrals, list: referralList },
    talks: Number(c?.talks ?? 0),
    stories: Number(c?.stories ?? 0),
    answers: Number(c?.answers ?? 0),
    referencePoints: Number(c?.reference_points ?? 0),
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
  let query = sql<{
    id: number;
    handle: string;
    display_name: string;
    company: string;
    references_completed: number;
    referrals: number;
    referrals_won: number;
    revenue_cents: number;
    margin_cents: number;
    talks: number;
    stories: number;
    answers: number;
    reputation: number;
  }>`
    select u.id, u.handle, u.display_name, p.company,
      (select count(*) from reference_requests r where r.advocate_id = u.id and r.status = 'completed')::int as references_completed,
      (select count(*) from referrals f where f.advocate_id = u.id)::int as referrals,
      (select count(*) from referrals f where f.advocate_id = u.id and f.stage = 'won')::int as referrals_won,
      (select coalesce(sum(f.revenue_cents), 0) from referrals f where f.advocate_id = u.id)::bigint as revenue_cents,
      (select coalesce(sum(f.margin_cents), 0) from referrals f where f.advocate_id = u.id)::bigint as margin_cents,
      (select count(*) from reputation_ledger l where l.user_id = u.id and l.rule like 'talk\\_%' and ${liveAward})::int as talks,
      (select count(*) from reputation_ledger l where l.user_id = u.id and l.rule = 'case_study_published' and ${liveAward})::int as stories,
      (select count(*) from reputation_ledger l where l.user_id = u.id and l.rule = 'answer_accepted' and ${liveAward})::int as answers,
      coalesce(b.total, 0)::int as reputation
    from users u
    join profiles p on p.user_id = u.id
    left join reputation_balances b on b.user_id = u.id
    where u.role = 'advocate'
    order by revenue_cents desc, references_completed desc, reputation desc, u.id`;
  if (!options.all)
    query =
      sql`${query} limit ${ADVOCATES_PAGE_SIZE} offset ${(page - 1) * ADVOCATES_PAGE_SIZE}` as typeof query;
  const { rows } = await query.execute(db);
  return {
    rows: rows.map((r) => ({
      ...r,
      revenue_cents: Number(r.revenue_cents),
      margin_cents: Number(r.margin_cents),
    })),
    total: Number(total),
    page,
    pageCount: Math.max(1, Math.ceil(Number(total) / ADVOCATES_PAGE_SIZE)),
  };
}
