import { Form, useNavigation } from "@remix-run/react";
import { useEffect, useRef } from "react";
import { Button } from "~/components/ui/button.tsx";
import { Callout } from "~/components/ui/callout.tsx";
import { Card } from "~/components/ui/card.tsx";
import { CheckboxField, FormError, TextField } from "~/components/ui/field.tsx";
import type { SignInSettingsSchema } from "~/modules/auth/sign-in-validation.ts";
import { formFields, type ActionError } from "~/utils/form-fields.ts";

export interface ShownSignInSettings {
  source: "environment" | "admin";
  enabled: boolean;
  issuer: string;
  clientId: string;
  hasSecret: boolean;
  secretUnreadable: boolean;
  buttonLabel: string;
  advocateClaim: string;
  advocateValue: string;
  passwordSignUp: boolean;
}

/** The admin's form for the identity provider at /manage/settings/sign-in. */
export function SignInSettingsForm({
  settings,
  callbackUrl,
  actionData,
}: {
  settings: ShownSignInSettings;
  callbackUrl: string;
  actionData: ActionError | undefined;
}) {
  const navigation = useNavigation();
  const busy = navigation.state === "submitting";
  const form = useRef<HTMLFormElement>(null);
  // The typed secret does not stay on the page once the form was sent, saved or not.
  useEffect(() => {
    const secret = form.current?.elements.namedItem("clientSecret");
    if (navigation.state === "idle" && secret instanceof HTMLInputElement) secret.value = "";
  }, [navigation.state]);
  const fromEnv = settings.source === "environment";
  const { field, formError } = formFields<typeof SignInSettingsSchema>(actionData, {
    issuer: settings.issuer,
    clientId: settings.clientId,
    buttonLabel: settings.buttonLabel,
    advocateClaim: settings.advocateClaim,
    advocateValue: settings.advocateValue,
  });
  const typed = actionData?.values;
  const checked = (name: "enabled" | "passwordSignUp") =>
    typed ? typed[name] === "on" : settings[name];
  return (
    <div className="max-w-2xl space-y-6">
      <div>
        <h2 className="text-lg font-semibold">Single sign-on</h2>
        <p className="mt-1 text-sm text-stone-600 dark:text-stone-400">
          Let people sign in with your company&apos;s identity provider (Okta, Entra ID, Auth0,
          Keycloak, Google Workspace…) through OpenID Connect. Register this callback address with
          the provider: <code className="break-all font-mono text-xs">{callbackUrl}</code>
        </p>
      </div>
      {fromEnv ? (
        <Callout tone="info" title="Set by the server's environment" data-testid="sign-in-from-env">
          The OIDC_ISSUER and OIDC_CLIENT_ID variables configure sign-in on this server, so these
          settings cannot be changed here. Change the variables and restart to change them.
        </Callout>
      ) : null}
      {settings.secretUnreadable ? (
        <Callout tone="warning" title="The saved client secret cannot be read">
          It was saved under another SETTINGS_ENCRYPTION_KEY. Enter the secret again to turn sign-in
          back on.
        </Callout>
      ) : null}
      <Card className="p-6">
        <Form ref={form} method="post" className="space-y-5" noValidate>
          <FormError message={formError} />
          <fieldset disabled={fromEnv || busy} className="space-y-5">
            <CheckboxField
              label="Offer sign-in with the identity provider"
              description="The button appears on the sign-in and sign-up pages."
              name="enabled"
              defaultChecked={checked("enabled")}
            />
            <TextField
              label="Issuer"
              type="url"
              placeholder="https://login.example.com"
              hint="The provider's issuer address; its /.well-known/openid-configuration is read from there."
              {...field("issuer")}
            />
            <TextField label="Client id" autoComplete="off" {...field("clientId")} />
            <TextField
              label="Client secret"
              type="password"
              autoComplete="new-password"
              name="clientSecret"
              defaultValue=""
              error={actionData?.fieldErrors?.clientSecret}
              hint={
                settings.hasSecret
                  ? "A secret is saved (encrypted). Leave this empty to keep it."
                  : "Stored encrypted. Leave empty for a public client that uses PKCE alone."
              }
            />
            <TextField
              label="Button label"
              placeholder="Sign in with your company account"
              {...field("buttonLabel")}
            />
            <div className="grid gap-5 sm:grid-cols-2">
              <TextField
                label="Claim that marks verified customers"
                placeholder="groups"
                hint="Optional. People whose claim holds the value become advocates."
                {...field("advocateClaim")}
              />
              <TextField
                label="Value in that claim"
                placeholder="customers"
                {...field("advocateValue")}
              />
            </div>
            <CheckboxField
              label="Allow sign-up with a password"
              description="Turn off to have new people join only through the identity provider, as customer portals do."
              name="passwordSignUp"
              defaultChecked={checked("passwordSignUp")}
            />
          </fieldset>
          {fromEnv ? null : (
            <Button type="submit" disabled={busy}>
              {busy ? "Saving…" : "Save sign-in settings"}
            </Button>
          )}
        </Form>
      </Card>
    </div>
  );
}
