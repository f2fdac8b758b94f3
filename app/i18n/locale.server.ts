import { createCookie } from "@remix-run/node";
import { RemixI18Next } from "remix-i18next/server";
import { DEFAULT_LOCALE, isLocale, LOCALE_COOKIE, LOCALES, type Locale } from "./index.ts";

/** The visitor's own choice of language, made in the footer; kept for a year. */
export const localeCookie = createCookie(LOCALE_COOKIE, {
  path: "/",
  sameSite: "lax",
  httpOnly: true,
  maxAge: 60 * 60 * 24 * 365,
});

/** The community's language when a visitor states none: `DEFAULT_LOCALE`, or English. */
export function communityLocale(): Locale {
  const configured = process.env.DEFAULT_LOCALE;
  return isLocale(configured) ? configured : DEFAULT_LOCALE;
}

const detector = new RemixI18Next({
  detection: {
    supportedLanguages: [...LOCALES],
    fallbackLanguage: communityLocale(),
    // The reader's own choice first, then what their browser asks for.
    order: ["cookie", "header"],
    cookie: localeCookie,
  },
});

/** The language to answer this request in: the reader's choice, their browser's, the community's. */
export async function localeOf(request: Request): Promise<Locale> {
  const found = await detector.getLocale(request).catch(() => null);
  return isLocale(found) ? found : communityLocale();
}
