import { FORMAT_TAGS, type Locale } from "../../i18n/index.ts";
import { dateTimeFormat } from "../../utils/format.ts";
import { formatEventDate, formatEventTime, zoneCity, zoneOffsetMinutes } from "./time.ts";

// Event dates and times in the reader's language. English keeps the fixed
// "4 Mar 2026" and "Thu 15 Jan 2026, 09:30 GMT-6 (Chicago)" built from numbers;
// the other languages use Intl's own names for months and weekdays, still in
// the event's zone. Formatted in loaders, so the browser never re-renders them.

function offsetLabel(offset: number, zone: string): string {
  if (offset === 0) return zone === "UTC" ? "UTC" : "GMT";
  const sign = offset > 0 ? "+" : "-";
  const h = Math.floor(Math.abs(offset) / 60);
  const m = Math.abs(offset) % 60;
  return `GMT${sign}${h}${m ? `:${String(m).padStart(2, "0")}` : ""}`;
}

/** "4 Mar 2026" · "2026年3月4日" · "4 mar 2026", in the event's zone. */
export function eventDateIn(locale: Locale) {
  if (locale === "en")
    return (instant: Date | string, zone = "UTC") => formatEventDate(instant, zone);
  return (instant: Date | string, zone = "UTC") =>
    dateTimeFormat(FORMAT_TAGS[locale], {
      day: "numeric",
      month: "short",
      year: "numeric",
      timeZone: zone,
    }).format(new Date(instant));
}

/** The time where the event happens, with its offset and city. */
export function eventTimeIn(locale: Locale) {
  if (locale === "en")
    return (instant: Date | string, zone: string) => formatEventTime(instant, zone);
  return (instant: Date | string, zone: string) => {
    const date = new Date(instant);
    const text = dateTimeFormat(FORMAT_TAGS[locale], {
      weekday: "short",
      day: "numeric",
      month: "short",
      year: "numeric",
      hour: "2-digit",
      minute: "2-digit",
      hourCycle: "h23",
      timeZone: zone,
    }).format(date);
    const city = zone === "UTC" ? "" : ` (${zoneCity(zone)})`;
    return `${text} ${offsetLabel(zoneOffsetMinutes(date, zone), zone)}${city}`;
  };
}
