import { json, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { Stat } from "~/components/promoters/charts.tsx";
import { Card } from "~/components/ui/card.tsx";
import { EmptyState } from "~/components/ui/empty-state.tsx";
import { Pagination } from "~/components/ui/pagination.tsx";
import { policy } from "~/modules/access/policy.ts";
import { linkFiguresByAdvocate } from "~/modules/promoters/referral-links.server.ts";
import { getViewer, requireAllowed } from "~/utils/auth.server.ts";

export const meta: MetaFunction = () => [{ title: "Referral links · Manage · Limelight" }];

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
  return (
    <div className="space-y-6">
      <p className="max-w-2xl text-sm text-stone-600 dark:text-stone-400">
        Advocates share personal links to their profile, stories and talks. A click is a visit
        through one; a conversion is a conversation that visitor asked for, or a referral of them,
        afterwards. Attribution is first-party, with one cookie of this site and no tracker:{" "}
        <Link to="/referral-links" className={linkClass}>
          how referral links work
        </Link>
        .
      </p>
      <dl className="grid grid-cols-3 gap-3 sm:gap-4">
        <Stat label="Advocates" value={data.total} hint="holding links" testId="links-advocates" />
        <Stat label="Clicks" value={data.totals.clicks} testId="links-clicks" />
        <Stat
          label="Conversions"
          value={data.totals.conversions}
          hint={
            data.totals.clicks
              ? `${rate(data.totals.conversions, data.totals.clicks)} of clicks`
              : undefined
          }
          testId="links-conversions"
        />
      </dl>
      {data.rows.length === 0 ? (
        <EmptyState
          title="No referral links yet"
          action={
            <Link to="/manage/referrals" className={linkClass}>
              See the referral pipeline
            </Link>
          }
        >
          Advocates make their links under Settings, Referral links. Their clicks and conversions
          appear here once they do.
        </EmptyState>
      ) : (
        <Card className="overflow-x-auto">
          <table className="w-full text-left text-sm">
            <caption className="sr-only">
              Referral-link figures per advocate ({data.total}), most clicked first
            </caption>
            <thead className="border-b border-stone-200 text-xs uppercase tracking-wide text-stone-600 dark:border-stone-800 dark:text-stone-400">
              <tr>
                <th scope="col" className="px-4 py-3">
                  Advocate
                </th>
                <th scope="col" className="px-4 py-3 text-right">
                  Clicks
                </th>
                <th scope="col" className="px-4 py-3 text-right">
                  Conversions
                </th>
                <th scope="col" className="hidden px-4 py-3 text-right sm:table-cell">
                  Rate
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
