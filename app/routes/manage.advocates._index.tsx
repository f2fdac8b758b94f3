import { json, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { useMoney } from "~/components/manage/formats.ts";
import { Card } from "~/components/ui/card.tsx";
import { EmptyState } from "~/components/ui/empty-state.tsx";
import { Pagination } from "~/components/ui/pagination.tsx";
import { policy } from "~/modules/access/policy.ts";
import { listAdvocateReturns } from "~/modules/promoters/dashboard.server.ts";
import { requireAllowed } from "~/utils/auth.server.ts";
import { i18nFor, localeOfMatches } from "~/i18n/index.ts";
import { useFormats } from "~/i18n/use-formats.ts";

export const meta: MetaFunction = ({ matches }) => [
  { title: i18nFor(localeOfMatches(matches)).t("manageAdvocates.metaTitle") },
];

export async function loader({ request, context }: LoaderFunctionArgs) {
  await requireAllowed(request, context, policy.managePromoters);
  const page = Number(new URL(request.url).searchParams.get("page") ?? "1") || 1;
  return json(await listAdvocateReturns(context.db, { page }));
}

export default function AdvocateReturns() {
  const data = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  const { count } = useFormats();
  const money = useMoney();
  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <p className="max-w-2xl text-sm text-stone-600 dark:text-stone-400">
          {t("manageAdvocates.intro")}
        </p>
        <a
          href="/manage/advocates/export"
          className="text-sm font-medium text-brand-700 underline dark:text-brand-300"
          download
        >
          {t("manageAdvocates.exportAll")}
        </a>
      </div>
      {data.rows.length === 0 ? (
        <EmptyState title={t("manageAdvocates.empty")}>{t("manageAdvocates.emptyText")}</EmptyState>
      ) : (
        <Card className="overflow-x-auto">
          <table className="w-full text-left text-sm">
            <caption className="sr-only">
              {t("manageAdvocates.caption", { total: data.total })}
            </caption>
            <thead className="border-b border-stone-200 text-xs uppercase tracking-wide text-stone-600 dark:border-stone-800 dark:text-stone-400">
              <tr>
                <th scope="col" className="px-4 py-3">
                  {t("manageAdvocates.advocate")}
                </th>
                <th scope="col" className="px-4 py-3 text-right">
                  {t("manageAdvocates.references")}
                </th>
                <th scope="col" className="px-4 py-3 text-right">
                  {t("manageAdvocates.referralsWon")}
                </th>
                <th scope="col" className="px-4 py-3 text-right">
                  {t("manageAdvocates.revenue")}
                </th>
                <th scope="col" className="px-4 py-3 text-right">
                  {t("manageAdvocates.margin")}
                </th>
                <th scope="col" className="px-4 py-3 text-right">
                  {t("manageAdvocates.talks")}
                </th>
                <th scope="col" className="px-4 py-3 text-right">
                  {t("manageAdvocates.stories")}
                </th>
                <th scope="col" className="px-4 py-3 text-right">
                  {t("manageAdvocates.answers")}
                </th>
                <th scope="col" className="px-4 py-3 text-right">
                  {t("manageAdvocates.reputation")}
                </th>
              </tr>
            </thead>
            <tbody className="divide-y divide-stone-200 tabular-nums dark:divide-stone-800">
              {data.rows.map((r) => (
                <tr key={r.id} data-testid={`ror-${r.handle}`}>
                  <td className="px-4 py-3">
                    <Link
                      to={`/manage/advocates/${r.handle}`}
                      className="font-medium hover:underline"
                    >
                      {r.display_name}
                    </Link>
                    <div className="text-stone-600 dark:text-stone-400">{r.company}</div>
                  </td>
                  <td className="px-4 py-3 text-right">{r.references_completed}</td>
                  <td className="px-4 py-3 text-right">
                    {r.referrals} ({r.referrals_won})
                  </td>
                  <td className="px-4 py-3 text-right">{money(r.revenue_cents)}</td>
                  <td className="px-4 py-3 text-right">{money(r.margin_cents)}</td>
                  <td className="px-4 py-3 text-right">{r.talks}</td>
                  <td className="px-4 py-3 text-right">{r.stories}</td>
                  <td className="px-4 py-3 text-right">{r.answers}</td>
                  <td className="px-4 py-3 text-right">{count(r.reputation)}</td>
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
