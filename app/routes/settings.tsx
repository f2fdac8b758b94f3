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
      <PageHeader title="Settings" description="Your public profile and your account." />
      <Tabs
        label="Settings sections"
        items={[
          { to: "/settings/profile", label: "Profile" },
          { to: "/settings/goals", label: "Goals" },
          { to: "/settings/references", label: "References" },
          { to: "/settings/referral-links", label: "Referral links" },
          { to: "/settings/testimonials", label: "Testimonials" },
          { to: "/settings/tier", label: "Tier" },
          { to: "/settings/credentials", label: "Credentials" },
          { to: "/settings/email", label: "Email" },
          { to: "/settings/language", label: t("settingsLanguage.tab") },
          { to: "/settings/privacy", label: "Your data" },
          { to: "/settings", label: "Account", end: true },
        ]}
      />
      <div className="pt-8">
        <Outlet />
      </div>
    </Container>
  );
}
