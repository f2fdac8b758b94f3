import type { Queryable } from "../../../db/client.ts";
import { allowed } from "../access/ensure.ts";
import type { Viewer } from "../access/policy.ts";
import { chapterIdsOf, chapterNames, chapterPlaces } from "../chapters/chapters.server.ts";
import { regionOf } from "../chapters/countries.ts";
import { eventSubject } from "./events.server.ts";

const eventColumns = [
  "e.id",
  "e.chapter_id",
  "e.kind",
  "e.title",
  "e.description",
  "e.starts_at",
  "e.ends_at",
  "e.time_zone",
  "e.venue",
  "e.capacity",
  "e.status",
  "e.host_id",
  "e.created_by",
  "e.attendance_recorded_at",
] as const;

/** Upcoming (not yet over) or past events, soonest first upcoming and latest first past. */
export async function listEvents(
  db: Queryable,
  filter: {
    when: "upcoming" | "past";
    chapterId?: number;
    chapterIds?: number[];
    now?: Date;
    limit?: number;
  },
) {
  const now = filter.now ?? new Date();
  let query = db
    .selectFrom("events as e")
    .select([...eventColumns])
    .select((eb) =>
      eb
        .selectFrom("event_rsvps as r")
        .whereRef("r.event_id", "=", "e.id")
        .where("r.status", "=", "going")
        .select((e) => e.fn.countAll<number>().as("n"))
        .as("going"),
    )
    .limit(filter.limit ?? 20);
  if (filter.chapterId !== undefined) query = query.where("e.chapter_id", "=", filter.chapterId);
  if (filter.chapterIds) {
    if (filter.chapterIds.length === 0) return [];
    query = query.where("e.chapter_id", "in", filter.chapterIds);
  }
  query =
    filter.when === "upcoming"
      ? query
          .where("e.ends_at", ">", now)
          .where("e.status", "=", "scheduled")
          .orderBy("e.starts_at", "asc")
      : query.where("e.ends_at", "<=", now).orderBy("e.starts_at", "desc");
  const rows = await query.orderBy("e.id").execute();
  const names = await chapterNames(
    db,
    rows.map((r) => r.chapter_id),
  );
  return rows.map((r) => ({
    ...r,
    ...chapterOf(names, r.chapter_id),
    going: Number(r.going ?? 0),
  }));
}
export type EventListRow = Awaited<ReturnType<typeof listEvents>>[number];

/** Everything the event page shows to this reader; the online link only when the policy allows. */
export async function getEventPage(db: Queryable, viewer: Viewer, eventId: number) {
  const event = await db
    .selectFrom("events as e")
    .innerJoin("users as h", "h.id", "e.host_id")
    .select([
      ...eventColumns,
      "e.online_url",
      "e.recording_item_id",
      "h.handle as hostHandle",
      "h.display_name as hostName",
    ])
    .where("e.id", "=", eventId)
    .executeTakeFirst();
  if (!event) return null;
  const { online_url: onlineUrl, recording_item_id: recordingItemId, ...fields } = event;
  const rest = {
    ...fields,
    ...chapterOf(await chapterNames(db, [event.chapter_id]), event.chapter_id),
  };
  const subject = await eventSubject(db, event);
  const speakers = await db
    .selectFrom("event_speakers as s")
    .innerJoin("users as u", "u.id", "s.user_id")
    .select(["u.id", "u.handle", "u.display_name", "s.talk_id"])
    .where("s.event_id", "=", eventId)
    .orderBy("u.display_name")
    .execute();
  const rsvps = await db
    .selectFrom("event_rsvps as r")
    .innerJoin("users as u", "u.id", "r.user_id")
    .select(["u.id", "u.handle", "u.display_name", "r.status", "r.attended", "r.queued_at"])
    .where("r.event_id", "=", eventId)
    .where("r.status", "in", ["going", "waitlisted"])
    .orderBy("r.queued_at")
    .orderBy("r.id")
    .execute();
  const mine = viewer ? rsvps.find((r) => r.id === viewer.id) : undefined;
  const waitlist = rsvps.filter((r) => r.status === "waitlisted");
  const going = rsvps.filter((r) => r.status === "going");
  const viewerHasSeat = mine?.status === "going";
  const manages = allowed("manageEvent", viewer, subject);
  return {
    event: rest,
    onlineUrl:
      onlineUrl && allowed("seeEventLink", viewer, { ...subject, viewerHasSeat })
        ? onlineUrl
        : null,
    isOnline: onlineUrl !== "",
    speakers,
    goingCount: going.length,
    waitlistCount: waitlist.length,
    myStatus: mine?.status ?? null,
    myWaitlistPlace: mine?.status === "waitlisted" ? waitlist.indexOf(mine) + 1 : null,
    // Names of who is coming are for the people running the event.
    attendees: manages ? going : [],
    waitlist: manages ? waitlist : [],
    manages,
    mayRecordAttendance: allowed("recordAttendance", viewer, subject),
    mayPublishRecording: allowed("publishEventRecording", viewer, subject),
    recordingItemId,
  };
}
export type EventPage = NonNullable<Awaited<ReturnType<typeof getEventPage>>>;

/** For ICS files: the events and, for the feed, what a public calendar may carry. */
export async function eventsForCalendar(
  db: Queryable,
  filter: { eventId?: number; chapterId?: number },
) {
  let query = db
    .selectFrom("events as e")
    .select([...eventColumns, "e.updated_at", "e.created_at"])
    .orderBy("e.starts_at", "desc")
    .limit(200);
  if (filter.eventId !== undefined) query = query.where("e.id", "=", filter.eventId);
  if (filter.chapterId !== undefined) query = query.where("e.chapter_id", "=", filter.chapterId);
  return query.execute();
}
export type CalendarEventRow = Awaited<ReturnType<typeof eventsForCalendar>>[number];

function chapterOf(names: Map<number, { name: string; slug: string }>, id: number | null) {
  const chapter = id === null ? undefined : names.get(id);
  return { chapterName: chapter?.name ?? null, chapterSlug: chapter?.slug ?? null };
}

/** How far ahead "nearby first" looks before it falls back to the soonest events. */
const NEARBY_WINDOW = 60;

/**
 * The next events for one reader, theirs first: events of the chapters they
 * belong to, then of chapters in their country, then in their region, then
 * every other one; soonest first within each. The reader's own location is
 * used for their own page only, public or not. A visitor, or a member who has
 * said nothing, gets the soonest events.
 */
export async function upcomingNearby(
  db: Queryable,
  userId: number | null,
  limit: number,
  now = new Date(),
) {
  if (userId === null) return listEvents(db, { when: "upcoming", limit, now });
  const [events, place, mine] = await Promise.all([
    listEvents(db, { when: "upcoming", limit: NEARBY_WINDOW, now }),
    db.selectFrom("profiles").select("country").where("user_id", "=", userId).executeTakeFirst(),
    chapterIdsOf(db, userId),
  ]);
  const byId = await chapterPlaces(
    db,
    events.flatMap((e) => (e.chapter_id ? [e.chapter_id] : [])),
  );
  const country = place?.country ?? null;
  const region = country ? regionOf(country) : undefined;
  const closeness = (chapterId: number | null) => {
    if (chapterId === null) return 3;
    if (mine.has(chapterId)) return 0;
    const chapter = byId.get(chapterId);
    if (country && chapter?.country === country) return 1;
    if (region && chapter?.region === region) return 2;
    return 3;
  };
  // Array.prototype.sort is stable: within a closeness, the soonest stays first.
  return events
    .map((event) => ({ event, rank: closeness(event.chapter_id) }))
    .sort((a, b) => a.rank - b.rank)
    .slice(0, limit)
    .map(({ event }) => event);
}
