import {
  json,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
} from "@remix-run/node";
import { Form, useActionData, useNavigation } from "@remix-run/react";
import { AuthFrame } from "~/components/auth/auth-frame.tsx";
import { Button } from "~/components/ui/button.tsx";
import { Callout } from "~/components/ui/callout.tsx";
import { FormError, TextField } from "~/components/ui/field.tsx";
import { requestPasswordReset } from "~/modules/auth/password-reset.server.ts";
import { ForgotPasswordSchema } from "~/modules/auth/password-reset-validation.ts";
import { requireAnonymous } from "~/utils/auth.server.ts";
import { commandContext } from "~/utils/command.server.ts";
import { formFields } from "~/utils/form-fields.ts";
import { invalidForm, parseForm } from "~/utils/forms.ts";

export const meta: MetaFunction = () => [{ title: "Forgot your password · Limelight" }];

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
  const busy = useNavigation().state === "submitting";
  const sent = actionData && "sent" in actionData ? actionData.sent : null;
  const { field, formError } = formFields<typeof ForgotPasswordSchema>(
    actionData && "sent" in actionData ? undefined : actionData,
  );
  return (
    <AuthFrame
      title="Forgot your password?"
      subtitle="We will email you a link to choose a new one."
      footer={{ text: "Remembered it?", to: "/login", label: "Sign in" }}
    >
      {sent ? (
        <Callout tone="success" title="Check your email" data-testid="reset-sent">
          <p>
            If <strong>{sent}</strong> belongs to a Limelight account, a link to choose a new
            password is on its way. It works once, for the next hour.
          </p>
        </Callout>
      ) : (
        <Form method="post" className="space-y-5" noValidate>
          <FormError message={formError} />
          <TextField
            label="Email"
            type="email"
            autoComplete="email"
            required
            autoFocus
            {...field("email")}
          />
          <Button type="submit" className="w-full" disabled={busy}>
            {busy ? "Sending…" : "Email me a link"}
          </Button>
        </Form>
      )}
    </AuthFrame>
  );
}
