import { Form, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { Button } from "~/components/ui/button.tsx";
import { Callout } from "~/components/ui/callout.tsx";
import { CheckboxGroup, useOptionText } from "./checkbox-group.tsx";
import { CheckboxField, FormError, TextField } from "~/components/ui/field.tsx";
import type { EndpointSchema } from "~/modules/integrations/forms.server.ts";
import { formFields, type ActionError } from "~/utils/form-fields.ts";

export interface SavedEndpoint {
  url: string;
  description: string;
  events: string[];
  allow_private: boolean;
  enabled: boolean;
}

/** The create / edit form of a webhook endpoint. */
export function EndpointForm({
  events,
  actionData,
  saved,
  intent,
  submitLabel,
}: {
  events: Record<string, string>;
  actionData: ActionError | undefined;
  saved?: SavedEndpoint;
  intent: string;
  submitLabel: string;
}) {
  const busy = useNavigation().state === "submitting";
  const { t } = useTranslation();
  const eventText = useOptionText("eventText");
  const { field, checked, formError, submitted } = formFields<typeof EndpointSchema>(
    actionData,
    {
      url: saved?.url,
      description: saved?.description,
      allowPrivate: saved?.allow_private,
      enabled: saved?.enabled ?? true,
    },
    { intent },
  );
  const chosen = submitted ? (actionData?.values?.events ?? "").split(",") : (saved?.events ?? []);
  return (
    <Form method="post" className="space-y-5" noValidate>
      <input type="hidden" name="intent" value={intent} />
      <FormError message={formError} />
      <TextField
        label={t("integrations.address")}
        type="url"
        placeholder="https://crm.example.com/hooks/limelight"
        hint={t("integrations.addressHint")}
        {...field("url")}
      />
      <TextField
        label={t("integrations.description")}
        placeholder={t("integrations.descriptionPlaceholder")}
        {...field("description")}
      />
      <CheckboxGroup
        legend={t("integrations.events")}
        name="events"
        options={eventText(events)}
        chosen={chosen}
        error={field("events").error}
      />
      {saved ? (
        <CheckboxField
          name="enabled"
          label={t("integrations.on")}
          description={t("integrations.onHint")}
          defaultChecked={checked("enabled")}
        />
      ) : (
        <input type="hidden" name="enabled" value="on" />
      )}
      <div className="space-y-2">
        <CheckboxField
          name="allowPrivate"
          label={t("integrations.allowPrivate")}
          description={t("integrations.allowPrivateHint")}
          defaultChecked={checked("allowPrivate")}
        />
        <Callout tone="warning">{t("integrations.privateWarning")}</Callout>
      </div>
      <Button type="submit" disabled={busy}>
        {submitLabel}
      </Button>
    </Form>
  );
}
