import { isLocale, type Locale } from "../../i18n/index.ts";
import { formatEventTime, zoneCity, zoneOffsetMinutes } from "../advocacy/time.ts";

// An event's time where it happens, in the reader's language. Built from
// numbers and fixed names (not `Intl`'s), like the English one, so the server
// and every browser print exactly the same text.

const NAMES: Record<Exclude<Locale, "en">, { weekdays: string[]; months: string[] }> = {
  zh: {
    weekdays: ["周日", "周一", "周二", "周三", "周四", "周五", "周六"],
    months: [],
  },
  es: {
    weekdays: ["dom", "lun", "mar", "mié", "jue", "vie", "sáb"],
    months: ["ene", "feb", "mar", "abr", "may", "jun", "jul", "ago", "sept", "oct", "nov", "dic"],
  },
};

function offsetLabel(offset: number, zone: string): string {
  if (offset === 0) return zone === "UTC" ? "UTC" : "GMT";
  const sign = offset > 0 ? "+" : "-";
  const h = Math.floor(Math.abs(offset) / 60);
  const m = Math.abs(offset) % 60;
  return `GMT${sign}${h}${m ? `:${String(m).padStart(2, "0")}` : ""}`;
}

/**
 * "Thu 15 Jan 2026, 09:30 GMT-6 (Chicago)" · "2026年1月15日 周四 09:30 GMT-6（Chicago）" ·
 * "jue 15 ene 2026, 09:30 GMT-6 (Chicago)": English is exactly `formatEventTime`.
 */
export function formatEventTimeIn(instant: Date | string, zone: string, locale: string): string {
  const language: Locale = isLocale(locale) ? locale : "en";
  if (language === "en") return formatEventTime(instant, zone);
  const date = new Date(instant);
  const offset = zoneOffsetMinutes(date, zone);
  const s = new Date(date.getTime() + offset * 60_000);
  const time = `${String(s.getUTCHours()).padStart(2, "0")}:${String(s.getUTCMinutes()).padStart(2, "0")}`;
  const label = offsetLabel(offset, zone);
  const names = NAMES[language];
  const weekday = names.weekdays[s.getUTCDay()];
  if (language === "zh") {
    const city = zone === "UTC" ? "" : `（${zoneCity(zone)}）`;
    return `${s.getUTCFullYear()}年${s.getUTCMonth() + 1}月${s.getUTCDate()}日 ${weekday} ${time} ${label}${city}`;
  }
  const city = zone === "UTC" ? "" : ` (${zoneCity(zone)})`;
  return `${weekday} ${s.getUTCDate()} ${names.months[s.getUTCMonth()]} ${s.getUTCFullYear()}, ${time} ${label}${city}`;
}
