import { advocateForWebhook } from "../integrations/payloads.server.ts";
import { sendWebhookLater } from "../integrations/webhooks.server.ts";
import type { Queryable } from "../../../db/client.ts";
import type { TalkOrigin, TalkStatus } from "../../../db/tables/advocacy.ts";
import { ConflictError, FieldError, NotFoundError } from "../../utils/errors.ts";
import { ensure } from "../access/ensure.ts";
import { policy, type Viewer } from "../access/policy.ts";
import { revokeCredentialsLater } from "../credentials/revoke.server.ts";
import { defineCommand } from "../commands/command.server.ts";
import type { Effects } from "../commands/effects.server.ts";
import { TalkDecidedEmail } from "../mail/templates/advocacy.tsx";
import { mailPerson } from "../mail/to-person.server.ts";
import { pointsForKeys } from "../reputation/award-amounts.server.ts";
import { announceAwards } from "../reputation/ledger.server.ts";
import { awardTalk, reverseAward, talkAwardKey } from "./points.server.ts";
import { formatEventDate, type Clock } from "./time.ts";
import type { EvidenceInput, LogTalkInput } from "./validation.ts";
import { assertTalkTransition } from "./workflow.ts";

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
export const logTalk = defineCommand({
  name: "talk.log",
  async run(
    trx,
    input: LogTalkInput,
    { viewer, now },
  ): Promise<{ id: number; status: TalkStatus }> {
    ensure("logTalk", viewer);
    if (input.evidence && input.givenAt > now)
      throw new FieldError(
        "givenAt",
        "This date is in the future: log the talk without evidence now, and add the recording or slides after you have given it.",
      );
    const status: TalkStatus = input.evidence ? "pending" : "scheduled";
    return trx
      .insertInto("talks")
      .values({
        speaker_id: viewer.id,
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
  },
});

/** After the talk, its speaker adds a recording or slides link and the attendance. */
export const addTalkEvidence = defineCommand({
  name: "talk.add_evidence",
  async run(
    trx,
    { talkId, evidence }: { talkId: number; evidence: EvidenceInput },
    { viewer, now },
  ) {
    const talk = await lockTalk(trx, talkId);
    ensure("addTalkEvidence", viewer, talkSubject(talk));
    assertTalkTransition("addEvidence", talk.status);
    if (new Date(talk.given_at) > now)
      throw new ConflictError(
        `You can add evidence once the talk has happened (on ${formatEventDate(talk.given_at, talk.time_zone)}).`,
      );
    await trx
      .updateTable("talks")
      .set({
        status: "pending",
        recording_url: evidence.recordingUrl,
        slides_url: evidence.slidesUrl,
        attendance: evidence.attendance,
        evidence_note: evidence.evidenceNote,
        evidence_at: now,
        updated_at: now,
      })
      .where("id", "=", talkId)
      .execute();
  },
});

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
    sendWebhookLater(effects, "talk.verified", async (trx) => ({
      talk: {
        id: talk.id,
        title: talk.title,
        event: talk.event_name,
        format: talk.format,
        givenAt: new Date(talk.given_at).toISOString(),
        points: entry?.amount ?? 0,
      },
      speaker: await advocateForWebhook(trx, talk.speaker_id),
    }));
    mailTalkDecision(effects, talk, {
      verified: true,
      reason: "",
      key: `verified:${verification}`,
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
    // A verified talk reversed: its credential is revoked with the same reason.
    revokeCredentialsLater(effects, { type: "talk", id: talk.id }, `Talk not verified: ${why}`);
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
    mailTalkDecision(effects, talk, {
      verified: false,
      reason: why,
      key: `rejected:${talk.verification_count}:${now.getTime()}`,
    });
    return { status: "rejected" as TalkStatus };
  },
});

/** The speaker hears of a verification or a rejection by mail too. */
function mailTalkDecision(
  effects: Effects,
  talk: { id: number; speaker_id: number; title: string; event_name: string },
  decision: { verified: boolean; reason: string; key: string },
) {
  mailPerson(effects, {
    userId: talk.speaker_id,
    kind: "talk_decided",
    idempotencyKey: `talk_decided:${talk.id}:${decision.key}`,
    subject: (t) =>
      decision.verified
        ? t("mail.talkDecided.verifiedSubject")
        : t("mail.talkDecided.notVerifiedSubject", { title: talk.title }),
    template: (person, link) =>
      TalkDecidedEmail({
        name: person.name,
        talkTitle: talk.title,
        eventName: talk.event_name,
        verified: decision.verified,
        reason: decision.reason,
        link: link("/speaking/mine"),
      }),
  });
}

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
    .select([...talkColumns])
    .where("t.speaker_id", "=", speakerId)
    .orderBy("t.given_at", "desc")
    .limit(50)
    .execute();
  const visible = rows.filter((t) =>
    policy.viewTalk(viewer, { speakerId: t.speaker_id, status: t.status, origin: t.origin }),
  );
  const points = await pointsForKeys(
    db,
    visible.flatMap((t) => (t.award_key ? [t.award_key] : [])),
  );
  return visible.map((t) => ({
    ...t,
    points: t.award_key ? (points.get(t.award_key) ?? null) : null,
  }));
}

export async function listOwnTalks(db: Queryable, userId: number) {
  return db
    .selectFrom("talks as t")
    .select([...talkColumns])
    .where("t.speaker_id", "=", userId)
    .orderBy("t.given_at", "desc")
    .execute();
}
