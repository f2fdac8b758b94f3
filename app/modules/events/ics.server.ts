import ical, { ICalEventStatus } from "ical-generator";
import type { CalendarEventRow } from "./reads.server.ts";

/**
 * iCalendar (RFC 5545) for one event or a chapter's feed, written by
 * ical-generator (escaping, line folding, CRLF). Times are given in UTC, so
 * every calendar shows them in its own zone without a VTIMEZONE block; the
 * event's zone travels as X-WR-TIMEZONE for calendars that display it. The
 * online link is never written here: the file is for anyone who can see the
 * page, the link is only for people holding a seat.
 */
export function buildCalendar(
  rows: CalendarEventRow[],
  options: { name: string; siteUrl: string; timeZone?: string },
): string {
  const host = new URL(options.siteUrl).host;
  const calendar = ical({
    name: options.name,
    prodId: { company: "Limelight", product: "Events", language: "EN" },
    url: options.siteUrl,
  });
  if (options.timeZone) calendar.x("X-WR-TIMEZONE", options.timeZone);
  for (const row of rows) {
    const pageUrl = new URL(`/events/${row.id}`, options.siteUrl).toString();
    const location = row.venue || "Online (the link is on the event page once you hold a seat)";
    calendar.createEvent({
      id: `event-${row.id}@${host}`,
      start: new Date(row.starts_at),
      end: new Date(row.ends_at),
      stamp: new Date(row.updated_at),
      summary: row.status === "cancelled" ? `Cancelled: ${row.title}` : row.title,
      description: [row.description, pageUrl].filter(Boolean).join("\n\n"),
      location,
      url: pageUrl,
      status: row.status === "cancelled" ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
    });
  }
  return calendar.toString();
}
