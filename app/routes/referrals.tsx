import {
  json,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
} from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { Container, PageHeader } from "~/components/app-shell.tsx";
import { ReferralStageBadge } from "~/components/promoters/referral-stage.tsx";
import { Button } from "~/components/ui/button.tsx";
import { Card } from "~/components/ui/card.tsx";
import { CheckboxField, FormError, TextAreaField, TextField } from "~/components/ui/field.tsx";
import { EmptyState } from "~/components/ui/empty-state.tsx";
import { policy } from "~/modules/access/policy.ts";
import { listOwnReferrals, submitReferral } from "~/modules/promoters/referrals.server.ts";
import { ReferralSchema } from "~/modules/promoters/validation.ts";
import { requireAllowed } from "~/utils/auth.server.ts";
import { commandContext } from "~/utils/command.server.ts";
import { formFields } from "~/utils/form-fields.ts";
import { formErrors, parseForm } from "~/utils/forms.ts";
import { answerDomainError } from "~/utils/http.server.ts";
import { redirectWithToast } from "~/utils/toast.server.ts";

export const meta: MetaFunction = () => [{ title: "Your referrals · Limelight" }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await requireAllowed(request, context, policy.submitReferral);
  return json({ referrals: await listOwnReferrals(context.db, user) });
}

export async function action({ request, context }: ActionFunctionArgs) {
  await requireAllowed(request, context, policy.submitReferral);
  const parsed = parseForm(ReferralSchema, await request.formData());
  if (!parsed.ok)
    return formErrors({
      fieldErrors: parsed.fieldErrors,
      values: parsed.values,
      formError: "The referral was not sent yet.",
    });
  const { consent: _consent, ...values } = parsed.data;
  try {
    const referral = await submitReferral(await commandContext(request, context), values);
    return redirectWithToast("/referrals", {
      kind: "success",
      title: `Thank you for introducing ${referral.company}`,
      description: "The community team will get in touch with them and keep you posted here.",
    });
  } catch (error) {
    return answerDomainError(error, values);
  }
}

export default function Referrals() {
  const { referrals } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const busy = useNavigation().state === "submitting";
  const { field, formError } = formFields<typeof ReferralSchema>(actionData);
  const consent = field("consent");
  return (
    <Container className="max-w-4xl">
      <PageHeader
        title="Referrals"
        description="Know a company that would do well with the product? Introduce them, with their agreement. Referrals earn thanks, not points or payment: a recommendation that is paid for is not a recommendation."
      />
      <div className="grid gap-6 lg:grid-cols-5">
        <Card className="p-6 lg:col-span-2">
          <h2 className="text-lg font-semibold">Refer a peer company</h2>
          <Form method="post" className="mt-4 space-y-4" noValidate>
            <FormError message={formError} />
            <TextField label="Contact name" required {...field("contactName")} />
            <TextField label="Contact email" type="email" required {...field("contactEmail")} />
            <TextField label="Company" required {...field("company")} />
            <TextAreaField
              label="Note for the team"
              rows={3}
              {...field("note")}
              hint="What they are trying to solve, how you know them."
            />
            <CheckboxField
              name="consent"
              label="They agreed to be contacted"
              description="I asked this person and they are happy for the team to get in touch."
              defaultChecked={consent.defaultValue === "on"}
            />
            {consent.error ? (
              <p className="text-sm text-red-700 dark:text-red-400" role="alert">
                {consent.error}
              </p>
            ) : null}
            <Button type="submit" disabled={busy}>
              Send referral
            </Button>
          </Form>
        </Card>
        <section className="space-y-3 lg:col-span-3" aria-labelledby="mine-heading">
          <h2 id="mine-heading" className="text-lg font-semibold">
            Your referrals
          </h2>
          {referrals.length === 0 ? (
            <EmptyState title="No referrals yet">
              The companies you introduce appear here with where they stand.
            </EmptyState>
          ) : (
            <Card>
              <ul className="divide-y divide-stone-200 dark:divide-stone-800">
                {referrals.map((r) => (
                  <li key={r.id} className="flex items-center justify-between gap-3 px-5 py-4">
                    <div>
                      <p className="font-medium">{r.company}</p>
                      <p className="text-sm text-stone-600 dark:text-stone-400">
                        {r.contact_name} · referred{" "}
                        {new Date(r.created_at).toLocaleDateString("en-GB", {
                          day: "numeric",
                          month: "short",
                          year: "numeric",
                        })}
                      </p>
                    </div>
                    <ReferralStageBadge stage={r.stage} />
                  </li>
                ))}
              </ul>
            </Card>
          )}
        </section>
      </div>
    </Container>
  );
}
