import {
  json,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
} from "@remix-run/node";
import { Form, useActionData, useNavigation } from "@remix-run/react";
import { BackLink } from "~/components/ui/back-link.tsx";
import { Button } from "~/components/ui/button.tsx";
import { Card } from "~/components/ui/card.tsx";
import { FormError, SelectField, TextAreaField, TextField } from "~/components/ui/field.tsx";
import { policy } from "~/modules/access/policy.ts";
import { summariseReasons } from "~/modules/mail/suppressions.server.ts";
import { createSurvey } from "~/modules/promoters/surveys/sending.server.ts";
import {
  AUDIENCES,
  CreateSurveySchema,
  SURVEY_COOLDOWN_DAYS,
} from "~/modules/promoters/surveys/validation.ts";
import { requireAllowed } from "~/utils/auth.server.ts";
import { commandContext } from "~/utils/command.server.ts";
import { formFields } from "~/utils/form-fields.ts";
import { invalidForm, parseForm } from "~/utils/forms.ts";
import { answerDomainError } from "~/utils/http.server.ts";
import { redirectWithToast } from "~/utils/toast.server.ts";

export const meta: MetaFunction = () => [{ title: "New survey · Promoters · Limelight" }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  await requireAllowed(request, context, policy.manageSurveys);
  return json({});
}

export async function action({ request, context }: ActionFunctionArgs) {
  await requireAllowed(request, context, policy.manageSurveys);
  const parsed = parseForm(CreateSurveySchema, await request.formData());
  if (!parsed.ok) return invalidForm({ ...parsed, formError: "The survey was not created." });
  try {
    const result = await createSurvey(await commandContext(request, context), parsed.data);
    return redirectWithToast(`/manage/promoters/surveys/${result.id}`, {
      kind: "success",
      title: result.scheduledFor
        ? `Survey scheduled for ${result.recipients} people`
        : `Survey sent to ${result.sent} people`,
      description:
        [
          result.coolingDown
            ? `${result.coolingDown} were left out: they were surveyed in the last ${SURVEY_COOLDOWN_DAYS} days.`
            : "",
          result.unsubscribed.length
            ? `Left out because they unsubscribed: ${summariseReasons(result.unsubscribed)}`
            : "",
        ]
          .filter(Boolean)
          .join(" ") || undefined,
    });
  } catch (error) {
    return answerDomainError(error, parsed.data);
  }
}

export default function NewSurvey() {
  const actionData = useActionData<typeof action>();
  const busy = useNavigation().state === "submitting";
  const { field, formError } = formFields<typeof CreateSurveySchema>(actionData, {
    question: "How likely are you to recommend us to a friend or colleague?",
    followUp: "What is the main reason for your score?",
    audience: "contacts",
  });
  return (
    <div className="space-y-6">
      <BackLink to="/manage/promoters/surveys">Surveys</BackLink>
      <Card className="p-5 sm:p-6">
        <h2 className="mb-4 text-lg font-semibold">New NPS survey</h2>
        <Form method="post" className="grid gap-4" noValidate>
          <FormError message={formError} />
          <TextField label="Name (only managers see it)" required {...field("name")} />
          <TextField label="Question, answered from 0 to 10" required {...field("question")} />
          <TextField label="Follow-up question (optional)" {...field("followUp")} />
          <SelectField
            label="Audience"
            hint={`People surveyed in the last ${SURVEY_COOLDOWN_DAYS} days are left out, whatever the audience.`}
            {...field("audience")}
          >
            {Object.entries(AUDIENCES).map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </SelectField>
          <TextAreaField
            label="Emails, for a list audience"
            rows={5}
            placeholder={"email,name,company\ndana@northwind.example,Dana Reyes,Northwind"}
            hint="One person a line: email, then optionally name and company. A header line is fine."
            {...field("emails")}
          />
          <TextField
            label="Send at (UTC; leave empty to send now)"
            type="datetime-local"
            {...field("sendAt")}
          />
          <div>
            <Button type="submit" disabled={busy}>
              {busy ? "Creating…" : "Create survey"}
            </Button>
          </div>
        </Form>
      </Card>
    </div>
  );
}
