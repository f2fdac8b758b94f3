import { sql } from "kysely";
import type { Queryable } from "../../../db/client.ts";

/**
 * What the promoter funnel counts, read by the module that owns it: who
 * was sent a survey and who answered (in the product or in an imported
 * export), aggregated in SQL, and what each promoter went on to do
 * (references given, referrals made, credited revenue).
 */

/** The survey steps of one scope, counted in SQL: each person once. */
export interface SurveyStepCounts {
  surveyed: number;
  answered: number;
  promoters: number;
}

/** A scope's survey counts, and the promoters in it (the later steps follow them one by one). */
export interface ScopedSurveyCounts {
  counts: SurveyStepCounts;
  promoterEmails: string[];
}

const month = (column: string) =>
  sql<string>`to_char(${sql.ref(column)} at time zone 'UTC', 'YYYY-MM')`;
const counted = (row: { surveyed: unknown; answered: unknown; promoters: unknown }) => ({
  surveyed: Number(row.surveyed),
  answered: Number(row.answered),
  promoters: Number(row.promoters),
});

function scoped<K>(
  counts: ({ key: K } & SurveyStepCounts)[],
  promoters: { key: K; email: string }[],
): Map<K, ScopedSurveyCounts> {
  const scopes = new Map<K, ScopedSurveyCounts>(
    counts.map(({ key, ...c }) => [key, { counts: c, promoterEmails: [] }]),
  );
  for (const p of promoters) scopes.get(p.key)?.promoterEmails.push(p.email);
  return scopes;
}

/**
 * Surveyed → answered → promoter, over everything (everyone sent a link or
 * answering, judged by their latest answer), for each survey sent from the
 * product (its recipients and their answer to it), and for each month since
 * `since` (people sent a link or answering that month, judged by their
 * latest answer in it). Only the promoters come back one by one.
 */
export async function surveyStepCounts(db: Queryable, since: Date) {
  const everyone = db
    .selectFrom("nps_survey_recipients")
    .select(sql<string>`lower(email)`.as("email"))
    .where("sent_at", "is not", null)
    .union(db.selectFrom("nps_responses").select(sql<string>`lower(email)`.as("email")));
  const latest = db
    .selectFrom("nps_responses")
    .distinctOn(sql`lower(email)`)
    .select([sql<string>`lower(email)`.as("email"), "score"])
    .orderBy(sql`lower(email)`)
    .orderBy("responded_at", "desc")
    .orderBy("id", "desc");
  const monthPeople = db
    .selectFrom("nps_survey_recipients")
    .select([month("sent_at").as("month"), sql<string>`lower(email)`.as("email")])
    .where("sent_at", ">=", since)
    .union(
      db
        .selectFrom("nps_responses")
        .select([month("responded_at").as("month"), sql<string>`lower(email)`.as("email")])
        .where("responded_at", ">=", since),
    );
  const monthLatest = db
    .selectFrom("nps_responses")
    .distinctOn([month("responded_at"), sql`lower(email)`])
    .select([month("responded_at").as("month"), sql<string>`lower(email)`.as("email"), "score"])
    .where("responded_at", ">=", since)
    .orderBy(month("responded_at"))
    .orderBy(sql`lower(email)`)
    .orderBy("responded_at", "desc")
    .orderBy("id", "desc");
  const answeredPromoter = sql<boolean>`r.answered_at is not null and a.score >= 9`;

  const [overall, overallPromoters, surveys, surveyPromoters, months, monthPromoters] =
    await Promise.all([
      db
        .with("people", () => everyone)
        .with("latest", () => latest)
        .selectFrom("people as p")
        .leftJoin("latest as l", "l.email", "p.email")
        .select([
          sql<number>`count(*)`.as("surveyed"),
          sql<number>`count(l.email)`.as("answered"),
          sql<number>`count(*) filter (where l.score >= 9)`.as("promoters"),
        ])
        .executeTakeFirstOrThrow(),
      db
        .with("latest", () => latest)
        .selectFrom("latest")
        .select("email")
        .where("score", ">=", 9)
        .execute(),
      db
        .selectFrom("nps_survey_recipients as r")
        .leftJoin("nps_responses as a", "a.id", "r.response_id")
        .select([
          "r.survey_id as key",
          sql<number>`count(distinct lower(r.email))`.as("surveyed"),
          sql<number>`count(distinct lower(r.email)) filter (where r.answered_at is not null)`.as(
            "answered",
          ),
          sql<number>`count(distinct lower(r.email)) filter (where ${answeredPromoter})`.as(
            "promoters",
          ),
        ])
        .where("r.sent_at", "is not", null)
        .groupBy("r.survey_id")
        .execute(),
      db
        .selectFrom("nps_survey_recipients as r")
        .innerJoin("nps_responses as a", "a.id", "r.response_id")
        .select(["r.survey_id as key", sql<string>`lower(r.email)`.as("email")])
        .distinct()
        .where("r.sent_at", "is not", null)
        .where(answeredPromoter)
        .execute(),
      db
        .with("people", () => monthPeople)
        .with("latest", () => monthLatest)
        .selectFrom("people as p")
        .leftJoin("latest as l", (join) =>
          join.onRef("l.month", "=", "p.month").onRef("l.email", "=", "p.email"),
        )
        .select([
          "p.month as key",
          sql<number>`count(*)`.as("surveyed"),
          sql<number>`count(l.email)`.as("answered"),
          sql<number>`count(*) filter (where l.score >= 9)`.as("promoters"),
        ])
        .groupBy("p.month")
        .execute(),
      db
        .with("latest", () => monthLatest)
        .selectFrom("latest")
        .select(["month as key", "email"])
        .where("score", ">=", 9)
        .execute(),
    ]);
  return {
    overall: {
      counts: counted(overall),
      promoterEmails: overallPromoters.map((p) => p.email),
    } satisfies ScopedSurveyCounts,
    bySurvey: scoped(
      surveys.map((r) => ({ key: r.key, ...counted(r) })),
      surveyPromoters,
    ),
    byMonth: scoped(
      months.map((r) => ({ key: r.key, ...counted(r) })),
      monthPromoters,
    ),
  };
}

/** Of these people, who took part in at least one reference conversation that was held. */
export async function advocatesWhoGaveReferences(
  db: Queryable,
  userIds: number[],
): Promise<Set<number>> {
  if (!userIds.length) return new Set();
  const rows = await db
    .selectFrom("reference_requests")
    .select("advocate_id")
    .where("advocate_id", "in", userIds)
    .where("status", "=", "completed")
    .distinct()
    .execute();
  return new Set(rows.map((r) => r.advocate_id));
}

/**
 * Of these people, how many referrals each made, and their credited revenue
 * (cents): each won referral's revenue times their share of its credit, so a
 * win shared by several advocates is counted once in all.
 */
export async function referralsByAdvocate(
  db: Queryable,
  userIds: number[],
): Promise<Map<number, { referrals: number; creditedRevenueCents: number }>> {
  if (!userIds.length) return new Map();
  const [made, credited] = await Promise.all([
    db
      .selectFrom("referrals")
      .select(["advocate_id", sql<number>`count(*)`.as("n")])
      .where("advocate_id", "in", userIds)
      .groupBy("advocate_id")
      .execute(),
    db
      .selectFrom("referral_credits as c")
      .innerJoin("referrals as f", "f.id", "c.referral_id")
      .select([
        "c.advocate_id",
        sql<number>`coalesce(sum(round(coalesce(f.revenue_cents, 0) * c.share_bp / 10000.0)), 0)`.as(
          "revenue",
        ),
      ])
      .where("c.advocate_id", "in", userIds)
      .where("f.stage", "=", "won")
      .groupBy("c.advocate_id")
      .execute(),
  ]);
  const byAdvocate = new Map<number, { referrals: number; creditedRevenueCents: number }>();
  const entry = (id: number) => {
    const e = byAdvocate.get(id) ?? { referrals: 0, creditedRevenueCents: 0 };
    byAdvocate.set(id, e);
    return e;
  };
  for (const r of made) entry(r.advocate_id).referrals = Number(r.n);
  for (const r of credited) entry(r.advocate_id).creditedRevenueCents = Number(r.revenue);
  return byAdvocate;
}

/**
 * Reference requests still open (waiting for room, or for the advocate asked)
 * from prospects whose profile names this industry, asked of someone else:
 * conversations another advocate from that industry could take.
 */
export async function openReferenceRequestsFromIndustry(
  db: Queryable,
  industry: string,
  exceptAdvocateId: number,
) {
  if (!industry.trim()) return [];
  return db
    .selectFrom("reference_requests as r")
    .innerJoin("profiles as p", "p.user_id", "r.prospect_id")
    .select(["r.id", "r.topic", "r.status", "r.created_at", "p.company", "p.industry"])
    .where("r.status", "in", ["queued", "pending"])
    .where("r.advocate_id", "!=", exceptAdvocateId)
    .where("r.prospect_id", "!=", exceptAdvocateId)
    .where(sql<string>`lower(p.industry)`, "=", industry.trim().toLowerCase())
    .orderBy("r.created_at")
    .limit(5)
    .execute();
}
