import { sql } from "kysely";
import type { Queryable } from "../../../db/client.ts";
import type { Area } from "./rules.ts";

/**
 * What the programme dashboard reads of the ledger, with the ledger's own
 * rule for a contribution: a row that earned points and was never reversed.
 */
const liveAward = sql<boolean>`l.amount > 0 and l.reverses_id is null and not exists (select 1 from reputation_ledger r where r.reverses_id = l.id)`;

/** People who earned points that still stand between `since` and `until`. */
export async function earnersBetween(db: Queryable, since: Date, until: Date): Promise<number[]> {
  const { rows } = await sql<{ user_id: number }>`
    select distinct l.user_id from reputation_ledger l
    where l.created_at >= ${since} and l.created_at <= ${until} and ${liveAward}`.execute(db);
  return rows.map((r) => Number(r.user_id));
}

/** Live awards by area for each UTC month ("YYYY-MM") from `from` to `until`. */
export async function liveAwardsByAreaAndMonth(db: Queryable, from: Date, until: Date) {
  const { rows } = await sql<{ month: string; area: Area; n: number }>`
    select to_char(date_trunc('month', l.created_at at time zone 'UTC'), 'YYYY-MM') as month, l.area, count(*)::int as n
    from reputation_ledger l
    where l.created_at >= ${from} and l.created_at <= ${until} and ${liveAward}
    group by 1, 2`.execute(db);
  return rows.map((r) => ({ month: r.month, area: r.area, n: Number(r.n) }));
}

export interface ContributionCounts {
  talks: number;
  stories: number;
  answers: number;
  /** Points that still stand from completed reference conversations. */
  referencePoints: number;
}

/** Each person's live contributions of the kinds the return-on-relationship page shows. */
export async function contributionCounts(
  db: Queryable,
  userIds: number[],
): Promise<Map<number, ContributionCounts>> {
  if (!userIds.length) return new Map();
  const { rows } = await sql<{
    user_id: number;
    talks: number;
    stories: number;
    answers: number;
    reference_points: number;
  }>`
    select l.user_id,
      count(*) filter (where l.rule like 'talk\\_%')::int as talks,
      count(*) filter (where l.rule = 'case_study_published')::int as stories,
      count(*) filter (where l.rule = 'answer_accepted')::int as answers,
      coalesce(sum(l.amount) filter (where l.rule = 'reference_call_completed'), 0)::int as reference_points
    from reputation_ledger l
    where l.user_id = any(${sql.val(userIds)}::int[]) and ${liveAward}
    group by l.user_id`.execute(db);
  return new Map(
    rows.map((r) => [
      Number(r.user_id),
      {
        talks: Number(r.talks),
        stories: Number(r.stories),
        answers: Number(r.answers),
        referencePoints: Number(r.reference_points),
      },
    ]),
  );
}

export interface BalanceByArea {
  total: number;
  help: number;
  speaking: number;
  stories: number;
  community: number;
}

/** Each person's balance, by area; people without one are left out. */
export async function balancesOf(
  db: Queryable,
  userIds: number[],
): Promise<Map<number, BalanceByArea>> {
  if (!userIds.length) return new Map();
  const rows = await db
    .selectFrom("reputation_balances")
    .select(["user_id", "total", "help", "speaking", "stories", "community"])
    .where("user_id", "in", userIds)
    .execute();
  return new Map(rows.map(({ user_id, ...balance }) => [user_id, balance]));
}

/** When each person first appears in the ledger (any row). */
export async function firstLedgerEntryAt(
  db: Queryable,
  userIds: number[],
): Promise<Map<number, Date>> {
  if (!userIds.length) return new Map();
  const rows = await db
    .selectFrom("reputation_ledger")
    .select(["user_id", (eb) => eb.fn.min("created_at").as("first")])
    .where("user_id", "in", userIds)
    .groupBy("user_id")
    .execute();
  return new Map(rows.map((r) => [r.user_id, new Date(r.first as Date)]));
}
