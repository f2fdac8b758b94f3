import type { LoaderFunctionArgs } from "@remix-run/node";
import { personalDataZip } from "~/modules/auth/personal-data.server.ts";
import { getViewer, requireUser } from "~/utils/auth.server.ts";
import { orErrorPage } from "~/utils/http.server.ts";

/** The signed-in person's own data, as a zip of JSON files. */
export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await requireUser(request, context);
  const viewer = await getViewer(request, context);
  const now = new Date();
  const zip = await orErrorPage(personalDataZip(context.db, viewer, user.id, now));
  const day = now.toISOString().slice(0, 10);
  return new Response(Buffer.from(zip), {
    headers: {
      "Content-Type": "application/zip",
      "Content-Disposition": `attachment; filename="limelight-${user.handle}-${day}.zip"`,
      "Cache-Control": "private, no-store",
    },
  });
}
