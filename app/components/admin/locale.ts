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

/** Fill a message's placeholder with this, then `around` splits the text either side of it. */
export const SLOT = "\u2063slot\u2063";

/** The text before and after the slot of a message (a link or a bold name goes between). */
export function around(message: string): [string, string] {
  const at = message.indexOf(SLOT);
  return at < 0 ? [message, ""] : [message.slice(0, at), message.slice(at + SLOT.length)];
}
