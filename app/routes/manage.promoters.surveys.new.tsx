import {
  json,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
} from "@remix-run/node";
import { Form, useActionData, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { BackLink } from "~/components/ui/back-link.tsx";
import { Button } from "~/components/ui/button.tsx";
import { Card } from "~/components/ui/card.tsx";
import { FormError, SelectField, TextAreaField, TextField } from "~/components/ui/field.tsx";
import { i18nFor, localeOfMatches } from "~/i18n/index.ts";
import { localeOf } from "~/i18n/locale.server.ts";
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

export const meta: MetaFunction = ({ matches }) => [
  { title: i18nFor(localeOfMatches(matches)).t("manageSurveys.newMetaTitle") },
];

export async function loader({ request, context }: LoaderFunctionArgs) {
  await requireAllowed(request, context, policy.manageSurveys);
  return json({});
}

export async function action({ request, context }: ActionFunctionArgs) {
  await requireAllowed(request, context, policy.manageSurveys);
  const parsed = parseForm(CreateSurveySchema, await request.formData());
  const { t } = i18nFor(await localeOf(request, context));
  if (!parsed.ok) return invalidForm({ ...parsed, formError: t("manageSurveys.notCreated") });
  try {
    const result = await createSurvey(await commandContext(request, context), parsed.data);
    return redirectWithToast(`/manage/promoters/surveys/${result.id}`, {
      kind: "success",
      title: result.scheduledFor
        ? t("manageSurveys.scheduledFor", { count: result.recipients })
        : t("manageSurveys.sentTo", { count: result.sent }),
      description:
        [
          result.coolingDown
            ? t("manageSurveys.coolingDown", {
                left: result.coolingDown,
                days: SURVEY_COOLDOWN_DAYS,
              })
            : "",
          result.unsubscribed.length
            ? t("manageSurveys.leftOutUnsubscribed", {
                reasons: summariseReasons(result.unsubscribed),
              })
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
  const { t } = useTranslation();
  const { field, formError } = formFields<typeof CreateSurveySchema>(actionData, {
    question: t("manageSurveys.defaultQuestion"),
    followUp: t("manageSurveys.defaultFollowUp"),
    audience: "contacts",
  });
  const audiences = {
    contacts: t("manageSurveys.audiences.contacts"),
    members: t("manageSurveys.audiences.members"),
    list: t("manageSurveys.audiences.list"),
  };
  return (
    <div className="space-y-6">
      <BackLink to="/manage/promoters/surveys">{t("manageSurveys.back")}</BackLink>
      <Card className="p-5 sm:p-6">
        <h2 className="mb-4 text-lg font-semibold">{t("manageSurveys.newHeading")}</h2>
        <Form method="post" className="grid gap-4" noValidate>
          <FormError message={formError} />
          <TextField label={t("manageSurveys.nameLabel")} required {...field("name")} />
          <TextField label={t("manageSurveys.questionLabel")} required {...field("question")} />
          <TextField label={t("manageSurveys.followUpLabel")} {...field("followUp")} />
          <SelectField
            label={t("manageSurveys.audience")}
            hint={t("manageSurveys.audienceHint", { days: SURVEY_COOLDOWN_DAYS })}
            {...field("audience")}
          >
            {Object.keys(AUDIENCES).map((value) => (
              <option key={value} value={value}>
                {audiences[value as keyof typeof AUDIENCES]}
              </option>
            ))}
          </SelectField>
          <TextAreaField
            label={t("manageSurveys.emailsLabel")}
            rows={5}
            placeholder={"email,name,company\ndana@northwind.example,Dana Reyes,Northwind"}
            hint={t("manageSurveys.emailsHint")}
            {...field("emails")}
          />
          <TextField label={t("manageSurveys.sendAt")} type="datetime-local" {...field("sendAt")} />
          <div>
            <Button type="submit" disabled={busy}>
              {busy ? t("manageSurveys.creating") : t("manageSurveys.create")}
            </Button>
          </div>
        </Form>
      </Card>
    </div>
  );
}
