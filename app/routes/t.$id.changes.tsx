import { json, type LoaderFunctionArgs } from "@remix-run/node";
import { NotFoundError } from "~/modules/auth/errors.ts";
import { changesSince } from "~/modules/discussions/read.server.ts";
import { idParam } from "~/modules/discussions/validation.ts";
import { getViewer } from "~/utils/auth.server.ts";
import { notFound } from "~/utils/http.server.ts";

/**
 * What changed in a thread after a change number, for a client catching up
 * after a dropped connection; the same access policy as the page decides.
 */
export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const threadId = idParam(params.id);
  if (!threadId) throw notFound("We could not find that thread.");
  const sinceParam = new URL(request.url).searchParams.get("since") ?? "0";
  const since = /^\d{1,15}$/.test(sinceParam) ? Number(sinceParam) : 0;
  const viewer = await getViewer(request, context);
  try {
    const changes = await changesSince(context.db, viewer, threadId, since);
    return json(changes, { headers: { "Cache-Control": "private, no-store" } });
  } catch (error) {
    if (error instanceof NotFoundError) throw notFound(error.message);
    throw error;
  }
}
