import { redirect, type LoaderFunctionArgs } from "@remix-run/node";
import { readCookie, serializeSessionCookie } from "~/modules/auth/cookie.ts";
import {
  claimGrantsAdvocate,
  clearPendingCookie,
  finishSignIn,
  PENDING_COOKIE,
  SignInError,
} from "~/modules/auth/oidc.server.ts";
import { signInWithProvider } from "~/modules/auth/provider-accounts.server.ts";
import { loadSignInSettings } from "~/modules/auth/sign-in-settings.server.ts";
import { getAuth } from "~/utils/auth.server.ts";

/**
 * The identity provider sends the browser back here with a code. The sealed
 * cookie from the start is used once and cleared whatever happens; a
 * refusal goes back to /login with its reason (a word, never a token).
 */
export async function loader({ request, context }: LoaderFunctionArgs) {
  const { env } = context;
  const clear = clearPendingCookie(env.COOKIE_SECURE);
  const settings = await loadSignInSettings(context.db, env);
  // The address the provider was told to send the browser to, not the one this server listens on.
  const callbackUrl = new URL(`/auth/oidc/callback${new URL(request.url).search}`, env.PUBLIC_URL);
  try {
    const { identity, redirectTo } = await finishSignIn(settings, {
      callbackUrl,
      pendingCookie: readCookie(request.headers.get("Cookie"), PENDING_COOKIE),
      key: env.SETTINGS_ENCRYPTION_KEY,
    });
    const previous = await getAuth(request, context);
    const { session } = await signInWithProvider(
      { db: context.db, viewer: null, publisher: context.realtime },
      {
        identity,
        advocate: claimGrantsAdvocate(settings, identity.claims)
          ? { claim: settings.advocateClaim, value: settings.advocateValue }
          : null,
        previousSessionId: previous?.session.id,
        ip: context.clientIp,
        userAgent: request.headers.get("User-Agent"),
      },
    );
    const headers = new Headers();
    headers.append("Set-Cookie", clear);
    headers.append(
      "Set-Cookie",
      serializeSessionCookie(session.token, {
        secure: env.COOKIE_SECURE,
        expiresAt: session.expiresAt,
      }),
    );
    return redirect(redirectTo, { headers });
  } catch (error) {
    if (error instanceof SignInError)
      return redirect(`/login?signInError=${error.reason}`, { headers: { "Set-Cookie": clear } });
    throw error;
  }
}
