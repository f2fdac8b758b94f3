import { json, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { formatDate } from "~/components/tiers/format.ts";
import { Badge } from "~/components/ui/badge.tsx";
import { buttonClass } from "~/components/ui/button.tsx";
import { Card } from "~/components/ui/card.tsx";
import { EmptyState } from "~/components/ui/empty-state.tsx";
import { Pagination } from "~/components/ui/pagination.tsx";
import { policy } from "~/modules/access/policy.ts";
import { listForManagers } from "~/modules/early-access/manage.server.ts";
import { getViewer, requireAllowed } from "~/utils/auth.server.ts";
import { pageParam } from "~/utils/params.ts";

export const meta: MetaFunction = () => [{ title: "Early access · Manage · Limelight" }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  await requireAllowed(request, context, policy.manageEarlyAccess);
  const page = pageParam(new URL(request.url).searchParams.get("page"));
  return json(await listForManagers(context.db, await getViewer(request, context), { page }));
}

export default function ManageEarlyAccess() {
  const data = useLoaderData<typeof loader>();
  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <p className="text-sm text-stone-600 dark:text-stone-400">
          {data.total} {data.total === 1 ? "item" : "items"}. Each opens tier by tier; the check is
          made whenever someone reads, so dates and new awards apply without a deploy.
        </p>
        <div className="flex gap-2">
          <Link to="/manage/early-access/log" className={buttonClass("secondary", "sm")}>
            Access log
          </Link>
          <Link to="/manage/early-access/new" className={buttonClass("primary", "sm")}>
            New item
          </Link>
        </div>
      </div>
      {data.rows.length === 0 ? (
        <EmptyState
          title="No early-access content yet"
          action={
            <Link to="/manage/early-access/new" className={buttonClass("primary")}>
              Write the first item
            </Link>
          }
        >
          Share an early release, a roadmap briefing or a recording with your top tiers first.
        </EmptyState>
      ) : (
        <ul className="space-y-3">
          {data.rows.map((item) => (
            <li key={item.id}>
              <Card className="p-5">
                <div className="flex flex-col gap-3 sm:flex-row sm:items-start sm:justify-between">
                  <div className="min-w-0">
                    <div className="flex flex-wrap items-center gap-2">
                      <Badge tone="brand">{item.kindLabel}</Badge>
                      <Badge tone={item.status === "published" ? "info" : "neutral"}>
                        {item.status === "published" ? "Published" : "Draft"}
                      </Badge>
                      {item.requiresNda ? <Badge tone="danger">NDA</Badge> : null}
                    </div>
                    <h2 className="mt-2 font-semibold">
                      <Link to={`/manage/early-access/${item.id}`} className="hover:underline">
                        {item.title}
                      </Link>
                    </h2>
                    <p className="mt-1 text-xs text-stone-500 dark:text-stone-400">
                      {item.authorName ? `By ${item.authorName} · ` : ""}
                      {item.publishedAt ? `published ${formatDate(item.publishedAt)} · ` : ""}
                      <Link to={`/manage/early-access/log?item=${item.id}`} className="underline">
                        {item.views} {item.views === 1 ? "view" : "views"}
                      </Link>
                    </p>
                  </div>
                  <div className="flex shrink-0 gap-2">
                    {item.status === "published" ? (
                      <Link
                        to={`/early-access/${item.slug}`}
                        className={buttonClass("ghost", "sm")}
                      >
                        View
                      </Link>
                    ) : null}
                    <Link
                      to={`/manage/early-access/${item.id}`}
                      className={buttonClass("secondary", "sm")}
                    >
                      Edit
                    </Link>
                  </div>
                </div>
                <ul className="mt-3 flex flex-wrap gap-2 text-xs" aria-label="Release cascade">
                  {item.cascade.map((step) => (
                    <li
                      key={step.tierName}
                      className={
                        step.open
                          ? "rounded-full bg-brand-50 px-2 py-0.5 text-brand-800 dark:bg-brand-900/40 dark:text-brand-200"
                          : "rounded-full bg-stone-100 px-2 py-0.5 text-stone-600 dark:bg-stone-800 dark:text-stone-300"
                      }
                    >
                      {step.tierName}: {step.opensAt ? formatDate(step.opensAt) : "never"}
                      {step.open ? " (open)" : ""}
                    </li>
                  ))}
                  <li
                    className={
                      item.publicOpen
                        ? "rounded-full bg-brand-50 px-2 py-0.5 text-brand-800 dark:bg-brand-900/40 dark:text-brand-200"
                        : "rounded-full bg-stone-100 px-2 py-0.5 text-stone-600 dark:bg-stone-800 dark:text-stone-300"
                    }
                  >
                    Public: {item.publicAt ? formatDate(item.publicAt) : "never"}
                    {item.publicOpen ? " (open)" : ""}
                  </li>
                </ul>
              </Card>
            </li>
          ))}
        </ul>
      )}
      <Pagination page={data.page} pageCount={data.pageCount} />
    </div>
  );
}
