import {
  json,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
} from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { SignInSettingsForm } from "~/components/auth/sign-in-settings-form.tsx";
import { loadSignInSettings, saveSignInSettings } from "~/modules/auth/sign-in-settings.server.ts";
import { SignInSettingsSchema } from "~/modules/auth/sign-in-validation.ts";
import { requireAllowed } from "~/utils/auth.server.ts";
import { commandContext } from "~/utils/command.server.ts";
import { formErrors, formValues, parseForm } from "~/utils/forms.ts";
import { answerDomainError } from "~/utils/http.server.ts";
import { redirectWithToast } from "~/utils/toast.server.ts";

export const meta: MetaFunction = () => [{ title: "Sign-in · Manage · Limelight" }];

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
  return redirectWithToast("/manage/settings/sign-in", {
    kind: "success",
    title: parsed.data.enabled ? "Single sign-on is saved and on" : "Sign-in settings saved",
  });
}

export default function SignInSettingsPage() {
  const { settings, callbackUrl } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  return (
    <SignInSettingsForm settings={settings} callbackUrl={callbackUrl} actionData={actionData} />
  );
}
