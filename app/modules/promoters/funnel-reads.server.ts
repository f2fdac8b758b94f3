import { sql } from "kysely";
import type { Queryable } from "../../../db/client.ts";

/**
 * The rows the promoter funnel starts from, read by the module that owns
 * them: who was sent a survey, who answered (in the product or in an imported
 * export), and what each advocate went on to do (references given, referrals
 * made and won).
 */

export interface SurveyedRow {
  email: string;
  surveyId: number;
  sentAt: Date;
  answeredAt: Date | null;
  score: number | null;
}

/** Every survey recipient who was sent their link, with their answer to that survey if any. */
export async function surveyedRecipients(db: Queryable): Promise<SurveyedRow[]> {
  const rows = await db
    .selectFrom("nps_survey_recipients as r")
    .leftJoin("nps_responses as a", "a.id", "r.response_id")
    .select([
      sql<string>`lower(r.email)`.as("email"),
      "r.survey_id",
      "r.sent_at",
      "r.answered_at",
      "a.score",
    ])
    .where("r.sent_at", "is not", null)
    .execute();
  return rows.map((r) => ({
    email: r.email,
    surveyId: r.survey_id,
    sentAt: new Date(r.sent_at!),
    answeredAt: r.answered_at ? new Date(r.answered_at) : null,
    score: r.score,
  }));
}

export interface AnswerRow {
  email: string;
  score: number;
  respondedAt: Date;
}

/** Every stored NPS answer (survey links and imports alike), oldest first. */
export async function allAnswers(db: Queryable): Promise<AnswerRow[]> {
  const rows = await db
    .selectFrom("nps_responses")
    .select([sql<string>`lower(email)`.as("email"), "score", "responded_at"])
    .orderBy("responded_at")
    .orderBy("id")
    .execute();
  return rows.map((r) => ({
    email: r.email,
    score: r.score,
    respondedAt: new Date(r.responded_at),
  }));
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

/** Of these people, who referred anyone, and the revenue of their won referrals (cents). */
export async function referralsByAdvocate(
  db: Queryable,
  userIds: number[],
): Promise<Map<number, { referrals: number; wonRevenueCents: number }>> {
  if (!userIds.length) return new Map();
  const rows = await db
    .selectFrom("referrals")
    .select([
      "advocate_id",
      sql<number>`count(*)`.as("referrals"),
      sql<number>`coalesce(sum(revenue_cents) filter (where stage = 'won'), 0)`.as("won"),
    ])
    .where("advocate_id", "in", userIds)
    .groupBy("advocate_id")
    .execute();
  return new Map(
    rows.map((r) => [
      r.advocate_id,
      { referrals: Number(r.referrals), wonRevenueCents: Number(r.won) },
    ]),
  );
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
