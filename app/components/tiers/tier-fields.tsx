import type { FieldProps } from "~/utils/form-fields.ts";
import type { TierSchema } from "~/modules/tiers/validation.ts";
import { TIER_COLOURS, TIER_ICONS } from "~/modules/tiers/validation.ts";
import { CheckboxField, SelectField, TextAreaField, TextField } from "~/components/ui/field.tsx";
import type { z } from "zod";

type TierField = (name: keyof z.input<typeof TierSchema> & string) => FieldProps;

/** The fields of a tier in the catalogue editor, filled from the saved tier or what was typed. */
export function TierFields({
  field,
  requiresShowcase,
}: {
  field: TierField;
  requiresShowcase: boolean;
}) {
  return (
    <div className="space-y-4">
      <div className="grid gap-4 sm:grid-cols-3">
        <TextField label="Name" {...field("name")} />
        <TextField
          label="Rank"
          type="number"
          min={1}
          hint="Higher ranks read more; gated spaces compare with it."
          {...field("rank")}
        />
        <SelectField label="How it is reached" {...field("kind")}>
          <option value="base">Every verified customer</option>
          <option value="automatic">Automatically, by reputation</option>
          <option value="awarded">Awarded by a manager for a term</option>
        </SelectField>
        <TextField
          label="Reputation threshold (automatic)"
          type="number"
          min={1}
          hint="Reached here, kept down to 90 % of it."
          {...field("reputationThreshold")}
        />
        <TextField
          label="Term in months (awarded)"
          type="number"
          min={1}
          {...field("termMonths")}
        />
        <div className="pt-7">
          <CheckboxField
            name="requiresShowcase"
            label="Needs a verified talk or published case study"
            defaultChecked={requiresShowcase}
          />
        </div>
        <SelectField label="Colour" {...field("colour")}>
          {TIER_COLOURS.map((c) => (
            <option key={c} value={c}>
              {c}
            </option>
          ))}
        </SelectField>
        <SelectField label="Icon" {...field("icon")}>
          {TIER_ICONS.map((c) => (
            <option key={c} value={c}>
              {c}
            </option>
          ))}
        </SelectField>
      </div>
      <TextAreaField label="Description" rows={2} {...field("description")} />
      <TextAreaField label="What it unlocks (one per line)" rows={3} {...field("unlocks")} />
      <TextAreaField
        label="NDA terms (markdown)"
        rows={4}
        hint="Changing the terms asks everyone in this tier to acknowledge them again."
        {...field("ndaTerms")}
      />
    </div>
  );
}
