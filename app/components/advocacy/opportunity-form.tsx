import { Form } from "@remix-run/react";
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
        <h2 className="text-lg font-semibold">The opportunity</h2>
        <TextField
          label="Title"
          {...field("title")}
          required
          hint="What you are looking for, e.g. “Customer keynote: dashboards people trust”."
        />
        <div className="grid gap-5 sm:grid-cols-2">
          <TextField label="Event name" {...field("eventName")} required />
          <SelectField
            label="Format"
            {...field("format")}
            defaultValue={field("format").defaultValue || "conference"}
            hint="A verified talk earns the points shown for its format."
          >
            {TALK_FORMATS.map((f) => (
              <option key={f.value} value={f.value}>
                {f.label} (+{pointsByFormat[f.value] ?? 0} points)
              </option>
            ))}
          </SelectField>
        </div>
        <TextAreaField
          label="Topic or abstract wanted"
          {...field("topic")}
          rows={5}
          hint="What the organisers want to hear about. Markdown works."
        />
      </Card>

      <Card className="space-y-5 p-6">
        <h2 className="text-lg font-semibold">When and where</h2>
        <div className="grid gap-5 sm:grid-cols-3">
          <TextField label="Starts at" {...field("startsAt")} type="datetime-local" required />
          <SelectField
            label="Time zone"
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
            label="Application deadline"
            {...field("deadline")}
            type="datetime-local"
            required
            hint="In the event's time zone."
          />
        </div>
        <CheckboxField
          name="isVirtual"
          label="Virtual event"
          description="Online only; no venue."
          defaultChecked={checked("isVirtual")}
        />
        <TextField
          label="Location"
          {...field("location")}
          hint="Venue and city, e.g. “Greater Columbus Convention Center, Columbus”."
        />
        <div className="grid gap-5 sm:grid-cols-2">
          <TextField
            label="Expected audience"
            {...field("expectedAudience")}
            inputMode="numeric"
            hint="How many people, roughly."
          />
          <TextField
            label="Who the audience is"
            {...field("audienceDescription")}
            hint="e.g. “Supply-chain and operations leaders”."
          />
        </div>
        <TextField
          label="Event website"
          {...field("eventUrl")}
          type="url"
          placeholder="https://…"
        />
        {showStatus ? (
          <SelectField
            label="Status"
            {...field("status")}
            defaultValue={field("status").defaultValue || "open"}
            hint="Closed and filled opportunities take no more applications."
          >
            <option value="open">Open</option>
            <option value="closed">Closed</option>
            <option value="filled">Filled</option>
          </SelectField>
        ) : null}
      </Card>
      <div className="flex justify-end">
        <Button type="submit" size="lg" disabled={busy}>
          {busy ? "Saving…" : submitLabel}
        </Button>
      </div>
    </Form>
  );
}
