import type { ParsedMail } from "mailparser";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "../../db/client.ts";
import { createChapter } from "../../app/modules/chapters/chapters.server.ts";
import { contextFor } from "../../app/modules/commands/command.server.ts";
import { cancelRsvp, createEvent, rsvpToEvent } from "../../app/modules/events/events.server.ts";
import { remindEventsStartingSoon } from "../../app/modules/events/reminders.server.ts";
import { EventSchema } from "../../app/modules/events/validation.ts";
import { DEFAULT_SITE } from "../../app/modules/mail/settings.ts";
import {
  saveMailPreferences,
  unsubscribeByLink,
} from "../../app/modules/mail/preferences.server.ts";
import { closeMailWorld, startMailWorld, TEST_PUBLIC_URL } from "../support/mail-world.ts";
import { person, type Person } from "../support/people.ts";
import type { TestServer } from "../support/server.ts";
import type { TestSmtp } from "../support/smtp.ts";

let handle: DbHandle;
let server: TestServer;
let smtp: TestSmtp;

beforeAll(async () => {
  ({ handle, smtp, server } = await startMailWorld());
});
afterAll(() => closeMailWorld({ handle, smtp, server }));

const HOUR = 3_600_000;
const site = { ...DEFAULT_SITE, publicUrl: TEST_PUBLIC_URL };
const as = (p: Person) => contextFor(handle.db, { id: p.id, role: p.role }, { site });
const sweep = (now: Date) =>
  remindEventsStartingSoon(contextFor(handle.db, null, { now, site }), {});
/** What a datetime-local input would send for this instant in UTC. */
const local = (date: Date) => date.toISOString().slice(0, 16);
const to = (mail: ParsedMail) => (mail.to && "text" in mail.to ? mail.to.text : "");

describe("event reminders", () => {
  it("mails each seat holder once, about a day before, in their own time zone or the event's", async () => {
    const manager = await person(handle.db, "manager");
    const chapter = await createChapter(as(manager), {
      name: "Shanghai",
      slug: `shanghai-${manager.id}`,
      description: "Advocates in Shanghai.",
      language: "zh-CN",
      region: "Asia",
      country: "CN",
      timeZone: "Asia/Shanghai",
    });
    // Starts about 20 hours from now, on the hour, held in UTC.
    const starts = new Date(Math.ceil((Date.now() + 20 * HOUR) / HOUR) * HOUR);
    const event = await createEvent(
      as(manager),
      EventSchema.parse({
        chapterId: String(chapter.id),
        kind: "meetup",
        title: "Reminder meetup",
        startsAt: local(starts),
        endsAt: local(new Date(starts.getTime() + 2 * HOUR)),
        timeZone: "UTC",
        venue: "People's Square 1",
        onlineUrl: "https://meet.example.test/secret-room",
        capacity: "4",
      }),
    );
    const [inShanghai, noZone, optedOut, unsubscribed, leaving] = await Promise.all(
      [1, 2, 3, 4, 5].map(() => person(handle.db, "advocate")),
    );
    const waiting = await person(handle.db, "advocate");
    await handle.db
      .updateTable("profiles")
      .set({ time_zone: "Asia/Shanghai" })
      .where("user_id", "=", inShanghai.id)
      .execute();
    for (const p of [inShanghai, noZone, optedOut, unsubscribed])
      await rsvpToEvent(as(p), { eventId: event.id });
    // Full: the fifth waits, the sixth too; neither holds a seat, so neither is reminded.
    await rsvpToEvent(as(leaving), { eventId: event.id });
    await rsvpToEvent(as(waiting), { eventId: event.id });
    await saveMailPreferences(as(optedOut), {
      kinds: { event_reminder: "never" },
      digest: "weekly",
    });
    await unsubscribeByLink(contextFor(handle.db, null, { site }), {
      userId: unsubscribed.id,
      kind: "event_reminder",
    });

    // Two days before, nothing is due yet.
    expect(await sweep(new Date(starts.getTime() - 48 * HOUR))).toEqual([]);

    const now = new Date();
    const first = await sweep(now);
    expect(first.map((r) => r.userId).sort()).toEqual(
      [inShanghai.id, noZone.id, optedOut.id, unsubscribed.id].sort(),
    );
    // A second sweep, here or in another process, sends nothing more.
    expect(await sweep(now)).toEqual([]);
    expect(await sweep(new Date(now.getTime() + HOUR))).toEqual([]);

    await server.outbox.runOnce();
    const mails = await smtp.waitFor(2);
    const mine = (p: Person) => mails.filter((m) => to(m).includes(p.email));
    expect(mine(optedOut)).toEqual([]);
    expect(mine(unsubscribed)).toEqual([]);
    expect(mine(waiting)).toEqual([]);
    const [shanghaiMail] = mine(inShanghai);
    const [eventZoneMail] = mine(noZone);
    expect(mine(inShanghai)).toHaveLength(1);
    expect(mine(noZone)).toHaveLength(1);

    // 8 hours ahead of UTC in Shanghai; the event's own zone (UTC) when the reader has none.
    const hh = (offset: number) =>
      String(new Date(starts.getTime() + offset * HOUR).getUTCHours()).padStart(2, "0");
    expect(shanghaiMail.subject).toContain("Reminder meetup");
    expect(shanghaiMail.text).toContain(`${hh(8)}:00 GMT+8 (Shanghai)`);
    expect(eventZoneMail.text).toContain(`${hh(0)}:00 UTC`);
    expect(eventZoneMail.text).toContain(`${TEST_PUBLIC_URL}/events/${event.id}`);
    // The online link stays on the page, behind the seat check; the mail carries an unsubscribe.
    expect(eventZoneMail.text).not.toContain("secret-room");
    expect(eventZoneMail.headerLines.some((h) => h.key === "list-unsubscribe")).toBe(true);

    const keys = await handle.db
      .selectFrom("outbox_messages")
      .select("idempotency_key")
      .where("kind", "=", "event_reminder")
      .execute();
    expect(keys.map((k) => k.idempotency_key).sort()).toEqual(
      [
        `event_reminder:${event.id}:${inShanghai.id}`,
        `event_reminder:${event.id}:${noZone.id}`,
      ].sort(),
    );

    // Someone who takes a seat later is reminded too, once.
    await cancelRsvp(as(noZone), { eventId: event.id });
    const later = await sweep(new Date());
    expect(later.map((r) => r.userId)).toEqual([leaving.id]);
    expect(await sweep(new Date())).toEqual([]);
  });
});
