import { json, type LoaderFunctionArgs } from "@remix-run/node";
import { changesSince } from "~/modules/discussions/read.server.ts";
import { getViewer } from "~/utils/auth.server.ts";
import { orErrorPage } from "~/utils/http.server.ts";
import { idParam } from "~/utils/params.ts";

/**
 * What changed in a thread after a change number, for a client catching up
 * after a dropped connection; the same access policy as the page decides.
 */
export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const threadId = idParam(params.id);
  const sinceParam = new URL(request.url).searchParams.get("since") ?? "0";
  const since = /^\d{1,15}$/.test(sinceParam) ? Number(sinceParam) : 0;
  const viewer = await getViewer(request, context);
  const changes = await orErrorPage(changesSince(context.db, viewer, threadId, since));
  return json(changes, { headers: { "Cache-Control": "private, no-store" } });
}
