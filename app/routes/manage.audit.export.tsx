import type { LoaderFunctionArgs } from "@remix-run/node";
import { auditCsv, auditFilters } from "~/modules/audit/log.server.ts";
import { requireAllowed } from "~/utils/auth.server.ts";

/** The audit log as CSV, with the same filters as the page. */
export async function loader({ request, context }: LoaderFunctionArgs) {
  await requireAllowed(request, context, "readAuditLog");
  const csv = await auditCsv(context.db, auditFilters(new URL(request.url).searchParams));
  return new Response(csv, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": 'attachment; filename="audit-log.csv"',
      "Cache-Control": "no-store",
    },
  });
}
