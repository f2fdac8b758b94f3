import { json, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { OutboxStatusBadge } from "~/components/outbox/status-badge.tsx";
import { Card } from "~/components/ui/card.tsx";
import { EmptyState } from "~/components/ui/empty-state.tsx";
import { Pagination } from "~/components/ui/pagination.tsx";
import { Tabs } from "~/components/ui/tabs.tsx";
import { policy } from "~/modules/access/policy.ts";
import type { OutboxStatus } from "../../db/tables/outbox.ts";
import { listOutbox, OUTBOX_STATUSES } from "~/modules/outbox/admin.server.ts";
import { requireAllowed } from "~/utils/auth.server.ts";
import { pageParam } from "~/utils/params.ts";

export const meta: MetaFunction = () => [{ title: "Outbox · Manage · Limelight" }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  await requireAllowed(request, context, policy.manageOutbox);
  const url = new URL(request.url);
  const wanted = url.searchParams.get("status");
  const status = OUTBOX_STATUSES.find((s) => s === wanted);
  const page = await listOutbox(context.db, {
    status,
    page: pageParam(url.searchParams.get("page")),
  });
  return json({ ...page, status: status ?? null, smtp: Boolean(context.env.SMTP_URL) });
}

const filters: { label: string; status: OutboxStatus | null }[] = [
  { label: "All", status: null },
  { label: "Waiting", status: "queued" },
  { label: "Sent", status: "sent" },
  { label: "Kept here", status: "kept" },
  { label: "Failed", status: "failed" },
];

export default function Outbox() {
  const data = useLoaderData<typeof loader>();
  return (
    <div className="space-y-4">
      <p className="text-sm text-stone-600 dark:text-stone-400">
        Every message Limelight sends, kept in full.{" "}
        {data.smtp
          ? "Messages leave through the configured mail server, with retries."
          : "No mail server is configured (SMTP_URL), so messages are kept here instead of being sent: open one to read it and follow its links."}
      </p>
      <Tabs
        label="Message states"
        items={filters.map((f) => ({
          to: f.status ? `/manage/outbox?status=${f.status}` : "/manage/outbox",
          label: f.label,
          active: data.status === f.status,
        }))}
      />
      {data.rows.length === 0 ? (
        <EmptyState title="No messages here">
          Messages appear as soon as something is decided that someone should hear about by email.
        </EmptyState>
      ) : (
        <Card>
          <ul className="divide-y divide-stone-200 dark:divide-stone-800">
            {data.rows.map((m) => (
              <li
                key={m.id}
                className="flex flex-col gap-1 px-5 py-3 text-sm sm:flex-row sm:items-center sm:justify-between"
              >
                <div className="min-w-0">
                  <Link to={`/manage/outbox/${m.id}`} className="font-medium hover:underline">
                    {m.subject || "(no subject)"}
                  </Link>
                  <p className="truncate text-stone-600 dark:text-stone-400">
                    To {m.recipient} · {m.kind.replace(/_/g, " ")}
                    {m.last_error ? ` · last error: ${m.last_error}` : ""}
                  </p>
                </div>
                <div className="flex shrink-0 items-center gap-3">
                  <OutboxStatusBadge status={m.status} />
                  <time
                    className="whitespace-nowrap text-stone-500"
                    dateTime={new Date(m.created_at).toISOString()}
                  >
                    {new Date(m.created_at).toLocaleString("en-GB", {
                      dateStyle: "medium",
                      timeStyle: "short",
                    })}
                  </time>
                </div>
              </li>
            ))}
          </ul>
        </Card>
      )}
      <Pagination page={data.page} pageCount={data.pageCount} />
    </div>
  );
}
