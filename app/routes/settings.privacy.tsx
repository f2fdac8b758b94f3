import {
  json,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
} from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { z } from "zod";
import { Button, ButtonLink, buttonClass } from "~/components/ui/button.tsx";
import { Callout } from "~/components/ui/callout.tsx";
import { Card } from "~/components/ui/card.tsx";
import { FormError, TextField } from "~/components/ui/field.tsx";
import { deleteAccount } from "~/modules/auth/account-deletion.server.ts";
import { endSession, requireUser } from "~/utils/auth.server.ts";
import { commandContext } from "~/utils/command.server.ts";
import { formFields } from "~/utils/form-fields.ts";
import { invalidForm, parseForm } from "~/utils/forms.ts";
import { answerDomainError } from "~/utils/http.server.ts";
import { redirectWithToast } from "~/utils/toast.server.ts";

export const meta: MetaFunction = () => [{ title: "Your data · Settings · Limelight" }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  await requireUser(request, context);
  // Deleting is a second step: the page first explains what happens.
  return json({ confirming: new URL(request.url).searchParams.get("delete") === "1" });
}

const DeleteSchema = z.object({
  intent: z.literal("delete-account"),
  password: z.string().min(1, "Enter your password to confirm."),
});

export async function action({ request, context }: ActionFunctionArgs) {
  await requireUser(request, context);
  const parsed = parseForm(DeleteSchema, await request.formData());
  if (!parsed.ok) return invalidForm(parsed);
  try {
    await deleteAccount(await commandContext(request, context), {
      password: parsed.data.password,
    });
  } catch (error) {
    return answerDomainError(error);
  }
  const cookie = await endSession(request, context);
  return redirectWithToast(
    "/",
    {
      kind: "success",
      title: "Your account is deleted",
      description: "Your profile is gone and your posts now show as by “Deleted member”.",
    },
    { headers: { "Set-Cookie": cookie } },
  );
}

export default function PrivacySettings() {
  const { confirming } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const busy = useNavigation().state === "submitting";
  const { field, formError } = formFields<typeof DeleteSchema>(actionData);
  return (
    <div className="space-y-8">
      <Card className="p-6">
        <h2 className="text-lg font-semibold">Download everything about you</h2>
        <p className="mt-2 text-sm text-stone-600 dark:text-stone-400">
          A zip of JSON files: your profile, posts, reputation ledger, talks, stories, reference
          conversations and the consents you gave. Other people appear in it only by their id.
        </p>
        <a
          href="/settings/privacy/download"
          download
          className={buttonClass("secondary", "md", "mt-4")}
        >
          Download my data (.zip)
        </a>
      </Card>

      <Card className="p-6">
        <h2 className="text-lg font-semibold">Delete my account</h2>
        {confirming ? (
          <Form method="post" className="mt-4 space-y-4" noValidate>
            <Callout tone="danger" title="This cannot be undone">
              Your profile is emptied and your name, handle and email are removed. Your posts stay
              in their threads, shown as by “Deleted member”, and the reputation you earned stays in
              the ledger under that name, so the community’s totals still add up. Every device is
              signed out.
            </Callout>
            <input type="hidden" name="intent" value="delete-account" />
            <FormError message={formError} />
            <TextField
              label="Your password"
              type="password"
              autoComplete="current-password"
              {...field("password")}
              defaultValue=""
            />
            <div className="flex flex-wrap gap-2">
              <Button type="submit" variant="danger" disabled={busy}>
                Delete my account for good
              </Button>
              <ButtonLink to="/settings/privacy" variant="secondary">
                Keep my account
              </ButtonLink>
            </div>
          </Form>
        ) : (
          <>
            <p className="mt-2 text-sm text-stone-600 dark:text-stone-400">
              You may want to <Link to="/settings/privacy/download">download your data</Link> first.
            </p>
            <ButtonLink to="/settings/privacy?delete=1" variant="secondary" className="mt-4">
              Delete my account…
            </ButtonLink>
          </>
        )}
      </Card>
    </div>
  );
}
