import {
  json,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
} from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { z } from "zod";
import { useTranslation } from "react-i18next";
import { i18nFor, localeOfMatches } from "~/i18n/index.ts";
import { localeOf } from "~/i18n/locale.server.ts";
import { useFormats } from "~/i18n/use-formats.ts";
import { StoryStatusBadge } from "~/components/advocacy/status-badge.tsx";
import { Button } from "~/components/ui/button.tsx";
import { Card } from "~/components/ui/card.tsx";
import { EmptyState } from "~/components/ui/empty-state.tsx";
import { FormError, SelectField, TextField } from "~/components/ui/field.tsx";
import { policy } from "~/modules/access/policy.ts";
import { listStoriesForReview } from "~/modules/advocacy/story-queries.server.ts";
import { startStoryFromThread } from "~/modules/advocacy/story-writing.server.ts";
import { requireAllowed } from "~/utils/auth.server.ts";
import { commandContext } from "~/utils/command.server.ts";
import { NotFoundError } from "~/utils/errors.ts";
import { answerDomainError } from "~/utils/http.server.ts";
import { parseId } from "~/utils/params.ts";
import { formFields } from "~/utils/form-fields.ts";
import { fieldErrorsIn } from "~/components/manage/field-errors.ts";
import { formErrors, parseForm } from "~/utils/forms.ts";
import { redirectWithToast } from "~/utils/toast.server.ts";
import { advocatesByName } from "~/modules/profiles/pickers.server.ts";

export const meta: MetaFunction = ({ matches }) => [
  { title: i18nFor(localeOfMatches(matches)).t("manageStories.metaTitle") },
];

export async function loader({ request, context }: LoaderFunctionArgs) {
  await requireAllowed(request, context, policy.reviewStory);
  const thread = new URL(request.url).searchParams.get("thread") ?? "";
  const [review, waiting, published, other, advocates] = await Promise.all([
    listStoriesForReview(context.db, ["submitted"]),
    listStoriesForReview(context.db, ["proposed", "changes_requested", "draft"]),
    listStoriesForReview(context.db, ["published"]),
    listStoriesForReview(context.db, ["unpublished", "declined"], 20),
    advocatesByName(context.db),
  ]);
  const shape = (rows: typeof review) =>
    rows.map((s) => ({
      id: s.id,
      slug: s.slug,
      title: s.title,
      company: s.company,
      status: s.status,
      live: s.live_version_id !== null,
      author_name: s.author_name,
      updated: s.updated_at,
    }));
  return json({
    review: shape(review),
    waiting: shape(waiting.filter((s) => s.status !== "draft" || s.live_version_id !== null)),
    published: shape(published),
    other: shape(other),
    advocates,
    thread,
  });
}

const StartSchema = z.object({
  thread: z
    .string()
    .trim()
    .min(1, "Enter the thread's number or its link.")
    .transform((v) => /(?:\/t\/)?(\d+)/.exec(v)?.[1] ?? "")
    .pipe(z.string().min(1, "Enter the thread's number or its link, e.g. /t/42.")),
  advocateId: z.coerce
    .number({ invalid_type_error: "Choose the advocate who said it." })
    .int()
    .positive("Choose the advocate who said it."),
});

export async function action({ request, context }: ActionFunctionArgs) {
  await requireAllowed(request, context, policy.startStoryFromSource);
  const parsed = parseForm(StartSchema, await request.formData());
  const { t } = i18nFor(await localeOf(request, context));
  if (!parsed.ok)
    return formErrors({
      fieldErrors: fieldErrorsIn(parsed.fieldErrors, {
        "Enter the thread's number or its link.": t("manageStories.errorThread"),
        "Enter the thread's number or its link, e.g. /t/42.": t("manageStories.errorThreadExample"),
        "Choose the advocate who said it.": t("manageStories.errorAdvocate"),
      }),
      values: parsed.values,
    });
  try {
    const threadId = parseId(parsed.data.thread);
    if (threadId === null) throw new NotFoundError(t("manageStories.threadNotFound"));
    const story = await startStoryFromThread(await commandContext(request, context), {
      threadId,
      advocateId: parsed.data.advocateId,
    });
    return redirectWithToast(`/manage/stories/${story.id}`, {
      kind: "success",
      title: t("manageStories.started"),
      description: t("manageStories.startedText"),
    });
  } catch (error) {
    return answerDomainError(error, {
      thread: parsed.data.thread,
      advocateId: String(parsed.data.advocateId),
    });
  }
}

type Row = ReturnType<typeof useLoaderData<typeof loader>>["review"][number];

function StoryRows({ rows, empty }: { rows: Row[]; empty: string }) {
  const { t } = useTranslation();
  const { day } = useFormats();
  if (rows.length === 0) return <EmptyState title={empty} />;
  return (
    <Card>
      <ul className="divide-y divide-stone-200 dark:divide-stone-800">
        {rows.map((s) => (
          <li
            key={s.id}
            className="flex flex-col gap-2 px-5 py-3 sm:flex-row sm:items-center sm:justify-between"
          >
            <div>
              <Link to={`/manage/stories/${s.id}`} className="font-medium hover:underline">
                {s.title}
              </Link>
              <p className="text-sm text-stone-600 dark:text-stone-400">
                {s.author_name}
                {s.company ? ` · ${s.company}` : ""} ·{" "}
                {t("manageStories.updated", { date: day(s.updated) })}
                {s.live && s.status !== "published" ? ` · ${t("manageStories.liveVersion")}` : ""}
              </p>
            </div>
            <StoryStatusBadge status={s.status} />
          </li>
        ))}
      </ul>
    </Card>
  );
}

export default function ManageStories() {
  const data = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const busy = useNavigation().state === "submitting";
  const { t } = useTranslation();
  const { field, formError } = formFields<typeof StartSchema>(actionData, { thread: data.thread });
  return (
    <div className="space-y-10">
      <section aria-labelledby="review-heading" className="space-y-3">
        <h2 id="review-heading" className="text-lg font-semibold">
          {t("manageStories.inReview", { count: data.review.length })}
        </h2>
        <StoryRows rows={data.review} empty={t("manageStories.inReviewEmpty")} />
      </section>
      <section aria-labelledby="waiting-heading" className="space-y-3">
        <h2 id="waiting-heading" className="text-lg font-semibold">
          {t("manageStories.withAuthor", { count: data.waiting.length })}
        </h2>
        <StoryRows rows={data.waiting} empty={t("manageStories.withAuthorEmpty")} />
      </section>
      <section aria-labelledby="start-heading" className="space-y-3">
        <h2 id="start-heading" className="text-lg font-semibold">
          {t("manageStories.startHeading")}
        </h2>
        <Card className="p-5">
          <p className="mb-4 text-sm text-stone-600 dark:text-stone-400">
            {t("manageStories.startIntro")}
          </p>
          <Form
            method="post"
            noValidate
            className="grid gap-4 sm:grid-cols-[1fr_1fr_auto] sm:items-end"
          >
            <TextField
              label={t("manageStories.thread")}
              placeholder={t("manageStories.threadPlaceholder")}
              {...field("thread")}
            />
            <SelectField label={t("manageStories.advocate")} {...field("advocateId")}>
              <option value="">{t("manageStories.chooseAdvocate")}</option>
              {data.advocates.map((a) => (
                <option key={a.id} value={a.id}>
                  {a.display_name}
                  {a.company ? ` — ${a.company}` : ""}
                </option>
              ))}
            </SelectField>
            <Button type="submit" disabled={busy}>
              {t("manageStories.startDraft")}
            </Button>
          </Form>
          <div className="mt-3">
            <FormError message={formError} />
          </div>
        </Card>
      </section>
      <section aria-labelledby="published-heading" className="space-y-3">
        <h2 id="published-heading" className="text-lg font-semibold">
          {t("manageStories.published", { count: data.published.length })}
        </h2>
        <StoryRows rows={data.published} empty={t("manageStories.publishedEmpty")} />
      </section>
      <section aria-labelledby="other-heading" className="space-y-3">
        <h2 id="other-heading" className="text-lg font-semibold">
          {t("manageStories.other")}
        </h2>
        <StoryRows rows={data.other} empty={t("manageStories.otherEmpty")} />
      </section>
    </div>
  );
}
