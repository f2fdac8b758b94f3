import { useTranslation } from "react-i18next";
import { Badge } from "~/components/ui/badge.tsx";
import type { ReferenceStatus } from "../../../db/tables/promoters.ts";

const TONES = {
  queued: "neutral",
  pending: "spot",
  accepted: "info",
  declined: "neutral",
  completed: "brand",
  cancelled: "neutral",
} as const;

/** A reference request's status, in the reader's language, as the reference pages show it. */
export function ReferenceStatusBadge({ status }: { status: ReferenceStatus }) {
  const { t } = useTranslation();
  const labels: Record<ReferenceStatus, string> = {
    queued: t("references.status.queued"),
    pending: t("references.status.pending"),
    accepted: t("references.status.accepted"),
    declined: t("references.status.declined"),
    completed: t("references.status.completed"),
    cancelled: t("references.status.cancelled"),
  };
  return <Badge tone={TONES[status]}>{labels[status]}</Badge>;
}
