import type { LoaderFunctionArgs } from "@remix-run/node";
import { policy } from "~/modules/access/policy.ts";
import { exportNpsResponses } from "~/modules/promoters/export.server.ts";
import { requireAllowed } from "~/utils/auth.server.ts";

/** Every NPS response as CSV (every cell that could run as a formula is neutralised). */
export async function loader({ request, context }: LoaderFunctionArgs) {
  await requireAllowed(request, context, policy.managePromoters);
  const csv = await exportNpsResponses(context.db);
  return new Response(csv, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": 'attachment; filename="nps-responses.csv"',
      "Cache-Control": "no-store",
    },
  });
}
