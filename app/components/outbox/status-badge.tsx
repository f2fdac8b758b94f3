import { Badge } from "~/components/ui/badge.tsx";

const tones = {
  queued: "info",
  sending: "info",
  sent: "brand",
  kept: "neutral",
  failed: "danger",
} as const;

const labels = {
  queued: "Waiting",
  sending: "Sending",
  sent: "Sent",
  kept: "Kept here (no mail server)",
  failed: "Failed",
} as const;

export function OutboxStatusBadge({ status }: { status: keyof typeof tones }) {
  return <Badge tone={tones[status]}>{labels[status]}</Badge>;
}
