import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "../../db/client.ts";
import {
  appointLeader,
  createChapter,
  joinChapter,
} from "../../app/modules/chapters/chapters.server.ts";
import { contextFor } from "../../app/modules/commands/command.server.ts";
import {
  cancelEvent,
  cancelRsvp,
  createEvent,
  recordAttendance,
  rsvpToEvent,
} from "../../app/modules/events/events.server.ts";
import { getEventPage } from "../../app/modules/events/reads.server.ts";
import { itemLinkFor } from "../../app/modules/early-access/reader.server.ts";
import { cascadeTiers } from "../../app/modules/tiers/catalogue.server.ts";
import { seedTierCatalogue } from "../../db/seed/tiers.ts";
import { EventSchema, type EventInput } from "../../app/modules/events/validation.ts";
import { createTestDb } from "../support/db.ts";
import { person, signedIn, tab, type Person } from "../support/people.ts";
import { startTestServer, type TestServer } from "../support/server.ts";

let handle: DbHandle;
let server: TestServer;
let manager: Person;
let leader: Person;
let chapterId: number;
let chapterSlug: string;

const HOUR = 3_600_000;
const viewerOf = (p: Person) => ({ id: p.id, role: p.role });
const as = (p: Person, now?: Date) => contextFor(handle.db, viewerOf(p), { now });
const local = (date: Date) => date.toISOString().slice(0, 16);

function eventForm(overrides: Record<string, string> = {}) {
  const starts = new Date(Date.now() + 48 * HOUR);
  return {
    chapterId: String(chapterId),
    kind: "meetup",
    title: "Spring meetup",
    description: "Talks, pizza and peers.",
    startsAt: local(starts),
    endsAt: local(new Date(starts.getTime() + 2 * HOUR)),
    timeZone: "UTC",
    venue: "Calle de Alcalá 1, Madrid",
    onlineUrl: "https://meet.example.test/spring",
    capacity: "2",
    host: leader.handle,
    speakers: "",
    ...overrides,
  };
}

function parsed(overrides: Record<string, string> = {}): EventInput {
  const result = EventSchema.safeParse(eventForm(overrides));
  if (!result.success) throw new Error(JSON.stringify(result.error.issues));
  return result.data;
}

async function ledgerOf(userId: number) {
  return handle.db
    .selectFrom("reputation_ledger")
    .select(["rule", "amount", "source_type", "source_id"])
    .where("user_id", "=", userId)
    .orderBy("id")
    .execute();
}

beforeAll(async () => {
  handle = await createTestDb();
  server = await startTestServer(handle);
  manager = await person(handle.db, "manager");
  leader = await person(handle.db, "advocate");
  const chapter = await createChapter(as(manager), {
    name: "Madrid",
    slug: "madrid",
    description: "Advocates in and around Madrid.",
    language: "es",
    region: "Europe",
    country: "ES",
    timeZone: "Europe/Madrid",
  });
  chapterId = chapter.id;
  chapterSlug = chapter.slug;
  await appointLeader(as(manager), { chapterId, handle: leader.handle });
});

afterAll(async () => {
  await server?.close();
  await handle?.close();
});

describe("chapters", () => {
  it("records leading a chapter on the leader's ledger, and members join themselves", async () => {
    expect(await ledgerOf(leader.id)).toEqual([
      { rule: "chapter_led", amount: 50, source_type: "chapter", source_id: String(chapterId) },
    ]);
    const member = await person(handle.db, "advocate");
    await joinChapter(as(member), { chapterId });
    await joinChapter(as(member), { chapterId });
    const page = await (await tab(server).get(`/chapters/${chapterSlug}`)).text();
    expect(page).toContain("Madrid");
    expect(page).toContain(leader.displayName);
  });
});

describe("RSVP and the waitlist", () => {
  it("fills the seats, then queues, and moves the first in line up when a seat is freed", async () => {
    const event = await createEvent(as(leader), parsed({ capacity: "2" }));
    const people = await Promise.all([1, 2, 3, 4].map(() => person(handle.db, "advocate")));
    const statuses = [];
    for (const p of people) statuses.push((await rsvpToEvent(as(p), { eventId: event.id })).status);
    expect(statuses).toEqual(["going", "going", "waitlisted", "waitlisted"]);

    const result = await cancelRsvp(as(people[0]), { eventId: event.id });
    expect(result.promoted).toBe(people[2].id);
    const page = await getEventPage(handle.db, viewerOf(people[3]), event.id);
    expect(page).toMatchObject({ goingCount: 2, waitlistCount: 1, myWaitlistPlace: 1 });
  });

  it("never hands out more seats than there are when several people cancel at once", async () => {
    const event = await createEvent(as(leader), parsed({ capacity: "3" }));
    const people = await Promise.all(
      Array.from({ length: 9 }, () => person(handle.db, "advocate")),
    );
    for (const p of people) await rsvpToEvent(as(p), { eventId: event.id });
    // The three seat holders and one person waiting all cancel at the same moment.
    const leaving = [people[0], people[1], people[2], people[4]];
    await Promise.all(leaving.map((p) => cancelRsvp(as(p), { eventId: event.id })));
    const rows = await handle.db
      .selectFrom("event_rsvps")
      .select(["user_id", "status"])
      .where("event_id", "=", event.id)
      .execute();
    const going = rows.filter((r) => r.status === "going").map((r) => r.user_id);
    expect(going.sort()).toEqual([people[3].id, people[5].id, people[6].id].sort());
    expect(
      rows
        .filter((r) => r.status === "waitlisted")
        .map((r) => r.user_id)
        .sort(),
    ).toEqual([people[7].id, people[8].id].sort());
  });

  it("refuses an RSVP to a cancelled event and writes nothing", async () => {
    const event = await createEvent(as(leader), parsed());
    await cancelEvent(as(manager), { eventId: event.id });
    const p = await person(handle.db, "advocate");
    await expect(rsvpToEvent(as(p), { eventId: event.id })).rejects.toMatchObject({
      status: 409,
      message: expect.stringContaining("cancelled"),
    });
    const rows = await handle.db
      .selectFrom("event_rsvps")
      .select("id")
      .where("event_id", "=", event.id)
      .execute();
    expect(rows).toEqual([]);
  });
});

describe("bad input", () => {
  it("explains an end before the start and an unknown time zone next to the field", () => {
    const backwards = EventSchema.safeParse(
      eventForm({ startsAt: "2031-05-01T18:00", endsAt: "2031-05-01T17:00" }),
    );
    expect(backwards.success).toBe(false);
    expect(backwards.error?.issues).toEqual([
      expect.objectContaining({ path: ["endsAt"], message: "The event must end after it starts." }),
    ]);
    const nowhere = EventSchema.safeParse(eventForm({ timeZone: "Mars/Olympus_Mons" }));
    expect(nowhere.error?.issues.map((i) => i.path[0])).toEqual(["timeZone"]);
  });

  it("answers a form with an end before the start with 400 and posts nothing", async () => {
    const client = await signedIn(server, leader);
    const before = await handle.db.selectFrom("events").select("id").execute();
    const res = await client.post(
      "/events/new?_data=routes%2Fevents.new",
      eventForm({ startsAt: "2031-05-01T18:00", endsAt: "2031-05-01T09:00" }),
    );
    expect(res.status).toBe(400);
    expect((await res.json()).fieldErrors.endsAt).toBe("The event must end after it starts.");
    const unknownZone = await client.post(
      "/events/new?_data=routes%2Fevents.new",
      eventForm({ timeZone: "Europe/Atlantis" }),
    );
    expect(unknownZone.status).toBe(400);
    expect((await unknownZone.json()).fieldErrors.timeZone).toContain("does not exist");
    expect(await handle.db.selectFrom("events").select("id").execute()).toEqual(before);
  });

  it("lets only managers and the chapter's leaders post its events", async () => {
    const advocate = await person(handle.db, "advocate");
    await expect(createEvent(as(advocate), parsed())).rejects.toMatchObject({ status: 403 });
  });
});

describe("the online link", () => {
  it("is shown only to people holding a seat, the speakers and the organisers", async () => {
    const speaker = await person(handle.db, "advocate");
    const event = await createEvent(
      as(leader),
      parsed({ capacity: "1", speakers: speaker.handle }),
    );
    const seated = await person(handle.db, "advocate");
    const waiting = await person(handle.db, "advocate");
    await rsvpToEvent(as(seated), { eventId: event.id });
    await rsvpToEvent(as(waiting), { eventId: event.id });
    const link = "https://meet.example.test/spring";
    const linkFor = async (viewer: Parameters<typeof getEventPage>[1]) =>
      (await getEventPage(handle.db, viewer, event.id))?.onlineUrl;
    expect(await linkFor(null)).toBeNull();
    expect(await linkFor(viewerOf(waiting))).toBeNull();
    expect(await linkFor(viewerOf(seated))).toBe(link);
    expect(await linkFor(viewerOf(speaker))).toBe(link);
    expect(await linkFor(viewerOf(leader))).toBe(link);

    // And the page itself keeps it from visitors and from people on the waitlist.
    expect(await (await tab(server).get(`/events/${event.id}`)).text()).not.toContain(link);
    const waitingTab = await signedIn(server, waiting);
    expect(await (await waitingTab.get(`/events/${event.id}`)).text()).not.toContain(link);
    const seatedTab = await signedIn(server, seated);
    expect(await (await seatedTab.get(`/events/${event.id}`)).text()).toContain(link);
  });
});

describe("calendar files", () => {
  it("serves an ICS file per event and a feed per chapter, without the online link", async () => {
    const event = await createEvent(
      as(leader),
      parsed({
        title: "Calendar; check, with commas",
        startsAt: "2031-06-02T16:00",
        endsAt: "2031-06-02T18:30",
      }),
    );
    const res = await tab(server).get(`/events/${event.id}/calendar.ics`);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toContain("text/calendar");
    const body = await res.text();
    expect(body.startsWith("BEGIN:VCALENDAR\r\n")).toBe(true);
    expect(body).toContain("DTSTART:20310602T160000Z");
    expect(body).toContain("DTEND:20310602T183000Z");
    expect(body).toContain("SUMMARY:Calendar\\; check\\, with commas");
    expect(body).toContain(`/events/${event.id}`);
    expect(body).not.toContain("meet.example.test");

    const feed = await (await tab(server).get(`/chapters/${chapterSlug}/calendar.ics`)).text();
    expect(feed).toContain("X-WR-CALNAME:Madrid");
    expect(feed.match(/BEGIN:VEVENT/g)?.length).toBeGreaterThanOrEqual(2);
  });
});

describe("attendance", () => {
  it("awards the host and the speakers once, and gives attendees nothing", async () => {
    const speaker = await person(handle.db, "advocate");
    const host = await person(handle.db, "advocate");
    const start = new Date(Date.now() + 2 * HOUR);
    const event = await createEvent(
      as(manager),
      parsed({
        host: host.handle,
        speakers: speaker.handle,
        startsAt: local(start),
        endsAt: local(new Date(start.getTime() + HOUR)),
      }),
    );
    const guest = await person(handle.db, "advocate");
    await rsvpToEvent(as(guest), { eventId: event.id });

    const later = new Date(start.getTime() + 2 * HOUR);
    await expect(
      recordAttendance(as(host, later), { eventId: event.id, attendedUserIds: [guest.id] }),
    ).rejects.toMatchObject({ status: 403 });
    await recordAttendance(as(manager, later), { eventId: event.id, attendedUserIds: [guest.id] });
    await recordAttendance(as(manager, later), { eventId: event.id, attendedUserIds: [guest.id] });

    const source = { source_type: "event", source_id: String(event.id) };
    expect(await ledgerOf(host.id)).toEqual([{ rule: "event_hosted", amount: 40, ...source }]);
    expect(await ledgerOf(speaker.id)).toEqual([{ rule: "event_spoke", amount: 30, ...source }]);
    expect(await ledgerOf(guest.id)).toEqual([]);
    const seat = await handle.db
      .selectFrom("event_rsvps")
      .select("attended")
      .where("event_id", "=", event.id)
      .where("user_id", "=", guest.id)
      .executeTakeFirstOrThrow();
    expect(seat.attended).toBe(true);
  });

  it("cannot be recorded before the event starts", async () => {
    const event = await createEvent(as(leader), parsed());
    await expect(
      recordAttendance(as(manager), { eventId: event.id, attendedUserIds: [] }),
    ).rejects.toMatchObject({ status: 409 });
  });
});

describe("the recording", () => {
  it("is published after the event as early access for a tier, and the event page links to it for those allowed", async () => {
    const starts = new Date(Date.now() - 5 * HOUR);
    const event = await createEvent(
      as(leader, new Date(starts.getTime() - HOUR)),
      parsed({
        startsAt: local(starts),
        endsAt: local(new Date(starts.getTime() + 2 * HOUR)),
      }),
    );
    await seedTierCatalogue(handle.db);
    const [mvp, champion] = await cascadeTiers(handle.db);
    const page = `/events/${event.id}?_data=routes%2Fevents.%24id`;
    const form = (overrides: Record<string, string> = {}) => ({
      intent: "recording",
      title: "Spring meetup, recorded",
      recordingUrl: "https://video.example.test/spring",
      summary: "",
      audience: `tier-${mvp.id}`,
      ...overrides,
    });
    const own = await signedIn(server, leader);

    // Bad input is refused next to its field, and writes nothing.
    for (const [bad, field] of [
      [{ recordingUrl: "" }, "recordingUrl"],
      [{ recordingUrl: "javascript:alert(1)" }, "recordingUrl"],
      [{ audience: "tier-999999" }, "audience"],
      [{ audience: "nobody" }, "audience"],
      [{ title: "" }, "title"],
    ] as const) {
      const res = await own.post(page, form(bad));
      expect(res.status, JSON.stringify(bad)).toBe(400);
      expect((await res.json()).fieldErrors[field]).toBeTruthy();
    }
    const stranger = await signedIn(server, await person(handle.db, "advocate"));
    expect((await stranger.post(page, form())).status).toBe(403);
    const items = () => handle.db.selectFrom("early_access_items").select("id").execute();
    expect(await items()).toEqual([]);

    expect((await own.post(page, form())).status).toBe(204);
    expect((await own.post(page, form())).status).toBe(409);
    expect(await items()).toHaveLength(1);
    const { recording_item_id: itemId } = await handle.db
      .selectFrom("events")
      .select("recording_item_id")
      .where("id", "=", event.id)
      .executeTakeFirstOrThrow();

    // The early-access rules decide: an MVP reads it, a Champion sees who it is for, a visitor nothing.
    const reader = (tierRank: number) => ({ id: 1, role: "advocate" as const, tierRank });
    expect(await itemLinkFor(handle.db, reader(mvp.rank), itemId!)).toMatchObject({
      access: "read",
      title: "Spring meetup, recorded",
    });
    expect(await itemLinkFor(handle.db, reader(champion.rank), itemId!)).toEqual({
      access: "teaser",
      hint: `Unlocks at ${mvp.name}`,
    });
    expect(await itemLinkFor(handle.db, null, itemId!)).toBeNull();
    const visitorView = await (await tab(server).get(page)).json();
    expect(visitorView.recording).toBeNull();
    expect(JSON.stringify(visitorView)).not.toContain("video.example.test");
    const staffView = await (await (await signedIn(server, manager)).get(page)).json();
    expect(staffView.recording).toMatchObject({ access: "read" });
  });

  it("cannot be added before the event is over", async () => {
    const event = await createEvent(as(leader), parsed());
    const own = await signedIn(server, leader);
    const res = await own.post(`/events/${event.id}?_data=routes%2Fevents.%24id`, {
      intent: "recording",
      title: "Too early",
      recordingUrl: "https://video.example.test/early",
      audience: "public",
    });
    expect(res.status).toBe(409);
    expect((await res.json()).formError).toMatch(/once the event is over/);
  });
});

describe("what's next on the landing page", () => {
  it("lists the next events, without cancelled or past ones", async () => {
    const soon = new Date(Date.now() + 2 * HOUR);
    const next = await createEvent(
      as(leader),
      parsed({
        title: "Soonest meetup",
        startsAt: local(soon),
        endsAt: local(new Date(soon.getTime() + HOUR)),
      }),
    );
    const called = await createEvent(as(leader), parsed({ title: "Called-off meetup" }));
    await cancelEvent(as(manager), { eventId: called.id });
    const data = await (await tab(server).get("/?_data=routes%2F_index")).json();
    const titles = data.nextEvents.map((e: { title: string }) => e.title);
    // Events under way come first; of the rest, this one starts soonest (the others are days out).
    expect(data.nextEvents.map((e: { id: number }) => e.id)).toContain(next.id);
    expect(titles).not.toContain("Called-off meetup");
    expect(titles.length).toBeLessThanOrEqual(4);
    expect(await (await tab(server).get("/")).text()).toContain("Soonest meetup");
  });
});

describe("nearby events first on the landing page", () => {
  it("puts a member's chapters, then their country, then their region ahead of sooner events elsewhere", async () => {
    const inDays = (days: number) => {
      const starts = new Date(Date.now() + days * 24 * HOUR);
      return { startsAt: local(starts), endsAt: local(new Date(starts.getTime() + HOUR)) };
    };
    const chapterIn = (name: string, country: string, timeZone: string) =>
      createChapter(as(manager), {
        name,
        slug: name.toLowerCase(),
        description: `Advocates in and around ${name}.`,
        language: "en",
        region: "Asia",
        country,
        timeZone,
      });
    // Four events in Madrid within days: enough to fill the landing page's list on their own.
    for (const day of [3, 4, 5, 6])
      await createEvent(as(leader), parsed({ title: `Madrid meetup ${day}`, ...inDays(day) }));
    const shanghai = await chapterIn("Shanghai", "CN", "Asia/Shanghai");
    const tokyo = await chapterIn("Tokyo", "JP", "Asia/Tokyo");
    await createEvent(
      as(manager),
      parsed({ chapterId: String(tokyo.id), title: "Tokyo user group", ...inDays(20) }),
    );
    await createEvent(
      as(manager),
      parsed({ chapterId: String(shanghai.id), title: "Shanghai seminar", ...inDays(30) }),
    );
    const titlesFor = async (client: ReturnType<typeof tab>) => {
      const data = await (await client.get("/?_data=routes%2F_index")).json();
      return data.nextEvents.map((e: { title: string }) => e.title) as string[];
    };

    // A member in China: the Shanghai chapter's event, then the rest of Asia's, though both are weeks away.
    const inChina = await person(handle.db, "advocate");
    await handle.db
      .updateTable("profiles")
      .set({ country: "CN" })
      .where("user_id", "=", inChina.id)
      .execute();
    expect((await titlesFor(await signedIn(server, inChina))).slice(0, 2)).toEqual([
      "Shanghai seminar",
      "Tokyo user group",
    ]);

    // A member of the Tokyo chapter who has said nothing about where they are.
    const member = await person(handle.db, "advocate");
    await joinChapter(as(member), { chapterId: tokyo.id });
    expect((await titlesFor(await signedIn(server, member)))[0]).toBe("Tokyo user group");

    // A visitor gets the soonest events: the Madrid ones, days away, come before either.
    const visitor = await titlesFor(tab(server));
    expect(visitor).toHaveLength(4);
    expect(visitor).not.toContain("Shanghai seminar");
    expect(visitor).not.toContain("Tokyo user group");
  });
});
