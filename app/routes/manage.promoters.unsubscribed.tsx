import { json, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { EmptyState } from "~/components/ui/empty-state.tsx";
import { Pagination } from "~/components/ui/pagination.tsx";
import { policy } from "~/modules/access/policy.ts";
import { SUPPRESSION_LABELS } from "~/modules/mail/kinds.ts";
import { listSuppressions, SUPPRESSIONS_PAGE_SIZE } from "~/modules/mail/suppressions.server.ts";
import { requireAllowed } from "~/utils/auth.server.ts";
import { pageParam } from "~/utils/params.ts";

export const meta: MetaFunction = () => [{ title: "Unsubscribed · Promoters · Limelight" }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const viewer = await requireAllowed(request, context, policy.managePromoters);
  const page = pageParam(new URL(request.url).searchParams.get("page"));
  const { rows, total } = await listSuppressions(context.db, viewer, page);
  return json({
    rows: rows.map((r) => ({ ...r, createdAt: r.createdAt.toISOString() })),
    total,
    page,
    pageCount: Math.max(1, Math.ceil(total / SUPPRESSIONS_PAGE_SIZE)),
  });
}

/** Addresses that unsubscribed by a link in an invitation or a survey: nothing of that kind reaches them. */
export default function UnsubscribedPage() {
  const { rows, total, page, pageCount } = useLoaderData<typeof loader>();
  return (
    <div className="space-y-6">
      <p className="text-sm">
        <Link
          to="/manage/promoters"
          className="font-medium text-brand-700 underline dark:text-brand-300"
        >
          ← Promoters
        </Link>
      </p>
      <p className="max-w-2xl text-sm text-stone-600 dark:text-stone-400">
        People who used the unsubscribe link in an invitation or a survey. Limelight skips them when
        you invite promoters or send a survey, and tells you who was skipped. {total} address
        {total === 1 ? "" : "es"} in all.
      </p>
      {rows.length === 0 ? (
        <EmptyState title="Nobody has unsubscribed">
          When someone without an account uses the unsubscribe link in an invitation or a survey,
          their address appears here.
        </EmptyState>
      ) : (
        <div className="overflow-x-auto rounded-xl border border-stone-200 bg-white dark:border-stone-800 dark:bg-stone-900">
          <table className="w-full text-left text-sm" data-testid="suppressions">
            <thead className="border-b border-stone-200 text-xs uppercase tracking-wide text-stone-500 dark:border-stone-800 dark:text-stone-400">
              <tr>
                <th scope="col" className="px-4 py-2 font-medium">
                  Address
                </th>
                <th scope="col" className="px-4 py-2 font-medium">
                  No more
                </th>
                <th scope="col" className="px-4 py-2 font-medium">
                  Since
                </th>
              </tr>
            </thead>
            <tbody className="divide-y divide-stone-100 dark:divide-stone-800">
              {rows.map((r) => (
                <tr key={`${r.email}:${r.scope}`}>
                  <td className="break-all px-4 py-2 text-stone-900 dark:text-stone-100">
                    {r.email}
                  </td>
                  <td className="px-4 py-2 text-stone-700 dark:text-stone-300">
                    {SUPPRESSION_LABELS[r.scope]}
                  </td>
                  <td className="whitespace-nowrap px-4 py-2 text-stone-600 dark:text-stone-400">
                    <time dateTime={r.createdAt}>{r.createdAt.slice(0, 10)}</time>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <Pagination page={page} pageCount={pageCount} />
    </div>
  );
}
