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
import { ConversationFields } from "~/components/promoters/ask-for-conversation.tsx";
import { Button } from "~/components/ui/button.tsx";
import { Card } from "~/components/ui/card.tsx";
import { CheckboxField, FormError, SelectField, TextField } from "~/components/ui/field.tsx";
import { policy } from "~/modules/access/policy.ts";
import { findUserByEmail, findUserByHandle } from "~/modules/auth/users.server.ts";
import { ReferenceCapReachedError } from "~/modules/promoters/errors.ts";
import { requestReference } from "~/modules/promoters/reference-lifecycle.server.ts";
import { ReferenceRequestSchema } from "~/modules/promoters/validation.ts";
import { requireAllowed } from "~/utils/auth.server.ts";
import { commandContext } from "~/utils/command.server.ts";
import { formFields } from "~/utils/form-fields.ts";
import { fieldErrorsIn } from "~/components/manage/field-errors.ts";
import { formErrors, parseForm } from "~/utils/forms.ts";
import { answerDomainError } from "~/utils/http.server.ts";
import { redirectWithToast } from "~/utils/toast.server.ts";
import { advocatesOpenToReferences } from "~/modules/profiles/pickers.server.ts";

export const meta: MetaFunction = ({ matches }) => [
  { title: i18nFor(localeOfMatches(matches)).t("manageReferences.newMetaTitle") },
];

export async function loader({ request, context }: LoaderFunctionArgs) {
  await requireAllowed(request, context, policy.requestReferenceOnBehalf);
  const advocates = await advocatesOpenToReferences(context.db);
  return json({ advocates });
}

const Schema = ReferenceRequestSchema.extend({
  prospect: z.string().trim().min(1, "Enter the prospect's email or handle."),
  advocate: z.string().trim().min(1, "Choose an advocate."),
  queue: z.literal("on").optional(),
});

export async function action({ request, context }: ActionFunctionArgs) {
  await requireAllowed(request, context, policy.requestReferenceOnBehalf);
  const parsed = parseForm(Schema, await request.formData());
  const { t } = i18nFor(await localeOf(request, context));
  if (!parsed.ok)
    return formErrors({
      fieldErrors: fieldErrorsIn(parsed.fieldErrors, {
        "Enter the prospect's email or handle.": t("manageReferences.errorProspect"),
        "Choose an advocate.": t("manageReferences.chooseAdvocateError"),
      }),
      values: parsed.values,
      formError: t("manageReferences.notSent"),
    });
  const { queue, ...rest } = parsed.data;
  const values = { ...rest, whenFull: undefined } as unknown as Record<string, string>;
  const prospect = parsed.data.prospect.includes("@")
    ? await findUserByEmail(context.db, parsed.data.prospect)
    : await findUserByHandle(context.db, parsed.data.prospect);
  if (!prospect)
    return formErrors({ fieldErrors: { prospect: t("manageReferences.noAccount") }, values }, 404);
  const advocate = await findUserByHandle(context.db, parsed.data.advocate);
  if (!advocate)
    return formErrors(
      { fieldErrors: { advocate: t("manageReferences.chooseAdvocateError") }, values },
      404,
    );
  try {
    const { request: created } = await requestReference(await commandContext(request, context), {
      advocateId: advocate.id,
      prospectId: prospect.id,
      topic: parsed.data.topic,
      context: parsed.data.context,
      preferredTimes: parsed.data.preferredTimes,
      whenFull: queue ? "queue" : "suggest",
    });
    return redirectWithToast("/manage/references", {
      kind: "success",
      title:
        created.status === "queued"
          ? t("manageReferences.queued")
          : t("manageReferences.sentTo", { name: advocate.display_name }),
    });
  } catch (error) {
    if (error instanceof ReferenceCapReachedError) {
      const names = error.suggestions.map((s) => s.displayName).join(", ");
      return formErrors(
        {
          formError: names
            ? t("manageReferences.fullWithSuggestions", { name: error.advocateName, names })
            : t("manageReferences.full", { name: error.advocateName }),
          values,
        },
        409,
      );
    }
    return answerDomainError(error, values);
  }
}

export default function AskOnBehalf() {
  const { advocates } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const busy = useNavigation().state === "submitting";
  const { field, formError } = formFields<typeof Schema>(actionData);
  const { t } = useTranslation();
  return (
    <div className="max-w-2xl space-y-6">
      <p className="text-sm">
        <Link
          to="/manage/references"
          className="font-medium text-brand-700 underline dark:text-brand-300"
        >
          {t("manageReferences.back")}
        </Link>
      </p>
      <Card className="p-6">
        <h2 className="text-lg font-semibold">{t("manageReferences.newHeading")}</h2>
        <p className="mt-1 text-sm text-stone-600 dark:text-stone-400">
          {t("manageReferences.newIntro")}
        </p>
        <Form method="post" className="mt-5 space-y-4" noValidate>
          <FormError message={formError} />
          <TextField label={t("manageReferences.prospect")} required {...field("prospect")} />
          <SelectField label={t("manageReferences.advocate")} {...field("advocate")}>
            <option value="">{t("manageReferences.chooseOpen")}</option>
            {advocates.map((a) => (
              <option key={a.handle} value={a.handle}>
                {a.display_name}
                {a.company ? ` — ${a.company}` : ""}
                {a.industry ? ` (${a.industry})` : ""}
              </option>
            ))}
          </SelectField>
          <ConversationFields field={field} />
          <CheckboxField name="queue" label={t("manageReferences.queueLabel")} />
          <Button type="submit" disabled={busy}>
            {t("manageReferences.sendRequest")}
          </Button>
        </Form>
      </Card>
    </div>
  );
}
