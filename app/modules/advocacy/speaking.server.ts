import { sql } from "kysely";
import type { Queryable } from "../../../db/client.ts";
import type { TalkFormat, TalkOrigin, TalkStatus } from "../../../db/tables/advocacy.ts";
import { inTransaction } from "../../../db/transaction.ts";
import { renderMarkdown } from "../../utils/markdown.server.ts";
import { ensure } from "../access/ensure.ts";
import { policy, type Viewer } from "../access/policy.ts";
import { recordAudit } from "../audit/audit.server.ts";
import {
  ConflictError,
  FieldError,
  ForbiddenError,
  NotFoundError,
  isUniqueViolation,
} from "../auth/errors.ts";
import type { Actor } from "../auth/users.server.ts";
import { defineCommand } from "../commands/command.server.ts";
import { announceAwards } from "../reputation/ledger.server.ts";
import { changeWithNotices, type Notice, type Outcome } from "./notices.server.ts";
import { awardTalk, reverseAward, talkAwardKey } from "./points.server.ts";
import { formatEventDate } from "./time.ts";
import type { EvidenceInput, LogTalkInput, OpportunityInput } from "./validation.ts";
import {
  assertApplicationTransition,
  assertTalkTransition,
  canApplication,
  type ApplicationAction,
} from "./workflow.ts";

/** Domain functions take `now` so seeds can replay history and tests can pin the clock. */
export interface Clock {
  now?: Date;
}

export const PAGE_SIZE = 12;

const viewerOf = (actor: Actor): Viewer => ({ id: actor.id, role: actor.role });

// ---------------------------------------------------------------------------
// Opportunities
// ---------------------------------------------------------------------------

function opportunityValues(input: OpportunityInput) {
  return {
    title: input.title,
    event_name: input.eventName,
    format: input.format,
    starts_at: input.startsAt,
    time_zone: input.timeZone,
    is_virtual: input.isVirtual,
    location: input.location,
    expected_audience: input.expectedAudience,
    audience_description: input.audienceDescription,
    topic_md: input.topic,
    topic_html: renderMarkdown(input.topic, { trustedLinks: true }),
    event_url: input.eventUrl,
    application_deadline: input.applicationDeadline,
    status: input.status,
  };
}

export async function createOpportunity(
  db: Queryable,
  actor: Actor,
  input: OpportunityInput,
  clock: Clock = {},
) {
  if (!policy.manageSpeaking(viewerOf(actor)))
    throw new ForbiddenError("Only community managers can post speaking opportunities.");
  const now = clock.now ?? new Date();
  return inTransaction(db, async (trx) => {
    const row = await trx
      .insertInto("speaking_opportunities")
      .values({
        ...opportunityValues(input),
        created_by: actor.id,
        created_at: now,
        updated_at: now,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    await recordAudit(trx, {
      actorId: actor.id,
      action: "speaking.opportunity_posted",
      subjectType: "speaking_opportunity",
      subjectId: row.id,
      details: { title: row.title, format: row.format },
    });
    return row;
  });
}

export async function updateOpportunity(
  db: Queryable,
  actor: Actor,
  id: number,
  input: OpportunityInput,
  clock: Clock = {},
) {
  if (!policy.manageSpeaking(viewerOf(actor)))
    throw new ForbiddenError("Only community managers can change speaking opportunities.");
  return inTransaction(db, async (trx) => {
    const row = await trx
      .updateTable("speaking_opportunities")
      .set({ ...opportunityValues(input), updated_at: clock.now ?? new Date() })
      .where("id", "=", id)
      .returningAll()
      .executeTakeFirst();
    if (!row) throw new NotFoundError("We could not find that speaking opportunity.");
    await recordAudit(trx, {
      actorId: actor.id,
      action: "speaking.opportunity_updated",
      subjectType: "speaking_opportunity",
      subjectId: id,
      details: { status: row.status },
    });
    return row;
  });
}

/** Opens, closes or marks an opportunity filled. */
export async function setOpportunityStatus(
  db: Queryable,
  actor: Actor,
  id: number,
  status: "open" | "closed" | "filled",
  clock: Clock = {},
) {
  if (!policy.manageSpeaking(viewerOf(actor)))
    throw new ForbiddenError("Only community managers can change speaking opportunities.");
  return inTransaction(db, async (trx) => {
    const row = await trx
      .updateTable("speaking_opportunities")
      .set({ status, updated_at: clock.now ?? new Date() })
      .where("id", "=", id)
      .returning(["id", "status"])
      .executeTakeFirst();
    if (!row) throw new NotFoundError("We could not find that speaking opportunity.");
    await recordAudit(trx, {
      actorId: actor.id,
      action: `speaking.opportunity_${status}`,
      subjectType: "speaking_opportunity",
      subjectId: id,
    });
    return row;
  });
}

export async function getOpportunity(db: Queryable, id: number) {
  const row = await db
    .selectFrom("speaking_opportunities")
    .selectAll()
    .where("id", "=", id)
    .executeTakeFirst();
  if (!row) throw new NotFoundError("We could not find that speaking opportunity.");
  return row;
}

/** Why an advocate could not apply now, or null when they can. */
export function applicationClosedReason(
  opportunity: { status: string; application_deadline: Date | string },
  now: Date,
): string | null {
  if (opportunity.status === "filled") return "This opportunity has been filled.";
  if (opportunity.status === "closed") return "This opportunity is closed to applications.";
  if (new Date(opportunity.application_deadline) < now)
    return "The application deadline has passed.";
  return null;
}

export interface OpportunityFilters {
  format?: TalkFormat;
  /** YYYY-MM-DD: events on or after this day (UTC). */
  from?: string;
  /** YYYY-MM-DD: events on or before this day (UTC). */
  to?: string;
  page?: number;
}

/** Open opportunities whose deadline has not passed, soonest event first. */
export async function listOpenOpportunities(
  db: Queryable,
  filters: OpportunityFilters,
  clock: Clock = {},
) {
  const now = clock.now ?? new Date();
  const page = Math.max(1, Math.floor(filters.page ?? 1));
  let query = db
    .selectFrom("speaking_opportunities")
    .where("status", "=", "open")
    .where("application_deadline", ">=", now);
  if (filters.format) query = query.where("format", "=", filters.format);
  if (filters.from) query = query.where("starts_at", ">=", new Date(`${filters.from}T00:00:00Z`));
  if (filters.to) query = query.where("starts_at", "<", new Date(`${filters.to}T24:00:00Z`));
  const [{ total }] = await query.select((eb) => eb.fn.countAll<number>().as("total")).execute();
  const rows = await query
    .selectAll()
    .orderBy("starts_at")
    .orderBy("id")
    .limit(PAGE_SIZE)
    .offset((page - 1) * PAGE_SIZE)
    .execute();
  return { rows, total: Number(total), page, pageCount: Math.max(1, Math.ceil(total / PAGE_SIZE)) };
}

/** Every opportunity for managers, newest event first, with how many applied. */
export async function listOpportunitiesForManagers(db: Queryable, page = 1) {
  const p = Math.max(1, Math.floor(page));
  const [{ total }] = await db
    .selectFrom("speaking_opportunities")
    .select((eb) => eb.fn.countAll<number>().as("total"))
    .execute();
  const rows = await db
    .selectFrom("speaking_opportunities as o")
    .selectAll("o")
    .select([
      sql<number>`(select count(*) from speaking_applications a where a.opportunity_id = o.id)`.as(
        "application_count",
      ),
      sql<number>`(select count(*) from speaking_applications a where a.opportunity_id = o.id and a.status in ('pending', 'shortlisted'))`.as(
        "undecided_count",
      ),
    ])
    .orderBy("o.starts_at", "desc")
    .orderBy("o.id", "desc")
    .limit(PAGE_SIZE)
    .offset((p - 1) * PAGE_SIZE)
    .execute();
  return {
    rows,
    total: Number(total),
    page: p,
    pageCount: Math.max(1, Math.ceil(total / PAGE_SIZE)),
  };
}

// ---------------------------------------------------------------------------
// Applications
// ---------------------------------------------------------------------------

export async function applyToOpportunity(
  db: Queryable,
  actor: Actor,
  opportunityId: number,
  input: { pitch: string; talkTitle?: string },
  clock: Clock = {},
): Promise<Outcome<{ id: number }>> {
  const now = clock.now ?? new Date();
  if (!policy.applyToSpeak(viewerOf(actor)))
    throw new ForbiddenError(
      "Only verified customers can apply to speak. A community manager verifies customers.",
    );
  try {
    return await changeWithNotices(db, { url: "/speaking/mine", at: now }, async (trx) => {
      const profile = await trx
        .selectFrom("profiles")
        .select("open_to_speaking")
        .where("user_id", "=", actor.id)
        .executeTakeFirst();
      if (!profile?.open_to_speaking)
        throw new ForbiddenError(
          "Turn on “Open to speaking” in your profile settings before you apply.",
        );
      // Lock the opportunity so a manager closing it and an application cannot cross.
      const opportunity = await trx
        .selectFrom("speaking_opportunities")
        .selectAll()
        .where("id", "=", opportunityId)
        .forUpdate()
        .executeTakeFirst();
      if (!opportunity) throw new NotFoundError("We could not find that speaking opportunity.");
      const closed = applicationClosedReason(opportunity, now);
      if (closed) throw new ConflictError(`${closed} Applications are no longer taken.`);
      const row = await trx
        .insertInto("speaking_applications")
        .values({
          opportunity_id: opportunityId,
          advocate_id: actor.id,
          talk_title: input.talkTitle?.trim() ?? "",
          pitch: input.pitch.trim(),
          created_at: now,
          updated_at: now,
        })
        .returning("id")
        .executeTakeFirstOrThrow();
      const notices: Notice[] = [];
      if (opportunity.created_by && opportunity.created_by !== actor.id)
        notices.push({
          userId: opportunity.created_by,
          kind: "info",
          title: "New speaking application",
          url: `/manage/speaking/${opportunityId}`,
          description: `Someone applied to speak at ${opportunity.event_name}.`,
        });
      return { value: row, notices, points: [] };
    });
  } catch (error) {
    if (isUniqueViolation(error, "speaking_applications_once_key"))
      throw new ConflictError("You have already applied to this opportunity.");
    throw error;
  }
}

export async function withdrawApplication(
  db: Queryable,
  actor: Actor,
  applicationId: number,
  clock: Clock = {},
) {
  return inTransaction(db, async (trx) => {
    const application = await trx
      .selectFrom("speaking_applications")
      .selectAll()
      .where("id", "=", applicationId)
      .forUpdate()
      .executeTakeFirst();
    if (!application || application.advocate_id !== actor.id)
      throw new NotFoundError("We could not find that application.");
    assertApplicationTransition("withdraw", application.status);
    await trx
      .updateTable("speaking_applications")
      .set({ status: "withdrawn", updated_at: clock.now ?? new Date() })
      .where("id", "=", applicationId)
      .execute();
  });
}

const decisionNotice: Record<
  Exclude<ApplicationAction, "withdraw">,
  (event: string) => Pick<Notice, "kind" | "title">
> = {
  shortlist: (event) => ({ kind: "info", title: `You are on the shortlist for ${event}` }),
  accept: (event) => ({ kind: "success", title: `You are speaking at ${event}!` }),
  decline: (event) => ({ kind: "info", title: `Your application for ${event} was declined` }),
};

/**
 * A manager shortlists, accepts or declines an application, with a message
 * to the advocate. Accepting turns it into a scheduled talk.
 */
export async function decideApplication(
  db: Queryable,
  actor: Actor,
  applicationId: number,
  decision: Exclude<ApplicationAction, "withdraw">,
  message: string,
  clock: Clock = {},
): Promise<Outcome<{ applicationId: number; talkId: number | null }>> {
  if (!policy.manageSpeaking(viewerOf(actor)))
    throw new ForbiddenError("Only community managers can decide applications.");
  const now = clock.now ?? new Date();
  return changeWithNotices(db, { url: "/speaking/mine", at: now }, async (trx) => {
    const application = await trx
      .selectFrom("speaking_applications")
      .selectAll()
      .where("id", "=", applicationId)
      .forUpdate()
      .executeTakeFirst();
    if (!application) throw new NotFoundError("We could not find that application.");
    if (application.advocate_id === actor.id)
      throw new ForbiddenError("Another manager decides your own application.");
    assertApplicationTransition(decision, application.status);
    const opportunity = await getOpportunity(trx, application.opportunity_id);
    const status = { shortlist: "shortlisted", accept: "accepted", decline: "declined" } as const;
    await trx
      .updateTable("speaking_applications")
      .set({
        status: status[decision],
        decision_message: message.trim(),
        decided_by: actor.id,
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
    await recordAudit(trx, {
      actorId: actor.id,
      action: `speaking.application_${status[decision]}`,
      subjectType: "speaking_application",
      subjectId: applicationId,
      reason: message.trim() || null,
      details: { opportunityId: opportunity.id, talkId },
    });
    const notice = decisionNotice[decision](opportunity.event_name);
    return {
      value: { applicationId, talkId },
      notices: [
        {
          userId: application.advocate_id,
          ...notice,
          description: message.trim() || opportunity.title,
        },
      ],
      points: [],
    };
  });
}

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

// ---------------------------------------------------------------------------
// Talks
// ---------------------------------------------------------------------------

const talkColumns = [
  "t.id",
  "t.speaker_id",
  "t.origin",
  "t.opportunity_id",
  "t.title",
  "t.event_name",
  "t.format",
  "t.given_at",
  "t.time_zone",
  "t.is_virtual",
  "t.location",
  "t.abstract",
  "t.event_url",
  "t.status",
  "t.recording_url",
  "t.slides_url",
  "t.attendance",
  "t.evidence_note",
  "t.evidence_at",
  "t.decided_at",
  "t.rejection_reason",
  "t.award_key",
  "t.created_at",
] as const;

export async function getTalk(db: Queryable, id: number) {
  const talk = await db
    .selectFrom("talks as t")
    .innerJoin("users as u", "u.id", "t.speaker_id")
    .innerJoin("profiles as p", "p.user_id", "t.speaker_id")
    .leftJoin("users as d", "d.id", "t.decided_by")
    .select([
      ...talkColumns,
      "u.handle as speaker_handle",
      "u.display_name as speaker_name",
      "p.company as speaker_company",
      "p.is_public as speaker_public",
      "d.display_name as decided_by_name",
    ])
    .where("t.id", "=", id)
    .executeTakeFirst();
  if (!talk) throw new NotFoundError("We could not find that talk.");
  return talk;
}

/** The talk if this viewer may see it; a hidden and a missing talk look the same (404). */
export async function getVisibleTalk(db: Queryable, viewer: Viewer, id: number) {
  const talk = await getTalk(db, id).catch(() => null);
  if (
    !talk ||
    !policy.viewTalk(viewer, {
      speakerId: talk.speaker_id,
      status: talk.status,
      origin: talk.origin,
    })
  )
    throw new NotFoundError("We could not find that talk.");
  return talk;
}

/** An advocate records a talk they gave (or will give) elsewhere; a manager verifies it later. */
export async function logTalk(
  db: Queryable,
  actor: Actor,
  input: LogTalkInput,
  clock: Clock = {},
): Promise<{ id: number; status: TalkStatus }> {
  if (!policy.logTalk(viewerOf(actor)))
    throw new ForbiddenError("Only verified customers can log talks.");
  const now = clock.now ?? new Date();
  if (input.evidence && input.givenAt > now)
    throw new FieldError(
      "givenAt",
      "This date is in the future: log the talk without evidence now, and add the recording or slides after you have given it.",
    );
  return inTransaction(db, async (trx) => {
    const status: TalkStatus = input.evidence ? "pending" : "scheduled";
    const row = await trx
      .insertInto("talks")
      .values({
        speaker_id: actor.id,
        origin: "self_reported",
        title: input.title,
        event_name: input.eventName,
        format: input.format,
        given_at: input.givenAt,
        time_zone: input.timeZone,
        is_virtual: input.isVirtual,
        location: input.location,
        abstract: input.abstract,
        event_url: input.eventUrl,
        status,
        recording_url: input.evidence?.recordingUrl ?? "",
        slides_url: input.evidence?.slidesUrl ?? "",
        attendance: input.evidence?.attendance ?? null,
        evidence_note: input.evidence?.evidenceNote ?? "",
        evidence_at: input.evidence ? now : null,
        award_key: null,
        created_at: now,
        updated_at: now,
      })
      .returning(["id", "status"])
      .executeTakeFirstOrThrow();
    return row;
  });
}

/** After the talk, its speaker adds a recording or slides link and the attendance. */
export async function addTalkEvidence(
  db: Queryable,
  actor: Actor,
  talkId: number,
  input: EvidenceInput,
  clock: Clock = {},
) {
  const now = clock.now ?? new Date();
  return inTransaction(db, async (trx) => {
    const talk = await trx
      .selectFrom("talks")
      .selectAll()
      .where("id", "=", talkId)
      .forUpdate()
      .executeTakeFirst();
    if (!talk) throw new NotFoundError("We could not find that talk.");
    if (
      !policy.addTalkEvidence(viewerOf(actor), {
        speakerId: talk.speaker_id,
        status: talk.status,
        origin: talk.origin,
      })
    )
      throw new ForbiddenError("Only the speaker can add evidence for this talk.");
    assertTalkTransition("addEvidence", talk.status);
    if (new Date(talk.given_at) > now)
      throw new ConflictError(
        `You can add evidence once the talk has happened (on ${formatEventDate(talk.given_at, talk.time_zone)}).`,
      );
    await trx
      .updateTable("talks")
      .set({
        status: "pending",
        recording_url: input.recordingUrl,
        slides_url: input.slidesUrl,
        attendance: input.attendance,
        evidence_note: input.evidenceNote,
        evidence_at: now,
        updated_at: now,
      })
      .where("id", "=", talkId)
      .execute();
  });
}

async function lockTalk(trx: Queryable, talkId: number) {
  const talk = await trx
    .selectFrom("talks")
    .selectAll()
    .where("id", "=", talkId)
    .forUpdate()
    .executeTakeFirst();
  if (!talk) throw new NotFoundError("We could not find that talk.");
  return talk;
}

const talkSubject = (talk: { speaker_id: number; status: TalkStatus; origin: TalkOrigin }) => ({
  speakerId: talk.speaker_id,
  status: talk.status,
  origin: talk.origin,
});

/**
 * A manager verifies that a talk happened: the speaker earns its points once
 * (a second click, or two managers at once, award nothing more), and is told.
 */
export const verifyTalk = defineCommand({
  name: "talk.verify",
  async run(trx, { talkId }: { talkId: number }, { viewer, effects, now }) {
    const talk = await lockTalk(trx, talkId);
    ensure("verifyTalk", viewer, talkSubject(talk));
    if (talk.status === "verified") return { status: talk.status, alreadyVerified: true };
    assertTalkTransition("verify", talk.status);
    if (new Date(talk.given_at) > now)
      throw new ConflictError("A talk can be verified once it has happened.");
    if (!talk.recording_url && !talk.slides_url)
      throw new ConflictError("The speaker has not added a recording or slides yet.");
    const verification = talk.verification_count + 1;
    const key = talkAwardKey(talk.id, verification);
    await trx
      .updateTable("talks")
      .set({
        status: "verified",
        verification_count: verification,
        award_key: key,
        decided_by: viewer.id,
        decided_at: now,
        rejection_reason: "",
        updated_at: now,
      })
      .where("id", "=", talkId)
      .execute();
    const entry = await awardTalk(
      trx,
      { id: talk.id, speakerId: talk.speaker_id, format: talk.format, title: talk.title },
      key,
      viewer.id,
      now,
    );
    announceAwards(effects, entry);
    effects.audit({
      actorId: viewer.id,
      action: "speaking.talk_verified",
      subjectType: "talk",
      subjectId: talk.id,
      details: { key, points: entry?.amount ?? 0 },
    });
    effects.notify({
      userId: talk.speaker_id,
      kind: "success",
      title: "Your talk is verified",
      description: `“${talk.title}” at ${talk.event_name} now shows as verified on your profile.`,
      url: "/speaking/mine",
    });
    return { status: "verified" as TalkStatus, alreadyVerified: false };
  },
});

/**
 * A manager rejects a talk with a reason. Rejecting a verified talk takes its
 * points back (a compensating ledger entry); the speaker can add better
 * evidence and ask again.
 */
export const rejectTalk = defineCommand({
  name: "talk.reject",
  authorize(_viewer, { reason }: { talkId: number; reason: string }) {
    if (reason.trim().length < 5)
      throw new FieldError("reason", "Say why, so the speaker can put it right.");
  },
  async run(trx, { talkId, reason }, { viewer, effects, now }) {
    const why = reason.trim();
    const talk = await lockTalk(trx, talkId);
    ensure("rejectTalk", viewer, talkSubject(talk));
    assertTalkTransition("reject", talk.status);
    const reversal = talk.award_key
      ? await reverseAward(trx, talk.award_key, `Talk not verified: ${why}`, viewer.id, now)
      : null;
    await trx
      .updateTable("talks")
      .set({
        status: "rejected",
        rejection_reason: why,
        award_key: null,
        decided_by: viewer.id,
        decided_at: now,
        updated_at: now,
      })
      .where("id", "=", talkId)
      .execute();
    announceAwards(effects, reversal);
    effects.audit({
      actorId: viewer.id,
      action: "speaking.talk_rejected",
      subjectType: "talk",
      subjectId: talk.id,
      reason: why,
      details: { reversed: talk.award_key },
    });
    effects.notify({
      userId: talk.speaker_id,
      kind: "info",
      title: `“${talk.title}” was not verified`,
      description: why,
      url: "/speaking/mine",
    });
    return { status: "rejected" as TalkStatus };
  },
});

/** Talks with evidence waiting for a manager, oldest evidence first. */
export async function listTalksToVerify(db: Queryable, limit = 50) {
  return db
    .selectFrom("talks as t")
    .innerJoin("users as u", "u.id", "t.speaker_id")
    .select([...talkColumns, "u.handle as speaker_handle", "u.display_name as speaker_name"])
    .where("t.status", "=", "pending")
    .orderBy("t.evidence_at")
    .limit(limit)
    .execute();
}

/** Upcoming talks a manager has accepted: the ones prospects can go and see. */
export async function listUpcomingTalks(db: Queryable, clock: Clock = {}, limit = 12) {
  const now = clock.now ?? new Date();
  return db
    .selectFrom("talks as t")
    .innerJoin("users as u", "u.id", "t.speaker_id")
    .innerJoin("profiles as p", "p.user_id", "t.speaker_id")
    .select([
      ...talkColumns,
      "u.handle as speaker_handle",
      "u.display_name as speaker_name",
      "p.company as speaker_company",
      "p.is_public as speaker_public",
    ])
    .where("t.status", "=", "scheduled")
    .where("t.origin", "=", "opportunity")
    .where("t.given_at", ">=", now)
    .orderBy("t.given_at")
    .limit(limit)
    .execute();
}

/**
 * A speaker's talks for their profile: verified and upcoming accepted ones
 * for everyone; pending, rejected and self-reported ones only for the
 * speaker and staff.
 */
export async function listTalksForProfile(db: Queryable, viewer: Viewer, speakerId: number) {
  const rows = await db
    .selectFrom("talks as t")
    .leftJoin("reputation_ledger as l", "l.idempotency_key", "t.award_key")
    .select([...talkColumns, "l.amount as points"])
    .where("t.speaker_id", "=", speakerId)
    .orderBy("t.given_at", "desc")
    .limit(50)
    .execute();
  return rows.filter((t) =>
    policy.viewTalk(viewer, { speakerId: t.speaker_id, status: t.status, origin: t.origin }),
  );
}

export async function listOwnTalks(db: Queryable, userId: number) {
  return db
    .selectFrom("talks as t")
    .select([...talkColumns])
    .where("t.speaker_id", "=", userId)
    .orderBy("t.given_at", "desc")
    .execute();
}
