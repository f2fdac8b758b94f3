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
import { useTranslation } from "react-i18next";
import { i18nFor, localeOfMatches } from "~/i18n/index.ts";
import { localeOf } from "~/i18n/locale.server.ts";
import { useFormats } from "~/i18n/use-formats.ts";

export const meta: MetaFunction = ({ matches }) => [
  { title: i18nFor(localeOfMatches(matches)).t("referrals.metaTitle") },
];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await requireAllowed(request, context, policy.submitReferral);
  return json({ referrals: await listOwnReferrals(context.db, user) });
}

export async function action({ request, context }: ActionFunctionArgs) {
  await requireAllowed(request, context, policy.submitReferral);
  const { t } = i18nFor(await localeOf(request, context));
  const parsed = parseForm(ReferralSchema, await request.formData());
  if (!parsed.ok)
    return formErrors({
      fieldErrors: parsed.fieldErrors,
      values: parsed.values,
      formError: t("referrals.notSent"),
    });
  const { consent: _consent, ...values } = parsed.data;
  try {
    const referral = await submitReferral(await commandContext(request, context), values);
    return redirectWithToast("/referrals", {
      kind: "success",
      title: t("referrals.thanks", { company: referral.company }),
      description: t("referrals.thanksBody"),
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
  const { t } = useTranslation();
  const formats = useFormats();
  return (
    <Container className="max-w-4xl">
      <PageHeader title={t("referrals.title")} description={t("referrals.intro")} />
      <div className="grid gap-6 lg:grid-cols-5">
        <Card className="p-6 lg:col-span-2">
          <h2 className="text-lg font-semibold">{t("referrals.refer")}</h2>
          <Form method="post" className="mt-4 space-y-4" noValidate>
            <FormError message={formError} />
            <TextField label={t("referrals.contactName")} required {...field("contactName")} />
            <TextField
              label={t("referrals.contactEmail")}
              type="email"
              required
              {...field("contactEmail")}
            />
            <TextField label={t("referrals.company")} required {...field("company")} />
            <TextAreaField
              label={t("referrals.note")}
              rows={3}
              {...field("note")}
              hint={t("referrals.noteHint")}
            />
            <CheckboxField
              name="consent"
              label={t("referrals.consent")}
              description={t("referrals.consentHint")}
              defaultChecked={consent.defaultValue === "on"}
            />
            {consent.error ? (
              <p className="text-sm text-red-700 dark:text-red-400" role="alert">
                {consent.error}
              </p>
            ) : null}
            <Button type="submit" disabled={busy}>
              {t("referrals.send")}
            </Button>
          </Form>
        </Card>
        <section className="space-y-3 lg:col-span-3" aria-labelledby="mine-heading">
          <h2 id="mine-heading" className="text-lg font-semibold">
            {t("referrals.yours")}
          </h2>
          {referrals.length === 0 ? (
            <EmptyState title={t("referrals.none")}>{t("referrals.noneHint")}</EmptyState>
          ) : (
            <Card>
              <ul className="divide-y divide-stone-200 dark:divide-stone-800">
                {referrals.map((r) => (
                  <li key={r.id} className="flex items-center justify-between gap-3 px-5 py-4">
                    <div>
                      <p className="font-medium">{r.company}</p>
                      <p className="text-sm text-stone-600 dark:text-stone-400">
                        {r.contact_name} ·{" "}
                        {t("referrals.referredOn", { date: formats.day(r.created_at) })}
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
