import { Form, Link, NavLink } from "@remix-run/react";
import type { TFunction } from "i18next";
import { useTranslation } from "react-i18next";
import { Badge } from "~/components/ui/badge.tsx";
import { Card } from "~/components/ui/card.tsx";
import { cn } from "~/utils/cn.ts";

export interface SidebarSpace {
  slug: string;
  name: string;
  colour: string;
  visibility: "public" | "members" | "tier";
  threadCount: number;
}

export function visibilityLabel(
  visibility: SidebarSpace["visibility"],
  t: TFunction,
): string | null {
  if (visibility === "members") return t("discussions.sidebar.members");
  if (visibility === "tier") return t("discussions.sidebar.mvp");
  return null;
}

/** Search, the spaces this person can read, and popular tags. */
export function DiscussionSidebar({
  spaces,
  tags,
  q = "",
}: {
  spaces: SidebarSpace[];
  tags: { tag: string; count: number }[];
  q?: string;
}) {
  const { t } = useTranslation();
  return (
    <aside className="space-y-6">
      <Form method="get" action="/search" role="search">
        <label htmlFor="discussion-search" className="sr-only">
          {t("discussions.sidebar.searchLabel")}
        </label>
        <input
          id="discussion-search"
          name="q"
          type="search"
          defaultValue={q}
          placeholder={t("discussions.sidebar.searchPlaceholder")}
          className="block w-full rounded-lg border border-stone-300 bg-white px-3 py-2 text-sm text-stone-900 shadow-sm placeholder:text-stone-500 focus:border-brand-600 focus:outline-none focus:ring-2 focus:ring-brand-600/30 dark:border-stone-700 dark:bg-stone-900 dark:text-stone-100"
        />
      </Form>
      <Card className="p-4">
        <h2 className="px-2 text-xs font-semibold uppercase tracking-wide text-stone-600 dark:text-stone-400">
          {t("discussions.sidebar.spaces")}
        </h2>
        <ul className="mt-2 space-y-0.5">
          <li>
            <NavLink
              to="/discussions"
              end
              className={({ isActive }) =>
                cn(
                  "flex items-center justify-between rounded-lg px-2 py-1.5 text-sm",
                  isActive
                    ? "bg-brand-50 font-medium text-brand-800 dark:bg-brand-900/40 dark:text-brand-200"
                    : "text-stone-700 hover:bg-stone-100 dark:text-stone-300 dark:hover:bg-stone-800",
                )
              }
            >
              {t("discussions.sidebar.all")}
            </NavLink>
          </li>
          {spaces.map((space) => (
            <li key={space.slug}>
              <NavLink
                to={`/s/${space.slug}`}
                className={({ isActive }) =>
                  cn(
                    "flex items-center gap-2 rounded-lg px-2 py-1.5 text-sm",
                    isActive
                      ? "bg-brand-50 font-medium text-brand-800 dark:bg-brand-900/40 dark:text-brand-200"
                      : "text-stone-700 hover:bg-stone-100 dark:text-stone-300 dark:hover:bg-stone-800",
                  )
                }
              >
                <span
                  aria-hidden="true"
                  className="h-2.5 w-2.5 shrink-0 rounded-sm"
                  style={{ backgroundColor: space.colour }}
                />
                <span className="flex-1 truncate">{space.name}</span>
                {visibilityLabel(space.visibility, t) ? (
                  <Badge tone={space.visibility === "tier" ? "spot" : "info"} className="px-1.5">
                    {visibilityLabel(space.visibility, t)}
                  </Badge>
                ) : null}
                <span className="text-xs text-stone-500 dark:text-stone-400">
                  {space.threadCount}
                </span>
              </NavLink>
            </li>
          ))}
        </ul>
      </Card>
      {tags.length ? (
        <Card className="p-4">
          <h2 className="text-xs font-semibold uppercase tracking-wide text-stone-600 dark:text-stone-400">
            {t("discussions.sidebar.popularTags")}
          </h2>
          <ul className="mt-3 flex flex-wrap gap-1.5">
            {tags.map((tag) => (
              <li key={tag.tag}>
                <Link
                  to={`/tags/${encodeURIComponent(tag.tag)}`}
                  className="inline-flex items-center gap-1 rounded bg-stone-100 px-2 py-1 text-xs font-medium text-stone-700 hover:bg-stone-200 dark:bg-stone-800 dark:text-stone-300 dark:hover:bg-stone-700"
                >
                  {`#${tag.tag}`}
                  <span className="text-stone-500 dark:text-stone-400">{tag.count}</span>
                </Link>
              </li>
            ))}
          </ul>
        </Card>
      ) : null}
    </aside>
  );
}
