import type { LoaderFunctionArgs } from "@remix-run/node";
import { renderToStaticMarkup } from "react-dom/server";
import { I18nextProvider } from "react-i18next";
import { i18nFor } from "~/i18n/index.ts";
import { localeOf } from "~/i18n/locale.server.ts";
import { EmbedStoryCard } from "~/components/share/embed-story-card.tsx";
import { headlineMetric } from "~/modules/advocacy/metrics.ts";
import { getPublishedStory } from "~/modules/advocacy/story-queries.server.ts";
import { embedRefusal, embedResponse } from "~/modules/share/embeds.server.ts";

/** A published story as a card that another website frames; anything else is a plain 404. */
export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const i18n = i18nFor(await localeOf(request, context));
  const story = await getPublishedStory(context.db, params.slug ?? "").catch(() => null);
  if (!story) return embedRefusal(404, i18n.t("embed.storyNotFound"));
  const url = `${context.env.PUBLIC_URL.replace(/\/+$/, "")}/stories/${story.slug}`;
  const html = renderToStaticMarkup(
    <I18nextProvider i18n={i18n}>
      <EmbedStoryCard
        url={url}
        title={story.title}
        company={story.company}
        metric={headlineMetric(story.metrics)}
      />
    </I18nextProvider>,
  );
  return embedResponse(context.db, html);
}
