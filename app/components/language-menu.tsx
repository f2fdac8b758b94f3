import { Form, useLocation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { LOCALE_NAMES, LOCALES, type Locale } from "~/i18n/index.ts";

/**
 * The footer's language choice: a plain form, so it works without JavaScript
 * and from the keyboard. The choice is kept in a cookie and wins over the
 * browser's Accept-Language from then on.
 */
export function LanguageMenu() {
  const { t, i18n } = useTranslation();
  const location = useLocation();
  return (
    <Form method="post" action="/language" className="flex items-center gap-2">
      <input type="hidden" name="redirectTo" value={`${location.pathname}${location.search}`} />
      <label htmlFor="site-language" className="sr-only sm:not-sr-only">
        {t("language.choose")}
      </label>
      <select
        id="site-language"
        name="locale"
        defaultValue={i18n.language as Locale}
        className="rounded-md border border-stone-300 bg-white px-2 py-1 text-sm text-stone-800 dark:border-stone-700 dark:bg-stone-900 dark:text-stone-200"
      >
        {LOCALES.map((locale) => (
          <option key={locale} value={locale} lang={locale}>
            {LOCALE_NAMES[locale]}
          </option>
        ))}
      </select>
      <button
        type="submit"
        className="rounded-md px-2 py-1 text-sm font-medium text-brand-700 underline-offset-2 hover:underline dark:text-brand-300"
      >
        {t("language.apply")}
      </button>
    </Form>
  );
}
