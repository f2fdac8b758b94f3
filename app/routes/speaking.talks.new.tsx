import {
  json,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
} from "@remix-run/node";
import { Form, Link, useActionData, useNavigation } from "@remix-run/react";
import { Container, PageHeader } from "~/components/app-shell.tsx";
import { Button } from "~/components/ui/button.tsx";
import { Card } from "~/components/ui/card.tsx";
import {
  CheckboxField,
  FormError,
  SelectField,
  TextAreaField,
  TextField,
} from "~/components/ui/field.tsx";
import { policy } from "~/modules/access/policy.ts";
import { TALK_FORMATS } from "~/modules/advocacy/formats.ts";
import { logTalk } from "~/modules/advocacy/talks.server.ts";
import { COMMON_TIME_ZONES } from "~/modules/advocacy/time.ts";
import { LogTalkSchema } from "~/modules/advocacy/validation.ts";
import { requireAllowed } from "~/utils/auth.server.ts";
import { commandContext } from "~/utils/command.server.ts";
import { formFields } from "~/utils/form-fields.ts";
import { formErrors, formValues, parseForm } from "~/utils/forms.ts";
import { answerDomainError } from "~/utils/http.server.ts";
import { redirectWithToast } from "~/utils/toast.server.ts";
import { talkFormatLabel } from "~/components/advocacy/labels.ts";
import { useTranslation } from "react-i18next";
import { i18nFor, localeOfMatches } from "~/i18n/index.ts";
import { localeOf } from "~/i18n/locale.server.ts";

export const meta: MetaFunction = ({ matches }) => [
  { title: i18nFor(localeOfMatches(matches)).t("speaking.log.metaTitle") },
];

export async function loader({ request, context }: LoaderFunctionArgs) {
  await requireAllowed(request, context, policy.logTalk);
  return json({});
}

export async function action({ request, context }: ActionFunctionArgs) {
  await requireAllowed(request, context, policy.logTalk);
  const { t } = i18nFor(await localeOf(request, context));
  const formData = await request.formData();
  const parsed = parseForm(LogTalkSchema, formData);
  if (!parsed.ok)
    return formErrors({
      fieldErrors: parsed.fieldErrors,
      values: parsed.values,
      formError: t("speaking.log.formError"),
    });
  try {
    const talk = await logTalk(await commandContext(request, context), parsed.data);
    return redirectWithToast(`/speaking/talks/${talk.id}`, {
      kind: "success",
      title: t("speaking.log.logged"),
      description:
        talk.status === "pending"
          ? t("speaking.log.loggedPending")
          : t("speaking.log.loggedScheduled"),
    });
  } catch (error) {
    return answerDomainError(error, formValues(formData));
  }
}

export default function LogTalk() {
  const actionData = useActionData<typeof action>();
  const busy = useNavigation().state === "submitting";
  const { field, formError } = formFields<typeof LogTalkSchema>(actionData, {
    format: "conference",
    timeZone: "UTC",
  });
  const { t } = useTranslation();
  return (
    <Container className="max-w-3xl">
      <PageHeader title={t("speaking.log.title")} description={t("speaking.log.description")} />
      <Form method="post" noValidate className="space-y-6">
        <FormError message={formError} />
        <Card className="space-y-5 p-6">
          <h2 className="text-lg font-semibold">{t("speaking.log.theTalk")}</h2>
          <TextField label={t("speaking.log.titleField")} {...field("title")} required />
          <div className="grid gap-5 sm:grid-cols-2">
            <TextField label={t("speaking.log.event")} {...field("eventName")} required />
            <SelectField label={t("speaking.log.format")} {...field("format")}>
              {TALK_FORMATS.map((f) => (
                <option key={f.value} value={f.value}>
                  {talkFormatLabel(t, f.value)}
                </option>
              ))}
            </SelectField>
            <TextField
              label={t("speaking.log.dateTime")}
              type="datetime-local"
              {...field("givenAt")}
              required
            />
            <SelectField label={t("speaking.log.timeZone")} {...field("timeZone")}>
              {COMMON_TIME_ZONES.map((z) => (
                <option key={z} value={z}>
                  {z.replace(/_/g, " ")}
                </option>
              ))}
            </SelectField>
          </div>
          <CheckboxField
            name="isVirtual"
            label={t("speaking.log.virtual")}
            defaultChecked={field("isVirtual").defaultValue === "on"}
          />
          <TextField label={t("speaking.log.location")} {...field("location")} />
          <TextField
            label={t("speaking.log.website")}
            type="url"
            placeholder="https://…"
            {...field("eventUrl")}
          />
          <TextAreaField label={t("speaking.log.abstract")} rows={4} {...field("abstract")} />
        </Card>
        <Card className="space-y-5 p-6">
          <div>
            <h2 className="text-lg font-semibold">{t("speaking.log.evidence")}</h2>
            <p className="mt-1 text-sm text-stone-600 dark:text-stone-400">
              {t("speaking.log.evidenceHint")}
            </p>
          </div>
          <div className="grid gap-5 sm:grid-cols-2">
            <TextField
              label={t("speaking.evidence.recording")}
              type="url"
              placeholder="https://…"
              {...field("recordingUrl")}
            />
            <TextField
              label={t("speaking.evidence.slides")}
              type="url"
              placeholder="https://…"
              {...field("slidesUrl")}
            />
            <TextField
              label={t("speaking.evidence.attendance")}
              inputMode="numeric"
              {...field("attendance")}
              hint={t("speaking.evidence.attendanceHint")}
            />
          </div>
          <TextAreaField label={t("speaking.evidence.note")} rows={2} {...field("evidenceNote")} />
        </Card>
        <div className="flex items-center justify-end gap-3">
          <Link to="/speaking/mine" className="text-sm font-medium underline">
            {t("speaking.log.cancel")}
          </Link>
          <Button type="submit" size="lg" disabled={busy}>
            {busy ? t("speaking.log.saving") : t("speaking.log.submit")}
          </Button>
        </div>
      </Form>
    </Container>
  );
}
