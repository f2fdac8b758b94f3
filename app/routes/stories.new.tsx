import {
  json,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
} from "@remix-run/node";
import { useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { StoryForm } from "~/components/advocacy/story-form.tsx";
import { Container, PageHeader } from "~/components/app-shell.tsx";
import { policy } from "~/modules/access/policy.ts";
import { STORY_INDUSTRIES } from "~/modules/advocacy/formats.ts";
import { storyPoints } from "~/modules/advocacy/points.server.ts";
import { saveStory } from "~/modules/advocacy/story-writing.server.ts";
import { StorySchema } from "~/modules/advocacy/validation.ts";
import { getOwnProfile } from "~/modules/profiles/profiles.server.ts";
import { requireAllowed } from "~/utils/auth.server.ts";
import { commandContext } from "~/utils/command.server.ts";
import { answerDomainError } from "~/utils/http.server.ts";
import { formValues, invalidForm, parseIntent } from "~/utils/forms.ts";
import { redirectWithToast } from "~/utils/toast.server.ts";
import { useTranslation } from "react-i18next";
import { i18nFor, localeOfMatches } from "~/i18n/index.ts";
import { localeOf } from "~/i18n/locale.server.ts";

export const meta: MetaFunction = ({ matches }) => [
  { title: i18nFor(localeOfMatches(matches)).t("stories.new.metaTitle") },
];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await requireAllowed(request, context, policy.writeStory);
  const [profile, points] = await Promise.all([
    getOwnProfile(context.db, user.id),
    storyPoints(context.db),
  ]);
  return json({
    author: { name: profile.display_name, handle: profile.handle, jobTitle: profile.job_title },
    initial: {
      company: profile.company,
      industry: (STORY_INDUSTRIES as readonly string[]).includes(profile.industry)
        ? profile.industry
        : "",
    },
    points,
  });
}

export async function action({ request, context }: ActionFunctionArgs) {
  await requireAllowed(request, context, policy.writeStory);
  const { t } = i18nFor(await localeOf(request, context));
  const formData = await request.formData();
  // Enter in a field saves a draft, as the first button does.
  if (!formData.has("intent")) formData.set("intent", "save");
  const submission = parseIntent(formData, { save: StorySchema, submit: StorySchema });
  if (!submission.ok)
    return invalidForm({
      ...submission,
      formError: submission.formError ?? t("stories.save.formError"),
    });
  const submit = submission.intent === "submit";
  try {
    const story = await saveStory(await commandContext(request, context), {
      story: submission.data,
      submit,
    });
    return redirectWithToast(`/stories/${story.slug}/edit`, {
      kind: "success",
      title: submit ? t("stories.save.sent") : t("stories.save.draftSaved"),
      description: submit ? t("stories.save.sentBody") : t("stories.save.draftSavedBody"),
    });
  } catch (error) {
    return answerDomainError(error, formValues(formData));
  }
}

export default function NewStory() {
  const { author, initial, points } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const busy = useNavigation().state === "submitting";
  const { t } = useTranslation();
  return (
    <Container className="max-w-7xl">
      <PageHeader
        title={t("stories.new.title")}
        description={t("stories.new.description", { points })}
      />
      <StoryForm actionData={actionData} saved={initial} author={author} busy={busy} />
    </Container>
  );
}
