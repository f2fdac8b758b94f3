import type { Queryable } from "../../../db/client.ts";
import type { Env } from "../../utils/env.server.ts";
import { ensure } from "../access/ensure.ts";
import { defineCommand } from "../commands/command.server.ts";
import { seal, unseal } from "./secret-box.server.ts";
import type { SignInSettingsInput } from "./sign-in-validation.ts";

export const DEFAULT_BUTTON_LABEL = "Sign in with your company account";

/** How people sign in: the OpenID Connect provider (if any) and whether passwords may sign up. */
export interface SignInSettings {
  /** Where the provider comes from: the OIDC_* variables win over what an admin saved. */
  source: "environment" | "admin";
  /** A provider is configured and turned on. */
  enabled: boolean;
  issuer: string;
  clientId: string;
  /** The plaintext secret, for the token request only; never sent to a page. */
  clientSecret: string;
  buttonLabel: string;
  advocateClaim: string;
  advocateValue: string;
  /** Whether a new account may still be made with a password (always true without a provider). */
  passwordSignUp: boolean;
  /** An admin saved a secret that the current SETTINGS_ENCRYPTION_KEY cannot open. */
  secretUnreadable: boolean;
}

type SignInEnv = Pick<
  Env,
  | "SETTINGS_ENCRYPTION_KEY"
  | "OIDC_ISSUER"
  | "OIDC_CLIENT_ID"
  | "OIDC_CLIENT_SECRET"
  | "OIDC_BUTTON_LABEL"
  | "OIDC_ADVOCATE_CLAIM"
  | "OIDC_ADVOCATE_VALUE"
  | "OIDC_PASSWORD_SIGN_UP"
>;

export async function loadSignInSettings(db: Queryable, env: SignInEnv): Promise<SignInSettings> {
  if (env.OIDC_ISSUER && env.OIDC_CLIENT_ID) {
    return {
      source: "environment",
      enabled: true,
      issuer: env.OIDC_ISSUER,
      clientId: env.OIDC_CLIENT_ID,
      clientSecret: env.OIDC_CLIENT_SECRET ?? "",
      buttonLabel: env.OIDC_BUTTON_LABEL ?? DEFAULT_BUTTON_LABEL,
      advocateClaim: env.OIDC_ADVOCATE_CLAIM ?? "",
      advocateValue: env.OIDC_ADVOCATE_VALUE ?? "",
      passwordSignUp: env.OIDC_PASSWORD_SIGN_UP ?? true,
      secretUnreadable: false,
    };
  }
  const row = await db
    .selectFrom("sign_in_providers")
    .selectAll()
    .where("id", "=", "oidc")
    .executeTakeFirst();
  const clientSecret = row?.client_secret_enc
    ? unseal(row.client_secret_enc, env.SETTINGS_ENCRYPTION_KEY)
    : "";
  const enabled = Boolean(row?.enabled && row.issuer && row.client_id && clientSecret !== null);
  return {
    source: "admin",
    enabled,
    issuer: row?.issuer ?? "",
    clientId: row?.client_id ?? "",
    clientSecret: clientSecret ?? "",
    buttonLabel: row?.button_label || DEFAULT_BUTTON_LABEL,
    advocateClaim: row?.advocate_claim ?? "",
    advocateValue: row?.advocate_value ?? "",
    // Turning password sign-up off only holds while another way in exists.
    passwordSignUp: !enabled || (row?.password_sign_up ?? true),
    secretUnreadable: clientSecret === null,
  };
}

/** What the sign-in and sign-up pages may know: a button label, never the provider's details. */
export function signInChoices(settings: SignInSettings) {
  return {
    provider: settings.enabled ? { label: settings.buttonLabel } : null,
    passwordSignUp: settings.passwordSignUp,
  };
}

/**
 * An admin saves the provider. The client secret is sealed before it is
 * written; an empty secret field keeps the one already saved. Audited
 * without the secret.
 */
export const saveSignInSettings = defineCommand({
  name: "sign_in.configure",
  authorize(viewer) {
    ensure("configureSignIn", viewer);
  },
  async run(trx, input: SignInSettingsInput & { encryptionKey: string }, { viewer, effects, now }) {
    const previous = await trx
      .selectFrom("sign_in_providers")
      .select(["client_secret_enc"])
      .where("id", "=", "oidc")
      .forUpdate()
      .executeTakeFirst();
    const secret = input.clientSecret
      ? seal(input.clientSecret, input.encryptionKey)
      : (previous?.client_secret_enc ?? "");
    const values = {
      enabled: input.enabled,
      issuer: input.issuer,
      client_id: input.clientId,
      client_secret_enc: secret,
      button_label: input.buttonLabel,
      advocate_claim: input.advocateClaim,
      advocate_value: input.advocateValue,
      password_sign_up: input.passwordSignUp,
      updated_at: now,
      updated_by: viewer!.id,
    };
    await trx
      .insertInto("sign_in_providers")
      .values({ id: "oidc", ...values })
      .onConflict((oc) => oc.column("id").doUpdateSet(values))
      .execute();
    effects.audit({
      actorId: viewer!.id,
      action: "sign_in.settings_changed",
      subjectType: "settings",
      subjectId: "sign-in",
      details: {
        enabled: input.enabled,
        issuer: input.issuer,
        clientId: input.clientId,
        secretChanged: Boolean(input.clientSecret),
        advocateClaim: input.advocateClaim,
        advocateValue: input.advocateValue,
        passwordSignUp: input.passwordSignUp,
      },
    });
  },
});
