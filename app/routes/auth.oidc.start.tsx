import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { beginSignIn, SignInError } from "~/modules/auth/oidc.server.ts";
import { loadSignInSettings } from "~/modules/auth/sign-in-settings.server.ts";
import { safeRedirectTo } from "~/utils/auth.server.ts";

// Sign-in starts with a form post from /login or /signup, never a link.
export function loader(_: LoaderFunctionArgs) {
  return redirect("/login");
}

export async function action({ request, context }: ActionFunctionArgs) {
  const { env } = context;
  const formData = await request.formData();
  const redirectTo = safeRedirectTo(String(formData.get("redirectTo") ?? ""), "/", env.PUBLIC_URL);
  const settings = await loadSignInSettings(context.db, env);
  try {
    const { url, cookie } = await beginSignIn(settings, {
      redirectUri: new URL("/auth/oidc/callback", env.PUBLIC_URL).href,
      redirectTo,
      key: env.SETTINGS_ENCRYPTION_KEY,
      secure: env.COOKIE_SECURE,
    });
    return redirect(url.href, { headers: { "Set-Cookie": cookie } });
  } catch (error) {
    if (error instanceof SignInError) return redirect(`/login?signInError=${error.reason}`);
    throw error;
  }
}
