import {
  json,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
} from "@remix-run/node";
import { Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { i18nFor, localeOfMatches } from "~/i18n/index.ts";
import { localeOf } from "~/i18n/locale.server.ts";
import {
  ConversationForm,
  GoalForm,
  NextStepForm,
} from "~/components/relationships/relationship-forms.tsx";
import {
  ConversationList,
  GoalList,
  NextStepList,
  Panel,
  SuggestionList,
} from "~/components/relationships/relationship-panels.tsx";
import { policy } from "~/modules/access/policy.ts";
import {
  addNextStep,
  completeNextStep,
  recordConversation,
  recordGoal,
  relationshipOf,
} from "~/modules/relationships/relationship.server.ts";
import { suggestionsFor } from "~/modules/relationships/suggestions.server.ts";
import {
  ConversationSchema,
  GoalSchema,
  MAX_GOAL_LENGTH,
  NextStepDoneSchema,
  NextStepSchema,
} from "~/modules/relationships/validation.ts";
import { requireAllowed } from "~/utils/auth.server.ts";
import { commandContext } from "~/utils/command.server.ts";
import type { ActionError } from "~/utils/form-fields.ts";
import { invalidForm, parseIntent } from "~/utils/forms.ts";
import { answerDomainError, orErrorPage } from "~/utils/http.server.ts";
import { idParam } from "~/utils/params.ts";
import { redirectWithToast } from "~/utils/toast.server.ts";
import { fieldErrorsIn } from "~/components/manage/field-errors.ts";

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => {
  const { t } = i18nFor(localeOfMatches(matches));
  return [
    {
      title: t("manageRelationship.metaTitle", {
        name: data?.advocate.display_name ?? t("manageRelationship.relationship"),
      }),
    },
  ];
};

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const viewer = await requireAllowed(request, context, policy.manageRelationships);
  const id = idParam(params.id);
  const relationship = await orErrorPage(relationshipOf(context.db, id));
  const suggestions = await suggestionsFor(context.db, relationship.advocate, relationship.goals);
  const now = new Date();
  return json({
    ...relationship,
    suggestions,
    viewerId: viewer.id,
    now: now.toISOString(),
    today: now.toISOString().slice(0, 10),
    tomorrow: new Date(now.getTime() + 86_400_000).toISOString().slice(0, 10),
  });
}

const INTENTS = {
  goal: GoalSchema,
  conversation: ConversationSchema,
  "next-step": NextStepSchema,
  done: NextStepDoneSchema,
} satisfies Record<string, z.ZodTypeAny>;

export async function action({ request, context, params }: ActionFunctionArgs) {
  await requireAllowed(request, context, policy.manageRelationships);
  const advocateId = idParam(params.id);
  const formData = await request.formData();
  const { t } = i18nFor(await localeOf(request, context));
  const parsed = parseIntent(formData, INTENTS);
  if (!parsed.ok)
    return invalidForm({
      ...parsed,
      fieldErrors: fieldErrorsIn(parsed.fieldErrors, {
        "Write the goal in their words.": t("manageRelationship.errors.goal"),
        [`Keep the goal under ${MAX_GOAL_LENGTH} characters.`]: t(
          "manageRelationship.errors.goalLong",
          {
            max: MAX_GOAL_LENGTH,
          },
        ),
        "Choose the day of the conversation.": t("manageRelationship.errors.heldOn"),
        "Write what you talked about.": t("manageRelationship.errors.notes"),
        "Keep the notes under 4,000 characters.": t("manageRelationship.errors.notesLong"),
        "Say what the next step is.": t("manageRelationship.errors.body"),
        "Keep the next step under 500 characters.": t("manageRelationship.errors.bodyLong"),
        "Choose a due date.": t("manageRelationship.errors.dueOn"),
        "Choose an owner.": t("manageRelationship.errors.owner"),
      }),
      formError: parsed.formError ?? t("manageRelationship.notSaved"),
    });
  const ctx = await commandContext(request, context);
  try {
    if (parsed.intent === "goal") await recordGoal(ctx, { ...parsed.data, advocateId });
    else if (parsed.intent === "conversation")
      await recordConversation(ctx, { ...parsed.data, advocateId });
    else if (parsed.intent === "next-step") await addNextStep(ctx, { ...parsed.data, advocateId });
    else await completeNextStep(ctx, { ...parsed.data, advocateId });
  } catch (error) {
    return answerDomainError(
      error,
      Object.fromEntries([...formData].map(([k, v]) => [k, String(v)])),
    );
  }
  const done = {
    goal: t("manageRelationship.goalRecorded"),
    conversation: t("manageRelationship.conversationRecorded"),
    "next-step": t("manageRelationship.nextStepAdded"),
    done: t("manageRelationship.nextStepDone"),
  };
  return redirectWithToast(`/manage/people/${advocateId}/relationship`, {
    kind: "success",
    title: done[parsed.intent],
  });
}

export default function RelationshipPage() {
  const data = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>() as ActionError | undefined;
  const busy = useNavigation().state === "submitting";
  const a = data.advocate;
  const first = a.display_name.split(" ")[0];
  const { t } = useTranslation();
  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-baseline justify-between gap-3">
        <div>
          <p className="text-sm">
            <Link
              to="/manage/people"
              className="font-medium text-brand-700 underline dark:text-brand-300"
            >
              {t("manageRelationship.back")}
            </Link>
          </p>
          <h1 className="mt-2 text-2xl font-bold">{a.display_name}</h1>
          <p className="text-sm text-stone-600 dark:text-stone-400">
            {[a.job_title, a.company, a.industry, a.location].filter(Boolean).join(" · ")}
          </p>
        </div>
        <Link
          to={`/u/${a.handle}`}
          className="text-sm font-medium text-brand-700 underline dark:text-brand-300"
        >
          {t("manageRelationship.publicProfile")}
        </Link>
      </div>
      <p className="rounded-lg bg-stone-100 px-4 py-3 text-sm dark:bg-stone-800">
        {t("manageRelationship.staffOnly", { name: first })}
      </p>
      <Panel title={t("manageRelationship.goals", { name: first })} testId="goals-panel">
        <GoalList goals={data.goals} name={first} />
        {/* Keyed on the list, so a form starts empty again once its entry is saved. */}
        <GoalForm key={data.goals.length} name={first} error={actionData} busy={busy} />
      </Panel>
      <Panel title={t("manageRelationship.suggested")}>
        <SuggestionList suggestions={data.suggestions} />
      </Panel>
      <div className="grid gap-6 lg:grid-cols-2">
        <Panel title={t("manageRelationship.nextSteps")}>
          <NextStepList steps={data.nextSteps} now={data.now} busy={busy} />
          <NextStepForm
            key={data.nextSteps.length}
            owners={data.owners}
            viewerId={data.viewerId}
            tomorrow={data.tomorrow}
            error={actionData}
            busy={busy}
          />
        </Panel>
        <Panel title={t("manageRelationship.conversations")}>
          <ConversationForm
            key={data.conversations.length}
            today={data.today}
            error={actionData}
            busy={busy}
          />
          <ConversationList conversations={data.conversations} />
        </Panel>
      </div>
    </div>
  );
}
