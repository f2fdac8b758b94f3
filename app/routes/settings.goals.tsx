import {
  json,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
} from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { i18nFor, localeOfMatches } from "~/i18n/index.ts";
import { localeOf } from "~/i18n/locale.server.ts";
import { Button } from "~/components/ui/button.tsx";
import { Card } from "~/components/ui/card.tsx";
import { FormError, TextAreaField } from "~/components/ui/field.tsx";
import { policy } from "~/modules/access/policy.ts";
import { goalsOf, saveOwnGoals } from "~/modules/relationships/goals.server.ts";
import { GoalsSchema, MAX_GOALS } from "~/modules/relationships/validation.ts";
import { requireAllowed } from "~/utils/auth.server.ts";
import { commandContext } from "~/utils/command.server.ts";
import { formFields } from "~/utils/form-fields.ts";
import { formErrors, parseForm } from "~/utils/forms.ts";
import { answerDomainError } from "~/utils/http.server.ts";
import { redirectWithToast } from "~/utils/toast.server.ts";

export const meta: MetaFunction = ({ matches }) => [
  { title: i18nFor(localeOfMatches(matches)).t("settings.goals.meta") },
];

// Only the person's own goals reach this page: never the team's notes about them.
export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await requireAllowed(request, context, policy.editOwnGoals);
  const goals = await goalsOf(context.db, user.id);
  return json({ goals: goals.map((g) => g.body) });
}

export async function action({ request, context }: ActionFunctionArgs) {
  await requireAllowed(request, context, policy.editOwnGoals);
  const formData = await request.formData();
  const { t } = i18nFor(await localeOf(request, context));
  const parsed = parseForm(GoalsSchema, formData);
  if (!parsed.ok)
    return formErrors({
      fieldErrors: parsed.fieldErrors,
      values: parsed.values,
      formError: t("settings.goals.notSaved"),
    });
  try {
    await saveOwnGoals(await commandContext(request, context), { goals: parsed.data.goals });
  } catch (error) {
    return answerDomainError(error, { goals: String(formData.get("goals") ?? "") });
  }
  return redirectWithToast("/settings/goals", {
    kind: "success",
    title: t("settings.goals.saved"),
  });
}

export default function GoalSettings() {
  const data = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const busy = useNavigation().state === "submitting";
  const { t } = useTranslation();
  const { field } = formFields<typeof GoalsSchema>(actionData, { goals: data.goals.join("\n") });
  return (
    <Card className="space-y-5 p-6">
      <div>
        <h2 className="text-lg font-semibold">{t("settings.goals.title")}</h2>
        <p className="mt-1 text-sm text-stone-600 dark:text-stone-400">
          {t("settings.goals.intro")}
        </p>
      </div>
      <Form method="post" className="space-y-4" noValidate>
        <FormError message={actionData?.formError} />
        <TextAreaField
          label={t("settings.goals.label")}
          rows={6}
          hint={t("settings.goals.hint", { max: MAX_GOALS })}
          {...field("goals")}
        />
        <Button type="submit" disabled={busy}>
          {t("settings.goals.submit")}
        </Button>
      </Form>
    </Card>
  );
}
