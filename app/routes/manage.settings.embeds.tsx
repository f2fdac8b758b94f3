import {
  json,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
} from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import type { TFunction } from "i18next";
import { Button } from "~/components/ui/button.tsx";
import { Card } from "~/components/ui/card.tsx";
import { FormError, TextAreaField } from "~/components/ui/field.tsx";
import { i18nFor, localeOfMatches } from "~/i18n/index.ts";
import { localeOf } from "~/i18n/locale.server.ts";
import { MAX_EMBED_ORIGINS, parseEmbedOrigins } from "~/modules/share/embed-origins.ts";
import { listEmbedOrigins, saveEmbedOrigins } from "~/modules/share/embeds.server.ts";
import { requireAllowed } from "~/utils/auth.server.ts";
import { commandContext } from "~/utils/command.server.ts";
import type { ActionError } from "~/utils/form-fields.ts";
import { formValues } from "~/utils/forms.ts";
import { answerDomainError } from "~/utils/http.server.ts";
import { redirectWithToast } from "~/utils/toast.server.ts";

export const meta: MetaFunction = ({ matches }) => [
  { title: i18nFor(localeOfMatches(matches)).t("manageSettings.embeds.metaTitle") },
];

export async function loader({ request, context }: LoaderFunctionArgs) {
  await requireAllowed(request, context, "configureEmbeds");
  return json({
    origins: await listEmbedOrigins(context.db),
    publicUrl: context.env.PUBLIC_URL.replace(/\/+$/, ""),
  });
}

export async function action({ request, context }: ActionFunctionArgs) {
  await requireAllowed(request, context, "configureEmbeds");
  const values = formValues(await request.formData());
  try {
    const origins = parseEmbedOrigins(values.origins ?? "");
    await saveEmbedOrigins(await commandContext(request, context), { origins });
  } catch (error) {
    return answerDomainError(error, values);
  }
  const { t } = i18nFor(await localeOf(request, context));
  return redirectWithToast("/manage/settings/embeds", {
    kind: "success",
    title: t("manageSettings.embeds.saved"),
  });
}

export default function EmbedSettingsPage() {
  const { origins, publicUrl } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>() as ActionError | undefined;
  const { t } = useTranslation();
  return (
    <div className="max-w-3xl">
      <h2 className="text-xl font-semibold">{t("manageSettings.embeds.title")}</h2>
      <p className="mt-2 text-stone-600 dark:text-stone-400">{t("manageSettings.embeds.intro")}</p>
      <Card className="mt-6 p-6">
        <Form method="post" className="space-y-4">
          <FormError message={actionData?.formError} />
          <TextAreaField
            label={t("manageSettings.embeds.originsLabel")}
            name="origins"
            hint={t("manageSettings.embeds.originsHint", { max: MAX_EMBED_ORIGINS })}
            defaultValue={actionData?.values?.origins ?? origins.join("\n")}
            error={actionData?.fieldErrors?.origins}
          />
          <Button type="submit">{t("manageSettings.embeds.save")}</Button>
        </Form>
      </Card>
      <Card className="mt-6 space-y-5 p-6">
        <h3 className="text-lg font-semibold">{t("manageSettings.embeds.howTitle")}</h3>
        <p className="text-sm text-stone-600 dark:text-stone-400">
          {t("manageSettings.embeds.howBody")}
        </p>
        {snippets(publicUrl, t).map((s) => (
          <div key={s.label}>
            <h4 className="text-sm font-medium">{s.label}</h4>
            <p className="text-xs text-stone-600 dark:text-stone-400">{s.hint}</p>
            <pre className="mt-1 overflow-x-auto rounded bg-stone-100 p-3 text-xs dark:bg-stone-800">
              {s.code}
            </pre>
          </div>
        ))}
      </Card>
    </div>
  );
}

const iframe = (src: string, width: string, height: number, title: string) =>
  `<iframe src="${src}" width="${width}" height="${height}" style="border:0" title="${title}"></iframe>`;

function snippets(publicUrl: string, t: TFunction) {
  return [
    {
      label: t("manageSettings.embeds.storyLabel"),
      hint: t("manageSettings.embeds.storyHint"),
      code: iframe(
        `${publicUrl}/embed/stories/STORY-SLUG`,
        "480",
        160,
        t("manageSettings.embeds.storyFrame"),
      ),
    },
    {
      label: t("manageSettings.embeds.wallLabel"),
      hint: t("manageSettings.embeds.wallHint"),
      code: iframe(
        `${publicUrl}/embed/wall?industry=Healthcare`,
        "100%",
        640,
        t("manageSettings.embeds.wallFrame"),
      ),
    },
    {
      label: t("manageSettings.embeds.talkLabel"),
      hint: t("manageSettings.embeds.talkHint"),
      code: iframe(
        `${publicUrl}/embed/talk?industry=Healthcare`,
        "300",
        64,
        t("manageSettings.embeds.talkFrame"),
      ),
    },
  ];
}
