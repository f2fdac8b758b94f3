import {
  json,
  redirect,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
} from "@remix-run/node";
import { z } from "zod";
import { Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { StoryForm, storyFormValues } from "~/components/advocacy/story-form.tsx";
import { StoryStatusBadge } from "~/components/advocacy/status-badge.tsx";
import { StoryHistory } from "~/components/advocacy/story-history.tsx";
import { ProposalCard, ReviewNote } from "~/components/advocacy/story-notices.tsx";
import { StoryView } from "~/components/advocacy/story-view.tsx";
import { Container } from "~/components/app-shell.tsx";
import { buttonClass } from "~/components/ui/button.tsx";
import { policy } from "~/modules/access/policy.ts";
import {
  getStoryBySlug,
  latestReviewNote,
  listStoryEvents,
  listStoryVersions,
} from "~/modules/advocacy/story-queries.server.ts";
import { toStoryView } from "~/modules/advocacy/story-view.ts";
import { answerStoryProposal, saveStory } from "~/modules/advocacy/story-writing.server.ts";
import { StorySchema } from "~/modules/advocacy/validation.ts";
import { canStory } from "~/modules/advocacy/workflow.ts";
import { getViewer, requireUser } from "~/utils/auth.server.ts";
import { commandContext } from "~/utils/command.server.ts";
import { formValues, invalidForm, parseIntent } from "~/utils/forms.ts";
import { answerDomainError, notFound, orErrorPage } from "~/utils/http.server.ts";
import { redirectWithToast } from "~/utils/toast.server.ts";
import { useTranslation } from "react-i18next";
import { i18nFor, localeOfMatches } from "~/i18n/index.ts";
import { localeOf } from "~/i18n/locale.server.ts";
import { eventDateIn } from "~/modules/advocacy/local-time.ts";

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => {
  const { t } = i18nFor(localeOfMatches(matches));
  return [
    {
      title: data
        ? t("stories.edit.metaTitle", { title: data.story.title })
        : t("stories.edit.metaTitleUntitled"),
    },
    { name: "robots", content: "noindex" },
  ];
};

/** A step of the story's history in the reader's language; an unknown step keeps its own name. */
function eventLabel(t: (key: string) => string, action: string): string {
  const labels: Record<string, string> = {
    created: t("stories.events.created"),
    proposed: t("stories.events.proposed"),
    accepted: t("stories.events.accepted"),
    turned_down: t("stories.events.turned_down"),
    submitted: t("stories.events.submitted"),
    changes_requested: t("stories.events.changes_requested"),
    published: t("stories.events.published"),
    declined: t("stories.events.declined"),
    revision_started: t("stories.events.revision_started"),
    revision_declined: t("stories.events.revision_declined"),
    unpublished: t("stories.events.unpublished"),
    republished: t("stories.events.republished"),
  };
  return labels[action] ?? action;
}

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  await requireUser(request, context);
  const viewer = await getViewer(request, context);
  const story = await orErrorPage(getStoryBySlug(context.db, params.slug ?? ""));
  const locale = await localeOf(request, context);
  const { t } = i18nFor(locale);
  const eventDate = eventDateIn(locale);
  if (!policy.editStory(viewer, { authorId: story.author_id })) {
    if (policy.reviewStory(viewer, { authorId: story.author_id }))
      throw redirect(`/manage/stories/${story.id}`);
    throw notFound(t("stories.page.notFound"));
  }
  const [events, versions] = await Promise.all([
    listStoryEvents(context.db, story.id),
    listStoryVersions(context.db, story.id),
  ]);
  const editable = canStory("edit", story.status) || canStory("revise", story.status);
  return json({
    story: {
      id: story.id,
      slug: story.slug,
      title: story.title,
      status: story.status,
      live: story.live_version_id !== null,
      startedBy: story.started_by_name,
      sourceType: story.source_type,
    },
    initial: storyFormValues(story),
    preview: toStoryView(story),
    author: {
      name: story.author_name,
      handle: story.author_handle,
      jobTitle: story.author_job_title,
    },
    editable,
    revising: canStory("revise", story.status),
    reviewNote: latestReviewNote(events),
    events: events.map((e) => ({
      id: e.id,
      label: eventLabel(t, e.action),
      comment: e.comment,
      actor: e.actor_name,
      date: eventDate(e.created_at),
    })),
    versions: versions.map((v) => ({ version: v.version, date: eventDate(v.published_at) })),
  });
}

const EditIntents = {
  accept: z.object({}),
  "turn-down": z.object({}),
  save: StorySchema,
  submit: StorySchema,
};

export async function action({ request, context, params }: ActionFunctionArgs) {
  await requireUser(request, context);
  const story = await orErrorPage(getStoryBySlug(context.db, params.slug ?? ""));
  const { t } = i18nFor(await localeOf(request, context));
  const formData = await request.formData();
  // Enter in a field saves, as the first button does.
  if (!formData.has("intent")) formData.set("intent", "save");
  const submission = parseIntent(formData, EditIntents);
  if (!submission.ok)
    return invalidForm({
      ...submission,
      formError: submission.formError ?? t("stories.save.formError"),
    });
  const back = `/stories/${story.slug}/edit`;
  try {
    const ctx = await commandContext(request, context);
    if (submission.intent === "accept" || submission.intent === "turn-down") {
      const accept = submission.intent === "accept";
      await answerStoryProposal(ctx, { id: story.id, accept });
      return redirectWithToast(accept ? back : "/stories/mine", {
        kind: "success",
        title: accept ? t("stories.save.accepted") : t("stories.save.turnedDown"),
      });
    }
    const submit = submission.intent === "submit";
    await saveStory(ctx, { id: story.id, story: submission.data, submit });
    return redirectWithToast(back, {
      kind: "success",
      title: submit ? t("stories.save.sent") : t("stories.save.saved"),
      description: submit ? t("stories.save.sentBody") : undefined,
    });
  } catch (error) {
    return answerDomainError(error, formValues(formData));
  }
}

export default function EditStory() {
  const data = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const busy = useNavigation().state === "submitting";
  const { story } = data;
  const { t } = useTranslation();
  const proposalIntent =
    actionData?.values?.intent === "accept" || actionData?.values?.intent === "turn-down";
  return (
    <Container className="max-w-7xl">
      <div className="mb-6 space-y-3">
        <Link
          to="/stories/mine"
          className="text-sm font-medium text-brand-700 underline dark:text-brand-300"
        >
          {t("stories.edit.myStories")}
        </Link>
        <div className="flex flex-wrap items-center gap-3">
          <h1 className="text-2xl font-bold tracking-tight sm:text-3xl">{story.title}</h1>
          <StoryStatusBadge status={story.status} />
          {story.live ? (
            <Link to={`/stories/${story.slug}`} className={buttonClass("secondary", "sm")}>
              {t("stories.edit.viewPublished")}
            </Link>
          ) : null}
        </div>
      </div>

      <ReviewNote note={data.reviewNote} status={story.status} />
      {story.status === "proposed" ? (
        <ProposalCard
          startedBy={story.startedBy}
          busy={busy}
          formError={proposalIntent ? actionData?.formError : undefined}
        />
      ) : null}

      {data.editable ? (
        <StoryForm
          actionData={proposalIntent ? undefined : actionData}
          saved={data.initial}
          author={data.author}
          busy={busy}
          submitLabel={
            story.status === "changes_requested"
              ? t("stories.edit.resubmit")
              : t("stories.edit.submit")
          }
          note={
            data.revising ? (
              <p className="rounded-lg border border-sky-200 bg-sky-50 px-4 py-3 text-sm text-sky-900 dark:border-sky-800 dark:bg-sky-950 dark:text-sky-100">
                {t("stories.edit.revisingNote")}
              </p>
            ) : null
          }
        />
      ) : (
        <div className="grid gap-8 lg:grid-cols-3">
          <div className="lg:col-span-2">
            <p className="mb-4 rounded-lg border border-stone-200 bg-white px-4 py-3 text-sm dark:border-stone-800 dark:bg-stone-900">
              {story.status === "submitted"
                ? t("stories.edit.inReview")
                : story.status === "proposed"
                  ? t("stories.edit.acceptFirst")
                  : t("stories.edit.locked")}
            </p>
            <StoryView story={data.preview} preview />
          </div>
          <aside className="space-y-6">
            <StoryHistory events={data.events} versions={data.versions} />
          </aside>
        </div>
      )}
      {data.editable ? (
        <div className="mt-10 max-w-xl">
          <aside className="space-y-6">
            <StoryHistory events={data.events} versions={data.versions} />
          </aside>
        </div>
      ) : null}
    </Container>
  );
}
