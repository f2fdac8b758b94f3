import { useTranslation } from "react-i18next";
import { Badge } from "~/components/ui/badge.tsx";

const tones = {
  queued: "info",
  sending: "info",
  sent: "brand",
  kept: "neutral",
  failed: "danger",
} as const;

export function OutboxStatusBadge({ status }: { status: keyof typeof tones }) {
  const { t } = useTranslation();
  const labels = {
    queued: t("outbox.status.queued"),
    sending: t("outbox.status.sending"),
    sent: t("outbox.status.sent"),
    kept: t("outbox.status.kept"),
    failed: t("outbox.status.failed"),
  } as const;
  return <Badge tone={tones[status]}>{labels[status]}</Badge>;
}
