import type { LoaderFunctionArgs } from "@remix-run/node";
import { policy } from "~/modules/access/policy.ts";
import { exportReferrals } from "~/modules/promoters/export.server.ts";
import { requireAllowed } from "~/utils/auth.server.ts";

/** Every referral as CSV (every cell that could run as a formula is neutralised). */
export async function loader({ request, context }: LoaderFunctionArgs) {
  await requireAllowed(request, context, policy.manageReferrals);
  const csv = await exportReferrals(context.db);
  return new Response(csv, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": 'attachment; filename="referrals.csv"',
      "Cache-Control": "no-store",
    },
  });
}
