import { Form, Link } from "@remix-run/react";
import { Badge } from "~/components/ui/badge.tsx";
import { Card } from "~/components/ui/card.tsx";
import { ConfirmSubmit } from "./secret-once.tsx";

export interface ListedEndpoint {
  id: number;
  url: string;
  description: string;
  events: string[];
  enabled: boolean;
  disabled_reason: string | null;
  consecutive_failures: number;
  lastDelivery: { ok: boolean; status_code: number | null; created_at: string } | null;
}

export const when = (at: string | Date) =>
  new Date(at).toLocaleString("en-GB", {
    dateStyle: "medium",
    timeStyle: "short",
    timeZone: "UTC",
  }) + " UTC";

export function EndpointList({ endpoints }: { endpoints: ListedEndpoint[] }) {
  return (
    <Card>
      <ul
        className="divide-y divide-stone-200 dark:divide-stone-800"
        aria-label="Webhook endpoints"
      >
        {endpoints.map((e) => (
          <li key={e.id} className="space-y-2 px-5 py-4 text-sm">
            <div className="flex flex-col gap-2 sm:flex-row sm:items-start sm:justify-between">
              <div className="min-w-0">
                <Link
                  to={`/manage/integrations/webhooks/${e.id}`}
                  className="break-all font-medium hover:underline"
                >
                  {e.url}
                </Link>
                {e.description ? (
                  <p className="text-stone-600 dark:text-stone-400">{e.description}</p>
                ) : null}
              </div>
              <div className="shrink-0">
                {e.enabled ? <Badge tone="brand">On</Badge> : <Badge tone="danger">Off</Badge>}
              </div>
            </div>
            {!e.enabled && e.disabled_reason ? (
              <p className="text-red-800 dark:text-red-300">Turned off: {e.disabled_reason}</p>
            ) : null}
            <p className="text-stone-600 dark:text-stone-400">{e.events.join(", ")}</p>
            <div className="flex flex-wrap items-center justify-between gap-3">
              <p className="text-stone-500 dark:text-stone-400">
                {e.lastDelivery
                  ? `Last delivery ${when(e.lastDelivery.created_at)}: ${
                      e.lastDelivery.ok ? "delivered" : "failed"
                    }${e.lastDelivery.status_code ? ` (${e.lastDelivery.status_code})` : ""}`
                  : "Nothing delivered yet"}
              </p>
              <Form method="post" className="flex gap-2">
                <input type="hidden" name="id" value={e.id} />
                <ConfirmSubmit
                  intent="rotate"
                  variant="secondary"
                  question="Make a new secret? The old one stops signing at once."
                >
                  New secret
                </ConfirmSubmit>
                <ConfirmSubmit
                  intent="delete"
                  question={`Delete the endpoint ${e.url}? Its delivery log goes with it.`}
                >
                  Delete
                </ConfirmSubmit>
              </Form>
            </div>
          </li>
        ))}
      </ul>
    </Card>
  );
}
