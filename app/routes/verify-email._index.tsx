import { redirect, type ActionFunctionArgs } from "@remix-run/node";
import { i18nFor } from "~/i18n/index.ts";
import { localeOf } from "~/i18n/locale.server.ts";
import { resendVerification } from "~/modules/auth/email-address.server.ts";
import { requireUser, safeRedirectTo } from "~/utils/auth.server.ts";
import { commandContext } from "~/utils/command.server.ts";
import { isDomainError } from "~/utils/errors.ts";
import { redirectWithToast } from "~/utils/toast.server.ts";

// "Send the link again", from the banner an unconfirmed person sees on every page.
export const loader = () => redirect("/settings");

export async function action({ request, context }: ActionFunctionArgs) {
  await requireUser(request, context);
  const { t } = i18nFor(await localeOf(request, context));
  const back = safeRedirectTo(String((await request.formData()).get("back") ?? ""), "/settings");
  try {
    const sent = await resendVerification(await commandContext(request, context), {});
    return redirectWithToast(back, {
      kind: "success",
      title: t("auth.verify.linkSent"),
      description: t("auth.verify.linkSentBody", { email: sent.email }),
    });
  } catch (error) {
    if (!isDomainError(error)) throw error;
    // The banner's answer, whatever page it was on: the sentence, and the status of the refusal.
    return redirectWithToast(back, {
      kind: "error",
      title: t("auth.verify.noLinkSent"),
      description: error.message,
    });
  }
}
