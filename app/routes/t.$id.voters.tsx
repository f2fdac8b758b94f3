import { json, type LoaderFunctionArgs } from "@remix-run/node";
import { listVoters } from "~/modules/discussions/votes.server.ts";
import { idParam } from "~/modules/discussions/validation.ts";
import { getViewer } from "~/utils/auth.server.ts";

/** Who voted on a post: moderators and people with the vote-breakdown privilege. */
export async function loader({ request, context }: LoaderFunctionArgs) {
  const postId = idParam(new URL(request.url).searchParams.get("post"));
  if (!postId) throw new Response("Say which post.", { status: 400 });
  const viewer = await getViewer(request, context);
  try {
    const voters = await listVoters(context.db, viewer, postId);
    return json({
      voters: voters.map((v) => ({
        handle: v.handle,
        displayName: v.display_name,
        votedAt: v.created_at.toISOString(),
      })),
    });
  } catch (error) {
    const status = (error as { status?: number }).status;
    if (status && status < 500) throw new Response((error as Error).message, { status });
    throw error;
  }
}
