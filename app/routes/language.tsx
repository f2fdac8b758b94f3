import { redirect, type ActionFunctionArgs } from "@remix-run/node";
import { isLocale } from "~/i18n/index.ts";
import { localeCookie } from "~/i18n/locale.server.ts";
import { safeRedirectTo } from "~/utils/auth.server.ts";
import { FieldError } from "~/utils/errors.ts";
import { errorPage } from "~/utils/http.server.ts";

/** Keeps the reader's choice of language and sends them back to the page they were on. */
export async function action({ request }: ActionFunctionArgs) {
  const form = await request.formData();
  const locale = form.get("locale");
  if (!isLocale(locale))
    errorPage(new FieldError("locale", "Choose one of the languages in the list."));
  const back = safeRedirectTo(String(form.get("redirectTo") ?? ""), "/");
  return redirect(back, { headers: { "Set-Cookie": await localeCookie.serialize(locale) } });
}

export const loader = () => redirect("/");
