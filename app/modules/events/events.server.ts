import type { Queryable } from "../../../db/client.ts";
import type { RsvpStatus } from "../../../db/tables/events.ts";
import { ConflictError, FieldError, NotFoundError } from "../../utils/errors.ts";
import { ensure } from "../access/ensure.ts";
import type { EventSubject } from "../access/policy.ts";
import { chapterLeaderIds, chapterSubject, getChapterById } from "../chapters/chapters.server.ts";
import { defineCommand } from "../commands/command.server.ts";
import type { Effects } from "../commands/effects.server.ts";
import { announceAwards, awardPoints } from "../reputation/ledger.server.ts";
import { publishRecording } from "../early-access/manage.server.ts";
import type { EventInput, RecordingInput } from "./validation.ts";
import "./sources.server.ts";

/**
 * Events with a seat limit and a waitlist. Every change to who holds a seat
 * locks the event row first, so two cancellations (or a cancellation and a
 * new RSVP) never promote the same person twice or hand out one seat too many.
 */

export const hostAwardKey = (eventId: number) => `event_hosted:${eventId}`;
export const speakerAwardKey = (eventId: number, userId: number) =>
  `event_spoke:${eventId}:${userId}`;

export async function lockEvent(trx: Queryable, eventId: number) {
  const event = await trx
    .selectFrom("events")
    .selectAll()
    .where("id", "=", eventId)
    .forUpdate()
    .executeTakeFirst();
  if (!event) throw new NotFoundError("We could not find that event.");
  return event;
}

export async function eventSubject(
  db: Queryable,
  event: { id: number; host_id: number; created_by: number | null; chapter_id: number | null },
): Promise<EventSubject> {
  const speakers = await db
    .selectFrom("event_speakers")
    .select("user_id")
    .where("event_id", "=", event.id)
    .execute();
  return {
    organiserId: event.created_by,
    hostId: event.host_id,
    speakerIds: speakers.map((s) => s.user_id),
    chapterLeaderIds: event.chapter_id ? await chapterLeaderIds(db, event.chapter_id) : [],
  };
}

async function personByHandle(trx: Queryable, handle: string, field: string) {
  const person = await trx
    .selectFrom("users")
    .select(["id", "display_name"])
    .where("handle", "=", handle)
    .where("deleted_at", "is", null)
    .executeTakeFirst();
  if (!person) throw new FieldError(field, `Nobody on Limelight has the handle @${handle}.`);
  return person;
}

export const createEvent = defineCommand({
  name: "event.create",
  async run(trx, input: EventInput, { viewer, effects, now }) {
    const chapter = input.chapterId ? await getChapterById(trx, input.chapterId) : null;
    ensure("postEvent", viewer, chapter ? await chapterSubject(trx, chapter.id) : null);
    if (input.endsAt <= now) throw new FieldError("endsAt", "This event would already be over.");
    const host = input.hostHandle
      ? await personByHandle(trx, input.hostHandle, "host")
      : { id: viewer.id };
    const event = await trx
      .insertInto("events")
      .values({
        chapter_id: chapter?.id ?? null,
        kind: input.kind,
        title: input.title,
        description: input.description,
        starts_at: input.startsAt,
        ends_at: input.endsAt,
        time_zone: input.timeZone,
        venue: input.venue,
        online_url: input.onlineUrl,
        capacity: input.capacity,
        host_id: host.id,
        created_by: viewer.id,
        created_at: now,
        updated_at: now,
      })
      .returning(["id"])
      .executeTakeFirstOrThrow();
    for (const handle of new Set(input.speakerHandles)) {
      const speaker = await personByHandle(trx, handle, "speakers");
      await trx
        .insertInto("event_speakers")
        .values({
          event_id: event.id,
          user_id: speaker.id,
          talk_id: null,
        })
        .execute();
    }
    effects.audit({
      actorId: viewer.id,
      action: "event.created",
      subjectType: "event",
      subjectId: event.id,
      details: { title: input.title, chapterId: chapter?.id ?? null },
    });
    return event;
  },
});

export const cancelEvent = defineCommand({
  name: "event.cancel",
  async run(trx, { eventId }: { eventId: number }, { viewer, effects, now }) {
    const event = await lockEvent(trx, eventId);
    ensure("manageEvent", viewer, await eventSubject(trx, event));
    if (event.status === "cancelled") return;
    if (new Date(event.ends_at) <= now)
      throw new ConflictError("This event is over: it can no longer be cancelled.");
    await trx
      .updateTable("events")
      .set({ status: "cancelled", updated_at: now })
      .where("id", "=", eventId)
      .execute();
    const people = await trx
      .selectFrom("event_rsvps")
      .select("user_id")
      .where("event_id", "=", eventId)
      .where("status", "in", ["going", "waitlisted"])
      .execute();
    for (const p of people)
      effects.notify({
        userId: p.user_id,
        kind: "info",
        title: "An event you signed up for is cancelled",
        description: `“${event.title}” will not take place.`,
        url: `/events/${eventId}`,
      });
    effects.audit({
      actorId: viewer.id,
      action: "event.cancelled",
      subjectType: "event",
      subjectId: eventId,
      details: { people: people.length },
    });
  },
});

async function seatsTaken(trx: Queryable, eventId: number): Promise<number> {
  const row = await trx
    .selectFrom("event_rsvps")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .where("event_id", "=", eventId)
    .where("status", "=", "going")
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Takes a seat, or a place on the waitlist when the seats are gone. */
export const rsvpToEvent = defineCommand({
  name: "event.rsvp",
  authorize: (viewer) => ensure("rsvpToEvent", viewer),
  async run(
    trx,
    { eventId }: { eventId: number },
    { viewer, now },
  ): Promise<{ status: RsvpStatus }> {
    ensure("rsvpToEvent", viewer);
    const event = await lockEvent(trx, eventId);
    if (event.status === "cancelled")
      throw new ConflictError("This event was cancelled: there is nothing to sign up for.");
    if (new Date(event.ends_at) <= now) throw new ConflictError("This event is over.");
    const existing = await trx
      .selectFrom("event_rsvps")
      .select(["id", "status"])
      .where("event_id", "=", eventId)
      .where("user_id", "=", viewer.id)
      .executeTakeFirst();
    if (existing && existing.status !== "cancelled") return { status: existing.status };
    const status: RsvpStatus =
      (await seatsTaken(trx, eventId)) < event.capacity ? "going" : "waitlisted";
    await trx
      .insertInto("event_rsvps")
      .values({
        event_id: eventId,
        user_id: viewer.id,
        status,
        queued_at: now,
        created_at: now,
        updated_at: now,
      })
      .onConflict((oc) =>
        oc
          .columns(["event_id", "user_id"])
          .doUpdateSet({ status, queued_at: now, updated_at: now, attended: null }),
      )
      .execute();
    return { status };
  },
});

/** Gives the seat (or waitlist place) back; the first person waiting moves up into a freed seat. */
export const cancelRsvp = defineCommand({
  name: "event.cancel_rsvp",
  authorize: (viewer) => ensure("rsvpToEvent", viewer),
  async run(trx, { eventId }: { eventId: number }, { viewer, effects, now }) {
    ensure("rsvpToEvent", viewer);
    const event = await lockEvent(trx, eventId);
    const mine = await trx
      .updateTable("event_rsvps")
      .set({ status: "cancelled", updated_at: now })
      .where("event_id", "=", eventId)
      .where("user_id", "=", viewer.id)
      .where("status", "in", ["going", "waitlisted"])
      .returning("status")
      .executeTakeFirst();
    if (!mine) return { promoted: null };
    if (event.status === "cancelled" || new Date(event.starts_at) <= now) return { promoted: null };
    const promoted = await promoteFromWaitlist(trx, event, effects, now);
    return { promoted };
  },
});

async function promoteFromWaitlist(
  trx: Queryable,
  event: { id: number; title: string; capacity: number },
  effects: Effects,
  now: Date,
): Promise<number | null> {
  if ((await seatsTaken(trx, event.id)) >= event.capacity) return null;
  const next = await trx
    .selectFrom("event_rsvps")
    .select(["id", "user_id"])
    .where("event_id", "=", event.id)
    .where("status", "=", "waitlisted")
    .orderBy("queued_at")
    .orderBy("id")
    .executeTakeFirst();
  if (!next) return null;
  await trx
    .updateTable("event_rsvps")
    .set({ status: "going", updated_at: now })
    .where("id", "=", next.id)
    .execute();
  effects.notify({
    userId: next.user_id,
    kind: "success",
    title: "A seat opened up for you",
    description: `You moved up from the waitlist: you now hold a seat at “${event.title}”.`,
    url: `/events/${event.id}`,
  });
  return next.user_id;
}

/**
 * After the event, someone other than the host says who came. Hosting and
 * each speaker's slot become ledger awards (once each, by key); attending
 * earns nothing, since attendance is not help given.
 */
export const recordAttendance = defineCommand({
  name: "event.record_attendance",
  async run(trx, input: { eventId: number; attendedUserIds: number[] }, { viewer, effects, now }) {
    const event = await lockEvent(trx, input.eventId);
    const subject = await eventSubject(trx, event);
    ensure("recordAttendance", viewer, subject);
    if (event.status === "cancelled")
      throw new ConflictError("This event was cancelled: there is no attendance to record.");
    if (new Date(event.starts_at) > now)
      throw new ConflictError("Attendance can be recorded once the event has started.");
    const attended = new Set(input.attendedUserIds);
    const seats = await trx
      .selectFrom("event_rsvps")
      .select(["id", "user_id"])
      .where("event_id", "=", event.id)
      .where("status", "=", "going")
      .execute();
    for (const seat of seats)
      await trx
        .updateTable("event_rsvps")
        .set({ attended: attended.has(seat.user_id), updated_at: now })
        .where("id", "=", seat.id)
        .execute();
    await trx
      .updateTable("events")
      .set({ attendance_recorded_at: now, attendance_recorded_by: viewer.id, updated_at: now })
      .where("id", "=", event.id)
      .execute();
    const source = { type: "event", id: event.id, title: event.title };
    const awards = [
      await awardPoints(trx, {
        userId: event.host_id,
        rule: "event_hosted",
        source,
        idempotencyKey: hostAwardKey(event.id),
        awardedBy: viewer.id,
        at: now,
      }),
    ];
    for (const speakerId of subject.speakerIds)
      if (speakerId !== viewer.id)
        awards.push(
          await awardPoints(trx, {
            userId: speakerId,
            rule: "event_spoke",
            source,
            idempotencyKey: speakerAwardKey(event.id, speakerId),
            awardedBy: viewer.id,
            at: now,
          }),
        );
    for (const entry of awards) announceAwards(effects, entry);
    effects.audit({
      actorId: viewer.id,
      action: "event.attendance_recorded",
      subjectType: "event",
      subjectId: event.id,
      details: {
        attended: seats.filter((s) => attended.has(s.user_id)).length,
        seats: seats.length,
      },
    });
    return { attended: seats.filter((s) => attended.has(s.user_id)).length };
  },
});

/**
 * After the event, the people running it attach its recording. It becomes an
 * early-access item through that module's own command, so who may watch it
 * follows the release cascade like any other item; the event keeps the link.
 */
export const attachRecording = defineCommand({
  name: "event.attach_recording",
  async run(trx, input: RecordingInput & { eventId: number }, { viewer, effects, now, nested }) {
    const event = await lockEvent(trx, input.eventId);
    const subject = await eventSubject(trx, event);
    ensure("publishEventRecording", viewer, subject);
    if (event.status === "cancelled")
      throw new ConflictError("This event was cancelled: it has no recording.");
    if (new Date(event.ends_at) > now)
      throw new ConflictError("A recording can be added once the event is over.");
    if (event.recording_item_id !== null)
      throw new ConflictError("This event already has its recording.");
    const item = await nested(publishRecording, {
      event: subject,
      title: input.title,
      summary: input.summary,
      recordingUrl: input.recordingUrl,
      tierId: input.audience,
    });
    await trx
      .updateTable("events")
      .set({ recording_item_id: item.id, updated_at: now })
      .where("id", "=", event.id)
      .execute();
    effects.audit({
      actorId: viewer!.id,
      action: "event.recording_published",
      subjectType: "event",
      subjectId: event.id,
      details: { itemId: item.id, tierId: input.audience },
    });
    return item;
  },
});
