import i18next, { type i18n } from "i18next";
import ICU from "i18next-icu";
import IntlMessageFormat from "intl-messageformat";
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

/** How each language's i18next instance is set up: bundled catalogues, ICU messages, English behind. */
export const i18nextOptions = (locale: Locale) => ({
  lng: locale,
  fallbackLng: DEFAULT_LOCALE,
  supportedLngs: [...LOCALES],
  resources: Object.fromEntries(LOCALES.map((l) => [l, { translation: RESOURCES[l] }])),
  interpolation: { escapeValue: false },
  initImmediate: false,
  react: { useSuspense: false },
  returnNull: false,
});

/**
 * One ready i18next instance per language, made on first use and shared by
 * every render after it, on the server and in the browser alike: resources are
 * bundled, so nothing is fetched and nothing is initialised per request.
 */
export function i18nFor(locale: Locale): i18n {
  let instance = instances.get(locale);
  if (!instance) {
    instance = i18next.createInstance();
    void instance.use(ICU).use(initReactI18next).init(i18nextOptions(locale));
    answerPlainCallsDirectly(instance, locale);
    instances.set(locale, instance);
  }
  return instance;
}

/** Options that ask i18next for more than "this key, with these values": they go to i18next. */
const TRANSLATOR_OPTIONS = new Set([
  "defaultValue",
  "context",
  "returnObjects",
  "returnDetails",
  "ordinal",
  "postProcess",
  "replace",
  "joinArrays",
  "interpolation",
  "skipInterpolation",
  "fallbackLng",
  "keyPrefix",
]);
/** A message without any of these is its own text: nothing for ICU to do. */
const ICU_SYNTAX = /[{}'#<]/;

type Values = Record<string, unknown>;
type Message = (values: Values | undefined) => string;

function lookup(catalogue: Catalogue, key: string): unknown {
  let node: unknown = catalogue;
  for (const part of key.split(".")) {
    if (node === null || typeof node !== "object" || !Object.hasOwn(node, part)) return undefined;
    node = (node as Catalogue)[part];
  }
  return node;
}

/**
 * i18next answers every call through its general translator (namespaces,
 * key prefixes, fallbacks, then the ICU plugin's memo, keyed by the values
 * turned to JSON). A rendered page makes hundreds of calls, and that work was
 * about a sixth of its CPU. The plain call (a key in this language or English, with
 * values or none) is answered here from messages compiled once, exactly as the
 * ICU plugin formats them (the same locale, `ignoreTag`, the text itself when
 * it does not parse); every other call, and every key not found, still goes
 * to i18next.
 */
function answerPlainCallsDirectly(instance: i18n, locale: Locale) {
  const translate = instance.t.bind(instance) as unknown as (...args: unknown[]) => string;
  const fixedT = instance.getFixedT.bind(instance);
  const messages = new Map<string, Message | null>();

  const compile = (key: string): Message | null => {
    const text = lookup(RESOURCES[locale], key) ?? lookup(RESOURCES[DEFAULT_LOCALE], key);
    if (typeof text !== "string") return null;
    if (!ICU_SYNTAX.test(text)) return () => text;
    let format: IntlMessageFormat;
    try {
      format = new IntlMessageFormat(text, locale, undefined, { ignoreTag: true });
    } catch {
      return () => text;
    }
    return (values) => {
      try {
        return String(format.format(values as never));
      } catch {
        return text;
      }
    };
  };

  const plain = (options: unknown): options is Values | undefined => {
    if (options === undefined) return true;
    if (options === null || typeof options !== "object" || Array.isArray(options)) return false;
    for (const [name, value] of Object.entries(options)) {
      if (TRANSLATOR_OPTIONS.has(name)) return false;
      if (name === "lng" && value !== undefined && value !== locale) return false;
      if (name === "ns" && value !== undefined && value !== "translation") return false;
      // An element or list as a value is i18next's business (it returns parts).
      if (value !== null && typeof value === "object" && !(value instanceof Date)) {
        if (name !== "lngs") return false;
      }
    }
    return true;
  };

  const fast = (...args: unknown[]): string => {
    const [key, options] = args;
    if (args.length > 2 || typeof key !== "string" || key.includes(":") || !plain(options))
      return translate(...args);
    let message = messages.get(key);
    if (message === undefined) {
      message = compile(key);
      messages.set(key, message);
    }
    return message ? message(options) : translate(key, options);
  };

  instance.t = fast as unknown as i18n["t"];
  instance.getFixedT = ((lng: unknown, ns: unknown, keyPrefix: unknown) => {
    const sameLanguage = lng === null || lng === undefined || lng === locale;
    const sameNamespace =
      ns === undefined ||
      ns === null ||
      ns === "translation" ||
      (Array.isArray(ns) && ns.length === 1 && ns[0] === "translation");
    if (!sameLanguage || !sameNamespace || keyPrefix)
      return fixedT(lng as never, ns as never, keyPrefix as never);
    return fast;
  }) as i18n["getFixedT"];
}

/** The page's language in a `meta` function, from the root loader's answer among the matches. */
export function localeOfMatches(matches: ReadonlyArray<{ id: string; data: unknown }>): Locale {
  const root = matches.find((match) => match.id === "root")?.data as
    { locale?: unknown } | undefined;
  return isLocale(root?.locale) ? root.locale : DEFAULT_LOCALE;
}
