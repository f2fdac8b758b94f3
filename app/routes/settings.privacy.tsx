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

export const meta: MetaFunction = ({ matches }) => [
  { title: i18nFor(localeOfMatches(matches)).t("settings.privacy.meta") },
];

export async function loader({ request, context }: LoaderFunctionArgs) {
  await requireUser(request, context);
  // Deleting is a second step: the page first explains what happens.
  return json({ confirming: new URL(request.url).searchParams.get("delete") === "1" });
}

/** The second step's form; `passwordMissing` is said in the reader's language. */
const deleteSchema = (passwordMissing: string) =>
  z.object({
    intent: z.literal("delete-account"),
    password: z.string().min(1, passwordMissing),
  });
type DeleteSchema = ReturnType<typeof deleteSchema>;

export async function action({ request, context }: ActionFunctionArgs) {
  await requireUser(request, context);
  const { t } = i18nFor(await localeOf(request, context));
  const parsed = parseForm(
    deleteSchema(t("settings.privacy.passwordRequired")),
    await request.formData(),
  );
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
      title: t("settings.privacy.deleted"),
      description: t("settings.privacy.deletedBody"),
    },
    { headers: { "Set-Cookie": cookie } },
  );
}

export default function PrivacySettings() {
  const { confirming } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const busy = useNavigation().state === "submitting";
  const { t } = useTranslation();
  const { field, formError } = formFields<DeleteSchema>(actionData);
  return (
    <div className="space-y-8">
      <Card className="p-6">
        <h2 className="text-lg font-semibold">{t("settings.privacy.download")}</h2>
        <p className="mt-2 text-sm text-stone-600 dark:text-stone-400">
          {t("settings.privacy.downloadIntro")}
        </p>
        <a
          href="/settings/privacy/download"
          download
          className={buttonClass("secondary", "md", "mt-4")}
        >
          {t("settings.privacy.downloadButton")}
        </a>
      </Card>

      <Card className="p-6">
        <h2 className="text-lg font-semibold">{t("settings.privacy.delete")}</h2>
        {confirming ? (
          <Form method="post" className="mt-4 space-y-4" noValidate>
            <Callout tone="danger" title={t("settings.privacy.cannotUndo")}>
              {t("settings.privacy.deleteWarning")}
            </Callout>
            <input type="hidden" name="intent" value="delete-account" />
            <FormError message={formError} />
            <TextField
              label={t("settings.privacy.password")}
              type="password"
              autoComplete="current-password"
              {...field("password")}
              defaultValue=""
            />
            <div className="flex flex-wrap gap-2">
              <Button type="submit" variant="danger" disabled={busy}>
                {t("settings.privacy.deleteForGood")}
              </Button>
              <ButtonLink to="/settings/privacy" variant="secondary">
                {t("settings.privacy.keep")}
              </ButtonLink>
            </div>
          </Form>
        ) : (
          <>
            <p className="mt-2 text-sm text-stone-600 dark:text-stone-400">
              <InSentence text={t("settings.privacy.downloadFirst", { link: SLOT })}>
                <Link to="/settings/privacy/download">{t("settings.privacy.downloadLink")}</Link>
              </InSentence>
            </p>
            <ButtonLink to="/settings/privacy?delete=1" variant="secondary" className="mt-4">
              {t("settings.privacy.deleteStart")}
            </ButtonLink>
          </>
        )}
      </Card>
    </div>
  );
}
