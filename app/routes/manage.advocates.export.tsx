import type { LoaderFunctionArgs } from "@remix-run/node";
import { policy } from "~/modules/access/policy.ts";
import { exportAdvocateReturns } from "~/modules/promoters/export.server.ts";
import { requireAllowed } from "~/utils/auth.server.ts";

/** Every advocate's return on relationship as CSV. */
export async function loader({ request, context }: LoaderFunctionArgs) {
  await requireAllowed(request, context, policy.managePromoters);
  const csv = await exportAdvocateReturns(context.db);
  return new Response(csv, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": 'attachment; filename="return-on-relationship.csv"',
      "Cache-Control": "no-store",
    },
  });
}
