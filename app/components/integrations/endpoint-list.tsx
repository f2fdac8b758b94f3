import { Form, Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { formatDateTime, useFormatTag } from "~/components/admin/locale.ts";
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

/** A moment in UTC, in the page's language: "3 Dec 2026, 14:05 UTC". */
export function useWhen() {
  const { t } = useTranslation();
  const tag = useFormatTag();
  return (at: string | Date) =>
    t("integrations.utc", {
      when: formatDateTime(tag, at, { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" }),
    });
}

export function EndpointList({ endpoints }: { endpoints: ListedEndpoint[] }) {
  const { t } = useTranslation();
  const when = useWhen();
  return (
    <Card>
      <ul
        className="divide-y divide-stone-200 dark:divide-stone-800"
        aria-label={t("integrations.endpointsHeading")}
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
                {e.enabled ? (
                  <Badge tone="brand">{t("integrations.on")}</Badge>
                ) : (
                  <Badge tone="danger">{t("integrations.off")}</Badge>
                )}
              </div>
            </div>
            {!e.enabled && e.disabled_reason ? (
              <p className="text-red-800 dark:text-red-300">
                {t("integrations.turnedOff", { reason: e.disabled_reason })}
              </p>
            ) : null}
            <p className="text-stone-600 dark:text-stone-400">{e.events.join(", ")}</p>
            <div className="flex flex-wrap items-center justify-between gap-3">
              <p className="text-stone-500 dark:text-stone-400">
                {e.lastDelivery
                  ? `${
                      e.lastDelivery.ok
                        ? t("integrations.lastDelivered", { when: when(e.lastDelivery.created_at) })
                        : t("integrations.lastFailed", { when: when(e.lastDelivery.created_at) })
                    }${e.lastDelivery.status_code ? ` (${e.lastDelivery.status_code})` : ""}`
                  : t("integrations.nothingDelivered")}
              </p>
              <Form method="post" className="flex gap-2">
                <input type="hidden" name="id" value={e.id} />
                <ConfirmSubmit
                  intent="rotate"
                  variant="secondary"
                  question={t("integrations.rotateQuestion")}
                >
                  {t("integrations.newSecret")}
                </ConfirmSubmit>
                <ConfirmSubmit
                  intent="delete"
                  question={t("integrations.deleteQuestion", { url: e.url })}
                >
                  {t("integrations.delete")}
                </ConfirmSubmit>
              </Form>
            </div>
          </li>
        ))}
      </ul>
    </Card>
  );
}
