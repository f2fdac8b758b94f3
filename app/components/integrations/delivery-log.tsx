import { Form } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { Badge } from "~/components/ui/badge.tsx";
import { Button } from "~/components/ui/button.tsx";
import { Card } from "~/components/ui/card.tsx";
import { EmptyState } from "~/components/ui/empty-state.tsx";
import { useWhen } from "./endpoint-list.tsx";

export interface Delivery {
  id: number;
  message_id: number;
  event: string;
  ok: boolean;
  status_code: number | null;
  duration_ms: number | null;
  error: string | null;
  created_at: string;
}

/** One endpoint's deliveries, newest first, each with "Redeliver". */
export function DeliveryLog({ rows, canRedeliver }: { rows: Delivery[]; canRedeliver: boolean }) {
  const { t } = useTranslation();
  const when = useWhen();
  if (rows.length === 0)
    return (
      <EmptyState title={t("integrations.noDeliveriesTitle")}>
        {t("integrations.noDeliveriesBody")}
      </EmptyState>
    );
  return (
    <Card>
      <ul
        className="divide-y divide-stone-200 dark:divide-stone-800"
        aria-label={t("integrations.deliveries")}
      >
        {rows.map((d) => (
          <li
            key={d.id}
            className="flex flex-col gap-2 px-5 py-3 text-sm sm:flex-row sm:items-center sm:justify-between"
          >
            <div className="min-w-0 space-y-0.5">
              <p className="font-medium">
                {d.event}{" "}
                <Badge tone={d.ok ? "brand" : "danger"}>
                  {d.status_code ?? t("integrations.noAnswer")}
                </Badge>
              </p>
              <p className="text-stone-600 dark:text-stone-400">
                <time dateTime={new Date(d.created_at).toISOString()}>{when(d.created_at)}</time>
                {d.duration_ms != null
                  ? ` · ${t("integrations.duration", { ms: d.duration_ms })}`
                  : ""}
                {d.error ? ` · ${d.error}` : ""}
              </p>
            </div>
            {canRedeliver ? (
              <Form method="post" className="shrink-0">
                <input type="hidden" name="messageId" value={d.message_id} />
                <Button type="submit" name="intent" value="redeliver" variant="secondary" size="sm">
                  {t("integrations.redeliver")}
                </Button>
              </Form>
            ) : null}
          </li>
        ))}
      </ul>
    </Card>
  );
}
