import {
  json,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
} from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { Button } from "~/components/ui/button.tsx";
import { Card } from "~/components/ui/card.tsx";
import { CheckboxField, FormError, SelectField } from "~/components/ui/field.tsx";
import { i18nFor, LOCALE_NAMES, LOCALE_TAGS, LOCALES, localeOfMatches } from "~/i18n/index.ts";
import { browserLocale, localeCookie, localeOf } from "~/i18n/locale.server.ts";
import { readLanguagesOf, saveReadLanguages } from "~/modules/languages/reading.server.ts";
import { ReadLanguagesSchema, WRITTEN_IN } from "~/modules/languages/codes.ts";
import { FOLLOW_BROWSER, LanguageSettingSchema } from "~/modules/profiles/language.ts";
import { setOwnLocale, storedLocale } from "~/modules/profiles/language.server.ts";
import { requireUser } from "~/utils/auth.server.ts";
import { commandContext } from "~/utils/command.server.ts";
import { formFields } from "~/utils/form-fields.ts";
import { formErrors, parseIntent } from "~/utils/forms.ts";
import { redirectWithToast } from "~/utils/toast.server.ts";

export const meta: MetaFunction = ({ matches }) => [
  { title: i18nFor(localeOfMatches(matches)).t("settingsLanguage.metaTitle") },
];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await requireUser(request, context);
  const [locale, reads] = await Promise.all([
    storedLocale(context.db, user.id),
    readLanguagesOf(context.db, user.id),
  ]);
  return json({ locale: locale ?? FOLLOW_BROWSER, reads });
}

export async function action({ request, context }: ActionFunctionArgs) {
  await requireUser(request, context);
  const parsed = parseIntent(await request.formData(), {
    language: LanguageSettingSchema,
    reading: ReadLanguagesSchema,
  });
  if (!parsed.ok) {
    const { t } = i18nFor(await localeOf(request, context));
    return formErrors({
      // The only field that can be wrong is the language menu's (the boxes are ticked or not).
      fieldErrors:
        parsed.values.intent === "language" ? { locale: t("settingsLanguage.unknown") } : {},
      values: parsed.values,
      formError: t("settingsLanguage.nothingSaved"),
    });
  }
  const run = await commandContext(request, context);
  if (parsed.intent === "reading") {
    await saveReadLanguages(run, parsed.data);
    const { t } = i18nFor(await localeOf(request, context));
    return redirectWithToast("/settings/language", {
      kind: "success",
      title: t("contentLanguage.saved"),
    });
  }
  await setOwnLocale(run, parsed.data);
  // The toast is read on the next page, in the language just chosen (or the browser's).
  const { t } = i18nFor(parsed.data.locale ?? (await browserLocale(request)));
  // "Follow my browser" also forgets a choice made in the footer, so the browser's language wins.
  const headers = parsed.data.locale
    ? undefined
    : { "Set-Cookie": await localeCookie.serialize("", { maxAge: 0 }) };
  return redirectWithToast(
    "/settings/language",
    { kind: "success", title: t("settingsLanguage.saved") },
    { headers },
  );
}

export default function LanguageSettings() {
  const saved = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const busy = useNavigation().state === "submitting";
  const { t } = useTranslation();
  const { field, formError } = formFields<typeof LanguageSettingSchema>(actionData, saved, {
    intent: "language",
  });
  const reading = new Set(saved.reads.length ? saved.reads : WRITTEN_IN);
  return (
    <div className="space-y-10">
      <Form method="post" className="space-y-6" noValidate>
        <input type="hidden" name="intent" value="language" />
        <FormError message={formError} />
        <Card className="space-y-4 p-6">
          <div>
            <h2 className="text-lg font-semibold">{t("settingsLanguage.heading")}</h2>
            <p className="mt-1 text-sm text-stone-600 dark:text-stone-400">
              {t("settingsLanguage.intro")}
            </p>
          </div>
          <SelectField
            label={t("settingsLanguage.label")}
            className="max-w-sm"
            {...field("locale")}
          >
            <option value={FOLLOW_BROWSER}>{t("settingsLanguage.browser")}</option>
            {LOCALES.map((locale) => (
              <option key={locale} value={locale} lang={LOCALE_TAGS[locale]}>
                {LOCALE_NAMES[locale]}
              </option>
            ))}
          </SelectField>
        </Card>
        <Button type="submit" disabled={busy}>
          {busy ? t("settingsLanguage.saving") : t("settingsLanguage.save")}
        </Button>
      </Form>
      <Form method="post" className="space-y-6">
        <input type="hidden" name="intent" value="reading" />
        <Card className="space-y-4 p-6">
          <fieldset className="space-y-3">
            <legend className="text-lg font-semibold">{t("contentLanguage.readHeading")}</legend>
            <p className="text-sm text-stone-600 dark:text-stone-400">
              {t("contentLanguage.readIntro")}
            </p>
            {WRITTEN_IN.map((language) => (
              <CheckboxField
                key={language}
                name={`read-${language}`}
                label={LOCALE_NAMES[language]}
                lang={LOCALE_TAGS[language]}
                defaultChecked={reading.has(language)}
              />
            ))}
          </fieldset>
        </Card>
        <Button type="submit" variant="secondary" disabled={busy}>
          {t("contentLanguage.readSave")}
        </Button>
      </Form>
    </div>
  );
}
