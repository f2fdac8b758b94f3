import type { Queryable } from "../client.ts";
import type { Viewer } from "../../app/modules/access/policy.ts";
import {
  appointLeader,
  createChapter,
  joinChapter,
} from "../../app/modules/chapters/chapters.server.ts";
import { countryOptions } from "../../app/modules/chapters/countries.ts";
import { contextFor } from "../../app/modules/commands/command.server.ts";
import {
  createEvent,
  recordAttendance,
  rsvpToEvent,
} from "../../app/modules/events/events.server.ts";
import { PEOPLE } from "./people.ts";

const DAY = 86_400_000;
const HOUR = 3_600_000;

const CHAPTERS = [
  {
    name: "Madrid",
    slug: "madrid",
    description:
      "Advocates in and around Madrid. We meet every other month at a member's office for two short talks, questions and tapas, in Spanish.",
    language: "es",
    region: "Europe",
    country: "ES",
    timeZone: "Europe/Madrid",
    leader: "tomas-aguilar",
    members: ["sophie-laurent", "mateo-rossi", "declan-m", "lukas-becker"],
    venue: "Northwind Madrid, Paseo de la Castellana 95",
    events: [
      { title: "Data pipelines that survive audits", days: -40, speaker: "mateo-rossi" },
      { title: "Spring meetup: migrating from spreadsheets", days: 12, speaker: "sophie-laurent" },
    ],
  },
  {
    name: "Shanghai",
    slug: "shanghai",
    description:
      "上海及长三角地区的客户社区。Customers across the Yangtze River Delta share what they built, in Mandarin with English slides.",
    language: "zh-CN",
    region: "Asia",
    country: "CN",
    timeZone: "Asia/Shanghai",
    leader: "wei-zhang",
    members: ["lan-nguyen", "arjun-kapoor", "aiko-t"],
    venue: "Jing'an Kerry Centre, 1515 West Nanjing Road, Shanghai",
    events: [
      { title: "Forecasting in a fast-growing market", days: -25, speaker: "arjun-kapoor" },
      { title: "User group: dashboards for operations teams", days: 20, speaker: "lan-nguyen" },
    ],
  },
  {
    name: "São Paulo",
    slug: "sao-paulo",
    description:
      "A chapter for advocates in Brazil and the Southern Cone. Monthly webinars in Portuguese and a yearly in-person seminar in São Paulo.",
    language: "pt-BR",
    region: "South America",
    country: "BR",
    timeZone: "America/Sao_Paulo",
    leader: "priscila-santos",
    members: ["marisol", "carlos-mendoza"],
    venue: "",
    events: [
      { title: "Webinar: references that close deals", days: -14, speaker: "marisol" },
      { title: "Seminar: the year in customer advocacy", days: 30, speaker: "carlos-mendoza" },
    ],
  },
];

/** Where each demo person is: the country from their "City, Country" line, public as their profile. */
async function seedLocations(db: Queryable, people: Map<string, number>) {
  const codeOf = new Map(countryOptions("en").map((c) => [c.name, c.code]));
  codeOf.set("United States", "US");
  codeOf.set("Czechia", "CZ");
  for (const person of PEOPLE) {
    const [city, country] = person.location.split(/,\s*/);
    const code = country ? codeOf.get(country) : undefined;
    if (!code) continue;
    await db
      .updateTable("profiles")
      .set({ country: code, city, location_public: person.isPublic })
      .where("user_id", "=", people.get(person.handle)!)
      .execute();
  }
}

/** Three chapters on three continents, with leaders, members, past and upcoming events. */
export async function seedChapters(db: Queryable, people: Map<string, number>, now: Date) {
  await seedLocations(db, people);
  const idOf = (handle: string) => {
    const id = people.get(handle);
    if (!id) throw new Error(`Seed person missing: ${handle}`);
    return id;
  };
  const manager: NonNullable<Viewer> = { id: idOf("morgan"), role: "manager" };
  const advocate = (handle: string): NonNullable<Viewer> => ({
    id: idOf(handle),
    role: "advocate",
  });
  const as = (viewer: Viewer, at: Date) => contextFor(db, viewer, { now: at });
  const founded = new Date(now.getTime() - 120 * DAY);

  for (const c of CHAPTERS) {
    const chapter = await createChapter(as(manager, founded), {
      name: c.name,
      slug: c.slug,
      description: c.description,
      language: c.language,
      region: c.region,
      country: c.country,
      timeZone: c.timeZone,
    });
    await appointLeader(as(manager, founded), { chapterId: chapter.id, handle: c.leader });
    for (const m of c.members)
      await joinChapter(as(advocate(m), founded), { chapterId: chapter.id });

    for (const e of c.events) {
      const starts = new Date(Math.floor((now.getTime() + e.days * DAY) / HOUR) * HOUR);
      const posted = new Date(Math.min(starts.getTime(), now.getTime()) - 21 * DAY);
      const event = await createEvent(as(manager, posted), {
        chapterId: chapter.id,
        kind: c.venue ? (e.days < 0 ? "meetup" : "user_group") : "webinar",
        title: e.title,
        description: `${e.title}. ${c.name} chapter, hosted by its leader.`,
        startsAt: starts,
        endsAt: new Date(starts.getTime() + 2 * HOUR),
        timeZone: c.timeZone,
        venue: c.venue,
        onlineUrl: c.venue ? "" : `https://meet.example.com/${c.slug}-${Math.abs(e.days)}`,
        capacity: c.venue ? 40 : 200,
        hostHandle: c.leader,
        speakerHandles: [e.speaker],
      });
      for (const m of c.members)
        await rsvpToEvent(as(advocate(m), new Date(posted.getTime() + DAY)), { eventId: event.id });
      if (e.days < 0)
        await recordAttendance(as(manager, new Date(starts.getTime() + 3 * HOUR)), {
          eventId: event.id,
          attendedUserIds: c.members.slice(0, -1).map(idOf),
        });
    }
  }
}
