import { Form } from "@remix-run/react";
import { Button } from "~/components/ui/button.tsx";
import { FormError, SelectField, TextAreaField, TextField } from "~/components/ui/field.tsx";
import { COMMON_TIME_ZONES } from "~/modules/advocacy/time.ts";
import { EVENT_KINDS, type EventSchema } from "~/modules/events/validation.ts";
import { formFields, type ActionError } from "~/utils/form-fields.ts";
import { useTranslation } from "react-i18next";
import { useEventKinds } from "./event-kinds.ts";

export function EventForm({
  actionData,
  chapters,
  saved,
  busy,
}: {
  actionData: ActionError | undefined;
  chapters: { id: number; name: string }[];
  saved: { chapterId?: string; timeZone: string };
  busy: boolean;
}) {
  const { t } = useTranslation();
  const kinds = useEventKinds();
  const { field, formError } = formFields<typeof EventSchema>(actionData, {
    kind: "meetup",
    capacity: 30,
    ...saved,
  });
  return (
    <Form method="post" className="space-y-4" noValidate>
      <FormError message={formError} />
      <SelectField label={t("events.chapter")} {...field("chapterId")}>
        {chapters.map((c) => (
          <option key={c.id} value={c.id}>
            {c.name}
          </option>
        ))}
      </SelectField>
      <SelectField label={t("events.kindLabel")} {...field("kind")}>
        {EVENT_KINDS.map((k) => (
          <option key={k.value} value={k.value}>
            {kinds[k.value] ?? k.label}
          </option>
        ))}
      </SelectField>
      <TextField label={t("events.title")} required {...field("title")} />
      <TextAreaField label={t("events.description")} {...field("description")} />
      <div className="grid gap-4 sm:grid-cols-2">
        <TextField
          label={t("events.starts")}
          type="datetime-local"
          required
          {...field("startsAt")}
        />
        <TextField label={t("events.ends")} type="datetime-local" required {...field("endsAt")} />
      </div>
      <TextField
        label={t("events.timeZone")}
        list="event-time-zones"
        hint={t("events.timeZoneHint")}
        {...field("timeZone")}
      />
      <datalist id="event-time-zones">
        {COMMON_TIME_ZONES.map((z) => (
          <option key={z} value={z} />
        ))}
      </datalist>
      <TextField label={t("events.venue")} hint={t("events.venueHint")} {...field("venue")} />
      <TextField
        label={t("events.onlineLink")}
        type="url"
        hint={t("events.onlineLinkHint")}
        {...field("onlineUrl")}
      />
      <TextField label={t("events.seats")} inputMode="numeric" {...field("capacity")} />
      <TextField label={t("events.hostHandle")} hint={t("events.hostHint")} {...field("host")} />
      <TextField label={t("events.speakerHandles")} {...field("speakers")} />
      <Button type="submit" disabled={busy}>
        {busy ? t("events.posting") : t("events.postEvent")}
      </Button>
    </Form>
  );
}
