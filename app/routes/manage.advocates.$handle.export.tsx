import type { LoaderFunctionArgs } from "@remix-run/node";
import { policy } from "~/modules/access/policy.ts";
import { NotFoundError } from "~/modules/auth/errors.ts";
import { exportAdvocateReturn } from "~/modules/promoters/export.server.ts";
import { requireAllowed } from "~/utils/auth.server.ts";
import { notFound } from "~/utils/http.server.ts";

/** One advocate's return on relationship as CSV. */
export async function loader({ request, context, params }: LoaderFunctionArgs) {
  await requireAllowed(request, context, policy.managePromoters);
  try {
    const { fileName, csv } = await exportAdvocateReturn(context.db, params.handle ?? "");
    return new Response(csv, {
      headers: {
        "Content-Type": "text/csv; charset=utf-8",
        "Content-Disposition": `attachment; filename="${fileName}"`,
        "Cache-Control": "no-store",
      },
    });
  } catch (error) {
    if (error instanceof NotFoundError) throw notFound(error.message);
    throw error;
  }
}
