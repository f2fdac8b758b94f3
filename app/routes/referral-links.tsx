import type { MetaFunction } from "@remix-run/node";
import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { Container, PageHeader } from "~/components/app-shell.tsx";
import { rich, slot } from "~/components/reputation/rich.tsx";
import { Card } from "~/components/ui/card.tsx";
import { i18nFor, localeOfMatches } from "~/i18n/index.ts";

export const meta: MetaFunction = ({ matches }) => [
  { title: i18nFor(localeOfMatches(matches)).t("referralLinks.metaTitle") },
];

/** The plain explanation of personal referral links and their cookie. */
export default function ReferralLinksExplained() {
  const { t } = useTranslation();
  return (
    <Container className="max-w-2xl">
      <PageHeader title={t("referralLinks.title")} description={t("referralLinks.intro")} />
      <Card className="space-y-4 p-6 text-sm leading-6 text-stone-700 dark:text-stone-300">
        <p>
          {rich(t("referralLinks.visit", { link: slot("link"), cookie: slot("cookie") }), {
            link: <code>/r/abc123</code>,
            cookie: <code>ll_via</code>,
          })}
        </p>
        <p>{t("referralLinks.thanked")}</p>
        <p>{t("referralLinks.noTrackers")}</p>
        <p>
          {rich(t("referralLinks.findYours", { link: slot("link") }), {
            link: (
              <Link
                to="/settings/referral-links"
                className="font-medium text-brand-700 underline dark:text-brand-300"
              >
                {t("referralLinks.settingsLink")}
              </Link>
            ),
          })}
        </p>
      </Card>
    </Container>
  );
}
