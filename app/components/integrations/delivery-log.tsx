import { Form } from "@remix-run/react";
import { Badge } from "~/components/ui/badge.tsx";
import { Button } from "~/components/ui/button.tsx";
import { Card } from "~/components/ui/card.tsx";
import { EmptyState } from "~/components/ui/empty-state.tsx";
import { when } from "./endpoint-list.tsx";

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
  if (rows.length === 0)
    return (
      <EmptyState title="No deliveries yet">
        Each attempt to reach this endpoint is listed here with the status code it answered and how
        long it took.
      </EmptyState>
    );
  return (
    <Card>
      <ul className="divide-y divide-stone-200 dark:divide-stone-800" aria-label="Deliveries">
        {rows.map((d) => (
          <li
            key={d.id}
            className="flex flex-col gap-2 px-5 py-3 text-sm sm:flex-row sm:items-center sm:justify-between"
          >
            <div className="min-w-0 space-y-0.5">
              <p className="font-medium">
                {d.event}{" "}
                <Badge tone={d.ok ? "brand" : "danger"}>{d.status_code ?? "no answer"}</Badge>
              </p>
              <p className="text-stone-600 dark:text-stone-400">
                <time dateTime={new Date(d.created_at).toISOString()}>{when(d.created_at)}</time>
                {d.duration_ms != null ? ` · ${d.duration_ms} ms` : ""}
                {d.error ? ` · ${d.error}` : ""}
              </p>
            </div>
            {canRedeliver ? (
              <Form method="post" className="shrink-0">
                <input type="hidden" name="messageId" value={d.message_id} />
                <Button type="submit" name="intent" value="redeliver" variant="secondary" size="sm">
                  Redeliver
                </Button>
              </Form>
            ) : null}
          </li>
        ))}
      </ul>
    </Card>
  );
}
