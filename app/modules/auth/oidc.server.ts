import * as client from "openid-client";
import { seal, unseal } from "./secret-box.server.ts";
import { isLoopbackUrl } from "./sign-in-validation.ts";
import type { SignInSettings } from "./sign-in-settings.server.ts";

/**
 * Single sign-on through an OpenID Connect provider with openid-client: the
 * authorization-code flow with PKCE (S256), `state` and `nonce`. What the
 * browser must bring back (state, nonce, the PKCE verifier, where to go
 * after) travels in a short-lived cookie sealed with AES-GCM, so nothing is
 * kept on the server before the provider answers and nothing is put in a URL.
 */
export const PENDING_COOKIE = "limelight_sso";
const PENDING_PATH = "/auth/oidc";
const PENDING_LIFETIME_S = 10 * 60;
const SCOPE = "openid email profile";

export type SignInFailure =
  | "not_configured"
  | "expired"
  | "state"
  | "code"
  | "denied"
  | "no_email"
  | "unverified_email"
  | "issuer_down"
  | "refused";

const MESSAGES: Record<SignInFailure, string> = {
  not_configured: "Single sign-on is not set up on this community.",
  expired: "That sign-in took too long or was started in another browser. Please start again.",
  state:
    "We could not confirm that this sign-in was started here, so we stopped it. Please start again.",
  code: "That sign-in link was already used or has expired. Please start again.",
  denied: "The sign-in was cancelled at your company's identity provider.",
  no_email: "Your identity provider did not share an email address, so we cannot sign you in.",
  unverified_email:
    "Your identity provider has not verified your email address, so we cannot sign you in or create an account. Verify it there, then try again.",
  issuer_down:
    "Your company's identity provider is not answering right now. Please try again in a few minutes.",
  refused: "Your identity provider did not confirm this sign-in. Please start again.",
};

/** A sign-in that stopped, with the sentence the person reads; nothing was written. */
export class SignInError extends Error {
  constructor(readonly reason: SignInFailure) {
    super(MESSAGES[reason]);
    this.name = "SignInError";
  }
}

export function signInFailureMessage(reason: string): string | null {
  return reason in MESSAGES ? MESSAGES[reason as SignInFailure] : null;
}

interface Pending {
  state: string;
  nonce: string;
  verifier: string;
  redirectTo: string;
  issuer: string;
  expiresAt: number;
}

/** The person as the provider describes them. */
export interface ProviderIdentity {
  issuer: string;
  subject: string;
  email: string;
  emailVerified: boolean;
  name: string;
  claims: Record<string, unknown>;
}

function classify(error: unknown): SignInError {
  if (error instanceof SignInError) return error;
  if (error instanceof client.AuthorizationResponseError) return new SignInError("denied");
  if (error instanceof client.ResponseBodyError) {
    if (error.error === "invalid_grant") return new SignInError("code");
    if (error.status >= 500) return new SignInError("issuer_down");
    return new SignInError("refused");
  }
  // fetch throws a TypeError when the provider cannot be reached at all.
  if (error instanceof TypeError) return new SignInError("issuer_down");
  if (error instanceof client.ClientError) {
    const down = new Set([
      "OAUTH_TIMEOUT",
      "OAUTH_ABORT",
      "OAUTH_RESPONSE_IS_NOT_CONFORM",
      "OAUTH_RESPONSE_IS_NOT_JSON",
    ]);
    if (error.code && down.has(error.code)) return new SignInError("issuer_down");
  }
  return new SignInError("refused");
}

async function configuration(settings: SignInSettings): Promise<client.Configuration> {
  if (!settings.enabled) throw new SignInError("not_configured");
  try {
    return await client.discovery(
      new URL(settings.issuer),
      settings.clientId,
      settings.clientSecret || undefined,
      settings.clientSecret ? client.ClientSecretPost(settings.clientSecret) : client.None(),
      {
        timeout: 10,
        execute: isLoopbackUrl(settings.issuer) ? [client.allowInsecureRequests] : [],
      },
    );
  } catch (error) {
    const failure = classify(error);
    // A provider that answers discovery with something unusable is as good as down.
    throw failure.reason === "refused" ? new SignInError("issuer_down") : failure;
  }
}

const cookieAttributes = (secure: boolean) =>
  [`Path=${PENDING_PATH}`, "HttpOnly", "SameSite=Lax", ...(secure ? ["Secure"] : [])].join("; ");

export function clearPendingCookie(secure: boolean): string {
  return `${PENDING_COOKIE}=; ${cookieAttributes(secure)}; Max-Age=0`;
}

/** Where to send the browser at the provider, and the sealed cookie that remembers the checks. */
export async function beginSignIn(
  settings: SignInSettings,
  options: { redirectUri: string; redirectTo: string; key: string; secure: boolean },
): Promise<{ url: URL; cookie: string }> {
  const config = await configuration(settings);
  const pending: Pending = {
    state: client.randomState(),
    nonce: client.randomNonce(),
    verifier: client.randomPKCECodeVerifier(),
    redirectTo: options.redirectTo,
    issuer: settings.issuer,
    expiresAt: Date.now() + PENDING_LIFETIME_S * 1000,
  };
  const url = client.buildAuthorizationUrl(config, {
    redirect_uri: options.redirectUri,
    scope: SCOPE,
    code_challenge: await client.calculatePKCECodeChallenge(pending.verifier),
    code_challenge_method: "S256",
    state: pending.state,
    nonce: pending.nonce,
  });
  const value = seal(JSON.stringify(pending), options.key);
  return {
    url,
    cookie: `${PENDING_COOKIE}=${value}; ${cookieAttributes(options.secure)}; Max-Age=${PENDING_LIFETIME_S}`,
  };
}

function readPending(value: string | null, key: string, issuer: string): Pending {
  const opened = value ? unseal(value, key) : null;
  if (!opened) throw new SignInError("expired");
  const pending = JSON.parse(opened) as Pending;
  if (pending.expiresAt < Date.now() || pending.issuer !== issuer) throw new SignInError("expired");
  return pending;
}

/**
 * The provider sent the browser back: the state is compared with the sealed
 * cookie, the code is exchanged with the PKCE verifier, the ID token's nonce
 * and signature are checked, and the user info is fetched for the claims.
 */
export async function finishSignIn(
  settings: SignInSettings,
  options: { callbackUrl: URL; pendingCookie: string | null; key: string },
): Promise<{ identity: ProviderIdentity; redirectTo: string }> {
  if (!settings.enabled) throw new SignInError("not_configured");
  const pending = readPending(options.pendingCookie, options.key, settings.issuer);
  const params = options.callbackUrl.searchParams;
  if (params.get("error") === "access_denied") throw new SignInError("denied");
  if (params.get("state") !== pending.state) throw new SignInError("state");
  const config = await configuration(settings);
  try {
    const tokens = await client.authorizationCodeGrant(config, options.callbackUrl, {
      pkceCodeVerifier: pending.verifier,
      expectedState: pending.state,
      expectedNonce: pending.nonce,
      idTokenExpected: true,
    });
    const idClaims = tokens.claims();
    if (!idClaims) throw new SignInError("refused");
    const info = await client.fetchUserInfo(config, tokens.access_token, idClaims.sub);
    const claims: Record<string, unknown> = { ...idClaims, ...info };
    const email = typeof claims.email === "string" ? claims.email.trim() : "";
    if (!email) throw new SignInError("no_email");
    return {
      identity: {
        issuer: config.serverMetadata().issuer,
        subject: idClaims.sub,
        email,
        emailVerified: claims.email_verified === true || claims.email_verified === "true",
        name: typeof claims.name === "string" ? claims.name.trim() : "",
        claims,
      },
      redirectTo: pending.redirectTo,
    };
  } catch (error) {
    throw classify(error);
  }
}

/** Whether the claim mapping says this person is a verified customer (`groups` contains "customers"). */
export function claimGrantsAdvocate(settings: SignInSettings, claims: Record<string, unknown>) {
  if (!settings.advocateClaim || !settings.advocateValue) return false;
  const value = claims[settings.advocateClaim];
  const values = Array.isArray(value) ? value : [value];
  return values.some((v) => String(v) === settings.advocateValue);
}
