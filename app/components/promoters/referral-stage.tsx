import { useTranslation } from "react-i18next";
import { formatTagOf } from "~/components/admin/locale.ts";
import type { ReferralStage } from "../../../db/tables/promoters.ts";
import { Badge } from "~/components/ui/badge.tsx";

const TONES = {
  submitted: "neutral",
  contacted: "info",
  qualified: "spot",
  won: "brand",
  lost: "neutral",
} as const;
/** What each stage of a referral is called, in the page's language. */
export function useReferralStageLabels(): Record<ReferralStage, string> {
  const { t } = useTranslation();
  return {
    submitted: t("manageReferrals.stages.submitted"),
    contacted: t("manageReferrals.stages.contacted"),
    qualified: t("manageReferrals.stages.qualified"),
    won: t("manageReferrals.stages.won"),
    lost: t("manageReferrals.stages.lost"),
  };
}

export function ReferralStageBadge({ stage }: { stage: ReferralStage }) {
  const labels = useReferralStageLabels();
  return <Badge tone={TONES[stage]}>{labels[stage]}</Badge>;
}

export function money(cents: number | null | undefined, locale = "en-US"): string {
  if (cents === null || cents === undefined) return "—";
  return (cents / 100).toLocaleString(locale, {
    style: "currency",
    currency: "USD",
    maximumFractionDigits: cents % 100 === 0 ? 0 : 2,
  });
}

/** `money` in the page's language: "$12,500" in English, "US$12,500" in Chinese, "12.500 US$" in Spanish. */
export function useMoney(): (cents: number | null | undefined) => string {
  const { i18n } = useTranslation();
  const locale = i18n.language === "en" || !i18n.language ? "en-US" : formatTagOf(i18n.language);
  return (cents) => money(cents, locale);
}
