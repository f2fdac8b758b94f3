import {
  json,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
} from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { InSentence, SLOT } from "~/components/auth/in-sentence.tsx";
import { i18nFor, localeOfMatches } from "~/i18n/index.ts";
import { localeOf } from "~/i18n/locale.server.ts";
import { Button } from "~/components/ui/button.tsx";
import { Card } from "~/components/ui/card.tsx";
import { FormError, TextField } from "~/components/ui/field.tsx";
import { isVerifiedCustomer } from "~/modules/access/policy.ts";
import { getMonthlyCap, requestsThisMonth } from "~/modules/promoters/reference-caps.server.ts";
import { setMonthlyCap } from "~/modules/promoters/reference-queue.server.ts";
import { MonthlyCapSchema } from "~/modules/promoters/validation.ts";
import { requireUser } from "~/utils/auth.server.ts";
import { commandContext } from "~/utils/command.server.ts";
import { formFields } from "~/utils/form-fields.ts";
import { formErrors, parseForm } from "~/utils/forms.ts";
import { redirectWithToast } from "~/utils/toast.server.ts";
import { openToOf } from "~/modules/profiles/pickers.server.ts";

export const meta: MetaFunction = ({ matches }) => [
  { title: i18nFor(localeOfMatches(matches)).t("settings.references.meta") },
];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await requireUser(request, context);
  const [cap, used, openTo] = await Promise.all([
    getMonthlyCap(context.db, user.id),
    requestsThisMonth(context.db, user.id),
    openToOf(context.db, user.id),
  ]);
  return json({
    cap,
    used,
    openToReferences: openTo.references,
    isAdvocate: isVerifiedCustomer(user),
  });
}

export async function action({ request, context }: ActionFunctionArgs) {
  await requireUser(request, context);
  const parsed = parseForm(MonthlyCapSchema, await request.formData());
  const { t } = i18nFor(await localeOf(request, context));
  if (!parsed.ok)
    return formErrors({
      fieldErrors: parsed.fieldErrors,
      values: parsed.values,
      formError: t("settings.references.nothingSaved"),
    });
  const delivered = await setMonthlyCap(await commandContext(request, context), {
    cap: parsed.data.monthlyCap,
  });
  return redirectWithToast("/settings/references", {
    kind: "success",
    title: t("settings.references.saved"),
    description: delivered.length
      ? t("settings.references.delivered", { count: delivered.length })
      : undefined,
  });
}

export default function ReferenceSettings() {
  const data = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const busy = useNavigation().state === "submitting";
  const { t } = useTranslation();
  const { field } = formFields<typeof MonthlyCapSchema>(actionData, { monthlyCap: data.cap });
  return (
    <Card className="space-y-5 p-6">
      <div>
        <h2 className="text-lg font-semibold">{t("settings.references.title")}</h2>
        <p className="mt-1 text-sm text-stone-600 dark:text-stone-400">
          {t("settings.references.intro")}
        </p>
      </div>
      {!data.openToReferences ? (
        <p className="rounded-lg bg-stone-100 px-4 py-3 text-sm dark:bg-stone-800">
          <InSentence text={t("settings.references.notOpen", { link: SLOT })}>
            <Link
              to="/settings/profile"
              className="font-medium text-brand-700 underline dark:text-brand-300"
            >
              {t("settings.references.yourProfile")}
            </Link>
          </InSentence>
        </p>
      ) : null}
      <Form method="post" className="space-y-4" noValidate>
        <FormError message={actionData?.formError} />
        <TextField
          label={t("settings.references.cap")}
          type="number"
          min={0}
          max={20}
          {...field("monthlyCap")}
          hint={t("settings.references.capHint", { used: data.used })}
          className="max-w-xs"
        />
        <Button type="submit" disabled={busy}>
          {t("settings.references.submit")}
        </Button>
      </Form>
      <p className="text-sm">
        <Link to="/references" className="font-medium text-brand-700 underline dark:text-brand-300">
          {t("settings.references.seeRequests")}
        </Link>
      </p>
    </Card>
  );
}
