import { Link, useLocation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { LOCALE_NAMES, LOCALE_TAGS } from "~/i18n/index.ts";
import type { LanguageFilter as Filter } from "~/modules/languages/filter.server.ts";
import { WRITTEN_IN } from "~/modules/languages/codes.ts";
import { cn } from "~/utils/cn.ts";

/**
 * A list's choice of content language: every language, the reader's own
 * (when they chose some in their settings), or one. Plain links, so it works
 * before the page's script has loaded and each choice has its own address.
 */
export function LanguageFilter({ filter }: { filter: Filter }) {
  const { t } = useTranslation();
  const location = useLocation();
  const href = (lang: string | null) => {
    const params = new URLSearchParams(location.search);
    params.delete("page");
    if (lang === null) params.delete("lang");
    else params.set("lang", lang);
    const query = params.toString();
    return query ? `${location.pathname}?${query}` : location.pathname;
  };
  const current = filter.asked ?? (filter.reads.length ? "mine" : "all");
  const options = [
    ...(filter.reads.length
      ? [{ key: "mine", to: href(null), label: t("contentLanguage.mine") }]
      : []),
    { key: "all", to: href(filter.reads.length ? "all" : null), label: t("contentLanguage.all") },
    ...WRITTEN_IN.map((language) => ({
      key: language,
      to: href(language),
      label: LOCALE_NAMES[language],
      lang: LOCALE_TAGS[language],
    })),
  ];
  return (
    <nav
      aria-label={t("contentLanguage.filterLabel")}
      className="flex flex-wrap items-center gap-2"
    >
      <span className="text-sm text-stone-600 dark:text-stone-400">
        {t("contentLanguage.filterLabel")}
      </span>
      {options.map((option) => (
        <Link
          key={option.key}
          to={option.to}
          lang={"lang" in option ? option.lang : undefined}
          aria-current={current === option.key ? "true" : undefined}
          className={cn(
            "rounded-full border px-3 py-1 text-sm focus-visible:outline focus-visible:outline-2 focus-visible:outline-brand-600",
            current === option.key
              ? "border-brand-700 bg-brand-700 text-white dark:border-brand-500 dark:bg-brand-600"
              : "border-stone-300 text-stone-700 hover:bg-stone-100 dark:border-stone-700 dark:text-stone-300 dark:hover:bg-stone-800",
          )}
        >
          {option.label}
        </Link>
      ))}
    </nav>
  );
}
