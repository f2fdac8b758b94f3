import { json, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { useDateTime } from "~/components/manage/formats.ts";
import { i18nFor, localeOfMatches } from "~/i18n/index.ts";
import { Badge } from "~/components/ui/badge.tsx";
import { Card } from "~/components/ui/card.tsx";
import { EmptyState } from "~/components/ui/empty-state.tsx";
import { Pagination } from "~/components/ui/pagination.tsx";
import { policy } from "~/modules/access/policy.ts";
import { accessLog } from "~/modules/early-access/access-log.server.ts";
import { getViewer, requireAllowed } from "~/utils/auth.server.ts";
import { pageParam, parseId } from "~/utils/params.ts";

export const meta: MetaFunction = ({ matches }) => [
  { title: i18nFor(localeOfMatches(matches)).t("manageEarlyAccess.logMetaTitle") },
];

export async function loader({ request, context }: LoaderFunctionArgs) {
  await requireAllowed(request, context, policy.readEarlyAccessLog);
  const url = new URL(request.url);
  const page = pageParam(url.searchParams.get("page"));
  const itemId = parseId(url.searchParams.get("item")) ?? undefined;
  const log = await accessLog(context.db, await getViewer(request, context), { itemId, page });
  return json({ ...log, itemId: itemId ?? null });
}

export default function EarlyAccessLog() {
  const data = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  const formatDateTime = useDateTime();
  const VIA: Record<string, string> = {
    tier: t("manageEarlyAccess.via.tier"),
    public: t("manageEarlyAccess.via.public"),
    staff: t("manageEarlyAccess.via.staff"),
  };
  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h2 className="text-lg font-semibold">
          {data.itemId ? t("manageEarlyAccess.logHeadingItem") : t("manageEarlyAccess.logHeading")}
        </h2>
        <div className="flex gap-4 text-sm">
          {data.itemId ? (
            <Link to="/manage/early-access/log" className="font-medium underline">
              {t("manageEarlyAccess.allItems")}
            </Link>
          ) : null}
          <Link to="/manage/early-access" className="font-medium underline">
            {t("manageEarlyAccess.back")}
          </Link>
        </div>
      </div>
      {data.rows.length === 0 ? (
        <EmptyState title={t("manageEarlyAccess.logEmpty")}>
          {t("manageEarlyAccess.logEmptyText")}
        </EmptyState>
      ) : (
        <Card className="overflow-x-auto">
          <table className="w-full text-left text-sm">
            <caption className="sr-only">
              {t("manageEarlyAccess.logCaption", { total: data.total })}
            </caption>
            <thead className="border-b border-stone-200 text-xs uppercase tracking-wide text-stone-600 dark:border-stone-800 dark:text-stone-400">
              <tr>
                <th scope="col" className="px-4 py-3">
                  {t("manageEarlyAccess.who")}
                </th>
                <th scope="col" className="px-4 py-3">
                  {t("manageEarlyAccess.itemColumn")}
                </th>
                <th scope="col" className="px-4 py-3">
                  {t("manageEarlyAccess.access")}
                </th>
                <th scope="col" className="px-4 py-3">
                  {t("manageEarlyAccess.when")}
                </th>
              </tr>
            </thead>
            <tbody className="divide-y divide-stone-200 dark:divide-stone-800">
              {data.rows.map((row) => (
                <tr key={row.id}>
                  <td className="px-4 py-3">
                    <Link to={`/u/${row.handle}`} className="font-medium hover:underline">
                      {row.display_name}
                    </Link>
                  </td>
                  <td className="px-4 py-3">
                    <Link to={`/manage/early-access/${row.item_id}`} className="hover:underline">
                      {row.title}
                    </Link>
                  </td>
                  <td className="px-4 py-3">
                    <Badge tone={row.via === "tier" ? "spot" : "neutral"}>{VIA[row.via]}</Badge>
                  </td>
                  <td className="whitespace-nowrap px-4 py-3 text-stone-600 dark:text-stone-400">
                    {formatDateTime(row.created_at)}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </Card>
      )}
      <Pagination page={data.page} pageCount={data.pageCount} />
    </div>
  );
}
