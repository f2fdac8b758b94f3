import {
  json,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
} from "@remix-run/node";
import { Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { z } from "zod";
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

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${data?.advocate.display_name ?? "Relationship"} · Relationship · Limelight` },
];

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

const DONE_TITLES = {
  goal: "Goal recorded",
  conversation: "Conversation recorded",
  "next-step": "Next step added",
  done: "Next step done",
} as const;

export async function action({ request, context, params }: ActionFunctionArgs) {
  await requireAllowed(request, context, policy.manageRelationships);
  const advocateId = idParam(params.id);
  const formData = await request.formData();
  const parsed = parseIntent(formData, INTENTS);
  if (!parsed.ok)
    return invalidForm({ ...parsed, formError: parsed.formError ?? "Nothing was saved." });
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
  return redirectWithToast(`/manage/people/${advocateId}/relationship`, {
    kind: "success",
    title: DONE_TITLES[parsed.intent],
  });
}

export default function RelationshipPage() {
  const data = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>() as ActionError | undefined;
  const busy = useNavigation().state === "submitting";
  const a = data.advocate;
  const first = a.display_name.split(" ")[0];
  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-baseline justify-between gap-3">
        <div>
          <p className="text-sm">
            <Link
              to="/manage/people"
              className="font-medium text-brand-700 underline dark:text-brand-300"
            >
              ← People
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
          Public profile
        </Link>
      </div>
      <p className="rounded-lg bg-stone-100 px-4 py-3 text-sm dark:bg-stone-800">
        Only the community team sees this page. {first} sees and edits their own goals; the
        conversations and next steps are staff notes.
      </p>
      <Panel title={`${first}'s goals, in their words`} testId="goals-panel">
        <GoalList goals={data.goals} name={first} />
        {/* Keyed on the list, so a form starts empty again once its entry is saved. */}
        <GoalForm key={data.goals.length} name={first} error={actionData} busy={busy} />
      </Panel>
      <Panel title="Suggested opportunities">
        <SuggestionList suggestions={data.suggestions} />
      </Panel>
      <div className="grid gap-6 lg:grid-cols-2">
        <Panel title="Next steps">
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
        <Panel title="Conversations">
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
