import { json, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { AuditEntry } from "~/components/audit/audit-entry.tsx";
import { AuditFilterForm } from "~/components/audit/audit-filters.tsx";
import { Card } from "~/components/ui/card.tsx";
import { EmptyState } from "~/components/ui/empty-state.tsx";
import { Pagination } from "~/components/ui/pagination.tsx";
import { i18nFor, localeOfMatches } from "~/i18n/index.ts";
import { auditFilters, auditPage, auditVocabulary } from "~/modules/audit/log.server.ts";
import { requireAllowed } from "~/utils/auth.server.ts";
import { pageParam } from "~/utils/params.ts";

export const meta: MetaFunction = ({ matches }) => [
  { title: i18nFor(localeOfMatches(matches)).t("audit.metaTitle") },
];

export async function loader({ request, context }: LoaderFunctionArgs) {
  await requireAllowed(request, context, "readAuditLog");
  const url = new URL(request.url);
  const filters = auditFilters(url.searchParams);
  const [page, vocabulary] = await Promise.all([
    auditPage(context.db, filters, pageParam(url.searchParams.get("page"))),
    auditVocabulary(context.db),
  ]);
  const exportParams = new URLSearchParams(url.search);
  exportParams.delete("page");
  const query = exportParams.toString();
  return json({
    ...page,
    ...vocabulary,
    filters,
    filtered: Object.values(filters).some(Boolean),
    exportHref: `/manage/audit/export${query ? `?${query}` : ""}`,
  });
}

export default function AuditLog() {
  const data = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  return (
    <div className="space-y-6">
      <AuditFilterForm
        filters={data.filters}
        actions={data.actions}
        types={data.types}
        exportHref={data.exportHref}
      />
      {data.rows.length === 0 ? (
        data.filtered ? (
          <EmptyState title={t("audit.noMatchTitle")}>{t("audit.noMatchBody")}</EmptyState>
        ) : (
          <EmptyState title={t("audit.emptyTitle")}>{t("audit.emptyBody")}</EmptyState>
        )
      ) : (
        <>
          <p className="text-sm text-stone-600 dark:text-stone-400" data-testid="audit-total">
            {t("audit.total", { count: data.total })}
          </p>
          <Card>
            <ol className="divide-y divide-stone-200 dark:divide-stone-800">
              {data.rows.map((e) => (
                <AuditEntry key={e.id} entry={e} />
              ))}
            </ol>
          </Card>
          <Pagination page={data.page} pageCount={data.pageCount} />
        </>
      )}
    </div>
  );
}
