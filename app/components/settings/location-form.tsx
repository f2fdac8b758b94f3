import { Form, useActionData, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { useMemo } from "react";
import { Button } from "~/components/ui/button.tsx";
import { Card } from "~/components/ui/card.tsx";
import { CheckboxField, FormError, SelectField, TextField } from "~/components/ui/field.tsx";
import { COMMON_TIME_ZONES } from "~/modules/advocacy/time.ts";
import { countryOptions } from "~/modules/chapters/countries.ts";
import { locationMode, type LocationSchema } from "~/modules/profiles/location.ts";
import { formFields } from "~/utils/form-fields.ts";
import type { ActionError } from "~/utils/forms.ts";

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
  const { t, i18n } = useTranslation();
  const countries = useMemo(() => countryOptions(i18n.language), [i18n.language]);
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
      <h2 className="text-lg font-semibold">{t("settings.location.title")}</h2>
      <p className="mt-1 text-sm text-stone-600 dark:text-stone-400">
        {t("settings.location.intro")}
      </p>
      <Form method="post" className="mt-4 space-y-4" noValidate>
        <input type="hidden" name="intent" value="set-location" />
        <FormError message={formError} />
        <SelectField label={t("settings.location.mode")} {...field("mode")}>
          <option value="">{t("settings.location.ratherNotSay")}</option>
          <option value="place">{t("settings.location.place")}</option>
          <option value="remote">{t("settings.location.remote")}</option>
        </SelectField>
        <div className="grid gap-4 sm:grid-cols-2">
          <SelectField
            label={t("settings.location.country")}
            hint={t("settings.location.countryHint")}
            {...field("country")}
          >
            <option value="">{t("settings.location.noCountry")}</option>
            {countries.map((c) => (
              <option key={c.code} value={c.code}>
                {c.name}
              </option>
            ))}
          </SelectField>
          <TextField
            label={t("settings.location.city")}
            hint={t("settings.location.cityHint")}
            autoComplete="address-level2"
            {...field("city")}
          />
        </div>
        <SelectField
          label={t("settings.location.timeZone")}
          hint={t("settings.location.timeZoneHint")}
          {...zone}
        >
          <option value="">{t("settings.location.eventZone")}</option>
          {zones.map((z) => (
            <option key={z} value={z}>
              {z}
            </option>
          ))}
        </SelectField>
        <CheckboxField
          name="locationPublic"
          label={t("settings.location.public")}
          description={t("settings.location.publicHint")}
          defaultChecked={checked("locationPublic")}
        />
        <Button type="submit" disabled={busy}>
          {busy ? t("ui.saving") : t("settings.location.submit")}
        </Button>
      </Form>
    </Card>
  );
}
