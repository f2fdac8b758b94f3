import { json, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { Badge } from "~/components/ui/badge.tsx";
import { Button } from "~/components/ui/button.tsx";
import { Card } from "~/components/ui/card.tsx";
import { EmptyState } from "~/components/ui/empty-state.tsx";
import { SelectField, TextField } from "~/components/ui/field.tsx";
import { Pagination } from "~/components/ui/pagination.tsx";
import { i18nFor, localeOfMatches } from "~/i18n/index.ts";
import { useFormats } from "~/i18n/use-formats.ts";
import { policy } from "~/modules/access/policy.ts";
import type { NpsCategory } from "~/modules/promoters/nps.ts";
import { listResponses } from "~/modules/promoters/survey.server.ts";
import { requireAllowed } from "~/utils/auth.server.ts";

export const meta: MetaFunction = ({ matches }) => [
  { title: i18nFor(localeOfMatches(matches)).t("promoters.responsesMetaTitle") },
];

const CATEGORIES: NpsCategory[] = ["promoter", "passive", "detractor"];

export async function loader({ request, context }: LoaderFunctionArgs) {
  await requireAllowed(request, context, policy.managePromoters);
  const url = new URL(request.url);
  const c = url.searchParams.get("category") ?? "";
  const category = (CATEGORIES as string[]).includes(c) ? (c as NpsCategory) : undefined;
  const q = url.searchParams.get("q")?.slice(0, 100) ?? "";
  const page = Number(url.searchParams.get("page") ?? "1") || 1;
  const result = await listResponses(context.db, { category, q, page });
  return json({ ...result, filters: { category: category ?? "", q } });
}

const tone = { promoter: "brand", passive: "neutral", detractor: "danger" } as const;

export default function Responses() {
  const data = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  const formats = useFormats();
  const plural = {
    promoter: t("promoters.categories.promoter"),
    passive: t("promoters.categories.passive"),
    detractor: t("promoters.categories.detractor"),
  };
  const single = {
    promoter: t("promoters.category1.promoter"),
    passive: t("promoters.category1.passive"),
    detractor: t("promoters.category1.detractor"),
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
      <Card className="p-4">
        <Form
          method="get"
          role="search"
          className="grid gap-4 sm:grid-cols-[2fr_1fr_auto] sm:items-end"
        >
          <TextField
            label={t("promoters.search")}
            name="q"
            type="search"
            defaultValue={data.filters.q}
            placeholder={t("promoters.searchPlaceholder")}
          />
          <SelectField
            label={t("promoters.category")}
            name="category"
            defaultValue={data.filters.category}
          >
            <option value="">{t("promoters.all")}</option>
            {CATEGORIES.map((c) => (
              <option key={c} value={c}>
                {plural[c]}
              </option>
            ))}
          </SelectField>
          <Button type="submit" variant="secondary">
            {t("promoters.filter")}
          </Button>
        </Form>
      </Card>
      {data.rows.length === 0 ? (
        <EmptyState
          title={t("promoters.noResponsesTitle")}
          action={
            <Link
              to="/manage/promoters/import"
              className="font-medium text-brand-700 underline dark:text-brand-300"
            >
              {t("promoters.importExport")}
            </Link>
          }
        >
          {t("promoters.nothingMatches")}
        </EmptyState>
      ) : (
        <Card className="overflow-x-auto">
          <table className="w-full text-left text-sm">
            <caption className="sr-only">
              {t("promoters.responsesCaption", { total: data.total })}
            </caption>
            <thead className="border-b border-stone-200 text-xs uppercase tracking-wide text-stone-600 dark:border-stone-800 dark:text-stone-400">
              <tr>
                <th scope="col" className="px-4 py-3">
                  {t("promoters.colPerson")}
                </th>
                <th scope="col" className="px-4 py-3">
                  {t("promoters.colScore")}
                </th>
                <th scope="col" className="px-4 py-3">
                  {t("promoters.colComment")}
                </th>
                <th scope="col" className="px-4 py-3">
                  {t("promoters.colResponded")}
                </th>
              </tr>
            </thead>
            <tbody className="divide-y divide-stone-200 dark:divide-stone-800">
              {data.rows.map((r) => (
                <tr key={r.id}>
                  <td className="px-4 py-3 align-top">
                    <div className="font-medium">{r.name || r.email}</div>
                    <div className="text-stone-600 dark:text-stone-400">
                      {r.email}
                      {r.company ? ` · ${r.company}` : ""}
                    </div>
                  </td>
                  <td className="px-4 py-3 align-top">
                    <span className="mr-2 font-semibold tabular-nums">{r.score}</span>
                    <Badge tone={tone[r.category]}>{single[r.category]}</Badge>
                  </td>
                  <td className="max-w-md px-4 py-3 align-top text-stone-700 dark:text-stone-300">
                    {r.comment || "—"}
                  </td>
                  <td className="whitespace-nowrap px-4 py-3 align-top text-stone-600 dark:text-stone-400">
                    {formats.day(r.responded_at)}
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
