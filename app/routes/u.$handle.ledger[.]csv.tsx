import type { LoaderFunctionArgs } from "@remix-run/node";
import { ledgerDownload } from "~/modules/reputation/export.server.ts";
import { getViewer, requireUser } from "~/utils/auth.server.ts";
import { orErrorPage } from "~/utils/http.server.ts";

/** The advocate's own reputation ledger as CSV (owner and staff only). */
export async function loader({ request, context, params }: LoaderFunctionArgs) {
  await requireUser(request, context);
  const viewer = await getViewer(request, context);
  return orErrorPage(ledgerDownload(context.db, viewer, params.handle ?? "", "csv"));
}
