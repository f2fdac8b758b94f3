import type { Queryable } from "../../../../db/client.ts";
import { FieldError, ForbiddenError } from "../../../utils/errors.ts";
import { defineCommand } from "../../commands/command.server.ts";
import { classifyScore, type NpsCategory } from "../nps.ts";
import { hashLinkToken, isLinkTokenShape } from "./tokens.ts";

const DAY = 86_400_000;
/** A detractor's follow-up is due this many days after the answer. */
export const FOLLOW_UP_DUE_DAYS = 3;

const UNUSABLE = "This survey link is not valid. It may have been replaced by a newer one.";
const ANSWERED = "This link was already used: the survey has been answered. Thank you!";

export interface SurveyLink {
  recipientId: number;
  surveyId: number;
  surveyName: string;
  question: string;
  followUp: string;
  email: string;
  name: string;
  company: string;
  userId: number | null;
  answeredAt: Date | null;
  momentDoneAt: Date | null;
  responseId: number | null;
  score: number | null;
  comment: string;
  category: NpsCategory | null;
}

/** What a personal link opens, or null for a forged, truncated or replaced one. */
export async function findSurveyLink(db: Queryable, token: string): Promise<SurveyLink | null> {
  if (!isLinkTokenShape(token)) return null;
  const row = await db
    .selectFrom("nps_survey_recipients as r")
    .innerJoin("nps_surveys as s", "s.id", "r.survey_id")
    .leftJoin("nps_responses as a", "a.id", "r.response_id")
    .select([
      "r.id as recipientId",
      "s.id as surveyId",
      "s.name as surveyName",
      "s.question",
      "s.follow_up as followUp",
      "r.email",
      "r.name",
      "r.company",
      "r.user_id as userId",
      "r.answered_at as answeredAt",
      "r.moment_done_at as momentDoneAt",
      "r.response_id as responseId",
      "a.score",
      "a.comment",
    ])
    .where("r.token_hash", "=", hashLinkToken(token))
    .where("r.sent_at", "is not", null)
    .executeTakeFirst();
  if (!row) return null;
  return {
    ...row,
    comment: row.comment ?? "",
    category: row.score === null ? null : classifyScore(row.score),
  };
}

/**
 * The answer behind a personal link: written into nps_responses like an
 * imported one, so every NPS figure counts it. The link is claimed in the
 * same statement that checks it, so two submissions record one answer. A
 * detractor's answer opens a follow-up for the manager who sent the survey.
 */
export const answerSurvey = defineCommand({
  name: "survey.answer",
  async run(
    trx,
    input: { token: string; score: number; comment: string },
    { effects, now },
  ): Promise<{ category: NpsCategory; responseId: number }> {
    if (!Number.isInteger(input.score) || input.score < 0 || input.score > 10)
      throw new FieldError("score", "Choose a score from 0 to 10.");
    const link = await findSurveyLink(trx, input.token);
    if (!link) throw new FieldError("token", UNUSABLE, 404);
    const claimed = await trx
      .updateTable("nps_survey_recipients")
      .set({ answered_at: now })
      .where("id", "=", link.recipientId)
      .where("answered_at", "is", null)
      .returning("id")
      .executeTakeFirst();
    if (!claimed) throw new FieldError("token", ANSWERED, 409);
    const response = await trx
      .insertInto("nps_responses")
      .values({
        email: link.email.toLowerCase(),
        name: link.name,
        company: link.company,
        score: input.score,
        comment: input.comment.trim(),
        responded_at: now,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    await trx
      .updateTable("nps_survey_recipients")
      .set({ response_id: response.id })
      .where("id", "=", link.recipientId)
      .execute();
    const category = classifyScore(input.score);
    if (category === "detractor") {
      const survey = await trx
        .selectFrom("nps_surveys")
        .select("created_by")
        .where("id", "=", link.surveyId)
        .executeTakeFirstOrThrow();
      await trx
        .insertInto("nps_follow_ups")
        .values({
          response_id: response.id,
          survey_id: link.surveyId,
          owner_id: survey.created_by,
          due_at: new Date(now.getTime() + FOLLOW_UP_DUE_DAYS * DAY),
        })
        .execute();
    }
    effects.audit({
      actorId: link.userId,
      action: "survey.answered",
      subjectType: "nps_survey",
      subjectId: link.surveyId,
      details: { score: input.score, category },
    });
    return { category, responseId: response.id };
  },
});

/**
 * The step after the answer, for the person the link belongs to: answered,
 * and not finished. Throws the sentence to show otherwise. Used by the
 * passive's question here and by the testimonials module for promoters.
 */
export async function openMoment(
  trx: Queryable,
  token: string,
  category: NpsCategory,
): Promise<SurveyLink & { responseId: number; score: number }> {
  const link = await findSurveyLink(trx, token);
  if (!link) throw new FieldError("token", UNUSABLE, 404);
  if (link.responseId === null || link.score === null)
    throw new FieldError("token", "Answer the survey question first.", 409);
  if (link.category !== category)
    // A detractor is never invited to advocate; nobody is asked what they did not say.
    throw new ForbiddenError("This step is not part of your answer.");
  if (link.momentDoneAt)
    throw new FieldError("token", "You have already done this. Thank you!", 409);
  return { ...link, responseId: link.responseId, score: link.score };
}

/** Marks the step after the answer as done, once. */
export async function finishMoment(trx: Queryable, recipientId: number, now: Date) {
  const done = await trx
    .updateTable("nps_survey_recipients")
    .set({ moment_done_at: now })
    .where("id", "=", recipientId)
    .where("moment_done_at", "is", null)
    .returning("id")
    .executeTakeFirst();
  if (!done) throw new FieldError("token", "You have already done this. Thank you!", 409);
}

/** A passive says what would make it a 10 (or skips the question). */
export const answerImprovement = defineCommand({
  name: "survey.improvement",
  async run(trx, input: { token: string; improvement: string | null }, { now }) {
    const link = await openMoment(trx, input.token, "passive");
    if (input.improvement)
      await trx
        .updateTable("nps_survey_recipients")
        .set({ improvement: input.improvement })
        .where("id", "=", link.recipientId)
        .execute();
    await finishMoment(trx, link.recipientId, now);
  },
});

/** A promoter declines to say it in public: nothing is published, and they are not asked again. */
export const declineRecommendation = defineCommand({
  name: "survey.recommendation_declined",
  async run(trx, input: { token: string }, { now }) {
    const link = await openMoment(trx, input.token, "promoter");
    await finishMoment(trx, link.recipientId, now);
  },
});
