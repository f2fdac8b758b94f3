import { json, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { OutboxStatusBadge } from "~/components/outbox/status-badge.tsx";
import { Button, buttonClass } from "~/components/ui/button.tsx";
import { Card } from "~/components/ui/card.tsx";
import { EmptyState } from "~/components/ui/empty-state.tsx";
import { TextField } from "~/components/ui/field.tsx";
import { Pagination } from "~/components/ui/pagination.tsx";
import { Tabs } from "~/components/ui/tabs.tsx";
import { policy } from "~/modules/access/policy.ts";
import type { OutboxStatus } from "../../db/tables/outbox.ts";
import { listOutbox, OUTBOX_STATUSES } from "~/modules/outbox/admin.server.ts";
import { RECIPIENT_FILTER_MAX, recipientFilter } from "~/modules/outbox/filters.ts";
import { requireAllowed } from "~/utils/auth.server.ts";
import { pageParam } from "~/utils/params.ts";

export const meta: MetaFunction = () => [{ title: "Outbox · Manage · Limelight" }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  await requireAllowed(request, context, policy.manageOutbox);
  const url = new URL(request.url);
  const wanted = url.searchParams.get("status");
  const status = OUTBOX_STATUSES.find((s) => s === wanted);
  const to = recipientFilter(url.searchParams.get("to"));
  const page = await listOutbox(context.db, {
    status,
    to,
    page: pageParam(url.searchParams.get("page")),
  });
  return json({
    ...page,
    status: status ?? null,
    to: to ?? null,
    smtp: Boolean(context.env.SMTP_URL),
  });
}

const filters: { label: string; status: OutboxStatus | null }[] = [
  { label: "All", status: null },
  { label: "Waiting", status: "queued" },
  { label: "Sent", status: "sent" },
  { label: "Kept here", status: "kept" },
  { label: "Failed", status: "failed" },
];

/** The outbox's own URL for a state and a recipient filter. */
function outboxHref(status: OutboxStatus | null, to: string | null) {
  const params = new URLSearchParams();
  if (status) params.set("status", status);
  if (to) params.set("to", to);
  const qs = params.toString();
  return `/manage/outbox${qs ? `?${qs}` : ""}`;
}

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
          to: outboxHref(f.status, data.to),
          label: f.label,
          active: data.status === f.status,
        }))}
      />
      <Form method="get" role="search" className="flex flex-wrap items-end gap-3">
        {data.status ? <input type="hidden" name="status" value={data.status} /> : null}
        <TextField
          label="To"
          name="to"
          type="search"
          placeholder="an address, or part of one"
          maxLength={RECIPIENT_FILTER_MAX}
          defaultValue={data.to ?? ""}
          className="min-w-0 flex-1 sm:max-w-sm"
        />
        <Button type="submit" variant="secondary">
          Find messages
        </Button>
        {data.to ? (
          <Link to={outboxHref(data.status, null)} className={buttonClass("ghost", "md")}>
            Show every recipient
          </Link>
        ) : null}
      </Form>
      {data.rows.length === 0 ? (
        data.to ? (
          <EmptyState title="No messages to that address">
            Nothing has been sent to an address containing “{data.to}”
            {data.status ? " in this state" : ""}. Check the spelling, or search for part of it.
          </EmptyState>
        ) : (
          <EmptyState title="No messages here">
            Messages appear as soon as something is decided that someone should hear about by email.
          </EmptyState>
        )
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
