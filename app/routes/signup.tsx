import {
  json,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
} from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ProviderSignIn } from "~/components/auth/provider-sign-in.tsx";
import { Button } from "~/components/ui/button.tsx";
import { Callout } from "~/components/ui/callout.tsx";
import { Card } from "~/components/ui/card.tsx";
import { FormError, TextField } from "~/components/ui/field.tsx";
import { i18nFor, localeOfMatches } from "~/i18n/index.ts";
import { localeOf } from "~/i18n/locale.server.ts";
import { EmailTakenError } from "~/modules/auth/errors.ts";
import { signUp } from "~/modules/auth/users.server.ts";
import { loadSignInSettings, signInChoices } from "~/modules/auth/sign-in-settings.server.ts";
import { acceptInvitation, lookUpInvitation } from "~/modules/promoters/invitations.server.ts";
import { SignUpSchema } from "~/modules/auth/validation.ts";
import { requireAnonymous, startSession } from "~/utils/auth.server.ts";
import { commandContext } from "~/utils/command.server.ts";
import { formFields } from "~/utils/form-fields.ts";
import { formErrors, parseForm, type ActionError } from "~/utils/forms.ts";
import { answerDomainError } from "~/utils/http.server.ts";
import { redirectWithToast } from "~/utils/toast.server.ts";

export const meta: MetaFunction = ({ matches }) => [
  { title: i18nFor(localeOfMatches(matches)).t("auth.signup.meta") },
];

export async function loader({ request, context }: LoaderFunctionArgs) {
  await requireAnonymous(request, context);
  const signIn = signInChoices(await loadSignInSettings(context.db, context.env));
  // A promoter's invitation link pre-fills the form and makes the new account a verified customer.
  const token = new URL(request.url).searchParams.get("invite");
  if (!token) return json({ invite: null, inviteError: null, signIn });
  const found = await lookUpInvitation(context.db, token);
  if (!found.ok) return json({ invite: null, inviteError: found.message, signIn }, { status: 410 });
  return json({ invite: { token, ...found.invitation }, inviteError: null, signIn });
}

export async function action({ request, context }: ActionFunctionArgs) {
  const { t } = i18nFor(await localeOf(request, context));
  const { passwordSignUp } = await loadSignInSettings(context.db, context.env);
  if (!passwordSignUp)
    return json<ActionError>(
      { formError: t("auth.signup.passwordOff"), values: {} },
      { status: 403 },
    );
  const formData = await request.formData();
  const parsed = parseForm(SignUpSchema, formData);
  if (!parsed.ok) return formErrors({ fieldErrors: parsed.fieldErrors, values: parsed.values });
  const invite = formData.get("invite");
  let user;
  try {
    const command = await commandContext(request, context);
    user =
      typeof invite === "string" && invite
        ? await acceptInvitation(command, { ...parsed.data, token: invite })
        : await signUp(command, parsed.data);
  } catch (error) {
    const { password: _password, ...values } = parsed.data;
    // Sign-up must not confirm who has an account: a taken address gets a general answer
    // that names no field, and the form keeps what was typed.
    if (error instanceof EmailTakenError)
      return json<ActionError>({ formError: t("auth.signup.refused"), values }, { status: 400 });
    return answerDomainError(error, values);
  }
  const cookie = await startSession(request, context, user.id);
  return redirectWithToast(
    "/settings/profile",
    {
      kind: "success",
      title: t("auth.signup.welcome", { name: user.display_name }),
      description: invite ? t("auth.signup.welcomeInvited") : t("auth.signup.welcomeBody"),
    },
    { headers: { "Set-Cookie": cookie } },
  );
}

export default function SignUpPage() {
  const { invite, inviteError, signIn } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const { field, formError } = formFields<typeof SignUpSchema>(actionData, {
    email: invite?.email,
    displayName: invite?.name,
  });
  const busy = navigation.state === "submitting";
  return (
    <div className="mx-auto max-w-md px-4 py-12 sm:py-16">
      <h1 className="text-center text-2xl font-bold tracking-tight">{t("auth.signup.title")}</h1>
      <p className="mt-2 text-center text-stone-600 dark:text-stone-400">
        {t("auth.signup.intro")}
      </p>
      <Card className="mt-8 space-y-5 p-6 sm:p-8">
        {signIn.provider ? (
          <ProviderSignIn
            label={signIn.provider.label}
            redirectTo="/settings/profile"
            divider={signIn.passwordSignUp}
          />
        ) : null}
        {signIn.passwordSignUp ? null : (
          <Callout tone="info" data-testid="password-sign-up-off">
            {t("auth.signup.passwordOff")}
          </Callout>
        )}
        <Form method="post" className="space-y-5" hidden={!signIn.passwordSignUp} noValidate>
          <FormError message={formError ?? inviteError} />
          {invite ? (
            <p className="rounded-lg bg-brand-50 px-4 py-3 text-sm text-brand-900 dark:bg-brand-900/40 dark:text-brand-100">
              {invite.company
                ? t("auth.signup.invitedOf", { company: invite.company })
                : t("auth.signup.invited")}
              <input type="hidden" name="invite" value={invite.token} />
            </p>
          ) : null}
          <TextField
            label={t("auth.email")}
            type="email"
            autoComplete="email"
            required
            readOnly={Boolean(invite)}
            {...field("email")}
          />
          <TextField
            label={t("auth.signup.name")}
            autoComplete="name"
            required
            {...field("displayName")}
            hint={t("auth.signup.nameHint")}
          />
          <TextField
            label={t("auth.signup.handle")}
            autoComplete="username"
            required
            {...field("handle")}
            hint={t("auth.signup.handleHint")}
          />
          <TextField
            label={t("auth.password")}
            type="password"
            autoComplete="new-password"
            required
            {...field("password")}
            defaultValue=""
            hint={t("auth.signup.passwordHint")}
          />
          <Button type="submit" className="w-full" disabled={busy}>
            {busy ? t("auth.signup.creating") : t("auth.signup.create")}
          </Button>
        </Form>
      </Card>
      <p className="mt-6 text-center text-sm text-stone-600 dark:text-stone-400">
        {t("auth.signup.already")}{" "}
        <Link to="/login" className="font-medium text-brand-700 underline dark:text-brand-300">
          {t("auth.signIn")}
        </Link>
      </p>
    </div>
  );
}
