import { createCookie } from "@remix-run/node";
import { isWellFormedToken } from "~/modules/auth/tokens.ts";

// A first-party cookie remembers which personal referral link brought a
// visitor here, for 30 days; it holds a random token and nothing else.
// What it does is explained at /referral-links. No third party sees it.
export const ATTRIBUTION_COOKIE = "ll_via";
const attributionCookie = createCookie(ATTRIBUTION_COOKIE, {
  path: "/",
  httpOnly: true,
  sameSite: "lax",
  maxAge: 30 * 86_400,
});

export async function readAttributionToken(request: Request): Promise<string | null> {
  const value: unknown = await attributionCookie.parse(request.headers.get("Cookie"));
  return typeof value === "string" && isWellFormedToken(value) ? value : null;
}

export const attributionSetCookie = (token: string) => attributionCookie.serialize(token);
