import { json, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { i18nFor, localeOfMatches } from "~/i18n/index.ts";
import { useFormats } from "~/i18n/use-formats.ts";
import { Badge } from "~/components/ui/badge.tsx";
import { buttonClass } from "~/components/ui/button.tsx";
import { Card } from "~/components/ui/card.tsx";
import { EmptyState } from "~/components/ui/empty-state.tsx";
import { Pagination } from "~/components/ui/pagination.tsx";
import { policy } from "~/modules/access/policy.ts";
import { listForManagers } from "~/modules/early-access/manage.server.ts";
import { getViewer, requireAllowed } from "~/utils/auth.server.ts";
import { pageParam } from "~/utils/params.ts";

export const meta: MetaFunction = ({ matches }) => [
  { title: i18nFor(localeOfMatches(matches)).t("manageEarlyAccess.metaTitle") },
];

export async function loader({ request, context }: LoaderFunctionArgs) {
  await requireAllowed(request, context, policy.manageEarlyAccess);
  const page = pageParam(new URL(request.url).searchParams.get("page"));
  return json(await listForManagers(context.db, await getViewer(request, context), { page }));
}

export default function ManageEarlyAccess() {
  const data = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  const { day } = useFormats();
  const formatDate = (value: string) => day(value);
  const kinds: Record<string, string> = {
    release: t("manageEarlyAccess.kind.release"),
    briefing: t("manageEarlyAccess.kind.briefing"),
    roadmap: t("manageEarlyAccess.kind.roadmap"),
    insider: t("manageEarlyAccess.kind.insider"),
    recording: t("manageEarlyAccess.kind.recording"),
  };
  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <p className="text-sm text-stone-600 dark:text-stone-400">
          {t("manageEarlyAccess.intro", { count: data.total })}
        </p>
        <div className="flex gap-2">
          <Link to="/manage/early-access/log" className={buttonClass("secondary", "sm")}>
            {t("manageEarlyAccess.accessLog")}
          </Link>
          <Link to="/manage/early-access/new" className={buttonClass("primary", "sm")}>
            {t("manageEarlyAccess.newItem")}
          </Link>
        </div>
      </div>
      {data.rows.length === 0 ? (
        <EmptyState
          title={t("manageEarlyAccess.empty")}
          action={
            <Link to="/manage/early-access/new" className={buttonClass("primary")}>
              {t("manageEarlyAccess.writeFirst")}
            </Link>
          }
        >
          {t("manageEarlyAccess.emptyText")}
        </EmptyState>
      ) : (
        <ul className="space-y-3">
          {data.rows.map((item) => (
            <li key={item.id}>
              <Card className="p-5">
                <div className="flex flex-col gap-3 sm:flex-row sm:items-start sm:justify-between">
                  <div className="min-w-0">
                    <div className="flex flex-wrap items-center gap-2">
                      <Badge tone="brand">{kinds[item.kind] ?? item.kindLabel}</Badge>
                      <Badge tone={item.status === "published" ? "info" : "neutral"}>
                        {item.status === "published"
                          ? t("manageEarlyAccess.published")
                          : t("manageEarlyAccess.draft")}
                      </Badge>
                      {item.requiresNda ? <Badge tone="danger">NDA</Badge> : null}
                    </div>
                    <h2 className="mt-2 font-semibold">
                      <Link to={`/manage/early-access/${item.id}`} className="hover:underline">
                        {item.title}
                      </Link>
                    </h2>
                    <p className="mt-1 text-xs text-stone-500 dark:text-stone-400">
                      {item.authorName
                        ? `${t("manageEarlyAccess.byAuthor", { name: item.authorName })} · `
                        : ""}
                      {item.publishedAt
                        ? `${t("manageEarlyAccess.publishedOn", { date: formatDate(item.publishedAt) })} · `
                        : ""}
                      <Link to={`/manage/early-access/log?item=${item.id}`} className="underline">
                        {t("manageEarlyAccess.views", { count: item.views })}
                      </Link>
                    </p>
                  </div>
                  <div className="flex shrink-0 gap-2">
                    {item.status === "published" ? (
                      <Link
                        to={`/early-access/${item.slug}`}
                        className={buttonClass("ghost", "sm")}
                      >
                        {t("manageEarlyAccess.view")}
                      </Link>
                    ) : null}
                    <Link
                      to={`/manage/early-access/${item.id}`}
                      className={buttonClass("secondary", "sm")}
                    >
                      {t("manageEarlyAccess.edit")}
                    </Link>
                  </div>
                </div>
                <ul
                  className="mt-3 flex flex-wrap gap-2 text-xs"
                  aria-label={t("manageEarlyAccess.cascade")}
                >
                  {item.cascade.map((step) => (
                    <li
                      key={step.tierName}
                      className={
                        step.open
                          ? "rounded-full bg-brand-50 px-2 py-0.5 text-brand-800 dark:bg-brand-900/40 dark:text-brand-200"
                          : "rounded-full bg-stone-100 px-2 py-0.5 text-stone-600 dark:bg-stone-800 dark:text-stone-300"
                      }
                    >
                      {t("manageEarlyAccess.opensAt", {
                        tier: step.tierName,
                        date: step.opensAt
                          ? formatDate(step.opensAt)
                          : t("manageEarlyAccess.never"),
                      })}
                      {step.open ? ` ${t("manageEarlyAccess.open")}` : ""}
                    </li>
                  ))}
                  <li
                    className={
                      item.publicOpen
                        ? "rounded-full bg-brand-50 px-2 py-0.5 text-brand-800 dark:bg-brand-900/40 dark:text-brand-200"
                        : "rounded-full bg-stone-100 px-2 py-0.5 text-stone-600 dark:bg-stone-800 dark:text-stone-300"
                    }
                  >
                    {t("manageEarlyAccess.publicAt", {
                      date: item.publicAt
                        ? formatDate(item.publicAt)
                        : t("manageEarlyAccess.never"),
                    })}
                    {item.publicOpen ? ` ${t("manageEarlyAccess.open")}` : ""}
                  </li>
                </ul>
              </Card>
            </li>
          ))}
        </ul>
      )}
      <Pagination page={data.page} pageCount={data.pageCount} />
    </div>
  );
}
