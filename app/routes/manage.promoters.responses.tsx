import { json, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { Badge } from "~/components/ui/badge.tsx";
import { Button } from "~/components/ui/button.tsx";
import { Card } from "~/components/ui/card.tsx";
import { EmptyState } from "~/components/ui/empty-state.tsx";
import { SelectField, TextField } from "~/components/ui/field.tsx";
import { Pagination } from "~/components/ui/pagination.tsx";
import { policy } from "~/modules/access/policy.ts";
import type { NpsCategory } from "~/modules/promoters/nps.ts";
import { listResponses } from "~/modules/promoters/survey.server.ts";
import { requireAllowed } from "~/utils/auth.server.ts";

export const meta: MetaFunction = () => [{ title: "Survey responses · Promoters · Limelight" }];

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
      <Card className="p-4">
        <Form
          method="get"
          role="search"
          className="grid gap-4 sm:grid-cols-[2fr_1fr_auto] sm:items-end"
        >
          <TextField
            label="Search responses"
            name="q"
            type="search"
            defaultValue={data.filters.q}
            placeholder="Email, name, company or comment"
          />
          <SelectField label="Category" name="category" defaultValue={data.filters.category}>
            <option value="">All</option>
            {CATEGORIES.map((c) => (
              <option key={c} value={c}>
                {c}s
              </option>
            ))}
          </SelectField>
          <Button type="submit" variant="secondary">
            Filter
          </Button>
        </Form>
      </Card>
      {data.rows.length === 0 ? (
        <EmptyState
          title="No responses"
          action={
            <Link
              to="/manage/promoters/import"
              className="font-medium text-brand-700 underline dark:text-brand-300"
            >
              Import a survey export
            </Link>
          }
        >
          Nothing matches yet.
        </EmptyState>
      ) : (
        <Card className="overflow-x-auto">
          <table className="w-full text-left text-sm">
            <caption className="sr-only">Survey responses ({data.total})</caption>
            <thead className="border-b border-stone-200 text-xs uppercase tracking-wide text-stone-600 dark:border-stone-800 dark:text-stone-400">
              <tr>
                <th scope="col" className="px-4 py-3">
                  Person
                </th>
                <th scope="col" className="px-4 py-3">
                  Score
                </th>
                <th scope="col" className="px-4 py-3">
                  Comment
                </th>
                <th scope="col" className="px-4 py-3">
                  Responded
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
                    <Badge tone={tone[r.category]}>{r.category}</Badge>
                  </td>
                  <td className="max-w-md px-4 py-3 align-top text-stone-700 dark:text-stone-300">
                    {r.comment || "—"}
                  </td>
                  <td className="whitespace-nowrap px-4 py-3 align-top text-stone-600 dark:text-stone-400">
                    {new Date(r.responded_at).toLocaleDateString("en-GB", {
                      day: "numeric",
                      month: "short",
                      year: "numeric",
                      timeZone: "UTC",
                    })}
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
