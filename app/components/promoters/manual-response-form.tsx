import { Form } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { Button } from "~/components/ui/button.tsx";
import { Card } from "~/components/ui/card.tsx";
import { FormError, TextAreaField, TextField } from "~/components/ui/field.tsx";
import type { ManualResponseSchema } from "~/modules/promoters/validation.ts";
import { formFields, type ActionError } from "~/utils/form-fields.ts";

/** Adding one survey response by hand (managers). */
export function ManualResponseForm({
  actionData,
  busy,
}: {
  actionData: ActionError | null;
  busy: boolean;
}) {
  const { field } = formFields<typeof ManualResponseSchema>(actionData);
  const refused = Object.keys(actionData?.fieldErrors ?? {}).length > 0;
  const { t } = useTranslation();
  return (
    <Card className="space-y-4 p-6">
      <h2 className="text-lg font-semibold">{t("surveyImport.addHeading")}</h2>
      <Form method="post" className="grid gap-4 sm:grid-cols-2" noValidate>
        <input type="hidden" name="intent" value="add" />
        {refused ? (
          <div className="sm:col-span-2">
            <FormError message={actionData?.formError ?? t("surveyImport.notSaved")} />
          </div>
        ) : null}
        <TextField label={t("surveyImport.email")} type="email" required {...field("email")} />
        <TextField label={t("surveyImport.name")} {...field("name")} />
        <TextField label={t("surveyImport.company")} {...field("company")} />
        <TextField
          label={t("surveyImport.score")}
          inputMode="numeric"
          required
          {...field("score")}
        />
        <TextField
          label={t("surveyImport.respondedOn")}
          type="date"
          required
          {...field("respondedAt")}
        />
        <TextAreaField
          label={t("surveyImport.comment")}
          rows={3}
          className="sm:col-span-2"
          {...field("comment")}
        />
        <div className="sm:col-span-2">
          <Button type="submit" variant="secondary" disabled={busy}>
            {t("surveyImport.save")}
          </Button>
        </div>
      </Form>
    </Card>
  );
}
