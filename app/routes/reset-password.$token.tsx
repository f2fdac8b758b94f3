import {
  json,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
} from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { AuthFrame } from "~/components/auth/auth-frame.tsx";
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

export const meta: MetaFunction = () => [
  { title: "Choose a new password · Limelight" },
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
  // Whoever was signed in in this browser is signed out with every other session.
  return redirectWithToast(
    "/login",
    { kind: "success", title: "Password changed", description: "Sign in with your new password." },
    { headers: { "Set-Cookie": await endSession(request, context) } },
  );
}

export default function ResetPasswordPage() {
  const { usable, email } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const busy = useNavigation().state === "submitting";
  const { field, formError } = formFields<typeof ResetPasswordSchema>(actionData);
  const expired = !usable || Boolean(actionData?.fieldErrors?.token);
  return (
    <AuthFrame
      title="Choose a new password"
      footer={{ text: "", to: "/login", label: "Back to sign in" }}
    >
      {expired ? (
        <div className="space-y-5">
          <Callout tone="warning" title="This link cannot be used" data-testid="reset-expired">
            <p>
              {actionData?.fieldErrors?.token ??
                "It has expired or was already used. Links work once, for an hour."}
            </p>
          </Callout>
          <ButtonLink to="/forgot-password" className="w-full">
            Ask for a new link
          </ButtonLink>
        </div>
      ) : (
        <Form method="post" className="space-y-5" noValidate>
          <p className="text-sm text-stone-600 dark:text-stone-400">
            For <strong>{email}</strong>. Every device signed in to this account will be signed out.
          </p>
          <FormError message={formError} />
          <TextField
            label="New password"
            type="password"
            autoComplete="new-password"
            required
            autoFocus
            {...field("password")}
          />
          <TextField
            label="New password again"
            type="password"
            autoComplete="new-password"
            required
            {...field("confirm")}
          />
          <Button type="submit" className="w-full" disabled={busy}>
            {busy ? "Saving…" : "Save new password"}
          </Button>
        </Form>
      )}
    </AuthFrame>
  );
}
