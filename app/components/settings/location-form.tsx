import { Form, useActionData, useNavigation } from "@remix-run/react";
import { Button } from "~/components/ui/button.tsx";
import { Card } from "~/components/ui/card.tsx";
import { CheckboxField, FormError, SelectField, TextField } from "~/components/ui/field.tsx";
import { COMMON_TIME_ZONES } from "~/modules/advocacy/time.ts";
import { countryOptions } from "~/modules/chapters/countries.ts";
import { locationMode, type LocationSchema } from "~/modules/profiles/location.ts";
import { formFields } from "~/utils/form-fields.ts";
import type { ActionError } from "~/utils/forms.ts";

const COUNTRIES = countryOptions("en");

export interface SavedLocation {
  country: string | null;
  city: string;
  isRemote: boolean;
  timeZone: string | null;
  locationPublic: boolean;
}

/** Where the person is, if they want to say; private unless they tick the box. */
export function LocationForm({ saved }: { saved: SavedLocation }) {
  const actionData = useActionData<ActionError>();
  const navigation = useNavigation();
  const busy =
    navigation.state === "submitting" && navigation.formData?.get("intent") === "set-location";
  const { field, checked, formError } = formFields<typeof LocationSchema>(
    actionData,
    {
      mode: locationMode(saved),
      country: saved.country ?? "",
      city: saved.city,
      timeZone: saved.timeZone ?? "",
      locationPublic: saved.locationPublic,
    },
    { intent: "set-location" },
  );
  const zone = field("timeZone");
  const zones = COMMON_TIME_ZONES.includes(zone.defaultValue as (typeof COMMON_TIME_ZONES)[number])
    ? COMMON_TIME_ZONES
    : [zone.defaultValue, ...COMMON_TIME_ZONES].filter(Boolean);
  return (
    <Card className="p-6">
      <h2 className="text-lg font-semibold">Where you are</h2>
      <p className="mt-1 text-sm text-stone-600 dark:text-stone-400">
        Optional. It helps people near you find you, and shows event times in your time zone. Only
        you see it unless you make it public.
      </p>
      <Form method="post" className="mt-4 space-y-4" noValidate>
        <input type="hidden" name="intent" value="set-location" />
        <FormError message={formError} />
        <SelectField label="Where you work" {...field("mode")}>
          <option value="">I would rather not say</option>
          <option value="place">In a country and city</option>
          <option value="remote">Remote</option>
        </SelectField>
        <div className="grid gap-4 sm:grid-cols-2">
          <SelectField
            label="Country"
            hint="Required for a city; optional when remote."
            {...field("country")}
          >
            <option value="">No country</option>
            {COUNTRIES.map((c) => (
              <option key={c.code} value={c.code}>
                {c.name}
              </option>
            ))}
          </SelectField>
          <TextField
            label="City"
            hint="Left out when you work remotely."
            autoComplete="address-level2"
            {...field("city")}
          />
        </div>
        <SelectField label="Your time zone" hint="Reminders show event times in it." {...zone}>
          <option value="">Use each event’s time zone</option>
          {zones.map((z) => (
            <option key={z} value={z}>
              {z}
            </option>
          ))}
        </SelectField>
        <CheckboxField
          name="locationPublic"
          label="Show where I am on my profile and in region filters"
          description="Unticked, your location stays private: nobody else sees it and filters never match it."
          defaultChecked={checked("locationPublic")}
        />
        <Button type="submit" disabled={busy}>
          {busy ? "Saving…" : "Save location"}
        </Button>
      </Form>
    </Card>
  );
}
