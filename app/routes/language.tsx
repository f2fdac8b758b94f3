import { redirect, type ActionFunctionArgs } from "@remix-run/node";
import { isLocale } from "~/i18n/index.ts";
import { localeCookie } from "~/i18n/locale.server.ts";
import { setOwnLocale } from "~/modules/profiles/language.server.ts";
import { getUser, safeRedirectTo } from "~/utils/auth.server.ts";
import { commandContext } from "~/utils/command.server.ts";
import { FieldError } from "~/utils/errors.ts";
import { errorPage } from "~/utils/http.server.ts";

/**
 * Keeps the reader's choice of language and sends them back to the page they
 * were on. A signed-in member's choice is kept on their account as well, so
 * their other devices and their mail follow it.
 */
export async function action({ request, context }: ActionFunctionArgs) {
  const form = await request.formData();
  const locale = form.get("locale");
  if (!isLocale(locale))
    errorPage(new FieldError("locale", "Choose one of the languages in the list."));
  if (await getUser(request, context))
    await setOwnLocale(await commandContext(request, context), { locale });
  const back = safeRedirectTo(String(form.get("redirectTo") ?? ""), "/");
  return redirect(back, { headers: { "Set-Cookie": await localeCookie.serialize(locale) } });
}

export const loader = () => redirect("/");
