import { Link } from "@remix-run/react";
import { useId, useState } from "react";
import { useTranslation } from "react-i18next";
import { Avatar } from "~/components/ui/avatar.tsx";
import { Badge } from "~/components/ui/badge.tsx";
import { buttonClass } from "~/components/ui/button.tsx";
import { Card } from "~/components/ui/card.tsx";
import { describeMetric, headlineMetric } from "~/modules/advocacy/metrics.ts";
import type { StoryVideo, StoryViewData } from "~/modules/advocacy/story-view.ts";
import { MetricsChart } from "./metrics-chart.tsx";
import { industryLabel, productAreaLabel } from "./labels.ts";

export type { StoryViewData };

export function firstName(name: string): string {
  return name.trim().split(/\s+/)[0] ?? name;
}

function Section({ title, html }: { title: string; html: string }) {
  const id = useId();
  const { t } = useTranslation();
  return (
    <section aria-labelledby={id}>
      <h2
        id={id}
        className="text-xl font-semibold tracking-tight text-stone-900 dark:text-stone-100"
      >
        {title}
      </h2>
      {html ? (
        <div className="prose-ll mt-3" dangerouslySetInnerHTML={{ __html: html }} />
      ) : (
        <p className="mt-3 text-sm italic text-stone-500 dark:text-stone-400">
          {t("stories.view.notWritten")}
        </p>
      )}
    </section>
  );
}

/**
 * A YouTube or Vimeo video behind a button: the page asks nothing of the
 * provider until the reader presses play, and only then loads its player
 * (YouTube's no-cookie one). Without JavaScript the button is a link to the
 * video's own page.
 */
function VideoPlayer({
  embed,
  url,
  title,
}: {
  embed: NonNullable<StoryVideo["embed"]>;
  url: string;
  title: string;
}) {
  const [playing, setPlaying] = useState(false);
  const { t } = useTranslation();
  if (playing)
    return (
      <iframe
        src={embed.src}
        title={title ? t("stories.view.videoTitle", { title }) : t("stories.view.untitledVideo")}
        className="aspect-video w-full rounded-xl bg-stone-900"
        allow="autoplay; fullscreen; picture-in-picture"
        allowFullScreen
        referrerPolicy="strict-origin-when-cross-origin"
      />
    );
  return (
    <a
      href={url}
      target="_blank"
      rel="noopener noreferrer"
      data-testid="video-facade"
      onClick={(event) => {
        event.preventDefault();
        setPlaying(true);
      }}
      className="flex aspect-video w-full flex-col items-center justify-center gap-3 rounded-xl bg-stone-900 text-center text-white hover:bg-stone-800 focus-visible:outline focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-500"
    >
      <span
        aria-hidden="true"
        className="flex h-16 w-16 items-center justify-center rounded-full bg-white/90 text-2xl text-stone-900"
      >
        ▶
      </span>
      <span className="font-semibold">{t("stories.view.play")}</span>
      <span className="max-w-sm px-4 text-sm text-stone-300">
        {t("stories.view.playsIn", { provider: embed.provider })}
      </span>
    </a>
  );
}

/**
 * The story's video and, beside it, its transcript. A media file plays in
 * the page without loading a byte until the reader presses play; any other
 * address is a plain link, so no third-party player or script reaches the page.
 * The transcript is in the page either way, for readers and for search.
 */
function StoryVideoBlock({ video, title }: { video: StoryVideo; title: string }) {
  const id = useId();
  const { t } = useTranslation();
  return (
    <section aria-labelledby={id} className="space-y-3">
      <h2
        id={id}
        className="text-xl font-semibold tracking-tight text-stone-900 dark:text-stone-100"
      >
        {t("stories.view.video")}
      </h2>
      {video.playable ? (
        <video
          controls
          preload="none"
          src={video.url}
          aria-label={
            title ? t("stories.view.videoTitle", { title }) : t("stories.view.untitledVideo")
          }
          className="aspect-video w-full rounded-xl bg-stone-900"
        >
          <a href={video.url}>{t("stories.view.download")}</a>
        </video>
      ) : video.embed ? (
        <VideoPlayer embed={video.embed} url={video.url} title={title} />
      ) : (
        <p>
          <a
            href={video.url}
            target="_blank"
            rel="noopener noreferrer"
            className={buttonClass("secondary")}
          >
            {t("stories.view.watchOn", { host: video.host })}
          </a>
        </p>
      )}
      {video.transcript ? (
        <details className="rounded-xl border border-stone-200 p-4 dark:border-stone-800">
          <summary className="cursor-pointer font-medium">{t("stories.view.transcript")}</summary>
          <div className="mt-3 max-w-prose space-y-3 text-stone-800 dark:text-stone-200">
            {video.transcript.split(/\n\s*\n/).map((paragraph, i) => (
              <p key={i} className="whitespace-pre-line">
                {paragraph}
              </p>
            ))}
          </div>
        </details>
      ) : null}
    </section>
  );
}

/**
 * A customer story as the library shows it. The same component renders the
 * public page (stored, sanitised HTML) and the author's live preview (HTML
 * from the browser's safe preview renderer).
 */
export function StoryView({ story, preview = false }: { story: StoryViewData; preview?: boolean }) {
  const headline = headlineMetric(story.metrics);
  const HeadingTag = preview ? "h2" : "h1";
  const { t } = useTranslation();
  return (
    <article className="space-y-8">
      <header className="space-y-3">
        <div className="flex flex-wrap gap-2">
          {story.industry ? <Badge tone="info">{industryLabel(t, story.industry)}</Badge> : null}
          {story.productArea ? <Badge>{productAreaLabel(t, story.productArea)}</Badge> : null}
        </div>
        <HeadingTag className="text-3xl font-bold tracking-tight text-stone-900 sm:text-4xl dark:text-white">
          {story.title || t("stories.view.untitled")}
        </HeadingTag>
        {story.company ? (
          <p className="text-lg text-stone-600 dark:text-stone-400">{story.company}</p>
        ) : null}
        {headline ? (
          <p className="text-base font-semibold text-brand-800 dark:text-brand-300">
            {describeMetric(headline)}
          </p>
        ) : null}
      </header>

      {story.pullQuote ? (
        <figure className="border-l-4 border-amber-400 pl-5">
          <blockquote className="text-xl font-medium italic text-stone-800 dark:text-stone-200">
            “{story.pullQuote}”
          </blockquote>
          <figcaption className="mt-2 text-sm text-stone-600 dark:text-stone-400">
            — {story.author.name}
            {story.author.jobTitle ? `, ${story.author.jobTitle}` : ""}
            {story.company ? `, ${story.company}` : ""}
          </figcaption>
        </figure>
      ) : null}

      <Card className="p-5 text-stone-900 sm:p-6 dark:text-stone-100">
        <h2 className="mb-4 text-lg font-semibold">{t("stories.view.beforeAfter")}</h2>
        <MetricsChart
          metrics={story.metrics}
          title={
            story.title
              ? t("stories.view.chartTitle", { title: story.title })
              : t("stories.view.chartTitleUntitled")
          }
        />
      </Card>

      {story.video ? <StoryVideoBlock video={story.video} title={story.title} /> : null}

      <Section title={t("stories.view.challenge")} html={story.challengeHtml} />
      <Section title={t("stories.view.solution")} html={story.solutionHtml} />
      <Section title={t("stories.view.results")} html={story.resultsHtml} />

      <Card className="flex flex-col gap-4 p-5 sm:flex-row sm:items-center sm:justify-between">
        <div className="flex items-center gap-3">
          <Avatar name={story.author.name} handle={story.author.handle} />
          <div>
            <p className="text-sm text-stone-600 dark:text-stone-400">{t("stories.view.toldBy")}</p>
            {story.author.linkable && !preview ? (
              <Link to={`/u/${story.author.handle}`} className="font-semibold hover:underline">
                {story.author.name}
              </Link>
            ) : (
              <p className="font-semibold">{story.author.name}</p>
            )}
            {story.author.jobTitle ? (
              <p className="text-sm text-stone-600 dark:text-stone-400">
                {story.company
                  ? t("stories.view.jobAt", {
                      jobTitle: story.author.jobTitle,
                      company: story.company,
                    })
                  : story.author.jobTitle}
              </p>
            ) : null}
          </div>
        </div>
        {story.author.linkable && !preview ? (
          <Link to={`/u/${story.author.handle}`} className={buttonClass("secondary")}>
            {t("stories.view.ask", { name: firstName(story.author.name) })}
          </Link>
        ) : null}
      </Card>
    </article>
  );
}
