import { json, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { money } from "~/components/promoters/referral-stage.tsx";
import { Card } from "~/components/ui/card.tsx";
import { EmptyState } from "~/components/ui/empty-state.tsx";
import { Pagination } from "~/components/ui/pagination.tsx";
import { policy } from "~/modules/access/policy.ts";
import { listAdvocateReturns } from "~/modules/promoters/dashboard.server.ts";
import { requireAllowed } from "~/utils/auth.server.ts";

export const meta: MetaFunction = () => [{ title: "Return on relationship · Manage · Limelight" }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  await requireAllowed(request, context, policy.managePromoters);
  const page = Number(new URL(request.url).searchParams.get("page") ?? "1") || 1;
  return json(await listAdvocateReturns(context.db, { page }));
}

export default function AdvocateReturns() {
  const data = useLoaderData<typeof loader>();
  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <p className="max-w-2xl text-sm text-stone-600 dark:text-stone-400">
          What each advocate gave and what it brought: references, referrals and the revenue and
          margin of the ones won, talks, stories, answers and reputation.
        </p>
        <a
          href="/manage/advocates/export"
          className="text-sm font-medium text-brand-700 underline dark:text-brand-300"
          download
        >
          Export all as CSV
        </a>
      </div>
      {data.rows.length === 0 ? (
        <EmptyState title="No advocates yet">Verified customers appear here.</EmptyState>
      ) : (
        <Card className="overflow-x-auto">
          <table className="w-full text-left text-sm">
            <caption className="sr-only">
              Return on relationship per advocate ({data.total})
            </caption>
            <thead className="border-b border-stone-200 text-xs uppercase tracking-wide text-stone-600 dark:border-stone-800 dark:text-stone-400">
              <tr>
                <th scope="col" className="px-4 py-3">
                  Advocate
                </th>
                <th scope="col" className="px-4 py-3 text-right">
                  References
                </th>
                <th scope="col" className="px-4 py-3 text-right">
                  Referrals (won)
                </th>
                <th scope="col" className="px-4 py-3 text-right">
                  Revenue
                </th>
                <th scope="col" className="px-4 py-3 text-right">
                  Margin
                </th>
                <th scope="col" className="px-4 py-3 text-right">
                  Talks
                </th>
                <th scope="col" className="px-4 py-3 text-right">
                  Stories
                </th>
                <th scope="col" className="px-4 py-3 text-right">
                  Answers
                </th>
                <th scope="col" className="px-4 py-3 text-right">
                  Reputation
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
                  <td className="px-4 py-3 text-right">{r.reputation.toLocaleString("en-GB")}</td>
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
