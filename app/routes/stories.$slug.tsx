import { json, redirect, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { StoryView } from "~/components/advocacy/story-view.tsx";
import { Container } from "~/components/app-shell.tsx";
import { ShareButtons } from "~/components/share/share-buttons.tsx";
import { buttonClass } from "~/components/ui/button.tsx";
import { policy } from "~/modules/access/policy.ts";
import { describeMetric, headlineMetric } from "~/modules/advocacy/metrics.ts";
import { recordStoryRead } from "~/modules/promoters/referral-links.server.ts";
import { readAttributionToken } from "~/utils/attribution.server.ts";
import { getPublishedStory, getStoryBySlug } from "~/modules/advocacy/story-queries.server.ts";
import { toStoryView } from "~/modules/advocacy/story-view.ts";
import { shareImageUrl } from "~/modules/share/cards.server.ts";
import { shareImageMeta } from "~/modules/share/meta.ts";
import { getViewer } from "~/utils/auth.server.ts";
import { notFound } from "~/utils/http.server.ts";
import { useTranslation } from "react-i18next";
import { i18nFor, localeOfMatches } from "~/i18n/index.ts";
import { localeOf } from "~/i18n/locale.server.ts";
import { eventDateIn } from "~/modules/advocacy/local-time.ts";

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const viewer = await getViewer(request, context);
  const slug = params.slug ?? "";
  const locale = await localeOf(request, context);
  const story = await getPublishedStory(context.db, slug).catch(() => null);
  if (!story) {
    // Not live: its author and the reviewers go to where they can work on it.
    const draft = await getStoryBySlug(context.db, slug).catch(() => null);
    if (draft && policy.editStory(viewer, { authorId: draft.author_id }))
      throw redirect(`/stories/${draft.slug}/edit`);
    if (draft && policy.reviewStory(viewer, { authorId: draft.author_id }))
      throw redirect(`/manage/stories/${draft.id}`);
    throw notFound(i18nFor(locale).t("stories.page.notFound"));
  }
  const isAuthor = viewer?.id === story.author_id;
  const origin = context.env.PUBLIC_URL.replace(/\/+$/, "");
  // A signed-in reader's first read, so the author can share the credit if their company is won.
  if (viewer && !policy.useManagerTools(viewer))
    await recordStoryRead(context.db, {
      userId: viewer.id,
      storyId: story.id,
      authorId: story.author_id,
      token: await readAttributionToken(request),
      now: new Date(),
    });
  return json({
    story: toStoryView(
      story,
      policy.viewProfile(viewer, { userId: story.author_id, isPublic: story.author_public }),
    ),
    slug: story.slug,
    id: story.id,
    version: story.version,
    published: eventDateIn(locale)(story.published_at),
    publishedIso: new Date(story.published_at).toISOString(),
    url: `${origin}/stories/${story.slug}`,
    imageUrl: await shareImageUrl(context.db, origin, "story", story.slug),
    oembedUrl: `${origin}/oembed?format=json&url=${encodeURIComponent(`${origin}/stories/${story.slug}`)}`,
    isAuthor,
    revisionInProgress: isAuthor && story.status !== "published",
    canReview: policy.reviewStory(viewer, { authorId: story.author_id }),
  });
}

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => {
  const { t } = i18nFor(localeOfMatches(matches));
  if (!data) return [{ title: t("stories.page.notFoundTitle") }];
  const { story } = data;
  const headline = headlineMetric(story.metrics);
  const description =
    story.pullQuote ||
    (headline
      ? describeMetric(headline)
      : t("stories.page.onNorthwind", { company: story.company }));
  const title = `${story.title} · ${story.company || story.author.name}`;
  return [
    { title: `${title} · Limelight` },
    { name: "description", content: description },
    { property: "og:type", content: "article" },
    { property: "og:site_name", content: "Limelight" },
    { property: "og:title", content: story.title },
    { property: "og:description", content: description },
    { property: "og:url", content: data.url },
    ...shareImageMeta(data.imageUrl, headline ? describeMetric(headline) : story.title),
    { property: "article:published_time", content: data.publishedIso },
    { property: "article:author", content: story.author.name },
    { property: "article:section", content: story.industry },
    { name: "twitter:title", content: story.title },
    { name: "twitter:description", content: description },
    { tagName: "link", rel: "canonical", href: data.url },
    {
      tagName: "link",
      rel: "alternate",
      type: "application/json+oembed",
      href: data.oembedUrl,
      title: story.title,
    },
  ];
};

export default function StoryPage() {
  const data = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  return (
    <Container className="max-w-3xl">
      <div className="mb-6 flex flex-wrap items-center justify-between gap-3">
        <Link
          to="/stories"
          className="text-sm font-medium text-brand-700 underline dark:text-brand-300"
        >
          {t("stories.page.allStories")}
        </Link>
        <div className="flex gap-2">
          {data.isAuthor ? (
            <Link to={`/stories/${data.slug}/edit`} className={buttonClass("secondary", "sm")}>
              {data.revisionInProgress
                ? t("stories.page.continueVersion")
                : t("stories.page.editNewVersion")}
            </Link>
          ) : null}
          {data.canReview ? (
            <Link to={`/manage/stories/${data.id}`} className={buttonClass("secondary", "sm")}>
              {t("stories.page.review")}
            </Link>
          ) : null}
        </div>
      </div>
      <StoryView story={data.story} />
      <p className="mt-8 text-sm text-stone-500 dark:text-stone-400">
        {data.version > 1
          ? t("stories.page.publishedVersion", { date: data.published, version: data.version })
          : t("stories.page.published", { date: data.published })}
      </p>
      <ShareButtons
        url={data.url}
        text={
          data.isAuthor
            ? t("stories.page.shareOwn", { title: data.story.title })
            : t("stories.page.shareOther", { title: data.story.title })
        }
      />
    </Container>
  );
}
