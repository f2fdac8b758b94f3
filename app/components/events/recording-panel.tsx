import { Form, Link } from "@remix-run/react";
import { Button } from "~/components/ui/button.tsx";
import { Card } from "~/components/ui/card.tsx";
import { FormError, SelectField, TextAreaField, TextField } from "~/components/ui/field.tsx";
import type { RecordingSchema } from "~/modules/events/validation.ts";
import { formFields, type ActionError } from "~/utils/form-fields.ts";
import { useTranslation } from "react-i18next";

export type RecordingLink =
  { access: "read"; slug: string; title: string } | { access: "teaser"; hint: string } | null;

/** The recording as this reader may see it: a link, the line saying who may watch it, or nothing. */
export function RecordingNotice({ recording }: { recording: RecordingLink }) {
  const { t } = useTranslation();
  if (!recording) return null;
  return (
    <p data-testid="event-recording">
      <strong>{t("events.recording")} </strong>
      {recording.access === "read" ? (
        <Link
          to={`/early-access/${recording.slug}`}
          className="text-brand-700 underline dark:text-brand-300"
        >
          {recording.title}
        </Link>
      ) : (
        <span className="text-stone-600 dark:text-stone-400">{recording.hint}</span>
      )}
    </p>
  );
}

/** After the event, whoever runs it publishes the recording for a tier and above, or for everyone. */
export function RecordingForm({
  actionData,
  tiers,
  eventTitle,
}: {
  actionData: ActionError | undefined;
  tiers: { id: number; name: string }[];
  eventTitle: string;
}) {
  const { t } = useTranslation();
  const { field, formError } = formFields<typeof RecordingSchema>(
    actionData,
    { title: eventTitle, audience: tiers.length ? `tier-${tiers[tiers.length - 1].id}` : "public" },
    { intent: "recording" },
  );
  return (
    <Card className="space-y-3 p-5">
      <h2 className="font-semibold">{t("events.publishRecording")}</h2>
      <p className="text-sm text-stone-600 dark:text-stone-400">{t("events.publishIntro")}</p>
      <Form method="post" className="space-y-3" noValidate>
        <input type="hidden" name="intent" value="recording" />
        <FormError message={formError} />
        <TextField label={t("events.title")} {...field("title")} />
        <TextField
          label={t("events.recordingLink")}
          type="url"
          placeholder="https://"
          {...field("recordingUrl")}
        />
        <TextAreaField label={t("events.summary")} rows={3} {...field("summary")} />
        <SelectField label={t("events.whoMayWatch")} {...field("audience")}>
          {tiers.map((tier) => (
            <option key={tier.id} value={`tier-${tier.id}`}>
              {t("events.tierAndAbove", { tier: tier.name })}
            </option>
          ))}
          <option value="public">{t("events.everyone")}</option>
        </SelectField>
        <Button type="submit">{t("events.publishButton")}</Button>
      </Form>
    </Card>
  );
}
