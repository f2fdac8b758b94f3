import { json, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { around, SLOT } from "~/components/admin/locale.ts";
import { Stat } from "~/components/promoters/charts.tsx";
import { Card } from "~/components/ui/card.tsx";
import { EmptyState } from "~/components/ui/empty-state.tsx";
import { Pagination } from "~/components/ui/pagination.tsx";
import { i18nFor, localeOfMatches } from "~/i18n/index.ts";
import { policy } from "~/modules/access/policy.ts";
import { linkFiguresByAdvocate } from "~/modules/promoters/referral-links.server.ts";
import { getViewer, requireAllowed } from "~/utils/auth.server.ts";

export const meta: MetaFunction = ({ matches }) => [
  { title: i18nFor(localeOfMatches(matches)).t("manageReferrals.linksMetaTitle") },
];

export async function loader({ request, context }: LoaderFunctionArgs) {
  await requireAllowed(request, context, policy.manageReferrals);
  const viewer = await getViewer(request, context);
  const page = Number(new URL(request.url).searchParams.get("page") ?? "1") || 1;
  return json(await linkFiguresByAdvocate(context.db, viewer, { page }));
}

const linkClass = "font-medium text-brand-700 underline dark:text-brand-300";
const rate = (conversions: number, clicks: number) =>
  clicks ? `${Math.round((conversions / clicks) * 100)} %` : "—";

/** Clicks and conversions of each advocate's personal referral links. */
export default function ReferralLinkFigures() {
  const data = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  const [before, after] = around(t("manageReferrals.linksIntro", { link: SLOT }));
  return (
    <div className="space-y-6">
      <p className="max-w-2xl text-sm text-stone-600 dark:text-stone-400">
        {before}
        <Link to="/referral-links" className={linkClass}>
          {t("manageReferrals.linksHow")}
        </Link>
        {after}
      </p>
      <dl className="grid grid-cols-3 gap-3 sm:gap-4">
        <Stat
          label={t("manageReferrals.statAdvocates")}
          value={data.total}
          hint={t("manageReferrals.holdingLinks")}
          testId="links-advocates"
        />
        <Stat
          label={t("manageReferrals.clicks")}
          value={data.totals.clicks}
          testId="links-clicks"
        />
        <Stat
          label={t("manageReferrals.conversions")}
          value={data.totals.conversions}
          hint={
            data.totals.clicks
              ? t("manageReferrals.ofClicks", {
                  rate: rate(data.totals.conversions, data.totals.clicks),
                })
              : undefined
          }
          testId="links-conversions"
        />
      </dl>
      {data.rows.length === 0 ? (
        <EmptyState
          title={t("manageReferrals.linksNoneTitle")}
          action={
            <Link to="/manage/referrals" className={linkClass}>
              {t("manageReferrals.seePipeline")}
            </Link>
          }
        >
          {t("manageReferrals.linksNoneBody")}
        </EmptyState>
      ) : (
        <Card className="overflow-x-auto">
          <table className="w-full text-left text-sm">
            <caption className="sr-only">
              {t("manageReferrals.linksCaption", { total: data.total })}
            </caption>
            <thead className="border-b border-stone-200 text-xs uppercase tracking-wide text-stone-600 dark:border-stone-800 dark:text-stone-400">
              <tr>
                <th scope="col" className="px-4 py-3">
                  {t("manageReferrals.colAdvocate")}
                </th>
                <th scope="col" className="px-4 py-3 text-right">
                  {t("manageReferrals.clicks")}
                </th>
                <th scope="col" className="px-4 py-3 text-right">
                  {t("manageReferrals.conversions")}
                </th>
                <th scope="col" className="hidden px-4 py-3 text-right sm:table-cell">
                  {t("manageReferrals.colRate")}
                </th>
              </tr>
            </thead>
            <tbody className="divide-y divide-stone-200 dark:divide-stone-800">
              {data.rows.map((a) => (
                <tr key={a.id} data-testid={`link-figures-${a.handle}`}>
                  <th scope="row" className="px-4 py-3 font-normal">
                    <Link to={`/manage/advocates/${a.handle}`} className={linkClass}>
                      {a.display_name}
                    </Link>
                    <span className="block text-xs text-stone-500 dark:text-stone-400">
                      @{a.handle}
                    </span>
                  </th>
                  <td className="px-4 py-3 text-right tabular-nums" data-testid="clicks">
                    {a.clicks}
                  </td>
                  <td className="px-4 py-3 text-right tabular-nums" data-testid="conversions">
                    {a.conversions}
                  </td>
                  <td className="hidden px-4 py-3 text-right tabular-nums text-stone-600 sm:table-cell dark:text-stone-400">
                    {rate(a.conversions, a.clicks)}
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
