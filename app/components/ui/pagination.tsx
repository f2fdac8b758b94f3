import { Link, useLocation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { cn } from "~/utils/cn.ts";

/**
 * Previous / next links that keep the other query parameters. At either end
 * the control is plain text, so nobody tabs to a link that leads nowhere.
 */
export function Pagination({ page, pageCount }: { page: number; pageCount: number }) {
  const location = useLocation();
  const { t } = useTranslation();
  if (pageCount <= 1) return null;
  const href = (p: number) => {
    const params = new URLSearchParams(location.search);
    if (p === 1) params.delete("page");
    else params.set("page", String(p));
    const qs = params.toString();
    return `${location.pathname}${qs ? `?${qs}` : ""}`;
  };
  const linkClass = (disabled: boolean) =>
    cn(
      "rounded-lg border px-3 py-1.5 text-sm font-medium",
      disabled
        ? "pointer-events-none border-stone-200 text-stone-400 dark:border-stone-800 dark:text-stone-600"
        : "border-stone-300 bg-white text-stone-800 hover:bg-stone-100 dark:border-stone-700 dark:bg-stone-900 dark:text-stone-100",
    );
  return (
    <nav aria-label={t("ui.pagination")} className="mt-8 flex items-center justify-between gap-4">
      {page <= 1 ? (
        <span className={linkClass(true)} aria-disabled="true">
          {t("ui.previous")}
        </span>
      ) : (
        <Link to={href(page - 1)} className={linkClass(false)} rel="prev">
          {t("ui.previous")}
        </Link>
      )}
      <p className="text-sm text-stone-600 dark:text-stone-400">
        {t("ui.pageOf", { page, pageCount })}
      </p>
      {page >= pageCount ? (
        <span className={linkClass(true)} aria-disabled="true">
          {t("ui.next")}
        </span>
      ) : (
        <Link to={href(page + 1)} className={linkClass(false)} rel="next">
          {t("ui.next")}
        </Link>
      )}
    </nav>
  );
}
