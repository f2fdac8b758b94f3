import type { TFunction } from "i18next";
import { cloneElement, createContext, useContext, type ReactElement, type ReactNode } from "react";
import { DEFAULT_LOCALE, FORMAT_TAGS, i18nFor, type Locale } from "../../../i18n/index.ts";
import { formatsFor } from "../../../utils/format.ts";

/**
 * The language a message is composed in: the recipient's own, set by
 * composeEmail around the template, so the frame, the buttons and the text
 * are all in it. Templates are plain functions called before the recipient
 * is known, so their words are written as `(t) => …` and read here.
 */
export const MailLocaleContext = createContext<Locale>(DEFAULT_LOCALE);

/** Words that depend on the recipient's language: a fixed string, or one read from the catalogue. */
export type Localized<T = string> = T | ((t: TFunction, locale: Locale) => T);

export function localize<T>(text: Localized<T>, locale: Locale): T {
  return typeof text === "function"
    ? (text as (t: TFunction, locale: Locale) => T)(i18nFor(locale).t, locale)
    : text;
}

/** "3 December 2026" in the recipient's language (UTC), for dates in mail. */
export function mailDay(locale: Locale, date: Date | string): string {
  return formatsFor(FORMAT_TAGS[locale]).longDay(date);
}

/** The message's language and its `t`, inside a template being rendered. */
export function useMailT(): { locale: Locale; t: TFunction } {
  const locale = useContext(MailLocaleContext);
  return { locale, t: i18nFor(locale).t };
}

/** "3 Dec", or "3 Dec 2027" when not this year, in the recipient's language (UTC). */
export function mailShortDay(locale: Locale, date: Date | string, now: Date): string {
  const formats = formatsFor(FORMAT_TAGS[locale]);
  const sameYear = new Date(date).getUTCFullYear() === now.getUTCFullYear();
  return sameYear ? formats.dayMonth(date) : formats.day(date);
}

/**
 * When an event starts, in the recipient's language and the given zone
 * ("jue, 10 dic 2026, 18:00 CET"); English keeps the site's own wording.
 */
export function mailEventTime(
  locale: Locale,
  instant: Date | string,
  zone: string,
  english: string,
): string {
  if (locale === "en") return english;
  return new Intl.DateTimeFormat(FORMAT_TAGS[locale], {
    weekday: "short",
    day: "numeric",
    month: "short",
    year: "numeric",
    hour: "2-digit",
    minute: "2-digit",
    timeZone: zone,
    timeZoneName: "short",
  }).format(new Date(instant));
}

const SLOT = "\u0000";

/**
 * A translated sentence with links (or other markup) inside it, in the order
 * the language puts them: the message names each one as a placeholder
 * (`{unsubscribe}`), and the elements take their places.
 */
export function withElements(
  t: TFunction,
  key: string,
  values: Record<string, unknown>,
  elements: Record<string, ReactElement>,
): ReactNode[] {
  const names = Object.keys(elements);
  const slots = Object.fromEntries(names.map((name, i) => [name, `${SLOT}${i}${SLOT}`]));
  const text = t(key, { ...values, ...slots });
  return text
    .split(SLOT)
    .map((part, i) =>
      i % 2 === 1 ? cloneElement(elements[names[Number(part)]], { key: i }) : part,
    );
}
