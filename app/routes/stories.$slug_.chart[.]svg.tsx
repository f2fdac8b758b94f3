import type { LoaderFunctionArgs } from "@remix-run/node";
import { renderToStaticMarkup } from "react-dom/server";
import { MetricsChart } from "~/components/advocacy/metrics-chart.tsx";
import { getPublishedStory } from "~/modules/advocacy/story-queries.server.ts";

/** A published story's before/after chart as an SVG file, for link previews and sharing. */
export async function loader({ context, params }: LoaderFunctionArgs) {
  const story = await getPublishedStory(context.db, params.slug ?? "").catch(() => null);
  if (!story) return new Response("We could not find that story.", { status: 404 });
  const svg = renderToStaticMarkup(
    <MetricsChart
      metrics={story.metrics}
      title={`${story.title}: results before and after`}
      standalone
    />,
  );
  return new Response(`<?xml version="1.0" encoding="UTF-8"?>\n${svg}`, {
    headers: {
      "Content-Type": "image/svg+xml; charset=utf-8",
      "Cache-Control": "public, max-age=300",
      "X-Content-Type-Options": "nosniff",
    },
  });
}
