import {
  json,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
} from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { mailCategoryLabel, mailKindLabel } from "~/components/settings/mail-labels.ts";
import { i18nFor, localeOfMatches } from "~/i18n/index.ts";
import { localeOf } from "~/i18n/locale.server.ts";
import { Button } from "~/components/ui/button.tsx";
import { Card } from "~/components/ui/card.tsx";
import { FormError, SelectField } from "~/components/ui/field.tsx";
import { choosableKindsFor } from "~/modules/mail/kinds.ts";
import { preferencesOf, saveMailPreferences } from "~/modules/mail/preferences.server.ts";
import { MailPreferencesSchema } from "~/modules/mail/validation.ts";
import { requireUser } from "~/utils/auth.server.ts";
import { commandContext } from "~/utils/command.server.ts";
import { formFields } from "~/utils/form-fields.ts";
import { formErrors, parseForm } from "~/utils/forms.ts";
import { redirectWithToast } from "~/utils/toast.server.ts";

export const meta: MetaFunction = ({ matches }) => [
  { title: i18nFor(localeOfMatches(matches)).t("settings.email.meta") },
];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await requireUser(request, context);
  const { digest, kinds } = await preferencesOf(context.db, user.id);
  const offered = choosableKindsFor(user);
  const { t } = i18nFor(await localeOf(request, context));
  return json({
    digest,
    kinds: Object.fromEntries(offered.map((k) => [k.kind, kinds[k.kind]])),
    groups: (["advocacy", "discussions", "community"] as const)
      .map((category) => ({
        category,
        kinds: offered
          .filter((k) => k.category === category)
          .map(({ kind }) => ({ kind, label: mailKindLabel(kind, t) })),
      }))
      .filter((group) => group.kinds.length > 0),
  });
}

export async function action({ request, context }: ActionFunctionArgs) {
  await requireUser(request, context);
  const { t } = i18nFor(await localeOf(request, context));
  const parsed = parseForm(MailPreferencesSchema, await request.formData());
  if (!parsed.ok)
    return formErrors({
      fieldErrors: parsed.fieldErrors,
      values: parsed.values,
      formError: t("settings.email.nothingSaved"),
    });
  await saveMailPreferences(await commandContext(request, context), parsed.data);
  return redirectWithToast("/settings/email", {
    kind: "success",
    title: t("settings.email.saved"),
  });
}

export default function EmailSettings() {
  const saved = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const busy = useNavigation().state === "submitting";
  const { t } = useTranslation();
  const { field, formError } = formFields<typeof MailPreferencesSchema>(actionData, {
    digest: saved.digest,
    ...saved.kinds,
  } as Record<string, string>);
  return (
    <Form method="post" className="space-y-6" noValidate>
      <FormError message={formError} />
      <Card className="space-y-4 p-6">
        <div>
          <h2 className="text-lg font-semibold">{t("settings.email.digest")}</h2>
          <p className="mt-1 text-sm text-stone-600 dark:text-stone-400">
            {t("settings.email.digestIntro")}
          </p>
        </div>
        <SelectField
          label={t("settings.email.sendDigest")}
          className="max-w-xs"
          {...field("digest")}
        >
          <option value="daily">{t("settings.email.daily")}</option>
          <option value="weekly">{t("settings.email.weekly")}</option>
          <option value="off">{t("settings.email.off")}</option>
        </SelectField>
      </Card>
      {saved.groups.map((group) => (
        <Card key={group.category} className="space-y-4 p-6">
          <h2 className="text-lg font-semibold">{mailCategoryLabel(group.category, t)}</h2>
          <div className="grid gap-4 sm:grid-cols-2">
            {group.kinds.map((k) => (
              <SelectField key={k.kind} label={k.label} {...field(k.kind as "digest")}>
                <option value="immediate">{t("settings.email.immediate")}</option>
                <option value="digest">{t("settings.email.inDigest")}</option>
                <option value="never">{t("settings.email.never")}</option>
              </SelectField>
            ))}
          </div>
        </Card>
      ))}
      <p className="text-sm text-stone-600 dark:text-stone-400">{t("settings.email.always")}</p>
      <Button type="submit" disabled={busy}>
        {busy ? t("ui.saving") : t("settings.email.submit")}
      </Button>
    </Form>
  );
}
