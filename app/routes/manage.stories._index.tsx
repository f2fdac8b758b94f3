import {
  json,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
} from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { z } from "zod";
import { StoryStatusBadge } from "~/components/advocacy/status-badge.tsx";
import { Button } from "~/components/ui/button.tsx";
import { Card } from "~/components/ui/card.tsx";
import { EmptyState } from "~/components/ui/empty-state.tsx";
import { FormError, SelectField, TextField } from "~/components/ui/field.tsx";
import { policy } from "~/modules/access/policy.ts";
import { listStoriesForReview } from "~/modules/advocacy/story-queries.server.ts";
import { startStoryFromThread } from "~/modules/advocacy/story-writing.server.ts";
import { formatEventDate } from "~/modules/advocacy/time.ts";
import { requireAllowed } from "~/utils/auth.server.ts";
import { commandContext } from "~/utils/command.server.ts";
import { NotFoundError } from "~/utils/errors.ts";
import { answerDomainError } from "~/utils/http.server.ts";
import { parseId } from "~/utils/params.ts";
import { formFields } from "~/utils/form-fields.ts";
import { formErrors, parseForm } from "~/utils/forms.ts";
import { redirectWithToast } from "~/utils/toast.server.ts";
import { advocatesByName } from "~/modules/profiles/pickers.server.ts";

export const meta: MetaFunction = () => [{ title: "Stories · Manage · Limelight" }];

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
      updated: formatEventDate(s.updated_at),
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
  if (!parsed.ok) return formErrors({ fieldErrors: parsed.fieldErrors, values: parsed.values });
  try {
    const threadId = parseId(parsed.data.thread);
    if (threadId === null) throw new NotFoundError("We could not find that discussion thread.");
    const story = await startStoryFromThread(await commandContext(request, context), {
      threadId,
      advocateId: parsed.data.advocateId,
    });
    return redirectWithToast(`/manage/stories/${story.id}`, {
      kind: "success",
      title: "Story draft started",
      description: "The advocate has been asked to accept it.",
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
                {s.company ? ` · ${s.company}` : ""} · updated {s.updated}
                {s.live && s.status !== "published" ? " · a published version is live" : ""}
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
  const { field, formError } = formFields<typeof StartSchema>(actionData, { thread: data.thread });
  return (
    <div className="space-y-10">
      <section aria-labelledby="review-heading" className="space-y-3">
        <h2 id="review-heading" className="text-lg font-semibold">
          In review ({data.review.length})
        </h2>
        <StoryRows rows={data.review} empty="Nothing waiting for review" />
      </section>
      <section aria-labelledby="waiting-heading" className="space-y-3">
        <h2 id="waiting-heading" className="text-lg font-semibold">
          With the author ({data.waiting.length})
        </h2>
        <StoryRows rows={data.waiting} empty="No stories waiting for their authors" />
      </section>
      <section aria-labelledby="start-heading" className="space-y-3">
        <h2 id="start-heading" className="text-lg font-semibold">
          Start a story from a discussion
        </h2>
        <Card className="p-5">
          <p className="mb-4 text-sm text-stone-600 dark:text-stone-400">
            When an advocate tells a good story in a thread, start a draft for them: the
            thread&apos;s title and opening post are copied in and the draft is attributed to them.
            They accept it before anything moves on.
          </p>
          <Form
            method="post"
            noValidate
            className="grid gap-4 sm:grid-cols-[1fr_1fr_auto] sm:items-end"
          >
            <TextField label="Thread" placeholder="42 or /t/42/…" {...field("thread")} />
            <SelectField label="Advocate" {...field("advocateId")}>
              <option value="">Choose an advocate</option>
              {data.advocates.map((a) => (
                <option key={a.id} value={a.id}>
                  {a.display_name}
                  {a.company ? ` — ${a.company}` : ""}
                </option>
              ))}
            </SelectField>
            <Button type="submit" disabled={busy}>
              Start draft
            </Button>
          </Form>
          <div className="mt-3">
            <FormError message={formError} />
          </div>
        </Card>
      </section>
      <section aria-labelledby="published-heading" className="space-y-3">
        <h2 id="published-heading" className="text-lg font-semibold">
          Published ({data.published.length})
        </h2>
        <StoryRows rows={data.published} empty="No stories published yet" />
      </section>
      <section aria-labelledby="other-heading" className="space-y-3">
        <h2 id="other-heading" className="text-lg font-semibold">
          Unpublished and declined
        </h2>
        <StoryRows rows={data.other} empty="None" />
      </section>
    </div>
  );
}
