import { sql } from "kysely";
import type { Queryable } from "../../../../db/client.ts";
import { paginate } from "../../../utils/paginate.ts";
import { netPromoterScore } from "../nps.ts";

export const SURVEYS_PAGE_SIZE = 20;
export const RECIPIENTS_PAGE_SIZE = 50;

const counts = (db: Queryable) =>
  db
    .selectFrom("nps_survey_recipients as r")
    .leftJoin("nps_responses as a", "a.id", "r.response_id")
    .select([
      "r.survey_id",
      sql<number>`count(*)`.as("recipients"),
      sql<number>`count(r.sent_at)`.as("sent"),
      sql<number>`count(r.answered_at)`.as("answered"),
      sql<number>`count(*) filter (where a.score >= 9)`.as("promoters"),
      sql<number>`count(*) filter (where a.score between 7 and 8)`.as("passives"),
      sql<number>`count(*) filter (where a.score <= 6)`.as("detractors"),
    ])
    .groupBy("r.survey_id");

export interface SurveyFigures {
  recipients: number;
  sent: number;
  answered: number;
  /** Answered out of sent, in whole percent; null before anything was sent. */
  responseRate: number | null;
  promoters: number;
  passives: number;
  detractors: number;
  nps: number | null;
}

function figures(row: Record<string, unknown> | undefined): SurveyFigures {
  const n = (k: string) => Number(row?.[k] ?? 0);
  const sent = n("sent");
  const c = { promoters: n("promoters"), passives: n("passives"), detractors: n("detractors") };
  return {
    recipients: n("recipients"),
    sent,
    answered: n("answered"),
    responseRate: sent ? Math.round((n("answered") / sent) * 100) : null,
    ...c,
    nps: netPromoterScore(c),
  };
}

/** Every survey, newest first, with its response rate and score. */
export async function listSurveys(db: Queryable, page: number) {
  const result = await paginate(page, SURVEYS_PAGE_SIZE, {
    rows: (limit, offset) =>
      db
        .selectFrom("nps_surveys")
        .select(["id", "name", "audience", "send_at", "sent_at", "created_at"])
        .orderBy("created_at", "desc")
        .orderBy("id", "desc")
        .limit(limit)
        .offset(offset)
        .execute(),
    count: () =>
      db
        .selectFrom("nps_surveys")
        .select((eb) => eb.fn.countAll<number>().as("n"))
        .executeTakeFirstOrThrow(),
  });
  const ids = result.rows.map((r) => r.id);
  const byId = new Map(
    ids.length
      ? (await counts(db).where("r.survey_id", "in", ids).execute()).map((r) => [r.survey_id, r])
      : [],
  );
  return { ...result, rows: result.rows.map((s) => ({ ...s, ...figures(byId.get(s.id)) })) };
}

/** One survey, its figures and one page of its recipients with their answers. */
export async function getSurvey(db: Queryable, id: number, page: number) {
  const survey = await db
    .selectFrom("nps_surveys")
    .selectAll()
    .where("id", "=", id)
    .executeTakeFirst();
  if (!survey) return null;
  const row = await counts(db).where("r.survey_id", "=", id).executeTakeFirst();
  const recipients = await paginate(page, RECIPIENTS_PAGE_SIZE, {
    rows: (limit, offset) =>
      db
        .selectFrom("nps_survey_recipients as r")
        .leftJoin("nps_responses as a", "a.id", "r.response_id")
        .select([
          "r.id",
          "r.email",
          "r.name",
          "r.company",
          "r.sent_at",
          "r.answered_at",
          "r.improvement",
          "a.score",
          "a.comment",
        ])
        .where("r.survey_id", "=", id)
        .orderBy("r.answered_at", (ob) => ob.desc().nullsLast())
        .orderBy("r.id")
        .limit(limit)
        .offset(offset)
        .execute(),
    count: () =>
      db
        .selectFrom("nps_survey_recipients")
        .select((eb) => eb.fn.countAll<number>().as("n"))
        .where("survey_id", "=", id)
        .executeTakeFirstOrThrow(),
  });
  return { survey, figures: figures(row), recipients };
}
