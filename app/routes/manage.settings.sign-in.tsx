import {
  json,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
} from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { SignInSettingsForm } from "~/components/auth/sign-in-settings-form.tsx";
import { i18nFor, localeOfMatches } from "~/i18n/index.ts";
import { localeOf } from "~/i18n/locale.server.ts";
import { loadSignInSettings, saveSignInSettings } from "~/modules/auth/sign-in-settings.server.ts";
import { SignInSettingsSchema } from "~/modules/auth/sign-in-validation.ts";
import { requireAllowed } from "~/utils/auth.server.ts";
import { commandContext } from "~/utils/command.server.ts";
import { formErrors, formValues, parseForm } from "~/utils/forms.ts";
import { answerDomainError } from "~/utils/http.server.ts";
import { redirectWithToast } from "~/utils/toast.server.ts";

export const meta: MetaFunction = ({ matches }) => [
  { title: i18nFor(localeOfMatches(matches)).t("manageSettings.signIn.metaTitle") },
];

export async function loader({ request, context }: LoaderFunctionArgs) {
  await requireAllowed(request, context, "configureSignIn");
  const settings = await loadSignInSettings(context.db, context.env);
  const { clientSecret, ...shown } = settings;
  return json({
    settings: { ...shown, hasSecret: Boolean(clientSecret) },
    callbackUrl: new URL("/auth/oidc/callback", context.env.PUBLIC_URL).href,
  });
}

export async function action({ request, context }: ActionFunctionArgs) {
  await requireAllowed(request, context, "configureSignIn");
  const formData = await request.formData();
  // What was typed goes back to the form, except the secret.
  const { clientSecret: _secret, ...values } = formValues(formData);
  const parsed = parseForm(SignInSettingsSchema, formData);
  if (!parsed.ok) return formErrors({ fieldErrors: parsed.fieldErrors, values });
  try {
    await saveSignInSettings(await commandContext(request, context), {
      ...parsed.data,
      encryptionKey: context.env.SETTINGS_ENCRYPTION_KEY,
    });
  } catch (error) {
    return answerDomainError(error, values);
  }
  const { t } = i18nFor(await localeOf(request, context));
  return redirectWithToast("/manage/settings/sign-in", {
    kind: "success",
    title: parsed.data.enabled
      ? t("manageSettings.signIn.savedOn")
      : t("manageSettings.signIn.saved"),
  });
}

export default function SignInSettingsPage() {
  const { settings, callbackUrl } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  return (
    <SignInSettingsForm settings={settings} callbackUrl={callbackUrl} actionData={actionData} />
  );
}
