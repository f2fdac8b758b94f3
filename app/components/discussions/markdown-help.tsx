import { useTranslation } from "react-i18next";

/** The one-line formatting hint under every post box. */
export function MarkdownHelp() {
  const { t } = useTranslation();
  return <>{t("thread.markdownHelp")}</>;
}
