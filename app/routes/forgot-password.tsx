import {
  json,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
} from "@remix-run/node";
import { Form, useActionData, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { AuthFrame } from "~/components/auth/auth-frame.tsx";
import { InSentence, SLOT } from "~/components/auth/in-sentence.tsx";
import { i18nFor, localeOfMatches } from "~/i18n/index.ts";
import { Button } from "~/components/ui/button.tsx";
import { Callout } from "~/components/ui/callout.tsx";
import { FormError, TextField } from "~/components/ui/field.tsx";
import { requestPasswordReset } from "~/modules/auth/password-reset.server.ts";
import { ForgotPasswordSchema } from "~/modules/auth/password-reset-validation.ts";
import { requireAnonymous } from "~/utils/auth.server.ts";
import { commandContext } from "~/utils/command.server.ts";
import { formFields } from "~/utils/form-fields.ts";
import { invalidForm, parseForm } from "~/utils/forms.ts";

export const meta: MetaFunction = ({ matches }) => [
  { title: i18nFor(localeOfMatches(matches)).t("auth.forgot.meta") },
];

export async function loader({ request, context }: LoaderFunctionArgs) {
  await requireAnonymous(request, context);
  return json({});
}

export async function action({ request, context }: ActionFunctionArgs) {
  const parsed = parseForm(ForgotPasswordSchema, await request.formData());
  if (!parsed.ok) return invalidForm(parsed);
  await requestPasswordReset(await commandContext(request, context), parsed.data);
  // The same answer whether or not the address has an account.
  return json({ sent: parsed.data.email });
}

export default function ForgotPasswordPage() {
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation();
  const busy = useNavigation().state === "submitting";
  const sent = actionData && "sent" in actionData ? actionData.sent : null;
  const { field, formError } = formFields<typeof ForgotPasswordSchema>(
    actionData && "sent" in actionData ? undefined : actionData,
  );
  return (
    <AuthFrame
      title={t("auth.forgot.title")}
      subtitle={t("auth.forgot.subtitle")}
      footer={{ text: t("auth.forgot.remembered"), to: "/login", label: t("auth.signIn") }}
    >
      {sent ? (
        <Callout tone="success" title={t("auth.forgot.checkEmail")} data-testid="reset-sent">
          <p>
            <InSentence text={t("auth.forgot.sent", { email: SLOT })}>
              <strong>{sent}</strong>
            </InSentence>
          </p>
        </Callout>
      ) : (
        <Form method="post" className="space-y-5" noValidate>
          <FormError message={formError} />
          <TextField
            label={t("auth.email")}
            type="email"
            autoComplete="email"
            required
            autoFocus
            {...field("email")}
          />
          <Button type="submit" className="w-full" disabled={busy}>
            {busy ? t("ui.sending") : t("auth.forgot.submit")}
          </Button>
        </Form>
      )}
    </AuthFrame>
  );
}
