import { json, type LoaderFunctionArgs } from "@remix-run/node";
import { listVoters } from "~/modules/discussions/votes.server.ts";
import { getViewer } from "~/utils/auth.server.ts";
import { orErrorPage } from "~/utils/http.server.ts";
import { parseId } from "~/utils/params.ts";

/** Who voted on a post: moderators and people with the vote-breakdown privilege. */
export async function loader({ request, context }: LoaderFunctionArgs) {
  const postId = parseId(new URL(request.url).searchParams.get("post"));
  if (!postId) throw new Response("Say which post.", { status: 400 });
  const viewer = await getViewer(request, context);
  const voters = await orErrorPage(listVoters(context.db, viewer, postId));
  return json({
    voters: voters.map((v) => ({
      handle: v.handle,
      displayName: v.display_name,
      votedAt: v.created_at.toISOString(),
    })),
  });
}
