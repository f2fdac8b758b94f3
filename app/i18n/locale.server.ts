import { createCookie, type AppLoadContext } from "@remix-run/node";
import { getUser } from "~/utils/auth.server.ts";
import { RemixI18Next } from "remix-i18next/server";
import { communityLocale } from "./community.ts";
import { isLocale, LOCALE_COOKIE, LOCALES, type Locale } from "./index.ts";

export { communityLocale, recipientLocale } from "./community.ts";

/** The visitor's own choice of language, made in the footer; kept for a year. */
export const localeCookie = createCookie(LOCALE_COOKIE, {
  path: "/",
  sameSite: "lax",
  httpOnly: true,
  maxAge: 60 * 60 * 24 * 365,
});

const detector = new RemixI18Next({
  detection: {
    supportedLanguages: [...LOCALES],
    fallbackLanguage: communityLocale(),
    // The reader's own choice first, then what their browser asks for.
    order: ["cookie", "header"],
    cookie: localeCookie,
  },
});

/**
 * The language to answer this request in: a signed-in member's own setting,
 * then the reader's choice in the footer, their browser's, the community's.
 * The member is the one the request already loaded (no further query), so a
 * member's text follows their account on every device.
 */
export async function localeOf(request: Request, context: AppLoadContext): Promise<Locale> {
  const stored = (await getUser(request, context))?.locale;
  if (isLocale(stored)) return stored;
  const found = await detector.getLocale(request).catch(() => null);
  return isLocale(found) ? found : communityLocale();
}

const browserDetector = new RemixI18Next({
  detection: {
    supportedLanguages: [...LOCALES],
    fallbackLanguage: communityLocale(),
    order: ["header"],
  },
});

/** The language the reader's browser asks for (Accept-Language), else the community's. */
export async function browserLocale(request: Request): Promise<Locale> {
  const found = await browserDetector.getLocale(request).catch(() => null);
  return isLocale(found) ? found : communityLocale();
}
