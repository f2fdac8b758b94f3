import { Form } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { talkFormatLabel } from "./labels.ts";
import { opportunityStatusLabel } from "./status-badge.tsx";
import { Button } from "~/components/ui/button.tsx";
import { Card } from "~/components/ui/card.tsx";
import {
  CheckboxField,
  FormError,
  SelectField,
  TextAreaField,
  TextField,
} from "~/components/ui/field.tsx";
import { TALK_FORMATS } from "~/modules/advocacy/formats.ts";
import { COMMON_TIME_ZONES, instantToZonedLocal } from "~/modules/advocacy/time.ts";
import type { OpportunitySchema } from "~/modules/advocacy/validation.ts";
import { formFields, type ActionError } from "~/utils/form-fields.ts";

export type OpportunityFormValues = Record<string, string>;

export function opportunityFormValues(o: {
  title: string;
  event_name: string;
  format: string;
  starts_at: Date | string;
  time_zone: string;
  is_virtual: boolean;
  location: string;
  expected_audience: number | null;
  audience_description: string;
  topic_md: string;
  event_url: string;
  application_deadline: Date | string;
  status: string;
}): OpportunityFormValues {
  return {
    title: o.title,
    eventName: o.event_name,
    format: o.format,
    startsAt: instantToZonedLocal(o.starts_at, o.time_zone),
    timeZone: o.time_zone,
    isVirtual: o.is_virtual ? "on" : "",
    location: o.location,
    expectedAudience: o.expected_audience === null ? "" : String(o.expected_audience),
    audienceDescription: o.audience_description,
    topic: o.topic_md,
    eventUrl: o.event_url,
    deadline: instantToZonedLocal(o.application_deadline, o.time_zone),
    status: o.status,
  };
}

/** Posting or editing a speaking opportunity (managers). */
export function OpportunityForm({
  actionData,
  saved,
  busy,
  submitLabel,
  showStatus,
  pointsByFormat,
}: {
  actionData: ActionError | undefined;
  saved: OpportunityFormValues;
  busy: boolean;
  submitLabel: string;
  showStatus: boolean;
  pointsByFormat: Record<string, number>;
}) {
  const { field, checked, formError } = formFields<typeof OpportunitySchema>(actionData, saved);
  const timeZone = field("timeZone");
  const { t } = useTranslation();
  const zones = COMMON_TIME_ZONES.includes(
    timeZone.defaultValue as (typeof COMMON_TIME_ZONES)[number],
  )
    ? COMMON_TIME_ZONES
    : [timeZone.defaultValue, ...COMMON_TIME_ZONES];
  return (
    <Form method="post" noValidate className="space-y-6">
      <input type="hidden" name="intent" value="save" />
      <FormError message={formError} />
      <Card className="space-y-5 p-6">
        <h2 className="text-lg font-semibold">{t("speaking.opportunityForm.theOpportunity")}</h2>
        <TextField
          label={t("speaking.opportunityForm.title")}
          {...field("title")}
          required
          hint={t("speaking.opportunityForm.titleHint")}
        />
        <div className="grid gap-5 sm:grid-cols-2">
          <TextField
            label={t("speaking.opportunityForm.eventName")}
            {...field("eventName")}
            required
          />
          <SelectField
            label={t("speaking.opportunityForm.format")}
            {...field("format")}
            defaultValue={field("format").defaultValue || "conference"}
            hint={t("speaking.opportunityForm.formatHint")}
          >
            {TALK_FORMATS.map((f) => (
              <option key={f.value} value={f.value}>
                {t("speaking.opportunityForm.formatOption", {
                  format: talkFormatLabel(t, f.value),
                  points: pointsByFormat[f.value] ?? 0,
                })}
              </option>
            ))}
          </SelectField>
        </div>
        <TextAreaField
          label={t("speaking.opportunityForm.topic")}
          {...field("topic")}
          rows={5}
          hint={t("speaking.opportunityForm.topicHint")}
        />
      </Card>

      <Card className="space-y-5 p-6">
        <h2 className="text-lg font-semibold">{t("speaking.opportunityForm.whenWhere")}</h2>
        <div className="grid gap-5 sm:grid-cols-3">
          <TextField
            label={t("speaking.opportunityForm.startsAt")}
            {...field("startsAt")}
            type="datetime-local"
            required
          />
          <SelectField
            label={t("speaking.opportunityForm.timeZone")}
            {...timeZone}
            defaultValue={timeZone.defaultValue || "UTC"}
          >
            {zones.map((z) => (
              <option key={z} value={z}>
                {z.replace(/_/g, " ")}
              </option>
            ))}
          </SelectField>
          <TextField
            label={t("speaking.opportunityForm.deadline")}
            {...field("deadline")}
            type="datetime-local"
            required
            hint={t("speaking.opportunityForm.deadlineHint")}
          />
        </div>
        <CheckboxField
          name="isVirtual"
          label={t("speaking.opportunityForm.virtual")}
          description={t("speaking.opportunityForm.virtualHint")}
          defaultChecked={checked("isVirtual")}
        />
        <TextField
          label={t("speaking.opportunityForm.location")}
          {...field("location")}
          hint={t("speaking.opportunityForm.locationHint")}
        />
        <div className="grid gap-5 sm:grid-cols-2">
          <TextField
            label={t("speaking.opportunityForm.audience")}
            {...field("expectedAudience")}
            inputMode="numeric"
            hint={t("speaking.opportunityForm.audienceHint")}
          />
          <TextField
            label={t("speaking.opportunityForm.who")}
            {...field("audienceDescription")}
            hint={t("speaking.opportunityForm.whoHint")}
          />
        </div>
        <TextField
          label={t("speaking.opportunityForm.website")}
          {...field("eventUrl")}
          type="url"
          placeholder="https://…"
        />
        {showStatus ? (
          <SelectField
            label={t("speaking.opportunityForm.status")}
            {...field("status")}
            defaultValue={field("status").defaultValue || "open"}
            hint={t("speaking.opportunityForm.statusHint")}
          >
            <option value="open">{opportunityStatusLabel(t, "open")}</option>
            <option value="closed">{opportunityStatusLabel(t, "closed")}</option>
            <option value="filled">{opportunityStatusLabel(t, "filled")}</option>
          </SelectField>
        ) : null}
      </Card>
      <div className="flex justify-end">
        <Button type="submit" size="lg" disabled={busy}>
          {busy ? t("speaking.opportunityForm.saving") : submitLabel}
        </Button>
      </div>
    </Form>
  );
}
