import {
  json,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
} from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { Button } from "~/components/ui/button.tsx";
import { Card } from "~/components/ui/card.tsx";
import { FormError, SelectField } from "~/components/ui/field.tsx";
import { CATEGORY_LABELS, choosableKindsFor } from "~/modules/mail/kinds.ts";
import { preferencesOf, saveMailPreferences } from "~/modules/mail/preferences.server.ts";
import { MailPreferencesSchema } from "~/modules/mail/validation.ts";
import { requireUser } from "~/utils/auth.server.ts";
import { commandContext } from "~/utils/command.server.ts";
import { formFields } from "~/utils/form-fields.ts";
import { formErrors, parseForm } from "~/utils/forms.ts";
import { redirectWithToast } from "~/utils/toast.server.ts";

export const meta: MetaFunction = () => [{ title: "Email · Settings · Limelight" }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await requireUser(request, context);
  const { digest, kinds } = await preferencesOf(context.db, user.id);
  const offered = choosableKindsFor(user);
  return json({
    digest,
    kinds: Object.fromEntries(offered.map((k) => [k.kind, kinds[k.kind]])),
    groups: (["advocacy", "discussions", "community"] as const)
      .map((category) => ({
        category,
        kinds: offered
          .filter((k) => k.category === category)
          .map(({ kind, label }) => ({ kind, label })),
      }))
      .filter((group) => group.kinds.length > 0),
  });
}

export async function action({ request, context }: ActionFunctionArgs) {
  await requireUser(request, context);
  const parsed = parseForm(MailPreferencesSchema, await request.formData());
  if (!parsed.ok)
    return formErrors({
      fieldErrors: parsed.fieldErrors,
      values: parsed.values,
      formError: "Nothing was saved yet.",
    });
  await saveMailPreferences(await commandContext(request, context), parsed.data);
  return redirectWithToast("/settings/email", { kind: "success", title: "Email settings saved" });
}

export default function EmailSettings() {
  const saved = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const busy = useNavigation().state === "submitting";
  const { field, formError } = formFields<typeof MailPreferencesSchema>(actionData, {
    digest: saved.digest,
    ...saved.kinds,
  } as Record<string, string>);
  return (
    <Form method="post" className="space-y-6" noValidate>
      <FormError message={formError} />
      <Card className="space-y-4 p-6">
        <div>
          <h2 className="text-lg font-semibold">The digest</h2>
          <p className="mt-1 text-sm text-stone-600 dark:text-stone-400">
            New answers to your questions, the liveliest threads, your points and tier, speaking
            opportunities and early access newly open to you, with whatever you chose to get “in the
            digest”.
          </p>
        </div>
        <SelectField label="Send me the digest" className="max-w-xs" {...field("digest")}>
          <option value="daily">Daily</option>
          <option value="weekly">Weekly</option>
          <option value="off">Off</option>
        </SelectField>
      </Card>
      {saved.groups.map((group) => (
        <Card key={group.category} className="space-y-4 p-6">
          <h2 className="text-lg font-semibold">{CATEGORY_LABELS[group.category]}</h2>
          <div className="grid gap-4 sm:grid-cols-2">
            {group.kinds.map((k) => (
              <SelectField key={k.kind} label={k.label} {...field(k.kind as "digest")}>
                <option value="immediate">Immediately</option>
                <option value="digest">In the digest</option>
                <option value="never">Never</option>
              </SelectField>
            ))}
          </div>
        </Card>
      ))}
      <p className="text-sm text-stone-600 dark:text-stone-400">
        Account and security messages (password, sign-in address) always reach you. At most a few
        messages a day come alone; past that they wait for your digest.
      </p>
      <Button type="submit" disabled={busy}>
        {busy ? "Saving…" : "Save email settings"}
      </Button>
    </Form>
  );
}
