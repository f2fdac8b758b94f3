import { useTranslation } from "react-i18next";
import { useFormats } from "~/i18n/use-formats.ts";

/** An early-access kind, as the server names it in English, in the page's language. */
export function useKindLabel(): (label: string) => string {
  const { t } = useTranslation();
  const names: Record<string, string> = {
    "Early release": t("earlyAccess.kind.release"),
    Briefing: t("earlyAccess.kind.briefing"),
    Roadmap: t("earlyAccess.kind.roadmap"),
    "Insider article": t("earlyAccess.kind.insider"),
    Recording: t("earlyAccess.kind.recording"),
  };
  return (label) => names[label] ?? label;
}

/** "3 Dec 2026" in the page's language; nothing for no date. */
export function useDate(): (value: string | null | undefined) => string {
  const formats = useFormats();
  return (value) => (value ? formats.day(value) : "");
}
