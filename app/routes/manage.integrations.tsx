import { json, type LoaderFunctionArgs } from "@remix-run/node";
import { Link, Outlet } from "@remix-run/react";
import { Tabs } from "~/components/ui/tabs.tsx";
import { requireAllowed } from "~/utils/auth.server.ts";

export async function loader({ request, context }: LoaderFunctionArgs) {
  await requireAllowed(request, context, "manageIntegrations");
  return json({});
}

export default function IntegrationsLayout() {
  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <Tabs
          label="Integrations"
          items={[
            { to: "/manage/integrations/webhooks", label: "Webhooks" },
            { to: "/manage/integrations/tokens", label: "API tokens" },
          ]}
        />
        <Link
          to="/api/v1/reference"
          className="text-sm font-medium text-brand-700 hover:underline dark:text-brand-300"
        >
          API reference
        </Link>
      </div>
      <Outlet />
    </div>
  );
}
