import type { LoaderFunctionArgs } from "@remix-run/node";
import { credentialFile } from "~/modules/credentials/files.server.ts";
import { getViewer } from "~/utils/auth.server.ts";

/** The credential's JSON, as signed (/credentials/:id.json). */
export async function loader({ request, params, context }: LoaderFunctionArgs) {
  return credentialFile(context.db, await getViewer(request, context), params.id ?? "", "json");
}
