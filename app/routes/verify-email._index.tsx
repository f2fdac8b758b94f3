import { redirect, type ActionFunctionArgs } from "@remix-run/node";
import { resendVerification } from "~/modules/auth/email-address.server.ts";
import { requireUser, safeRedirectTo } from "~/utils/auth.server.ts";
import { commandContext } from "~/utils/command.server.ts";
import { isDomainError } from "~/utils/errors.ts";
import { redirectWithToast } from "~/utils/toast.server.ts";

// "Send the link again", from the banner an unconfirmed person sees on every page.
export const loader = () => redirect("/settings");

export async function action({ request, context }: ActionFunctionArgs) {
  await requireUser(request, context);
  const back = safeRedirectTo(String((await request.formData()).get("back") ?? ""), "/settings");
  try {
    const sent = await resendVerification(await commandContext(request, context), {});
    return redirectWithToast(back, {
      kind: "success",
      title: "Link sent",
      description: `We sent a new confirmation link to ${sent.email}.`,
    });
  } catch (error) {
    if (!isDomainError(error)) throw error;
    // The banner's answer, whatever page it was on: the sentence, and the status of the refusal.
    return redirectWithToast(back, {
      kind: "error",
      title: "No new link sent",
      description: error.message,
    });
  }
}
