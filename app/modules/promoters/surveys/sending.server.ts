import { sql } from "kysely";
import type { Queryable } from "../../../../db/client.ts";
import type { SurveyAudience } from "../../../../db/tables/promoters.ts";
import { ConflictError, FieldError, NotFoundError } from "../../../utils/errors.ts";
import { ensure } from "../../access/ensure.ts";
import { defineCommand, type CommandScope } from "../../commands/command.server.ts";
import { composeEmail } from "../../mail/compose.server.ts";
import { mailLocaleOf } from "../../profiles/language.server.ts";
import { absoluteUrl } from "../../mail/settings.ts";
import {
  ensureNotSuppressed,
  suppressedAmong,
  suppressionReason,
} from "../../mail/suppressions.server.ts";
import { SurveyInvitationEmail } from "../../mail/templates/surveys.tsx";
import { sendLater } from "../../outbox/queue.server.ts";
import { hashLinkToken, newLinkToken } from "./tokens.ts";
import {
  parseEmailList,
  RESEND_COOLDOWN_DAYS,
  SURVEY_COOLDOWN_DAYS,
  type CreateSurveyInput,
  type ListedPerson,
} from "./validation.ts";

const DAY = 86_400_000;

/** The people an audience names today, one row per address. */
async function audiencePeople(
  trx: Queryable,
  audience: SurveyAudience,
  emails: string,
): Promise<(ListedPerson & { userId: number | null })[]> {
  if (audience === "list") {
    const { people, error } = parseEmailList(emails);
    if (error) throw new FieldError("emails", error);
    const accounts = await accountsByEmail(
      trx,
      people.map((p) => p.email),
    );
    return people.map((p) => ({ ...p, userId: accounts.get(p.email) ?? null }));
  }
  if (audience === "members") {
    const rows = await trx
      .selectFrom("users")
      .leftJoin("profiles", "profiles.user_id", "users.id")
      .select(["users.id", "users.email", "users.display_name", "profiles.company"])
      .where("users.role", "=", "advocate")
      .execute();
    return rows.map((r) => ({
      email: r.email.toLowerCase(),
      name: r.display_name,
      company: r.company ?? "",
      userId: r.id,
    }));
  }
  // Imported contacts: everyone who ever answered, with the name and company of their latest answer.
  const rows = await trx
    .selectFrom("nps_responses")
    .select([sql<string>`lower(email)`.as("email"), "name", "company", "responded_at"])
    .orderBy("responded_at", "desc")
    .execute();
  const people = new Map<string, ListedPerson>();
  for (const r of rows)
    if (!people.has(r.email))
      people.set(r.email, { email: r.email, name: r.name, company: r.company });
  const accounts = await accountsByEmail(trx, [...people.keys()]);
  return [...people.values()].map((p) => ({ ...p, userId: accounts.get(p.email) ?? null }));
}

async function accountsByEmail(trx: Queryable, emails: string[]): Promise<Map<string, number>> {
  const found = new Map<string, number>();
  for (let i = 0; i < emails.length; i += 500) {
    const rows = await trx
      .selectFrom("users")
      .select(["id", sql<string>`lower(email)`.as("email")])
      .where(sql<string>`lower(email)`, "in", emails.slice(i, i + 500))
      .execute();
    for (const r of rows) found.set(r.email, r.id);
  }
  return found;
}

/** Addresses that received any survey since `since`: the cool-down keeps them out. */
async function recentlySurveyed(trx: Queryable, since: Date): Promise<Set<string>> {
  const rows = await trx
    .selectFrom("nps_survey_recipients")
    .select(sql<string>`lower(email)`.as("email"))
    .where("sent_at", ">", since)
    .execute();
  return new Set(rows.map((r) => r.email));
}

function parseSendAt(text: string, now: Date): Date {
  if (!text) return now;
  const date = new Date(/Z|[+-]\d{2}:?\d{2}$/.test(text) ? text : `${text}Z`);
  if (Number.isNaN(date.getTime())) throw new FieldError("sendAt", "Choose a valid date and time.");
  if (date.getTime() > now.getTime() + 366 * DAY)
    throw new FieldError("sendAt", "Schedule the survey within the next year.");
  // A time already past means "now".
  return date.getTime() < now.getTime() ? now : date;
}

/** Mails every recipient not yet sent, skipping anyone surveyed within the cool-down. */
async function mailRecipients(
  trx: Queryable,
  surveyId: number,
  { effects, now, site }: Pick<CommandScope, "effects" | "now" | "site">,
): Promise<{ sent: number; heldBack: number }> {
  const survey = await trx
    .selectFrom("nps_surveys")
    .select(["id", "question"])
    .where("id", "=", surveyId)
    .executeTakeFirstOrThrow();
  const recent = await recentlySurveyed(trx, new Date(now.getTime() - SURVEY_COOLDOWN_DAYS * DAY));
  const waiting = await trx
    .selectFrom("nps_survey_recipients")
    .select(["id", "email", "name", "user_id"])
    .where("survey_id", "=", surveyId)
    .where("sent_at", "is", null)
    .execute();
  // Someone may have unsubscribed between scheduling and sending: they stay unsent.
  const unsubscribed = await suppressedAmong(
    trx,
    waiting.map((r) => r.email),
    "surveys",
  );
  let sent = 0;
  for (const r of waiting) {
    if (recent.has(r.email.toLowerCase()) || unsubscribed.has(r.email.toLowerCase())) continue;
    const token = newLinkToken();
    const tokenHash = hashLinkToken(token);
    await trx
      .updateTable("nps_survey_recipients")
      .set({ token_hash: tokenHash, sent_at: now })
      .where("id", "=", r.id)
      .execute();
    queueInvitation(effects, site, { ...r, question: survey.question, token, tokenHash });
    sent++;
  }
  await trx.updateTable("nps_surveys").set({ sent_at: now }).where("id", "=", surveyId).execute();
  return { sent, heldBack: waiting.length - sent };
}

function queueInvitation(
  effects: CommandScope["effects"],
  site: CommandScope["site"],
  r: {
    email: string;
    name: string;
    user_id: number | null;
    question: string;
    token: string;
    tokenHash: string;
  },
) {
  sendLater(effects, async (trx) =>
    composeEmail(site, {
      to: r.email,
      userId: r.user_id,
      kind: "survey_invitation",
      idempotencyKey: `survey_invitation:${r.tokenHash}`,
      locale: await mailLocaleOf(trx, r.user_id),
      subject: (t) => t("mail.surveyInvitation.subject"),
      template: SurveyInvitationEmail({
        name: r.name,
        question: r.question,
        link: absoluteUrl(site, `/survey/${r.token}`),
      }),
    }),
  );
}

/**
 * A manager creates a survey for an audience. The audience is fixed when the
 * survey is created; people surveyed within the cool-down are left out and
 * counted. Due now: sent in the same transaction (the outbox delivers);
 * scheduled: the hourly sweep sends it.
 */
export const createSurvey = defineCommand({
  name: "survey.create",
  authorize(viewer) {
    ensure("manageSurveys", viewer);
  },
  async run(trx, input: CreateSurveyInput, { viewer, effects, now, site }) {
    ensure("manageSurveys", viewer);
    const sendAt = parseSendAt(input.sendAt, now);
    const everyone = await audiencePeople(trx, input.audience, input.emails);
    const recent = await recentlySurveyed(
      trx,
      new Date(now.getTime() - SURVEY_COOLDOWN_DAYS * DAY),
    );
    const unsubscribed = await suppressedAmong(
      trx,
      everyone.map((p) => p.email),
      "surveys",
    );
    const reachable = everyone.filter((p) => !unsubscribed.has(p.email));
    const people = reachable.filter((p) => !recent.has(p.email));
    const field = input.audience === "list" ? "emails" : "audience";
    if (everyone.length === 0) throw new FieldError("audience", "Nobody is in this audience yet.");
    if (reachable.length === 0)
      throw new FieldError(
        field,
        `${[...unsubscribed.values()].slice(0, 5).map(suppressionReason).join(" ")} Nobody left to survey; nothing was sent.`,
        409,
      );
    if (people.length === 0)
      throw new FieldError(
        field,
        `Everyone in this audience was surveyed in the last ${SURVEY_COOLDOWN_DAYS} days. Nothing was sent.`,
      );
    const survey = await trx
      .insertInto("nps_surveys")
      .values({
        name: input.name,
        question: input.question,
        follow_up: input.followUp,
        audience: input.audience,
        send_at: sendAt,
        created_by: viewer.id,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    for (let i = 0; i < people.length; i += 200) {
      await trx
        .insertInto("nps_survey_recipients")
        .values(
          people.slice(i, i + 200).map((p) => ({
            survey_id: survey.id,
            email: p.email,
            name: p.name,
            company: p.company,
            user_id: p.userId,
            // Replaced by the real link's hash when the survey is sent.
            token_hash: hashLinkToken(newLinkToken()),
          })),
        )
        .execute();
    }
    const due = sendAt.getTime() <= now.getTime();
    const result = due ? await mailRecipients(trx, survey.id, { effects, now, site }) : null;
    effects.audit({
      actorId: viewer.id,
      action: "survey.created",
      subjectType: "nps_survey",
      subjectId: survey.id,
      details: {
        audience: input.audience,
        recipients: people.length,
        coolingDown: reachable.length - people.length,
        unsubscribed: unsubscribed.size,
        sent: result?.sent ?? 0,
      },
    });
    return {
      id: survey.id,
      recipients: people.length,
      coolingDown: reachable.length - people.length,
      /** Who was left out because they unsubscribed from surveys, and since when. */
      unsubscribed: [...unsubscribed.values()].map(suppressionReason),
      sent: result?.sent ?? 0,
      scheduledFor: due ? null : sendAt,
    };
  },
});

/** The sweep's part: every scheduled survey whose time has come is sent. */
export const sendDueSurveys = defineCommand({
  name: "survey.send_due",
  async run(trx, _input: Record<string, never>, { effects, now, site }) {
    const due = await trx
      .selectFrom("nps_surveys")
      .select("id")
      .where("sent_at", "is", null)
      .where("send_at", "<=", now)
      .forUpdate()
      .skipLocked()
      .execute();
    const results = [];
    for (const survey of due) {
      const result = await mailRecipients(trx, survey.id, { effects, now, site });
      effects.audit({
        actorId: null,
        action: "survey.sent",
        subjectType: "nps_survey",
        subjectId: survey.id,
        details: result,
      });
      results.push({ id: survey.id, ...result });
    }
    return results;
  },
});

/**
 * Sends one person their link again (a new link; the old one stops working).
 * Refused once they answered, and within a week of the last send.
 */
export const resendSurveyInvitation = defineCommand({
  name: "survey.resend",
  authorize(viewer) {
    ensure("manageSurveys", viewer);
  },
  async run(trx, input: { recipientId: number }, { viewer, effects, now, site }) {
    ensure("manageSurveys", viewer);
    const r = await trx
      .selectFrom("nps_survey_recipients as r")
      .innerJoin("nps_surveys as s", "s.id", "r.survey_id")
      .select([
        "r.id",
        "r.email",
        "r.name",
        "r.user_id",
        "r.sent_at",
        "r.answered_at",
        "s.question",
      ])
      .where("r.id", "=", input.recipientId)
      .forUpdate("r")
      .executeTakeFirst();
    if (!r) throw new NotFoundError("That recipient is not part of a survey.");
    if (r.answered_at) throw new ConflictError(`${r.email} has already answered this survey.`);
    if (!r.sent_at) throw new ConflictError("This survey has not been sent yet.");
    await ensureNotSuppressed(trx, r.email, "surveys", "The survey was not sent again.");
    const next = new Date(new Date(r.sent_at).getTime() + RESEND_COOLDOWN_DAYS * DAY);
    if (next.getTime() > now.getTime())
      throw new ConflictError(
        `${r.email} was sent this survey on ${new Date(r.sent_at).toISOString().slice(0, 10)}. To avoid survey spam, it can be sent again from ${next.toISOString().slice(0, 10)}.`,
      );
    const token = newLinkToken();
    const tokenHash = hashLinkToken(token);
    await trx
      .updateTable("nps_survey_recipients")
      .set({ token_hash: tokenHash, sent_at: now })
      .where("id", "=", r.id)
      .execute();
    queueInvitation(effects, site, { ...r, token, tokenHash });
    effects.audit({
      actorId: viewer.id,
      action: "survey.resent",
      subjectType: "nps_survey_recipient",
      subjectId: r.id,
    });
  },
});
