import { formatEventTime, isValidTimeZone } from "../advocacy/time.ts";
import { mailEventTime } from "../mail/templates/locale-context.ts";
import { defineCommand } from "../commands/command.server.ts";
import { EventReminderEmail } from "../mail/templates/events.tsx";
import { mailPerson } from "../mail/to-person.server.ts";

/** How long before an event starts its seat holders are reminded. */
export const EVENT_REMINDER_HOURS = 24;

export const eventReminderKey = (eventId: number, userId: number) =>
  `event_reminder:${eventId}:${userId}`;

/**
 * Reminds everyone holding a seat at an event that starts within a day, once
 * each: an email through the outbox, which follows the person's mail choices
 * and unsubscribes. Time alone makes it due, so the hourly sweep runs it;
 * `reminded_at` (and the message's key per event and person) keep it to one
 * reminder per seat however often and wherever it runs. The start is shown in
 * the person's own time zone when they chose one, otherwise in the event's.
 */
export const remindEventsStartingSoon = defineCommand({
  name: "event.remind_attendees",
  async run(trx, _input: Record<string, never>, { effects, now }) {
    const horizon = new Date(now.getTime() + EVENT_REMINDER_HOURS * 3_600_000);
    const due = await trx
      .selectFrom("event_rsvps as r")
      .innerJoin("events as e", "e.id", "r.event_id")
      .leftJoin("profiles as p", "p.user_id", "r.user_id")
      .select([
        "r.id",
        "r.user_id",
        "e.id as eventId",
        "e.title",
        "e.starts_at",
        "e.time_zone",
        "e.venue",
        "e.online_url",
        "p.time_zone as personZone",
      ])
      .where("r.status", "=", "going")
      .where("r.reminded_at", "is", null)
      .where("e.status", "=", "scheduled")
      .where("e.starts_at", ">", now)
      .where("e.starts_at", "<=", horizon)
      .orderBy("r.id")
      .forUpdate("r")
      .skipLocked()
      .execute();
    for (const seat of due) {
      const zone =
        seat.personZone && isValidTimeZone(seat.personZone) ? seat.personZone : seat.time_zone;
      const when = formatEventTime(seat.starts_at, zone);
      const path = `/events/${seat.eventId}`;
      mailPerson(effects, {
        userId: seat.user_id,
        kind: "event_reminder",
        idempotencyKey: eventReminderKey(seat.eventId, seat.user_id),
        subject: (t, locale) =>
          t("mail.eventReminder.subject", {
            title: seat.title,
            when: mailEventTime(locale, seat.starts_at, zone, when),
          }),
        template: (person, link) =>
          EventReminderEmail({
            name: person.name,
            title: seat.title,
            when,
            startsAt: new Date(seat.starts_at),
            zone,
            venue: seat.venue,
            isOnline: seat.online_url !== "",
            link: link(path),
            calendarLink: link(`${path}/calendar.ics`),
          }),
      });
    }
    if (due.length) {
      await trx
        .updateTable("event_rsvps")
        .set({ reminded_at: now })
        .where(
          "id",
          "in",
          due.map((s) => s.id),
        )
        .execute();
      await trx
        .updateTable("events")
        .set({ reminder_sent_at: now })
        .where("id", "in", [...new Set(due.map((s) => s.eventId))])
        .where("reminder_sent_at", "is", null)
        .execute();
    }
    return due.map((s) => ({ eventId: s.eventId, userId: s.user_id }));
  },
});
