import { json, type LoaderFunctionArgs } from "@remix-run/node";
import { listRevisions } from "~/modules/discussions/moderation.server.ts";
import { idParam } from "~/modules/discussions/validation.ts";
import { getViewer } from "~/utils/auth.server.ts";

/** Earlier versions of an edited post, for moderators. */
export async function loader({ request, context }: LoaderFunctionArgs) {
  const postId = idParam(new URL(request.url).searchParams.get("post"));
  if (!postId) throw new Response("Say which post.", { status: 400 });
  const viewer = await getViewer(request, context);
  try {
    const revisions = await listRevisions(context.db, viewer, postId);
    return json({
      revisions: revisions.map((r) => ({
        id: r.id,
        title: r.title,
        bodyMd: r.body_md,
        createdAt: r.created_at.toISOString(),
        editor: r.editor_name,
      })),
    });
  } catch (error) {
    const status = (error as { status?: number }).status;
    if (status && status < 500) throw new Response((error as Error).message, { status });
    throw error;
  }
}
