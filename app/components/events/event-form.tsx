import { Form } from "@remix-run/react";
import { Button } from "~/components/ui/button.tsx";
import { FormError, SelectField, TextAreaField, TextField } from "~/components/ui/field.tsx";
import { COMMON_TIME_ZONES } from "~/modules/advocacy/time.ts";
import { EVENT_KINDS, type EventSchema } from "~/modules/events/validation.ts";
import { formFields, type ActionError } from "~/utils/form-fields.ts";

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
  const { field, formError } = formFields<typeof EventSchema>(actionData, {
    kind: "meetup",
    capacity: 30,
    ...saved,
  });
  return (
    <Form method="post" className="space-y-4" noValidate>
      <FormError message={formError} />
      <SelectField label="Chapter" {...field("chapterId")}>
        {chapters.map((c) => (
          <option key={c.id} value={c.id}>
            {c.name}
          </option>
        ))}
      </SelectField>
      <SelectField label="Kind" {...field("kind")}>
        {EVENT_KINDS.map((k) => (
          <option key={k.value} value={k.value}>
            {k.label}
          </option>
        ))}
      </SelectField>
      <TextField label="Title" required {...field("title")} />
      <TextAreaField label="Description" {...field("description")} />
      <div className="grid gap-4 sm:grid-cols-2">
        <TextField label="Starts" type="datetime-local" required {...field("startsAt")} />
        <TextField label="Ends" type="datetime-local" required {...field("endsAt")} />
      </div>
      <TextField
        label="Time zone"
        list="event-time-zones"
        hint="Where the event happens (IANA name, e.g. Europe/Madrid). Readers also see their own time."
        {...field("timeZone")}
      />
      <datalist id="event-time-zones">
        {COMMON_TIME_ZONES.map((z) => (
          <option key={z} value={z} />
        ))}
      </datalist>
      <TextField
        label="Venue"
        hint="Address, or leave empty for an online-only event."
        {...field("venue")}
      />
      <TextField
        label="Online link"
        type="url"
        hint="Shown only to people holding a seat."
        {...field("onlineUrl")}
      />
      <TextField label="Seats" inputMode="numeric" {...field("capacity")} />
      <TextField label="Host (handle)" hint="Leave empty to host it yourself." {...field("host")} />
      <TextField label="Speakers (handles, comma-separated)" {...field("speakers")} />
      <Button type="submit" disabled={busy}>
        {busy ? "Posting…" : "Post event"}
      </Button>
    </Form>
  );
}
