import { json, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { EmptyState } from "~/components/ui/empty-state.tsx";
import { Pagination } from "~/components/ui/pagination.tsx";
import { i18nFor, localeOfMatches } from "~/i18n/index.ts";
import { policy } from "~/modules/access/policy.ts";
import { listSuppressions, SUPPRESSIONS_PAGE_SIZE } from "~/modules/mail/suppressions.server.ts";
import { requireAllowed } from "~/utils/auth.server.ts";
import { pageParam } from "~/utils/params.ts";

export const meta: MetaFunction = ({ matches }) => [
  { title: i18nFor(localeOfMatches(matches)).t("promoters.unsubscribedMetaTitle") },
];

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
  const { t } = useTranslation();
  const scopes: Record<string, string> = {
    invitations: t("promoters.scopes.invitations"),
    surveys: t("promoters.scopes.surveys"),
    all: t("promoters.scopes.all"),
  };
  return (
    <div className="space-y-6">
      <p className="text-sm">
        <Link
          to="/manage/promoters"
          className="font-medium text-brand-700 underline dark:text-brand-300"
        >
          {t("promoters.back")}
        </Link>
      </p>
      <p className="max-w-2xl text-sm text-stone-600 dark:text-stone-400">
        {t("promoters.unsubscribedIntro", { total })}
      </p>
      {rows.length === 0 ? (
        <EmptyState title={t("promoters.nobodyUnsubscribed")}>
          {t("promoters.nobodyUnsubscribedBody")}
        </EmptyState>
      ) : (
        <div className="overflow-x-auto rounded-xl border border-stone-200 bg-white dark:border-stone-800 dark:bg-stone-900">
          <table className="w-full text-left text-sm" data-testid="suppressions">
            <thead className="border-b border-stone-200 text-xs uppercase tracking-wide text-stone-500 dark:border-stone-800 dark:text-stone-400">
              <tr>
                <th scope="col" className="px-4 py-2 font-medium">
                  {t("promoters.colAddress")}
                </th>
                <th scope="col" className="px-4 py-2 font-medium">
                  {t("promoters.colNoMore")}
                </th>
                <th scope="col" className="px-4 py-2 font-medium">
                  {t("promoters.colSince")}
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
                    {scopes[r.scope] ?? r.scope}
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
