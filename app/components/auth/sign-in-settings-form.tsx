import { Form, useNavigation } from "@remix-run/react";
import { useEffect, useRef } from "react";
import { useTranslation } from "react-i18next";
import { InSentence, SLOT } from "~/components/auth/in-sentence.tsx";
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
  const { t } = useTranslation();
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
        <h2 className="text-lg font-semibold">{t("auth.ssoSettings.title")}</h2>
        <p className="mt-1 text-sm text-stone-600 dark:text-stone-400">
          <InSentence text={t("auth.ssoSettings.intro", { url: SLOT })}>
            <code className="break-all font-mono text-xs">{callbackUrl}</code>
          </InSentence>
        </p>
      </div>
      {fromEnv ? (
        <Callout tone="info" title={t("auth.ssoSettings.fromEnv")} data-testid="sign-in-from-env">
          {t("auth.ssoSettings.fromEnvBody")}
        </Callout>
      ) : null}
      {settings.secretUnreadable ? (
        <Callout tone="warning" title={t("auth.ssoSettings.unreadable")}>
          {t("auth.ssoSettings.unreadableBody")}
        </Callout>
      ) : null}
      <Card className="p-6">
        <Form ref={form} method="post" className="space-y-5" noValidate>
          <FormError message={formError} />
          <fieldset disabled={fromEnv || busy} className="space-y-5">
            <CheckboxField
              label={t("auth.ssoSettings.enabled")}
              description={t("auth.ssoSettings.enabledHint")}
              name="enabled"
              defaultChecked={checked("enabled")}
            />
            <TextField
              label={t("auth.ssoSettings.issuer")}
              type="url"
              placeholder="https://login.example.com"
              hint={t("auth.ssoSettings.issuerHint")}
              {...field("issuer")}
            />
            <TextField
              label={t("auth.ssoSettings.clientId")}
              autoComplete="off"
              {...field("clientId")}
            />
            <TextField
              label={t("auth.ssoSettings.clientSecret")}
              type="password"
              autoComplete="new-password"
              name="clientSecret"
              defaultValue=""
              error={actionData?.fieldErrors?.clientSecret}
              hint={
                settings.hasSecret
                  ? t("auth.ssoSettings.secretSaved")
                  : t("auth.ssoSettings.secretNew")
              }
            />
            <TextField
              label={t("auth.ssoSettings.buttonLabel")}
              placeholder={t("auth.ssoSettings.buttonPlaceholder")}
              {...field("buttonLabel")}
            />
            <div className="grid gap-5 sm:grid-cols-2">
              <TextField
                label={t("auth.ssoSettings.claim")}
                placeholder="groups"
                hint={t("auth.ssoSettings.claimHint")}
                {...field("advocateClaim")}
              />
              <TextField
                label={t("auth.ssoSettings.value")}
                placeholder="customers"
                {...field("advocateValue")}
              />
            </div>
            <CheckboxField
              label={t("auth.ssoSettings.passwordSignUp")}
              description={t("auth.ssoSettings.passwordSignUpHint")}
              name="passwordSignUp"
              defaultChecked={checked("passwordSignUp")}
            />
          </fieldset>
          {fromEnv ? null : (
            <Button type="submit" disabled={busy}>
              {busy ? t("ui.saving") : t("auth.ssoSettings.submit")}
            </Button>
          )}
        </Form>
      </Card>
    </div>
  );
}
