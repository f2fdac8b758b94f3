import { json, type LoaderFunctionArgs } from "@remix-run/node";
import { countUnread } from "~/modules/notifications/inbox.server.ts";
import { getViewer } from "~/utils/auth.server.ts";

/** The unread count, for the header bell after a reconnect. */
export async function loader({ request, context }: LoaderFunctionArgs) {
  const viewer = await getViewer(request, context);
  return json(
    { count: await countUnread(context.db, viewer) },
    { headers: { "Cache-Control": "private, no-store" } },
  );
}
