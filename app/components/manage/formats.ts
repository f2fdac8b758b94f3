import { useTranslation } from "react-i18next";
import { DEFAULT_LOCALE, isLocale, type Locale } from "~/i18n/index.ts";

// Money on the manager pages: US dollars from cents, whole dollars when there
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
