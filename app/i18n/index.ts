import i18next, { type i18n } from "i18next";
import ICU from "i18next-icu";
import { initReactI18next } from "react-i18next";
import { MESSAGE_FILES } from "./resources.ts";

/**
 * The languages Limelight ships, complete: a test fails when any of them lacks
 * a key that English has. Messages are ICU MessageFormat (plurals, selects),
 * dates and numbers go through `Intl` in the reader's locale.
 */
export const LOCALES = ["en", "zh", "es"] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = "en";
/** The cookie that keeps a reader's own choice of language. */
export const LOCALE_COOKIE = "ll_lang";

type Catalogue = Record<string, unknown>;

/** One language's catalogue: its area files side by side (their top-level names are distinct). */
const catalogue = (files: Record<string, Catalogue>): Catalogue =>
  Object.assign({}, ...Object.values(files)) as Catalogue;

export const RESOURCES: Record<Locale, Catalogue> = {
  en: catalogue(MESSAGE_FILES.en),
  zh: catalogue(MESSAGE_FILES.zh),
  es: catalogue(MESSAGE_FILES.es),
};

/** Each language's own name, as its speakers write it (for the language menu). */
export const LOCALE_NAMES: Record<Locale, string> = {
  en: "English",
  zh: "简体中文",
  es: "Español",
};

/** The BCP 47 tag for `<html lang>` and `Intl`: Simplified Chinese is zh-Hans. */
export const LOCALE_TAGS: Record<Locale, string> = { en: "en", zh: "zh-Hans", es: "es" };

/**
 * The `Intl` locale for dates and numbers: English pages keep British dates
 * ("3 Dec 2026"), as they always have.
 */
export const FORMAT_TAGS: Record<Locale, string> = { en: "en-GB", zh: "zh-Hans", es: "es" };

export const isLocale = (value: unknown): value is Locale =>
  typeof value === "string" && (LOCALES as readonly string[]).includes(value);

const instances = new Map<Locale, i18n>();

/**
 * One ready i18next instance per language, made on first use and shared by
 * every render after it, on the server and in the browser alike: resources are
 * bundled, so nothing is fetched and nothing is initialised per request.
 */
export function i18nFor(locale: Locale): i18n {
  let instance = instances.get(locale);
  if (!instance) {
    instance = i18next.createInstance();
    void instance
      .use(ICU)
      .use(initReactI18next)
      .init({
        lng: locale,
        fallbackLng: DEFAULT_LOCALE,
        supportedLngs: [...LOCALES],
        resources: Object.fromEntries(LOCALES.map((l) => [l, { translation: RESOURCES[l] }])),
        interpolation: { escapeValue: false },
        initImmediate: false,
        react: { useSuspense: false },
        returnNull: false,
      });
    instances.set(locale, instance);
  }
  return instance;
}

/** The page's language in a `meta` function, from the root loader's answer among the matches. */
export function localeOfMatches(matches: ReadonlyArray<{ id: string; data: unknown }>): Locale {
  const root = matches.find((match) => match.id === "root")?.data as
    { locale?: unknown } | undefined;
  return isLocale(root?.locale) ? root.locale : DEFAULT_LOCALE;
}
