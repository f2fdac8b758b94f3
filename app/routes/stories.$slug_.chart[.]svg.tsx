import type { LoaderFunctionArgs } from "@remix-run/node";
import { renderToStaticMarkup } from "react-dom/server";
import { I18nextProvider } from "react-i18next";
import { i18nFor } from "~/i18n/index.ts";
import { localeOf } from "~/i18n/locale.server.ts";
import { MetricsChart } from "~/components/advocacy/metrics-chart.tsx";
import { getPublishedStory } from "~/modules/advocacy/story-queries.server.ts";

/** A published story's before/after chart as an SVG file, for link previews and sharing. */
export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const i18n = i18nFor(await localeOf(request, context));
  const story = await getPublishedStory(context.db, params.slug ?? "").catch(() => null);
  if (!story) return new Response(i18n.t("stories.page.notFound"), { status: 404 });
  const svg = renderToStaticMarkup(
    <I18nextProvider i18n={i18n}>
      <MetricsChart
        metrics={story.metrics}
        title={i18n.t("stories.view.chartTitle", { title: story.title })}
        standalone
      />
    </I18nextProvider>,
  );
  return new Response(`<?xml version="1.0" encoding="UTF-8"?>\n${svg}`, {
    headers: {
      "Content-Type": "image/svg+xml; charset=utf-8",
      "Cache-Control": "public, max-age=300",
      "X-Content-Type-Options": "nosniff",
      // The chart's words are in the reader's language.
      Vary: "Accept-Language, Cookie",
    },
  });
}
