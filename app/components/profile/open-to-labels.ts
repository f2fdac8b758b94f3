import { useTranslation } from "react-i18next";
import type { OpenToKey } from "~/modules/profiles/open-to.ts";

/** What an advocate is open to, in the page's language: the label, and the badge "Open to …". */
export function useOpenToLabels(): {
  label: Record<OpenToKey, string>;
  badge: Record<OpenToKey, string>;
} {
  const { t } = useTranslation();
  return {
    label: {
      open_to_speaking: t("profile.openTo.speaking"),
      open_to_references: t("profile.openTo.references"),
      open_to_case_studies: t("profile.openTo.caseStudies"),
      open_to_mentoring: t("profile.openTo.mentoring"),
    },
    badge: {
      open_to_speaking: t("profile.openToBadge.speaking"),
      open_to_references: t("profile.openToBadge.references"),
      open_to_case_studies: t("profile.openToBadge.caseStudies"),
      open_to_mentoring: t("profile.openToBadge.mentoring"),
    },
  };
}
