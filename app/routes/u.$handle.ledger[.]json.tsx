import type { LoaderFunctionArgs } from "@remix-run/node";
import { ledgerDownload } from "~/modules/reputation/export.server.ts";
import { getViewer, requireUser } from "~/utils/auth.server.ts";

/** The advocate's own reputation ledger as JSON (owner and staff only). */
export async function loader({ request, context, params }: LoaderFunctionArgs) {
  await requireUser(request, context);
  const viewer = await getViewer(request, context);
  try {
    return await ledgerDownload(context.db, viewer, params.handle ?? "", "json");
  } catch (error) {
    const status = (error as { status?: number })?.status;
    if (status === 403 || status === 404) return new Response((error as Error).message, { status });
    throw error;
  }
}
