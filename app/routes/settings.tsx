import { json, type LoaderFunctionArgs } from "@remix-run/node";
import { Outlet } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { Container, PageHeader } from "~/components/app-shell.tsx";
import { Tabs } from "~/components/ui/tabs.tsx";
import { requireUser } from "~/utils/auth.server.ts";

export async function loader({ request, context }: LoaderFunctionArgs) {
  await requireUser(request, context);
  return json({});
}

export default function SettingsLayout() {
  const { t } = useTranslation();
  return (
    <Container className="max-w-3xl">
      <PageHeader title={t("settings.title")} description={t("settings.description")} />
      <Tabs
        label={t("settings.sections")}
        items={[
          { to: "/settings/profile", label: t("settings.tabs.profile") },
          { to: "/settings/goals", label: t("settings.tabs.goals") },
          { to: "/settings/references", label: t("settings.tabs.references") },
          { to: "/settings/referral-links", label: t("settings.tabs.referralLinks") },
          { to: "/settings/testimonials", label: t("settings.tabs.testimonials") },
          { to: "/settings/tier", label: t("settings.tabs.tier") },
          { to: "/settings/credentials", label: t("settings.tabs.credentials") },
          { to: "/settings/email", label: t("settings.tabs.email") },
          { to: "/settings/language", label: t("settingsLanguage.tab") },
          { to: "/settings/privacy", label: t("settings.tabs.privacy") },
          { to: "/settings", label: t("settings.tabs.account"), end: true },
        ]}
      />
      <div className="pt-8">
        <Outlet />
      </div>
    </Container>
  );
}
