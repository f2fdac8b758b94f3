import { json, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { formatDateTime } from "~/components/tiers/format.ts";
import { Badge } from "~/components/ui/badge.tsx";
import { Card } from "~/components/ui/card.tsx";
import { EmptyState } from "~/components/ui/empty-state.tsx";
import { Pagination } from "~/components/ui/pagination.tsx";
import { policy } from "~/modules/access/policy.ts";
import { accessLog } from "~/modules/early-access/access-log.server.ts";
import { getViewer, requireAllowed } from "~/utils/auth.server.ts";
import { pageParam, parseId } from "~/utils/params.ts";

export const meta: MetaFunction = () => [{ title: "Early-access log · Manage · Limelight" }];

const VIA: Record<string, string> = {
  tier: "by tier",
  public: "public",
  staff: "team",
};

export async function loader({ request, context }: LoaderFunctionArgs) {
  await requireAllowed(request, context, policy.readEarlyAccessLog);
  const url = new URL(request.url);
  const page = pageParam(url.searchParams.get("page"));
  const itemId = parseId(url.searchParams.get("item")) ?? undefined;
  const log = await accessLog(context.db, await getViewer(request, context), { itemId, page });
  return json({ ...log, itemId: itemId ?? null });
}

export default function EarlyAccessLog() {
  const data = useLoaderData<typeof loader>();
  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h2 className="text-lg font-semibold">
          Who opened early-access content{data.itemId ? " — one item" : ""}
        </h2>
        <div className="flex gap-4 text-sm">
          {data.itemId ? (
            <Link to="/manage/early-access/log" className="font-medium underline">
              All items
            </Link>
          ) : null}
          <Link to="/manage/early-access" className="font-medium underline">
            Back to the list
          </Link>
        </div>
      </div>
      {data.rows.length === 0 ? (
        <EmptyState title="Nobody has opened anything yet">
          Every time someone opens an item, it is recorded here with the time.
        </EmptyState>
      ) : (
        <Card className="overflow-x-auto">
          <table className="w-full text-left text-sm">
            <caption className="sr-only">Early-access opens ({data.total})</caption>
            <thead className="border-b border-stone-200 text-xs uppercase tracking-wide text-stone-600 dark:border-stone-800 dark:text-stone-400">
              <tr>
                <th scope="col" className="px-4 py-3">
                  Who
                </th>
                <th scope="col" className="px-4 py-3">
                  Item
                </th>
                <th scope="col" className="px-4 py-3">
                  Access
                </th>
                <th scope="col" className="px-4 py-3">
                  When
                </th>
              </tr>
            </thead>
            <tbody className="divide-y divide-stone-200 dark:divide-stone-800">
              {data.rows.map((row) => (
                <tr key={row.id}>
                  <td className="px-4 py-3">
                    <Link to={`/u/${row.handle}`} className="font-medium hover:underline">
                      {row.display_name}
                    </Link>
                  </td>
                  <td className="px-4 py-3">
                    <Link to={`/manage/early-access/${row.item_id}`} className="hover:underline">
                      {row.title}
                    </Link>
                  </td>
                  <td className="px-4 py-3">
                    <Badge tone={row.via === "tier" ? "spot" : "neutral"}>{VIA[row.via]}</Badge>
                  </td>
                  <td className="whitespace-nowrap px-4 py-3 text-stone-600 dark:text-stone-400">
                    {formatDateTime(row.created_at)}
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
