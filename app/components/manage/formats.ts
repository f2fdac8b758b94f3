import { useTranslation } from "react-i18next";
import { DEFAULT_LOCALE, FORMAT_TAGS, isLocale, type Locale } from "~/i18n/index.ts";
import { formatEventDate, formatEventTime } from "~/modules/advocacy/time.ts";
import { dateTimeFormat } from "~/utils/format.ts";

// Money and moments on the manager pages. Money: US dollars from cents, whole dollars when there
// are no cents, in the page's language. English keeps en-US ("$1,200"), as it
// always has.
const MONEY_TAGS: Record<Locale, string> = { en: "en-US", zh: "zh-Hans", es: "es" };
const formats = new Map<string, Intl.NumberFormat>();

export function moneyIn(locale: Locale, cents: number | null | undefined): string {
  if (cents === null || cents === undefined) return "—";
  const fraction = cents % 100 === 0 ? 0 : 2;
  const key = `${locale} ${fraction}`;
  let format = formats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(MONEY_TAGS[locale], {
      style: "currency",
      currency: "USD",
      maximumFractionDigits: fraction,
    });
    formats.set(key, format);
  }
  return format.format(cents / 100);
}

/** `money(cents)` in the page's language: "$1,200" · "US$1,200" · "1200 US$". */
export function useMoney(): (cents: number | null | undefined) => string {
  const { i18n } = useTranslation();
  const locale = isLocale(i18n.language) ? i18n.language : DEFAULT_LOCALE;
  return (cents) => moneyIn(locale, cents);
}

/** "3 Dec 2026, 14:05 UTC" in the page's language, for logs. */
export function useDateTime(): (value: string | Date | null | undefined) => string {
  const { i18n } = useTranslation();
  const locale = isLocale(i18n.language) ? i18n.language : DEFAULT_LOCALE;
  const format = dateTimeFormat(FORMAT_TAGS[locale], {
    day: "numeric",
    month: "short",
    year: "numeric",
    hour: "2-digit",
    minute: "2-digit",
    timeZone: "UTC",
    timeZoneName: "short",
  });
  return (value) => (value ? format.format(new Date(value)) : "");
}

/**
 * "4 Mar 2026" in an event's own time zone, in the page's language; English
 * keeps the advocacy pages' own wording of the date.
 */
export function eventDayIn(locale: Locale, instant: Date | string, zone: string): string {
  if (locale === "en") return formatEventDate(instant, zone);
  try {
    return dateTimeFormat(FORMAT_TAGS[locale], {
      day: "numeric",
      month: "short",
      year: "numeric",
      timeZone: zone,
    }).format(new Date(instant));
  } catch {
    return formatEventDate(instant, zone);
  }
}

/** "Wed 4 Mar 2026, 14:00 UTC+1 (Paris)" in the page's language, in the event's own zone. */
export function eventTimeIn(locale: Locale, instant: Date | string, zone: string): string {
  if (locale === "en") return formatEventTime(instant, zone);
  try {
    return dateTimeFormat(FORMAT_TAGS[locale], {
      weekday: "short",
      day: "numeric",
      month: "short",
      year: "numeric",
      hour: "2-digit",
      minute: "2-digit",
      timeZone: zone,
      timeZoneName: "short",
    }).format(new Date(instant));
  } catch {
    return formatEventTime(instant, zone);
  }
}
