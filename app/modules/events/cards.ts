import { formatEventTime } from "../advocacy/time.ts";
import { EVENT_KINDS } from "./validation.ts";

export const kindLabel = (kind: string) => EVENT_KINDS.find((k) => k.value === kind)?.label ?? kind;

/** A list row as the event cards show it, with the time where the event happens. */
export function toEventCard(e: {
  id: number;
  title: string;
  kind: string;
  starts_at: Date | string;
  time_zone: string;
  venue: string;
  chapterName: string | null;
  going: number;
  capacity: number;
  status: string;
}) {
  return {
    id: e.id,
    title: e.title,
    kindLabel: kindLabel(e.kind),
    when: formatEventTime(e.starts_at, e.time_zone),
    place: e.venue || "Online",
    kind: e.kind,
    startsAt: e.starts_at,
    timeZone: e.time_zone,
    venue: e.venue,
    chapterName: e.chapterName,
    going: e.going,
    capacity: e.capacity,
    cancelled: e.status === "cancelled",
  };
}
