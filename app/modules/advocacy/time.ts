/**
 * Event times are stored as instants and shown in the event's own time zone,
 * so "9:30 in Chicago" stays 9:30 in Chicago for every reader. Pure functions,
 * safe in the browser and on the server.
 */

/** Zones offered in forms; any valid IANA zone is accepted. */
export const COMMON_TIME_ZONES = [
  "UTC",
  "America/Los_Angeles",
  "America/Denver",
  "America/Chicago",
  "America/New_York",
  "America/Toronto",
  "America/Mexico_City",
  "America/Bogota",
  "America/Sao_Paulo",
  "Europe/London",
  "Europe/Dublin",
  "Europe/Lisbon",
  "Europe/Paris",
  "Europe/Berlin",
  "Europe/Amsterdam",
  "Europe/Stockholm",
  "Europe/Warsaw",
  "Europe/Helsinki",
  "Europe/Istanbul",
  "Africa/Lagos",
  "Africa/Nairobi",
  "Africa/Johannesburg",
  "Asia/Dubai",
  "Asia/Amman",
  "Asia/Kolkata",
  "Asia/Singapore",
  "Asia/Ho_Chi_Minh",
  "Asia/Tokyo",
  "Australia/Sydney",
  "Pacific/Auckland",
  "Pacific/Honolulu",
] as const;

// One formatter per zone, made on first use: constructing one costs far more than using it.
const zoneFormats = new Map<string, Intl.DateTimeFormat>();
function zoneFormat(zone: string): Intl.DateTimeFormat {
  let format = zoneFormats.get(zone);
  if (!format) {
    format = new Intl.DateTimeFormat("en-US", {
      timeZone: zone,
      hourCycle: "h23",
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      second: "2-digit",
    });
    zoneFormats.set(zone, format);
  }
  return format;
}

export function isValidTimeZone(zone: string): boolean {
  if (!zone) return false;
  try {
    zoneFormat(zone);
    return true;
  } catch {
    return false;
  }
}

const LOCAL = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/;

/** Minutes the zone is ahead of UTC at the given instant. */
export function zoneOffsetMinutes(instant: Date, zone: string): number {
  if (zone === "UTC") return 0;
  const parts = zoneFormat(zone).formatToParts(instant);
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  const asUtc = Date.UTC(
    get("year"),
    get("month") - 1,
    get("day"),
    get("hour"),
    get("minute"),
    get("second"),
  );
  return Math.round((asUtc - Math.floor(instant.getTime() / 1000) * 1000) / 60_000);
}

/**
 * The instant a wall-clock time ("2026-03-04T09:30", as a datetime-local
 * input sends it) happens in a zone; null when the text is not such a time.
 */
export function zonedLocalToInstant(local: string, zone: string): Date | null {
  const m = LOCAL.exec(local.trim());
  if (!m || !isValidTimeZone(zone)) return null;
  const [, y, mo, d, h, mi, s] = m;
  const wall = Date.UTC(+y, +mo - 1, +d, +h, +mi, s ? +s : 0);
  const check = new Date(wall);
  if (check.getUTCMonth() !== +mo - 1 || check.getUTCDate() !== +d) return null;
  // Two passes settle the offset across a daylight-saving change.
  let guess = wall - zoneOffsetMinutes(new Date(wall), zone) * 60_000;
  guess = wall - zoneOffsetMinutes(new Date(guess), zone) * 60_000;
  return new Date(guess);
}

/** The wall-clock time of an instant in a zone, as a datetime-local input expects it. */
export function instantToZonedLocal(instant: Date | string, zone: string): string {
  const date = new Date(instant);
  const shifted = new Date(date.getTime() + zoneOffsetMinutes(date, zone) * 60_000);
  return shifted.toISOString().slice(0, 16);
}

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
const WEEKDAYS = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];

// Built from numbers only, so the server and every browser print exactly the same text.
function wallClock(instant: Date | string, zone: string) {
  const date = new Date(instant);
  const offset = zoneOffsetMinutes(date, zone);
  const shifted = new Date(date.getTime() + offset * 60_000);
  return { shifted, offset };
}

function offsetLabel(offset: number, zone: string): string {
  if (offset === 0) return zone === "UTC" ? "UTC" : "GMT";
  const sign = offset > 0 ? "+" : "-";
  const h = Math.floor(Math.abs(offset) / 60);
  const m = Math.abs(offset) % 60;
  return `GMT${sign}${h}${m ? `:${String(m).padStart(2, "0")}` : ""}`;
}

/** "Chicago" for America/Chicago, "UTC" for UTC. */
export function zoneCity(zone: string): string {
  return zone === "UTC" ? "UTC" : (zone.split("/").pop() ?? zone).replace(/_/g, " ");
}

/** "Thu 15 Jan 2026, 09:30 GMT-6 (Chicago)" — the time where the event happens. */
export function formatEventTime(instant: Date | string, zone: string): string {
  const { shifted, offset } = wallClock(instant, zone);
  const hh = String(shifted.getUTCHours()).padStart(2, "0");
  const mm = String(shifted.getUTCMinutes()).padStart(2, "0");
  const city = zone === "UTC" ? "" : ` (${zoneCity(zone)})`;
  return `${WEEKDAYS[shifted.getUTCDay()]} ${shifted.getUTCDate()} ${MONTHS[shifted.getUTCMonth()]} ${shifted.getUTCFullYear()}, ${hh}:${mm} ${offsetLabel(offset, zone)}${city}`;
}

/** "4 Mar 2026" in the event's zone. */
export function formatEventDate(instant: Date | string, zone = "UTC"): string {
  const { shifted } = wallClock(instant, zone);
  return `${shifted.getUTCDate()} ${MONTHS[shifted.getUTCMonth()]} ${shifted.getUTCFullYear()}`;
}

/** Reads take `now` so seeds can replay history and tests can pin the clock. */
export interface Clock {
  now?: Date;
}
