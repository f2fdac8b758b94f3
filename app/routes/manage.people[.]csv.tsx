import type { LoaderFunctionArgs } from "@remix-run/node";
import { policy } from "~/modules/access/policy.ts";
import { exportPeople } from "~/modules/auth/users.server.ts";
import { requireAllowed } from "~/utils/auth.server.ts";

/** Everyone with an account as CSV (every cell that could run as a formula is neutralised). */
export async function loader({ request, context }: LoaderFunctionArgs) {
  await requireAllowed(request, context, policy.useManagerTools);
  const csv = await exportPeople(context.db);
  return new Response(csv, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": 'attachment; filename="people.csv"',
      "Cache-Control": "no-store",
    },
  });
}
