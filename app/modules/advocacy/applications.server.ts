import { sql } from "kysely";
import type { Queryable } from "../../../db/client.ts";
import {
  ConflictError,
  ForbiddenError,
  NotFoundError,
  isUniqueViolation,
} from "../../utils/errors.ts";
import { ensure } from "../access/ensure.ts";
import { defineCommand } from "../commands/command.server.ts";
import { SpeakingDecidedEmail } from "../mail/templates/advocacy.tsx";
import { mailPerson } from "../mail/to-person.server.ts";
import type { Notice } from "../commands/effects.server.ts";
import {
  applicationClosedReason,
  getOpportunity,
  lockOpportunity,
} from "./opportunities.server.ts";
import { assertApplicationTransition, canApplication, type ApplicationAction } from "./workflow.ts";

export type Decision = Exclude<ApplicationAction, "withdraw">;

/** An advocate open to speaking applies to an opportunity, once, before its deadline. */
export const applyToOpportunity = defineCommand({
  name: "application.apply",
  async run(
    trx,
    input: { opportunityId: number; pitch: string; talkTitle?: string },
    { viewer, effects, now },
  ) {
    ensure("applyToSpeak", viewer);
    const profile = await trx
      .selectFrom("profiles")
      .select("open_to_speaking")
      .where("user_id", "=", viewer.id)
      .executeTakeFirst();
    if (!profile?.open_to_speaking)
      throw new ForbiddenError(
        "Turn on “Open to speaking” in your profile settings before you apply.",
      );
    const opportunity = await lockOpportunity(trx, input.opportunityId);
    const closed = applicationClosedReason(opportunity, now);
    if (closed) throw new ConflictError(`${closed} Applications are no longer taken.`);
    const row = await trx
      .insertInto("speaking_applications")
      .values({
        opportunity_id: opportunity.id,
        advocate_id: viewer.id,
        talk_title: input.talkTitle?.trim() ?? "",
        pitch: input.pitch.trim(),
        created_at: now,
        updated_at: now,
      })
      .returning("id")
      .executeTakeFirstOrThrow()
      .catch((error: unknown) => {
        // The unique key is the last word on "once": two tabs at once get the same answer.
        if (isUniqueViolation(error, "speaking_applications_once_key"))
          throw new ConflictError("You have already applied to this opportunity.");
        throw error;
      });
    if (opportunity.created_by && opportunity.created_by !== viewer.id)
      effects.notify({
        userId: opportunity.created_by,
        kind: "info",
        title: "New speaking application",
        url: `/manage/speaking/${opportunity.id}`,
        description: `Someone applied to speak at ${opportunity.event_name}.`,
      });
    return row;
  },
});

/** An advocate withdraws their own application while it is undecided. */
export const withdrawApplication = defineCommand({
  name: "application.withdraw",
  async run(trx, { applicationId }: { applicationId: number }, { viewer, now }) {
    const application = await trx
      .selectFrom("speaking_applications")
      .selectAll()
      .where("id", "=", applicationId)
      .forUpdate()
      .executeTakeFirst();
    // Someone else's application looks like a missing one.
    if (!application || !viewer || application.advocate_id !== viewer.id)
      throw new NotFoundError("We could not find that application.");
    assertApplicationTransition("withdraw", application.status);
    await trx
      .updateTable("speaking_applications")
      .set({ status: "withdrawn", updated_at: now })
      .where("id", "=", applicationId)
      .execute();
  },
});

const decisionNotice: Record<Decision, (event: string) => Pick<Notice, "kind" | "title">> = {
  shortlist: (event) => ({ kind: "info", title: `You are on the shortlist for ${event}` }),
  accept: (event) => ({ kind: "success", title: `You are speaking at ${event}!` }),
  decline: (event) => ({ kind: "info", title: `Your application for ${event} was declined` }),
};

const decidedStatus = {
  shortlist: "shortlisted",
  accept: "accepted",
  decline: "declined",
} as const;

/**
 * A manager shortlists, accepts or declines an application, with a message
 * to the advocate. Accepting turns it into a scheduled talk.
 */
export const decideApplication = defineCommand({
  name: "application.decide",
  authorize(viewer, _input: { applicationId: number; decision: Decision; message: string }) {
    ensure("manageSpeaking", viewer);
  },
  async run(trx, { applicationId, decision, message }, { viewer, effects, now }) {
    const application = await trx
      .selectFrom("speaking_applications")
      .selectAll()
      .where("id", "=", applicationId)
      .forUpdate()
      .executeTakeFirst();
    if (!application) throw new NotFoundError("We could not find that application.");
    ensure("decideApplication", viewer, { advocateId: application.advocate_id });
    assertApplicationTransition(decision, application.status);
    const opportunity = await getOpportunity(trx, application.opportunity_id);
    const why = message.trim();
    await trx
      .updateTable("speaking_applications")
      .set({
        status: decidedStatus[decision],
        decision_message: why,
        decided_by: viewer.id,
        decided_at: now,
        updated_at: now,
      })
      .where("id", "=", applicationId)
      .execute();
    let talkId: number | null = null;
    if (decision === "accept") {
      const talk = await trx
        .insertInto("talks")
        .values({
          speaker_id: application.advocate_id,
          origin: "opportunity",
          opportunity_id: opportunity.id,
          application_id: application.id,
          title: application.talk_title || opportunity.title,
          event_name: opportunity.event_name,
          format: opportunity.format,
          given_at: opportunity.starts_at,
          time_zone: opportunity.time_zone,
          is_virtual: opportunity.is_virtual,
          location: opportunity.location,
          abstract: application.pitch,
          event_url: opportunity.event_url,
          status: "scheduled",
          award_key: null,
          created_at: now,
          updated_at: now,
        })
        .returning("id")
        .executeTakeFirstOrThrow();
      talkId = talk.id;
    }
    effects.audit({
      actorId: viewer.id,
      action: `speaking.application_${decidedStatus[decision]}`,
      subjectType: "speaking_application",
      subjectId: applicationId,
      reason: why || null,
      details: { opportunityId: opportunity.id, talkId },
    });
    effects.notify({
      userId: application.advocate_id,
      ...decisionNotice[decision](opportunity.event_name),
      description: why || opportunity.title,
      url: "/speaking/mine",
    });
    mailPerson(effects, {
      userId: application.advocate_id,
      kind: "speaking_decided",
      idempotencyKey: `speaking_decided:${applicationId}:${decidedStatus[decision]}`,
      subject: (t) =>
        ({
          shortlist: t("mail.speakingDecided.shortlistSubject", { event: opportunity.event_name }),
          accept: t("mail.speakingDecided.acceptSubject", { event: opportunity.event_name }),
          decline: t("mail.speakingDecided.declineSubject", { event: opportunity.event_name }),
        })[decision],
      template: (person, link) =>
        SpeakingDecidedEmail({
          name: person.name,
          eventName: opportunity.event_name,
          decision,
          message: why,
          link: link("/speaking/mine"),
        }),
    });
    return { applicationId, talkId };
  },
});

export async function listApplicationsForOpportunity(db: Queryable, opportunityId: number) {
  return db
    .selectFrom("speaking_applications as a")
    .innerJoin("users as u", "u.id", "a.advocate_id")
    .innerJoin("profiles as p", "p.user_id", "a.advocate_id")
    .leftJoin("talks as t", "t.application_id", "a.id")
    .select([
      "a.id",
      "a.talk_title",
      "a.pitch",
      "a.status",
      "a.decision_message",
      "a.decided_at",
      "a.created_at",
      "u.id as advocate_id",
      "u.handle",
      "u.display_name",
      "p.company",
      "p.headline",
      "t.id as talk_id",
    ])
    .where("a.opportunity_id", "=", opportunityId)
    .orderBy(sql`case a.status when 'shortlisted' then 0 when 'pending' then 1 else 2 end`)
    .orderBy("a.created_at")
    .execute();
}

/** Applications waiting for a decision, oldest first (the manager's queue). */
export async function listUndecidedApplications(db: Queryable, limit = 50) {
  return db
    .selectFrom("speaking_applications as a")
    .innerJoin("speaking_opportunities as o", "o.id", "a.opportunity_id")
    .innerJoin("users as u", "u.id", "a.advocate_id")
    .select([
      "a.id",
      "a.status",
      "a.talk_title",
      "a.created_at",
      "o.id as opportunity_id",
      "o.title as opportunity_title",
      "o.event_name",
      "u.handle",
      "u.display_name",
    ])
    .where("a.status", "in", ["pending", "shortlisted"])
    .orderBy("a.created_at")
    .limit(limit)
    .execute();
}

export async function getOwnApplication(db: Queryable, userId: number, opportunityId: number) {
  return db
    .selectFrom("speaking_applications as a")
    .leftJoin("talks as t", "t.application_id", "a.id")
    .select([
      "a.id",
      "a.status",
      "a.talk_title",
      "a.pitch",
      "a.decision_message",
      "a.created_at",
      "t.id as talk_id",
    ])
    .where("a.opportunity_id", "=", opportunityId)
    .where("a.advocate_id", "=", userId)
    .executeTakeFirst();
}

export async function listOwnApplications(db: Queryable, userId: number) {
  return db
    .selectFrom("speaking_applications as a")
    .innerJoin("speaking_opportunities as o", "o.id", "a.opportunity_id")
    .leftJoin("talks as t", "t.application_id", "a.id")
    .select([
      "a.id",
      "a.status",
      "a.decision_message",
      "a.created_at",
      "o.id as opportunity_id",
      "o.title",
      "o.event_name",
      "o.starts_at",
      "o.time_zone",
      "t.id as talk_id",
    ])
    .where("a.advocate_id", "=", userId)
    .orderBy("a.created_at", "desc")
    .execute();
}

export function canDecide(status: Parameters<typeof canApplication>[1]) {
  return {
    shortlist: canApplication("shortlist", status),
    accept: canApplication("accept", status),
    decline: canApplication("decline", status),
  };
}
