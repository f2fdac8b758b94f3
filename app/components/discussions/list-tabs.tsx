import { Link, useLocation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { cn } from "~/utils/cn.ts";

export const LIST_TABS = [
  { tab: "latest" },
  { tab: "top" },
  { tab: "unanswered" },
  { tab: "solved" },
] as const;

const PERIODS = [{ period: "week" }, { period: "month" }, { period: "all" }] as const;

/** Tabs that are query parameters of the same list (each with its own URL). */
export function ListTabs({ tab, period }: { tab: string; period: string }) {
  const { pathname } = useLocation();
  const { t } = useTranslation();
  const tabLabels: Record<(typeof LIST_TABS)[number]["tab"], string> = {
    latest: t("discussions.tabs.latest"),
    top: t("discussions.tabs.top"),
    unanswered: t("discussions.tabs.unanswered"),
    solved: t("discussions.tabs.solved"),
  };
  const periodLabels: Record<(typeof PERIODS)[number]["period"], string> = {
    week: t("discussions.periods.week"),
    month: t("discussions.periods.month"),
    all: t("discussions.periods.all"),
  };
  const href = (params: Record<string, string>) => {
    const search = new URLSearchParams(params);
    const qs = search.toString();
    return `${pathname}${qs ? `?${qs}` : ""}`;
  };
  return (
    <div className="space-y-3">
      <nav
        aria-label={t("discussions.tabs.label")}
        className="border-b border-stone-200 dark:border-stone-800"
      >
        <ul className="-mb-px flex gap-4 overflow-x-auto">
          {LIST_TABS.map((item) => {
            const active = item.tab === tab;
            return (
              <li key={item.tab}>
                <Link
                  to={href(item.tab === "latest" ? {} : { tab: item.tab })}
                  aria-current={active ? "page" : undefined}
                  className={cn(
                    "inline-block whitespace-nowrap border-b-2 px-1 py-3 text-sm font-medium",
                    active
                      ? "border-brand-600 text-brand-800 dark:text-brand-300"
                      : "border-transparent text-stone-600 hover:border-stone-300 hover:text-stone-900 dark:text-stone-400 dark:hover:text-stone-100",
                  )}
                >
                  {tabLabels[item.tab]}
                </Link>
              </li>
            );
          })}
        </ul>
      </nav>
      {tab === "top" ? (
        <nav aria-label={t("discussions.periods.label")} className="flex flex-wrap gap-2">
          {PERIODS.map((p) => {
            const active = p.period === period;
            return (
              <Link
                key={p.period}
                to={href({ tab: "top", ...(p.period === "week" ? {} : { period: p.period }) })}
                aria-current={active ? "page" : undefined}
                className={cn(
                  "rounded-full px-3 py-1 text-xs font-medium ring-1 ring-inset",
                  active
                    ? "bg-brand-50 text-brand-800 ring-brand-300 dark:bg-brand-900/40 dark:text-brand-200 dark:ring-brand-700"
                    : "text-stone-700 ring-stone-300 hover:bg-stone-100 dark:text-stone-300 dark:ring-stone-700 dark:hover:bg-stone-800",
                )}
              >
                {periodLabels[p.period]}
              </Link>
            );
          })}
        </nav>
      ) : null}
    </div>
  );
}
