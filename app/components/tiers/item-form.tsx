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

export interface ItemFormValues {
  title: string;
  teaser: string;
  summary: string;
  body: string;
  kind: string;
  downloadUrl: string;
  recordingUrl: string;
  requiresNda: boolean;
  publicAt: string;
  opens: Record<string, string>;
}

export interface ItemFormProps {
  tiers: Array<{ id: number; name: string; rank: number }>;
  kinds: Array<{ value: string; label: string }>;
  values: ItemFormValues;
  errors: Record<string, string>;
  formError?: string | null;
  busy: boolean;
  submitLabel: string;
  /** New items can be saved as a draft or published at once. */
  offerPublish?: boolean;
}

/** The editor of an early-access item, its NDA flag and its release cascade. */
export function ItemForm({
  tiers,
  kinds,
  values,
  errors,
  formError,
  busy,
  submitLabel,
  offerPublish,
}: ItemFormProps) {
  return (
    <Form method="post" className="space-y-6" noValidate>
      <input type="hidden" name="intent" value="save" />
      <FormError message={formError} />
      <Card className="space-y-5 p-6">
        <TextField
          label="Title"
          name="title"
          defaultValue={values.title}
          error={errors.title}
          required
          hint="Shown only to people who may read the item."
        />
        <div className="grid gap-5 sm:grid-cols-2">
          <SelectField label="Kind" name="kind" defaultValue={values.kind} error={errors.kind}>
            {kinds.map((k) => (
              <option key={k.value} value={k.value}>
                {k.label}
              </option>
            ))}
          </SelectField>
          <TextField
            label="Teaser"
            name="teaser"
            defaultValue={values.teaser}
            error={errors.teaser}
            hint="One public-safe line for those who cannot read it yet. Keep confidential names out."
          />
        </div>
        <TextAreaField
          label="Summary"
          name="summary"
          rows={3}
          defaultValue={values.summary}
          error={errors.summary}
        />
        <TextAreaField
          label="Body"
          name="body"
          rows={12}
          defaultValue={values.body}
          error={errors.body}
          hint="Markdown. HTML is shown as text."
        />
        <div className="grid gap-5 sm:grid-cols-2">
          <TextField
            label="Download link"
            name="downloadUrl"
            type="url"
            placeholder="https://…"
            defaultValue={values.downloadUrl}
            error={errors.downloadUrl}
          />
          <TextField
            label="Recording link"
            name="recordingUrl"
            type="url"
            placeholder="https://…"
            defaultValue={values.recordingUrl}
            error={errors.recordingUrl}
          />
        </div>
        <CheckboxField
          name="requiresNda"
          label="Requires NDA acknowledgement"
          description="Before general availability, readers acknowledge their tier's terms once before it opens."
          defaultChecked={values.requiresNda}
        />
      </Card>

      <Card className="space-y-5 p-6">
        <div>
          <h2 className="text-lg font-semibold">Release cascade</h2>
          <p className="mt-1 text-sm text-stone-600 dark:text-stone-400">
            The day each tier may start reading. Higher tiers never open later than lower ones; a
            tier left empty reads from the earliest date below it or from general availability.
          </p>
        </div>
        <div className="grid gap-5 sm:grid-cols-2">
          {tiers.map((tier) => (
            <TextField
              key={tier.id}
              label={`${tier.name} from`}
              name={`opens-${tier.id}`}
              type="date"
              defaultValue={values.opens[String(tier.id)] ?? ""}
              error={errors[`opens-${tier.id}`]}
            />
          ))}
          <TextField
            label="Public (general availability) from"
            name="publicAt"
            type="date"
            defaultValue={values.publicAt}
            error={errors.publicAt}
            hint="Leave empty if it is never public."
          />
        </div>
      </Card>

      <div className="flex flex-wrap justify-end gap-3">
        {offerPublish ? (
          <Button type="submit" name="publish" value="yes" variant="secondary" disabled={busy}>
            Save and publish
          </Button>
        ) : null}
        <Button type="submit" disabled={busy}>
          {busy ? "Saving…" : submitLabel}
        </Button>
      </div>
    </Form>
  );
}
