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
import type { ItemSchema } from "~/modules/tiers/validation.ts";
import { formFields, type ActionError } from "~/utils/form-fields.ts";

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
}

export interface ItemFormProps {
  tiers: Array<{ id: number; name: string; rank: number }>;
  kinds: Array<{ value: string; label: string }>;
  actionData: ActionError | undefined;
  /** What is saved (or the defaults of a new item). */
  saved: ItemFormValues;
  /** The saved date of each tier in the cascade, by tier id. */
  opens: Record<string, string>;
  busy: boolean;
  submitLabel: string;
  /** New items can be saved as a draft or published at once. */
  offerPublish?: boolean;
}

/** The editor of an early-access item, its NDA flag and its release cascade. */
export function ItemForm({
  tiers,
  kinds,
  actionData,
  saved,
  opens,
  busy,
  submitLabel,
  offerPublish,
}: ItemFormProps) {
  const { field, checked, formError } = formFields<typeof ItemSchema>(actionData, saved);
  // The cascade's dates are named by tier id (opens-3), outside the item's schema.
  const cascade = formFields(
    actionData,
    Object.fromEntries(Object.entries(opens).map(([id, day]) => [`opens-${id}`, day])),
  );
  return (
    <Form method="post" className="space-y-6" noValidate>
      <input type="hidden" name="intent" value="save" />
      <FormError message={formError} />
      <Card className="space-y-5 p-6">
        <TextField
          label="Title"
          {...field("title")}
          required
          hint="Shown only to people who may read the item."
        />
        <div className="grid gap-5 sm:grid-cols-2">
          <SelectField label="Kind" {...field("kind")}>
            {kinds.map((k) => (
              <option key={k.value} value={k.value}>
                {k.label}
              </option>
            ))}
          </SelectField>
          <TextField
            label="Teaser"
            {...field("teaser")}
            hint="One public-safe line for those who cannot read it yet. Keep confidential names out."
          />
        </div>
        <TextAreaField label="Summary" {...field("summary")} rows={3} />
        <TextAreaField
          label="Body"
          {...field("body")}
          rows={12}
          hint="Markdown. HTML is shown as text."
        />
        <div className="grid gap-5 sm:grid-cols-2">
          <TextField
            label="Download link"
            {...field("downloadUrl")}
            type="url"
            placeholder="https://…"
          />
          <TextField
            label="Recording link"
            {...field("recordingUrl")}
            type="url"
            placeholder="https://…"
          />
        </div>
        <CheckboxField
          name="requiresNda"
          label="Requires NDA acknowledgement"
          description="Before general availability, readers acknowledge their tier's terms once before it opens."
          defaultChecked={checked("requiresNda")}
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
              {...cascade.field(`opens-${tier.id}`)}
              type="date"
            />
          ))}
          <TextField
            label="Public (general availability) from"
            {...field("publicAt")}
            type="date"
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
