import { Form, Link } from "@remix-run/react";
import { Button } from "~/components/ui/button.tsx";
import { Card } from "~/components/ui/card.tsx";
import { FormError, SelectField, TextAreaField, TextField } from "~/components/ui/field.tsx";
import type { RecordingSchema } from "~/modules/events/validation.ts";
import { formFields, type ActionError } from "~/utils/form-fields.ts";

export type RecordingLink =
  { access: "read"; slug: string; title: string } | { access: "teaser"; hint: string } | null;

/** The recording as this reader may see it: a link, the line saying who may watch it, or nothing. */
export function RecordingNotice({ recording }: { recording: RecordingLink }) {
  if (!recording) return null;
  return (
    <p data-testid="event-recording">
      <strong>Recording: </strong>
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
  const { field, formError } = formFields<typeof RecordingSchema>(
    actionData,
    { title: eventTitle, audience: tiers.length ? `tier-${tiers[tiers.length - 1].id}` : "public" },
    { intent: "recording" },
  );
  return (
    <Card className="space-y-3 p-5">
      <h2 className="font-semibold">Publish the recording</h2>
      <p className="text-sm text-stone-600 dark:text-stone-400">
        It becomes an early-access item: members of the tier you choose, and every tier above it,
        can watch it from now on.
      </p>
      <Form method="post" className="space-y-3" noValidate>
        <input type="hidden" name="intent" value="recording" />
        <FormError message={formError} />
        <TextField label="Title" {...field("title")} />
        <TextField
          label="Recording link"
          type="url"
          placeholder="https://"
          {...field("recordingUrl")}
        />
        <TextAreaField label="Summary (optional)" rows={3} {...field("summary")} />
        <SelectField label="Who may watch it" {...field("audience")}>
          {tiers.map((t) => (
            <option key={t.id} value={`tier-${t.id}`}>
              {t.name} and above
            </option>
          ))}
          <option value="public">Everyone</option>
        </SelectField>
        <Button type="submit">Publish recording</Button>
      </Form>
    </Card>
  );
}
