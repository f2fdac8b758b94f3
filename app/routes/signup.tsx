import {
  json,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
} from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { ProviderSignIn } from "~/components/auth/provider-sign-in.tsx";
import { Button } from "~/components/ui/button.tsx";
import { Callout } from "~/components/ui/callout.tsx";
import { Card } from "~/components/ui/card.tsx";
import { FormError, TextField } from "~/components/ui/field.tsx";
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

export const meta: MetaFunction = () => [{ title: "Join Limelight" }];

const SIGN_UP_REFUSED =
  "We could not create an account with these details. If you have joined before, sign in instead.";

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

const PASSWORD_SIGN_UP_OFF =
  "New accounts are made by signing in with your company account, not with a password.";

export async function action({ request, context }: ActionFunctionArgs) {
  const { passwordSignUp } = await loadSignInSettings(context.db, context.env);
  if (!passwordSignUp)
    return json<ActionError>({ formError: PASSWORD_SIGN_UP_OFF, values: {} }, { status: 403 });
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
      return json<ActionError>({ formError: SIGN_UP_REFUSED, values }, { status: 400 });
    return answerDomainError(error, values);
  }
  const cookie = await startSession(request, context, user.id);
  return redirectWithToast(
    "/settings/profile",
    {
      kind: "success",
      title: `Welcome to Limelight, ${user.display_name}!`,
      description: invite
        ? "You joined as a verified customer. Tell your peers a little about yourself."
        : "Tell the community a little about yourself.",
    },
    { headers: { "Set-Cookie": cookie } },
  );
}

export default function SignUpPage() {
  const { invite, inviteError, signIn } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const { field, formError } = formFields<typeof SignUpSchema>(actionData, {
    email: invite?.email,
    displayName: invite?.name,
  });
  const busy = navigation.state === "submitting";
  return (
    <div className="mx-auto max-w-md px-4 py-12 sm:py-16">
      <h1 className="text-center text-2xl font-bold tracking-tight">Join the community</h1>
      <p className="mt-2 text-center text-stone-600 dark:text-stone-400">
        Read what real customers say, ask your questions, and — once we verify you are a customer —
        share your own story.
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
            {PASSWORD_SIGN_UP_OFF}
          </Callout>
        )}
        <Form method="post" className="space-y-5" hidden={!signIn.passwordSignUp} noValidate>
          <FormError message={formError ?? inviteError} />
          {invite ? (
            <p className="rounded-lg bg-brand-50 px-4 py-3 text-sm text-brand-900 dark:bg-brand-900/40 dark:text-brand-100">
              You were invited as a customer{invite.company ? ` of ${invite.company}` : ""}: your
              account starts as a verified advocate.
              <input type="hidden" name="invite" value={invite.token} />
            </p>
          ) : null}
          <TextField
            label="Email"
            type="email"
            autoComplete="email"
            required
            readOnly={Boolean(invite)}
            {...field("email")}
          />
          <TextField
            label="Name"
            autoComplete="name"
            required
            {...field("displayName")}
            hint="Shown on your profile and your posts."
          />
          <TextField
            label="Handle"
            autoComplete="username"
            required
            {...field("handle")}
            hint="Your public address: limelight/u/your-handle. Letters, numbers and dashes."
          />
          <TextField
            label="Password"
            type="password"
            autoComplete="new-password"
            required
            {...field("password")}
            defaultValue=""
            hint="At least 8 characters. A long phrase is easiest to remember."
          />
          <Button type="submit" className="w-full" disabled={busy}>
            {busy ? "Creating your account…" : "Create account"}
          </Button>
        </Form>
      </Card>
      <p className="mt-6 text-center text-sm text-stone-600 dark:text-stone-400">
        Already a member?{" "}
        <Link to="/login" className="font-medium text-brand-700 underline dark:text-brand-300">
          Sign in
        </Link>
      </p>
    </div>
  );
}
