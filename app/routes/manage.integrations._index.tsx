import { redirect, type LoaderFunctionArgs } from "@remix-run/node";
import { requireAllowed } from "~/utils/auth.server.ts";

export async function loader({ request, context }: LoaderFunctionArgs) {
  await requireAllowed(request, context, "manageIntegrations");
  return redirect("/manage/integrations/webhooks");
}
