import {
  json,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
} from "@remix-run/node";
import { z } from "zod";
import { useTranslation } from "react-i18next";
import { i18nFor, localeOfMatches } from "~/i18n/index.ts";
import { localeOf } from "~/i18n/locale.server.ts";
import { Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { StoryStatusBadge } from "~/components/advocacy/status-badge.tsx";
import { StoryReviewActions } from "~/components/advocacy/review-actions.tsx";
import { StoryHistory } from "~/components/advocacy/story-history.tsx";
import { StoryView } from "~/components/advocacy/story-view.tsx";
import { Badge } from "~/components/ui/badge.tsx";
import { buttonClass } from "~/components/ui/button.tsx";
import { Card } from "~/components/ui/card.tsx";
import { FormError } from "~/components/ui/field.tsx";
import { policy } from "~/modules/access/policy.ts";
import { storyPoints } from "~/modules/advocacy/points.server.ts";
import {
  getStoryById,
  listStoryEvents,
  listStoryVersions,
} from "~/modules/advocacy/story-queries.server.ts";
import {
  declineStory,
  publishStory,
  republishStory,
  requestStoryChanges,
  unpublishStory,
} from "~/modules/advocacy/story-review.server.ts";
import { toStoryView } from "~/modules/advocacy/story-view.ts";
import { FORMAT_TAGS } from "~/i18n/index.ts";
import { formatsFor } from "~/utils/format.ts";
import { CommentSchema, ReasonSchema } from "~/modules/advocacy/validation.ts";
import { canStory } from "~/modules/advocacy/workflow.ts";
import { getViewer, requireAllowed } from "~/utils/auth.server.ts";
import { commandContext } from "~/utils/command.server.ts";
import { formValues, invalidForm, parseIntent } from "~/utils/forms.ts";
import { answerDomainError, orErrorPage } from "~/utils/http.server.ts";
import { idParam } from "~/utils/params.ts";
import { redirectWithToast } from "~/utils/toast.server.ts";

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => {
  const { t } = i18nFor(localeOfMatches(matches));
  return [
    {
      title: t("manageStories.reviewMetaTitle", {
        title: data?.story.title ?? t("manageStories.story"),
      }),
    },
  ];
};

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  await requireAllowed(request, context, policy.reviewStory);
  const viewer = await getViewer(request, context);
  const story = await orErrorPage(getStoryById(context.db, idParam(params.id)));
  const [events, versions, points] = await Promise.all([
    listStoryEvents(context.db, story.id),
    listStoryVersions(context.db, story.id),
    storyPoints(context.db),
  ]);
  const mayReview = policy.reviewStory(viewer, { authorId: story.author_id });
  const locale = await localeOf(request, context);
  const { t } = i18nFor(locale);
  const formats = formatsFor(FORMAT_TAGS[locale]);
  return json({
    story: {
      id: story.id,
      slug: story.slug,
      title: story.title,
      status: story.status,
      live: story.live_version_id !== null,
      consent: story.consent_at !== null,
      sourceType: story.source_type,
      sourceId: story.source_id,
      authorName: story.author_name,
      authorHandle: story.author_handle,
      awarded: story.award_key !== null,
    },
    preview: toStoryView(story),
    can: {
      review: mayReview && canStory("publish", story.status),
      unpublish: mayReview && story.live_version_id !== null,
      republish: mayReview && canStory("republish", story.status),
    },
    points,
    events: events.map((e) => ({
      id: e.id,
      label: t(`manageStories.event.${e.action}`, { defaultValue: e.action.replace(/_/g, " ") }),
      comment: e.comment,
      actor: e.actor_name,
      date: formats.day(e.created_at),
    })),
    versions: versions.map((v) => ({
      version: v.version,
      date: formats.day(v.published_at),
      by: v.published_by_name,
    })),
  });
}

const ReviewIntents = {
  "request-changes": CommentSchema,
  publish: z.object({}),
  decline: ReasonSchema,
  unpublish: ReasonSchema,
  republish: z.object({}),
};

export async function action({ request, context, params }: ActionFunctionArgs) {
  await requireAllowed(request, context, policy.reviewStory);
  const id = idParam(params.id);
  const formData = await request.formData();
  const { t } = i18nFor(await localeOf(request, context));
  const submission = parseIntent(formData, ReviewIntents);
  if (!submission.ok) return invalidForm(submission);
  const back = `/manage/stories/${id}`;
  try {
    const ctx = await commandContext(request, context);
    switch (submission.intent) {
      case "request-changes":
        await requestStoryChanges(ctx, { id, comment: submission.data.comment });
        return redirectWithToast(back, {
          kind: "success",
          title: t("manageStories.changesRequested"),
          description: t("manageStories.changesRequestedText"),
        });
      case "publish": {
        const { version } = await publishStory(ctx, { id });
        return redirectWithToast(back, {
          kind: "success",
          title:
            version > 1
              ? t("manageStories.versionPublished", { version })
              : t("manageStories.publishedToast"),
          description: t("manageStories.publishedText"),
        });
      }
      case "decline":
        await declineStory(ctx, { id, reason: submission.data.reason });
        return redirectWithToast(back, { kind: "info", title: t("manageStories.declined") });
      case "unpublish":
        await unpublishStory(ctx, { id, reason: submission.data.reason });
        return redirectWithToast(back, {
          kind: "info",
          title: t("manageStories.unpublished"),
        });
      case "republish":
        await republishStory(ctx, { id });
        return redirectWithToast(back, {
          kind: "success",
          title: t("manageStories.republished"),
        });
    }
  } catch (error) {
    return answerDomainError(error, formValues(formData));
  }
}

export default function ReviewStory() {
  const data = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const busy = useNavigation().state === "submitting";
  const intent = actionData?.values?.intent;
  const { story } = data;
  const { t } = useTranslation();
  return (
    <div className="space-y-6">
      <div className="space-y-2">
        <Link
          to="/manage/stories"
          className="text-sm font-medium text-brand-700 underline dark:text-brand-300"
        >
          {t("manageStories.back")}
        </Link>
        <div className="flex flex-wrap items-center gap-3">
          <h2 className="text-xl font-semibold">{story.title}</h2>
          <StoryStatusBadge status={story.status} />
          {story.live ? (
            <Link to={`/stories/${story.slug}`} className={buttonClass("secondary", "sm")}>
              {t("manageStories.viewLive")}
            </Link>
          ) : null}
        </div>
        <p className="text-sm text-stone-600 dark:text-stone-400">
          {t("manageStories.by")}{" "}
          <Link to={`/u/${story.authorHandle}`} className="underline">
            {story.authorName}
          </Link>
          {story.sourceType
            ? ` · ${t("manageStories.startedFrom", {
                source:
                  {
                    thread: t("manageStories.source.thread"),
                    testimonial: t("manageStories.source.testimonial"),
                    survey_response: t("manageStories.source.survey_response"),
                  }[story.sourceType] ?? story.sourceType,
                id: story.sourceId,
              })}`
            : ""}{" "}
          ·{" "}
          {story.consent ? (
            <Badge tone="brand">{t("manageStories.consent")}</Badge>
          ) : (
            <Badge tone="danger">{t("manageStories.noConsent")}</Badge>
          )}
        </p>
      </div>

      <div className="grid gap-8 lg:grid-cols-3">
        <div className="lg:col-span-2">
          <Card className="p-5 sm:p-8">
            <StoryView story={data.preview} preview />
          </Card>
        </div>
        <aside className="space-y-6">
          {intent ? <FormError message={actionData?.formError} /> : null}
          <StoryReviewActions
            live={story.live}
            points={data.points}
            can={data.can}
            busy={busy}
            actionData={actionData}
          />
          <StoryHistory events={data.events} versions={data.versions} heading="h3" capitalize />
        </aside>
      </div>
    </div>
  );
}
