import { DEFAULT_LOCALE, isLocale, type Locale } from "./index.ts";

/** The community's language when a visitor states none: `DEFAULT_LOCALE`, or English. */
export function communityLocale(): Locale {
  const configured = process.env.DEFAULT_LOCALE;
  return isLocale(configured) ? configured : DEFAULT_LOCALE;
}

/**
 * The language of a message to someone who is not reading the site as it is
 * sent (an email has no request): the member's stored choice, else the
 * community's.
 */
export function recipientLocale(stored: string | null | undefined): Locale {
  return isLocale(stored) ? stored : communityLocale();
}
