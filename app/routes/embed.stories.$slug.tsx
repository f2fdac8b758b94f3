import type { LoaderFunctionArgs } from "@remix-run/node";
import { renderToStaticMarkup } from "react-dom/server";
import { EmbedStoryCard } from "~/components/share/embed-story-card.tsx";
import { headlineMetric } from "~/modules/advocacy/metrics.ts";
import { getPublishedStory } from "~/modules/advocacy/story-queries.server.ts";
import { embedRefusal, embedResponse } from "~/modules/share/embeds.server.ts";

/** A published story as a card that another website frames; anything else is a plain 404. */
export async function loader({ context, params }: LoaderFunctionArgs) {
  const story = await getPublishedStory(context.db, params.slug ?? "").catch(() => null);
  if (!story) return embedRefusal(404, "We could not find that story.");
  const url = `${context.env.PUBLIC_URL.replace(/\/+$/, "")}/stories/${story.slug}`;
  const html = renderToStaticMarkup(
    <EmbedStoryCard
      url={url}
      title={story.title}
      company={story.company}
      metric={headlineMetric(story.metrics)}
    />,
  );
  return embedResponse(context.db, html);
}
