import { redirect, type LoaderFunctionArgs } from "@remix-run/node";
import { beginSignIn, SignInError } from "~/modules/auth/oidc.server.ts";
import { loadSignInSettings } from "~/modules/auth/sign-in-settings.server.ts";
import { safeRedirectTo } from "~/utils/auth.server.ts";

/**
 * The sign-in button is a link here (a form post could not be redirected to
 * another origin under the site's `form-action 'self'`): the browser goes on
 * to the provider with a sealed cookie that only this browser can bring back.
 */
export async function loader({ request, context }: LoaderFunctionArgs) {
  const { env } = context;
  const asked = new URL(request.url).searchParams.get("redirectTo");
  const redirectTo = safeRedirectTo(asked, "/", env.PUBLIC_URL);
  const settings = await loadSignInSettings(context.db, env);
  try {
    const { url, cookie } = await beginSignIn(settings, {
      redirectUri: new URL("/auth/oidc/callback", env.PUBLIC_URL).href,
      redirectTo,
      key: env.SETTINGS_ENCRYPTION_KEY,
      secure: env.COOKIE_SECURE,
    });
    return redirect(url.href, { headers: { "Set-Cookie": cookie, "Cache-Control": "no-store" } });
  } catch (error) {
    if (error instanceof SignInError) return redirect(`/login?signInError=${error.reason}`);
    throw error;
  }
}
