import { useTranslation } from "react-i18next";
import type { PromoterStage } from "~/modules/promoters/labels.ts";

/** What each stage of a promoter is called, in the page's language. */
export function useStageLabels(): Record<PromoterStage, string> {
  const { t } = useTranslation();
  return {
    not_member: t("promoters.stages.not_member"),
    member: t("promoters.stages.member"),
    advocate: t("promoters.stages.advocate"),
    contributed: t("promoters.stages.contributed"),
  };
}

/** The steps of the promoter pipeline by key, in the page's language (others keep their label). */
export function usePipelineLabel(): (step: { key: string; label: string }) => string {
  const { t } = useTranslation();
  const labels: Record<string, string> = {
    promoters: t("promoters.pipeline.promoters"),
    invited: t("promoters.pipeline.invited"),
    members: t("promoters.pipeline.members"),
    advocates: t("promoters.pipeline.advocates"),
    contributed: t("promoters.pipeline.contributed"),
  };
  return (step) => labels[step.key] ?? step.label;
}
