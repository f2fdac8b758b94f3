import { json, type LoaderFunctionArgs } from "@remix-run/node";
import { Outlet, useLoaderData } from "@remix-run/react";
import { Tabs } from "~/components/ui/tabs.tsx";
import { policy } from "~/modules/access/policy.ts";
import { getViewer, requireAllowed } from "~/utils/auth.server.ts";

export async function loader({ request, context }: LoaderFunctionArgs) {
  await requireAllowed(request, context, policy.manageTierAwards);
  return json({ canEditCatalogue: policy.editTierCatalogue(await getViewer(request, context)) });
}

export default function ManageTiersLayout() {
  const { canEditCatalogue } = useLoaderData<typeof loader>();
  const items = [
    { to: "/manage/tiers", label: "Awards", end: true },
    { to: "/manage/tiers/renewals", label: "Renewal review" },
    { to: "/manage/tiers/nominations", label: "Nominations" },
  ];
  if (canEditCatalogue) items.push({ to: "/manage/tiers/catalogue", label: "Tier catalogue" });
  return (
    <div className="space-y-6">
      <Tabs label="Tier sections" items={items} />
      <Outlet />
    </div>
  );
}
