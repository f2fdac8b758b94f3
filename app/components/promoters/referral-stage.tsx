import type { ReferralStage } from "../../../db/tables/promoters.ts";
import { Badge } from "~/components/ui/badge.tsx";

const TONES = {
  submitted: "neutral",
  contacted: "info",
  qualified: "spot",
  won: "brand",
  lost: "neutral",
} as const;
const LABELS: Record<ReferralStage, string> = {
  submitted: "Submitted",
  contacted: "Contacted",
  qualified: "Qualified",
  won: "Won",
  lost: "Lost",
};

export function ReferralStageBadge({ stage }: { stage: ReferralStage }) {
  return <Badge tone={TONES[stage]}>{LABELS[stage]}</Badge>;
}

export function money(cents: number | null | undefined): string {
  if (cents === null || cents === undefined) return "—";
  return (cents / 100).toLocaleString("en-US", {
    style: "currency",
    currency: "USD",
    maximumFractionDigits: cents % 100 === 0 ? 0 : 2,
  });
}
