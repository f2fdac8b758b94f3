import { redirect, type LoaderFunctionArgs } from "@remix-run/node";
import { recordLinkClick } from "~/modules/promoters/referral-links.server.ts";
import { attributionSetCookie } from "~/utils/attribution.server.ts";
import { getViewer } from "~/utils/auth.server.ts";
import { notFound, orErrorPage } from "~/utils/http.server.ts";

// A personal referral link: /r/<code> (the advocate's profile), /r/<code>/story/<id>,
// /r/<code>/talk/<id>. Counts the visit, sets the first-party attribution
// cookie (explained at /referral-links) and goes on to the page.
export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const code = params.code ?? "";
  const kind = params.kind ?? "profile";
  const id = params.id === undefined ? null : Number(params.id);
  if (!/^[a-z0-9]{4,32}$/i.test(code)) throw notFound("This referral link does not exist.");
  if (kind !== "profile" && kind !== "story" && kind !== "talk")
    throw notFound("This referral link does not exist.");
  if (kind === "profile" ? id !== null : !Number.isSafeInteger(id) || id! <= 0)
    throw notFound("This referral link does not exist.");
  const viewer = await getViewer(request, context);
  const { path, token } = await orErrorPage(
    recordLinkClick(context.db, { code, kind, targetId: id, viewer, now: new Date() }),
  );
  const headers = new Headers({ "Cache-Control": "no-store" });
  if (token) headers.append("Set-Cookie", await attributionSetCookie(token));
  return redirect(path, { headers });
}
