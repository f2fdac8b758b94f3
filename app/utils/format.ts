/**
 * Formatters made once and reused. Constructing an `Intl` formatter (which
 * `toLocaleDateString` and `toLocaleString` with a locale do on every call)
 * costs far more than formatting with one, and a page can format hundreds of
 * dates and numbers. Dates are in UTC with a fixed locale, so the server and
 * every browser print the same text (no hydration drift).
 */

const formats = new Map<string, Intl.DateTimeFormat>();

/** One `Intl.DateTimeFormat` per locale and set of options, made on first use. */
export function dateTimeFormat(
  locale: string,
  options: Intl.DateTimeFormatOptions,
): Intl.DateTimeFormat {
  const key = `${locale} ${JSON.stringify(options)}`;
  let format = formats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(locale, options);
    formats.set(key, format);
  }
  return format;
}

const UTC = "UTC";
const dayMonthYear = dateTimeFormat("en-GB", {
  day: "numeric",
  month: "short",
  year: "numeric",
  timeZone: UTC,
});
const dayLongMonthYear = dateTimeFormat("en-GB", {
  day: "numeric",
  month: "long",
  year: "numeric",
  timeZone: UTC,
});
const dayMonth = dateTimeFormat("en-GB", { day: "numeric", month: "short", timeZone: UTC });
const monthYear = dateTimeFormat("en-GB", { month: "short", year: "numeric", timeZone: UTC });
const longMonthYear = dateTimeFormat("en-GB", { month: "long", year: "numeric", timeZone: UTC });
const count = new Intl.NumberFormat("en-GB");

type DateLike = string | number | Date;

/** "3 Dec 2026" */
export const formatDay = (value: DateLike) => dayMonthYear.format(new Date(value));
/** "3 December 2026" */
export const formatLongDay = (value: DateLike) => dayLongMonthYear.format(new Date(value));
/** "3 Dec" */
export const formatDayMonth = (value: DateLike) => dayMonth.format(new Date(value));
/** "Dec 2026" */
export const formatMonth = (value: DateLike) => monthYear.format(new Date(value));
/** "December 2026" */
export const formatLongMonth = (value: DateLike) => longMonthYear.format(new Date(value));
/** "12,345" */
export const formatCount = (n: number) => count.format(n);

/** The formatters above, in one language: what a page in that language prints. */
export interface Formats {
  /** "3 Dec 2026" · "2026年12月3日" · "3 dic 2026" */
  day: (value: DateLike) => string;
  /** "3 December 2026" */
  longDay: (value: DateLike) => string;
  /** "3 Dec" */
  dayMonth: (value: DateLike) => string;
  /** "Dec 2026" */
  month: (value: DateLike) => string;
  /** "December 2026" */
  longMonth: (value: DateLike) => string;
  /** "12,345" · "12.345" */
  count: (n: number) => string;
  /** "$12,345" in the given currency, whole units */
  money: (amount: number, currency?: string) => string;
}

const formatsByLocale = new Map<string, Formats>();
const moneyFormats = new Map<string, Intl.NumberFormat>();

/**
 * The formatters for an `Intl` locale (en-GB, zh-Hans, es), made once per
 * locale and shared by every render after it. Dates stay in UTC, as above.
 */
export function formatsFor(locale: string): Formats {
  let formats = formatsByLocale.get(locale);
  if (formats) return formats;
  const date = (options: Intl.DateTimeFormatOptions) => {
    const format = dateTimeFormat(locale, { ...options, timeZone: UTC });
    return (value: DateLike) => format.format(new Date(value));
  };
  const number = new Intl.NumberFormat(locale);
  formats = {
    day: date({ day: "numeric", month: "short", year: "numeric" }),
    longDay: date({ day: "numeric", month: "long", year: "numeric" }),
    dayMonth: date({ day: "numeric", month: "short" }),
    month: date({ month: "short", year: "numeric" }),
    longMonth: date({ month: "long", year: "numeric" }),
    count: (n) => number.format(n),
    money: (amount, currency = "USD") => {
      const key = `${locale} ${currency}`;
      let format = moneyFormats.get(key);
      if (!format) {
        format = new Intl.NumberFormat(locale, {
          style: "currency",
          currency,
          maximumFractionDigits: 0,
        });
        moneyFormats.set(key, format);
      }
      return format.format(amount);
    },
  };
  formatsByLocale.set(locale, formats);
  return formats;
}
