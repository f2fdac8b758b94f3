import { createCookie, redirect } from "@remix-run/node";

export interface FlashToast {
  kind: "success" | "info" | "error";
  title: string;
  description?: string;
}

// A one-shot cookie carries a message across a redirect; the root loader reads and clears it.
export const TOAST_COOKIE = "ll_toast";
const toastCookie = createCookie(TOAST_COOKIE, {
  path: "/",
  httpOnly: true,
  sameSite: "lax",
  maxAge: 60,
});

export async function redirectWithToast(url: string, toast: FlashToast, init: ResponseInit = {}) {
  const headers = new Headers(init.headers);
  headers.append("Set-Cookie", await toastCookie.serialize(toast));
  return redirect(url, { ...init, headers });
}

export async function readToast(
  request: Request,
): Promise<{ toast: FlashToast | null; setCookie: string | null }> {
  const toast =
    ((await toastCookie.parse(request.headers.get("Cookie"))) as FlashToast | null) ?? null;
  if (!toast) return { toast: null, setCookie: null };
  return { toast, setCookie: await toastCookie.serialize("", { maxAge: 0 }) };
}
