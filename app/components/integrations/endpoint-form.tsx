import { Form, useNavigation } from "@remix-run/react";
import { Button } from "~/components/ui/button.tsx";
import { Callout } from "~/components/ui/callout.tsx";
import { CheckboxGroup } from "./checkbox-group.tsx";
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
        label="Address"
        type="url"
        placeholder="https://crm.example.com/hooks/limelight"
        hint="HTTPS. Each delivery is signed (Standard Webhooks) with the endpoint's secret."
        {...field("url")}
      />
      <TextField label="Description" placeholder="Salesforce sync" {...field("description")} />
      <CheckboxGroup
        legend="Events"
        name="events"
        options={events}
        chosen={chosen}
        error={field("events").error}
      />
      {saved ? (
        <CheckboxField
          name="enabled"
          label="On"
          description="Turned off, nothing is sent. Turning it on again clears its failures."
          defaultChecked={checked("enabled")}
        />
      ) : (
        <input type="hidden" name="enabled" value="on" />
      )}
      <div className="space-y-2">
        <CheckboxField
          name="allowPrivate"
          label="Allow private addresses"
          description="Lets this endpoint reach loopback and private networks, and plain HTTP."
          defaultChecked={checked("allowPrivate")}
        />
        <Callout tone="warning">
          Only for a receiver inside your own network. A private address lets whoever can edit this
          endpoint make the server call internal services.
        </Callout>
      </div>
      <Button type="submit" disabled={busy}>
        {submitLabel}
      </Button>
    </Form>
  );
}
