import {
  json,
  redirect,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
} from "@remix-run/node";
import {
  Form,
  Link,
  useActionData,
  useLoaderData,
  useNavigation,
  useSearchParams,
} from "@remix-run/react";
import type { TFunction } from "i18next";
import { useTranslation } from "react-i18next";
import { ProviderSignIn, ProviderSignInError } from "~/components/auth/provider-sign-in.tsx";
import { Card } from "~/components/ui/card.tsx";
import { Button } from "~/components/ui/button.tsx";
import { FormError, TextField } from "~/components/ui/field.tsx";
import { confirmSignIn, reserveSignInAttempt } from "~/modules/auth/throttle.server.ts";
import { authenticate } from "~/modules/auth/users.server.ts";
import { signInFailureMessage } from "~/modules/auth/oidc.server.ts";
import { i18nFor, localeOfMatches } from "~/i18n/index.ts";
import { localeOf } from "~/i18n/locale.server.ts";
import { loadSignInSettings, signInChoices } from "~/modules/auth/sign-in-settings.server.ts";
import { SignInSchema } from "~/modules/auth/validation.ts";
import { requireAnonymous, safeRedirectTo, startSession } from "~/utils/auth.server.ts";
import { formFields } from "~/utils/form-fields.ts";
import { formErrors, parseForm, type ActionError } from "~/utils/forms.ts";

export const meta: MetaFunction = ({ matches }) => [
  { title: i18nFor(localeOfMatches(matches)).t("auth.login.meta") },
];

/** Why a single sign-on attempt stopped, in the reader's language (null for a reason we never send). */
function ssoFailure(reason: string, t: TFunction): string | null {
  if (!signInFailureMessage(reason)) return null;
  const messages: Record<string, string> = {
    not_configured: t("auth.sso.notConfigured"),
    expired: t("auth.sso.expired"),
    state: t("auth.sso.state"),
    code: t("auth.sso.code"),
    denied: t("auth.sso.denied"),
    no_email: t("auth.sso.noEmail"),
    unverified_email: t("auth.sso.unverifiedEmail"),
    issuer_down: t("auth.sso.issuerDown"),
    refused: t("auth.sso.refused"),
  };
  return messages[reason] ?? signInFailureMessage(reason);
}

export async function loader({ request, context }: LoaderFunctionArgs) {
  await requireAnonymous(request, context);
  const settings = await loadSignInSettings(context.db, context.env);
  const failure = new URL(request.url).searchParams.get("signInError");
  return json({
    ...signInChoices(settings),
    signInError: failure ? ssoFailure(failure, i18nFor(await localeOf(request, context)).t) : null,
  });
}

export async function action({ request, context }: ActionFunctionArgs) {
  const formData = await request.formData();
  const { t } = i18nFor(await localeOf(request, context));
  const redirectTo = safeRedirectTo(
    String(formData.get("redirectTo") ?? ""),
    "/",
    context.env.PUBLIC_URL,
  );
  const parsed = parseForm(SignInSchema, formData);
  if (!parsed.ok) return formErrors({ fieldErrors: parsed.fieldErrors, values: parsed.values });
  const { email, password } = parsed.data;

  const keys = { ip: context.clientIp, account: email };
  // The attempt is counted before the password is checked, so parallel guesses cannot overtake it.
  const reservation = await reserveSignInAttempt(context.db, keys);
  if (!reservation.ok) {
    const { retryAfter } = reservation;
    const minutes = Math.ceil(retryAfter / 60);
    return json<ActionError>(
      {
        formError: t("auth.login.tooMany", { minutes }),
        values: { email },
      },
      { status: 429, headers: { "Retry-After": String(retryAfter) } },
    );
  }

  const user = await authenticate(context.db, email, password);
  if (!user) {
    // One message for an unknown email and a wrong password, so neither reveals who has an account.
    return json<ActionError>(
      { formError: t("auth.login.badCredentials"), values: { email } },
      { status: 401 },
    );
  }
  await confirmSignIn(context.db, keys, reservation);
  const cookie = await startSession(request, context, user.id);
  return redirect(redirectTo, { headers: { "Set-Cookie": cookie } });
}

export default function LoginPage() {
  const { provider, passwordSignUp, signInError } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const [searchParams] = useSearchParams();
  const redirectTo = searchParams.get("redirectTo") ?? "/";
  const busy = navigation.state === "submitting";
  const { field, formError } = formFields<typeof SignInSchema>(actionData);
  return (
    <div className="mx-auto max-w-md px-4 py-12 sm:py-16">
      <h1 className="text-center text-2xl font-bold tracking-tight">{t("auth.login.title")}</h1>
      <p className="mt-2 text-center text-stone-600 dark:text-stone-400">{t("auth.login.intro")}</p>
      <Card className="mt-8 space-y-5 p-6 sm:p-8">
        <ProviderSignInError message={signInError} />
        {provider ? <ProviderSignIn label={provider.label} redirectTo={redirectTo} /> : null}
        <Form method="post" className="space-y-5" noValidate>
          <input type="hidden" name="redirectTo" value={redirectTo} />
          <FormError message={formError} />
          <TextField
            label={t("auth.email")}
            type="email"
            autoComplete="email"
            required
            autoFocus
            {...field("email")}
          />
          <TextField
            label={t("auth.password")}
            type="password"
            autoComplete="current-password"
            required
            {...field("password")}
            defaultValue=""
            hint={
              <Link
                to="/forgot-password"
                className="font-medium text-brand-700 underline dark:text-brand-300"
              >
                {t("auth.login.forgot")}
              </Link>
            }
          />
          <Button type="submit" className="w-full" disabled={busy}>
            {busy ? t("auth.login.signingIn") : t("auth.signIn")}
          </Button>
        </Form>
      </Card>
      {passwordSignUp ? (
        <p className="mt-6 text-center text-sm text-stone-600 dark:text-stone-400">
          {t("auth.login.newHere")}{" "}
          <Link to="/signup" className="font-medium text-brand-700 underline dark:text-brand-300">
            {t("auth.login.createAccount")}
          </Link>
        </p>
      ) : null}
    </div>
  );
}
