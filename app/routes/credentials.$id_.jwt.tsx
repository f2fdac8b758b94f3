import type { LoaderFunctionArgs } from "@remix-run/node";
import { credentialFile } from "~/modules/credentials/files.server.ts";
import { getViewer } from "~/utils/auth.server.ts";

/** The signed credential itself (/credentials/:id.jwt): what the advocate carries elsewhere. */
export async function loader({ request, params, context }: LoaderFunctionArgs) {
  return credentialFile(context.db, await getViewer(request, context), params.id ?? "", "jwt");
}
