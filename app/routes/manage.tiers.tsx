import { json, type LoaderFunctionArgs } from "@remix-run/node";
import { Outlet, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { Tabs } from "~/components/ui/tabs.tsx";
import { policy } from "~/modules/access/policy.ts";
import { getViewer, requireAllowed } from "~/utils/auth.server.ts";

export async function loader({ request, context }: LoaderFunctionArgs) {
  await requireAllowed(request, context, policy.manageTierAwards);
  return json({ canEditCatalogue: policy.editTierCatalogue(await getViewer(request, context)) });
}

export default function ManageTiersLayout() {
  const { canEditCatalogue } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  const items = [
    { to: "/manage/tiers", label: t("manageTiers.tabs.awards"), end: true },
    { to: "/manage/tiers/renewals", label: t("manageTiers.tabs.renewals") },
    { to: "/manage/tiers/nominations", label: t("manageTiers.tabs.nominations") },
  ];
  if (canEditCatalogue)
    items.push({ to: "/manage/tiers/catalogue", label: t("manageTiers.tabs.catalogue") });
  return (
    <div className="space-y-6">
      <Tabs label={t("manageTiers.tabs.label")} items={items} />
      <Outlet />
    </div>
  );
}
