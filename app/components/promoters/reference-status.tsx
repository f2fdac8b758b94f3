import type { ReferenceStatus } from "../../../db/tables/promoters.ts";
import { Badge } from "~/components/ui/badge.tsx";

const LABELS: Record<ReferenceStatus, string> = {
  queued: "Waiting for room",
  pending: "Waiting for the advocate",
  accepted: "Accepted",
  declined: "Declined",
  completed: "Completed",
  cancelled: "Cancelled",
};
const TONES = {
  queued: "neutral",
  pending: "spot",
  accepted: "info",
  declined: "neutral",
  completed: "brand",
  cancelled: "neutral",
} as const;

export function ReferenceStatusBadge({ status }: { status: ReferenceStatus }) {
  return <Badge tone={TONES[status]}>{LABELS[status]}</Badge>;
}

export function ageInDays(from: string | Date, now = new Date()): number {
  return Math.max(0, Math.floor((now.getTime() - new Date(from).getTime()) / 86_400_000));
}

export const shortDate = (d: string | Date) =>
  new Date(d).toLocaleDateString("en-GB", { day: "numeric", month: "short", year: "numeric" });
