import type { LoaderFunctionArgs } from "@remix-run/node";
import { renderToStaticMarkup } from "react-dom/server";
import { EmbedWallPage } from "~/components/share/embed-wall.tsx";
import { embedRefusal, embedResponse } from "~/modules/share/embeds.server.ts";
import { loadEmbedWall, wallIndustry } from "~/modules/share/wall.server.ts";

/** The wall of published stories and testimonials, for other websites: `?industry=Healthcare`. */
export async function loader({ request, context }: LoaderFunctionArgs) {
  const industry = wallIndustry(new URL(request.url).searchParams.get("industry"));
  if (industry === null)
    return embedRefusal(400, "That industry is not one of the library's industries.");
  const wall = await loadEmbedWall(context.db, industry);
  const origin = context.env.PUBLIC_URL.replace(/\/+$/, "");
  return embedResponse(
    context.db,
    renderToStaticMarkup(<EmbedWallPage wall={wall} origin={origin} />),
  );
}
