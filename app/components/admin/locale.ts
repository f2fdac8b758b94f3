import { useTranslation } from "react-i18next";
import { DEFAULT_LOCALE, FORMAT_TAGS, isLocale, type Locale } from "~/i18n/index.ts";
import { dateTimeFormat } from "~/utils/format.ts";

/** The `Intl` locale of the page's language (en-GB, zh-Hans, es), for dates and numbers. */
export function useFormatTag(): string {
  const { i18n } = useTranslation();
  return formatTagOf(i18n.language);
}

export const formatTagOf = (locale: string | Locale): string =>
  FORMAT_TAGS[isLocale(locale) ? locale : DEFAULT_LOCALE];

/** A date and time in the given `Intl` locale, with a formatter made once per locale and options. */
export const formatDateTime = (
  tag: string,
  value: string | number | Date,
  options: Intl.DateTimeFormatOptions,
) => dateTimeFormat(tag, options).format(new Date(value));
