import { json, type LoaderFunctionArgs } from "@remix-run/node";
import { Link, Outlet } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { Tabs } from "~/components/ui/tabs.tsx";
import { requireAllowed } from "~/utils/auth.server.ts";

export async function loader({ request, context }: LoaderFunctionArgs) {
  await requireAllowed(request, context, "manageIntegrations");
  return json({});
}

export default function IntegrationsLayout() {
  const { t } = useTranslation();
  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <Tabs
          label={t("integrations.tabs")}
          items={[
            { to: "/manage/integrations/webhooks", label: t("integrations.webhooks") },
            { to: "/manage/integrations/tokens", label: t("integrations.tokens") },
          ]}
        />
        <Link
          to="/api/v1/reference"
          className="text-sm font-medium text-brand-700 hover:underline dark:text-brand-300"
        >
          {t("integrations.reference")}
        </Link>
      </div>
      <Outlet />
    </div>
  );
}
