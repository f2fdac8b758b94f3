import { json, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { formatDateTime, useFormatTag } from "~/components/admin/locale.ts";
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
import { i18nFor, localeOfMatches } from "~/i18n/index.ts";

export const meta: MetaFunction = ({ matches }) => [
  { title: i18nFor(localeOfMatches(matches)).t("outbox.metaTitle") },
];

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
  { label: "outbox.filter.all", status: null },
  { label: "outbox.filter.queued", status: "queued" },
  { label: "outbox.filter.sent", status: "sent" },
  { label: "outbox.filter.kept", status: "kept" },
  { label: "outbox.filter.failed", status: "failed" },
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
  const { t } = useTranslation();
  const tag = useFormatTag();
  // The tab labels are keys, listed here so the catalogue check sees them.
  const filterLabel: Record<string, string> = {
    "outbox.filter.all": t("outbox.filter.all"),
    "outbox.filter.queued": t("outbox.filter.queued"),
    "outbox.filter.sent": t("outbox.filter.sent"),
    "outbox.filter.kept": t("outbox.filter.kept"),
    "outbox.filter.failed": t("outbox.filter.failed"),
  };
  return (
    <div className="space-y-4">
      <p className="text-sm text-stone-600 dark:text-stone-400">
        {t("outbox.intro")} {data.smtp ? t("outbox.smtpOn") : t("outbox.smtpOff")}
      </p>
      <Tabs
        label={t("outbox.states")}
        items={filters.map((f) => ({
          to: outboxHref(f.status, data.to),
          label: filterLabel[f.label],
          active: data.status === f.status,
        }))}
      />
      <Form method="get" role="search" className="flex flex-wrap items-end gap-3">
        {data.status ? <input type="hidden" name="status" value={data.status} /> : null}
        <TextField
          label={t("outbox.to")}
          name="to"
          type="search"
          placeholder={t("outbox.toPlaceholder")}
          maxLength={RECIPIENT_FILTER_MAX}
          defaultValue={data.to ?? ""}
          className="min-w-0 flex-1 sm:max-w-sm"
        />
        <Button type="submit" variant="secondary">
          {t("outbox.find")}
        </Button>
        {data.to ? (
          <Link to={outboxHref(data.status, null)} className={buttonClass("ghost", "md")}>
            {t("outbox.everyRecipient")}
          </Link>
        ) : null}
      </Form>
      {data.rows.length === 0 ? (
        data.to ? (
          <EmptyState title={t("outbox.noMatchTitle")}>
            {data.status
              ? t("outbox.noMatchBodyInState", { to: data.to })
              : t("outbox.noMatchBody", { to: data.to })}
          </EmptyState>
        ) : (
          <EmptyState title={t("outbox.emptyTitle")}>{t("outbox.emptyBody")}</EmptyState>
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
                    {m.subject || t("outbox.noSubject")}
                  </Link>
                  <p className="truncate text-stone-600 dark:text-stone-400">
                    {t("outbox.rowTo", { recipient: m.recipient, kind: m.kind.replace(/_/g, " ") })}
                    {m.last_error ? ` · ${t("outbox.rowLastError", { error: m.last_error })}` : ""}
                  </p>
                </div>
                <div className="flex shrink-0 items-center gap-3">
                  <OutboxStatusBadge status={m.status} />
                  <time
                    className="whitespace-nowrap text-stone-500"
                    dateTime={new Date(m.created_at).toISOString()}
                  >
                    {formatDateTime(tag, m.created_at, {
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
