import { Link } from "@remix-run/react";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { Card } from "~/components/ui/card.tsx";

/** One card of the manager dashboard: a heading, an optional link beside it, and its content. */
export function DashboardSection({
  title,
  children,
  action,
}: {
  title: string;
  children: ReactNode;
  action?: ReactNode;
}) {
  return (
    <Card className="p-5 sm:p-6">
      <div className="mb-4 flex items-baseline justify-between gap-4">
        <h2 className="text-lg font-semibold">{title}</h2>
        {action}
      </div>
      {children}
    </Card>
  );
}

/** What waits for a manager, area by area, each a link to its queue with its count. */
export function OpenItems({
  items,
}: {
  items: { key: string; label: string; href: string; count: number }[];
}) {
  const { t } = useTranslation();
  if (items.length === 0)
    return (
      <p className="text-sm text-stone-600 dark:text-stone-400">
        {t("manageDashboard.nothingWaiting")}
      </p>
    );
  return (
    <ul className="grid gap-3 sm:grid-cols-2 lg:grid-cols-3">
      {items.map((item) => (
        <li key={item.key}>
          <Link
            to={item.href}
            className="flex items-center justify-between rounded-lg border border-stone-200 px-4 py-3 hover:bg-stone-50 dark:border-stone-800 dark:hover:bg-stone-800/60"
            data-testid={`open-${item.key}`}
          >
            <span className="text-sm font-medium">{item.label}</span>
            <span
              className={
                item.count
                  ? "rounded-full bg-amber-100 px-2.5 py-0.5 text-sm font-semibold tabular-nums text-amber-900 dark:bg-amber-900/40 dark:text-amber-100"
                  : "text-sm tabular-nums text-stone-500"
              }
            >
              {item.count}
            </span>
          </Link>
        </li>
      ))}
    </ul>
  );
}
