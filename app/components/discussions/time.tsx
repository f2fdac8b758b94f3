import { useTranslation } from "react-i18next";
import { DEFAULT_LOCALE, FORMAT_TAGS, isLocale, type Locale } from "~/i18n/index.ts";
import { formatDay, formatsFor } from "~/utils/format.ts";

/** The page's language, as the components under it read it. */
export function usePageLocale(): Locale {
  const { i18n } = useTranslation();
  return isLocale(i18n.language) ? i18n.language : DEFAULT_LOCALE;
}

/**
 * Dates shown the same on the server and in the browser (UTC, fixed locale): no hydration drift.
 * English keeps British dates ("3 Dec 2026"); other languages their own ("2026年12月3日").
 */
export function formatDate(iso: string, locale: Locale = DEFAULT_LOCALE): string {
  return locale === DEFAULT_LOCALE ? formatDay(iso) : formatsFor(FORMAT_TAGS[locale]).day(iso);
}

const relativeFormats = new Map<string, Intl.RelativeTimeFormat>();

/** One `Intl.RelativeTimeFormat` per language ("hace 3 horas", "3小时前"), made on first use. */
function relativeFormat(locale: Locale): Intl.RelativeTimeFormat {
  let format = relativeFormats.get(locale);
  if (!format) {
    format = new Intl.RelativeTimeFormat(FORMAT_TAGS[locale], { numeric: "auto" });
    relativeFormats.set(locale, format);
  }
  return format;
}

/**
 * "3 hours ago", measured from the time the server rendered the page (passed in as now).
 * English keeps its own short wording ("5 min ago"); other languages say it as `Intl` does.
 */
export function timeAgo(iso: string, nowIso: string, locale: Locale = DEFAULT_LOCALE): string {
  const seconds = Math.max(0, (Date.parse(nowIso) - Date.parse(iso)) / 1000);
  const english = locale === DEFAULT_LOCALE;
  const relative = english ? null : relativeFormat(locale);
  if (seconds < 60) return relative ? relative.format(0, "second") : "just now";
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return relative ? relative.format(-minutes, "minute") : `${minutes} min ago`;
  const hours = Math.floor(minutes / 60);
  if (hours < 24)
    return relative
      ? relative.format(-hours, "hour")
      : `${hours} ${hours === 1 ? "hour" : "hours"} ago`;
  const days = Math.floor(hours / 24);
  if (days < 30)
    return relative ? relative.format(-days, "day") : `${days} ${days === 1 ? "day" : "days"} ago`;
  return formatDate(iso, locale);
}

export function TimeAgo({ iso, now }: { iso: string; now: string }) {
  const locale = usePageLocale();
  return (
    <time dateTime={iso} title={formatDate(iso, locale)}>
      {timeAgo(iso, now, locale)}
    </time>
  );
}
