import { json, type LoaderFunctionArgs } from "@remix-run/node";
import { listRevisions } from "~/modules/discussions/moderation.server.ts";
import { getViewer } from "~/utils/auth.server.ts";
import { orErrorPage } from "~/utils/http.server.ts";
import { parseId } from "~/utils/params.ts";

/** Earlier versions of an edited post, for moderators. */
export async function loader({ request, context }: LoaderFunctionArgs) {
  const postId = parseId(new URL(request.url).searchParams.get("post"));
  if (!postId) throw new Response("Say which post.", { status: 400 });
  const viewer = await getViewer(request, context);
  const revisions = await orErrorPage(listRevisions(context.db, viewer, postId));
  return json({
    revisions: revisions.map((r) => ({
      id: r.id,
      title: r.title,
      bodyMd: r.body_md,
      createdAt: r.created_at.toISOString(),
      editor: r.editor_name,
    })),
  });
}
