import { Form, useActionData, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { InSentence, SLOT } from "~/components/auth/in-sentence.tsx";
import { Button } from "~/components/ui/button.tsx";
import { Card } from "~/components/ui/card.tsx";
import { FormError, TextField } from "~/components/ui/field.tsx";
import type { ChangeEmailSchema } from "~/modules/auth/validation.ts";
import { formFields } from "~/utils/form-fields.ts";
import type { ActionError } from "~/utils/forms.ts";

/** A new address for the account: it takes effect once the link sent to it is opened. */
export function ChangeEmailForm({ email }: { email: string }) {
  const actionData = useActionData<ActionError>();
  const navigation = useNavigation();
  const { t } = useTranslation();
  const busy =
    navigation.state === "submitting" && navigation.formData?.get("intent") === "change-email";
  const { field, formError } = formFields<typeof ChangeEmailSchema>(
    actionData,
    {},
    { intent: "change-email" },
  );
  return (
    <Card className="p-6">
      <h2 className="text-lg font-semibold">{t("settings.changeEmail.title")}</h2>
      <p className="mt-1 text-sm text-stone-600 dark:text-stone-400">
        <InSentence text={t("settings.changeEmail.intro", { email: SLOT })}>
          <strong className="break-all">{email}</strong>
        </InSentence>
      </p>
      <Form method="post" className="mt-4 space-y-4" noValidate>
        <input type="hidden" name="intent" value="change-email" />
        <FormError message={formError} />
        <TextField
          label={t("settings.changeEmail.newEmail")}
          type="email"
          autoComplete="email"
          {...field("email")}
        />
        <TextField
          label={t("settings.changeEmail.password")}
          type="password"
          autoComplete="current-password"
          {...field("password")}
          hint={t("settings.changeEmail.passwordHint")}
          defaultValue=""
        />
        <Button type="submit" disabled={busy}>
          {busy ? t("ui.sending") : t("settings.changeEmail.submit")}
        </Button>
      </Form>
    </Card>
  );
}
