import {
  json,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
} from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { AuthFrame } from "~/components/auth/auth-frame.tsx";
import { InSentence, SLOT } from "~/components/auth/in-sentence.tsx";
import { i18nFor, localeOfMatches } from "~/i18n/index.ts";
import { localeOf } from "~/i18n/locale.server.ts";
import { Button, ButtonLink } from "~/components/ui/button.tsx";
import { Callout } from "~/components/ui/callout.tsx";
import { FormError, TextField } from "~/components/ui/field.tsx";
import { hashPassword } from "~/modules/auth/password.server.ts";
import { findUsableReset, resetPassword } from "~/modules/auth/password-reset.server.ts";
import { ResetPasswordSchema } from "~/modules/auth/password-reset-validation.ts";
import { endSession } from "~/utils/auth.server.ts";
import { commandContext } from "~/utils/command.server.ts";
import { formFields } from "~/utils/form-fields.ts";
import { invalidForm, parseForm } from "~/utils/forms.ts";
import { answerDomainError } from "~/utils/http.server.ts";
import { redirectWithToast } from "~/utils/toast.server.ts";

export const meta: MetaFunction = ({ matches }) => [
  { title: i18nFor(localeOfMatches(matches)).t("auth.reset.meta") },
  // The link carries a secret: keep it out of search engines and referrers.
  { name: "robots", content: "noindex" },
];

export async function loader({ params, context }: LoaderFunctionArgs) {
  const reset = await findUsableReset(context.db, params.token ?? "");
  return json(
    { usable: reset !== null, email: reset?.email ?? null },
    { status: reset ? 200 : 410 },
  );
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const parsed = parseForm(ResetPasswordSchema, await request.formData());
  if (!parsed.ok) return invalidForm(parsed);
  try {
    const passwordHash = await hashPassword(parsed.data.password);
    await resetPassword(await commandContext(request, context), {
      token: params.token ?? "",
      passwordHash,
    });
  } catch (error) {
    return answerDomainError(error);
  }
  const { t } = i18nFor(await localeOf(request, context));
  // Whoever was signed in in this browser is signed out with every other session.
  return redirectWithToast(
    "/login",
    { kind: "success", title: t("auth.reset.changed"), description: t("auth.reset.changedBody") },
    { headers: { "Set-Cookie": await endSession(request, context) } },
  );
}

export default function ResetPasswordPage() {
  const { usable, email } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation();
  const busy = useNavigation().state === "submitting";
  const { field, formError } = formFields<typeof ResetPasswordSchema>(actionData);
  const expired = !usable || Boolean(actionData?.fieldErrors?.token);
  return (
    <AuthFrame
      title={t("auth.reset.title")}
      footer={{ text: "", to: "/login", label: t("auth.reset.back") }}
    >
      {expired ? (
        <div className="space-y-5">
          <Callout tone="warning" title={t("auth.linkUnusable")} data-testid="reset-expired">
            <p>{actionData?.fieldErrors?.token ?? t("auth.reset.expired")}</p>
          </Callout>
          <ButtonLink to="/forgot-password" className="w-full">
            {t("auth.reset.askAgain")}
          </ButtonLink>
        </div>
      ) : (
        <Form method="post" className="space-y-5" noValidate>
          <p className="text-sm text-stone-600 dark:text-stone-400">
            <InSentence text={t("auth.reset.forEmail", { email: SLOT })}>
              <strong>{email}</strong>
            </InSentence>
          </p>
          <FormError message={formError} />
          <TextField
            label={t("auth.reset.newPassword")}
            type="password"
            autoComplete="new-password"
            required
            autoFocus
            {...field("password")}
          />
          <TextField
            label={t("auth.reset.again")}
            type="password"
            autoComplete="new-password"
            required
            {...field("confirm")}
          />
          <Button type="submit" className="w-full" disabled={busy}>
            {busy ? t("ui.saving") : t("auth.reset.submit")}
          </Button>
        </Form>
      )}
    </AuthFrame>
  );
}
