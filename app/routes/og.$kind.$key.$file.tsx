import type { LoaderFunctionArgs } from "@remix-run/node";
import {
  isShareKind,
  loadShareCard,
  shareCardHash,
  shareImagePath,
} from "~/modules/share/cards.server.ts";
import { renderShareImage } from "~/modules/share/og-image.server.tsx";

const notFound = () =>
  new Response("We could not find that image.", {
    status: 404,
    headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" },
  });

/**
 * The share picture of a profile, story, talk, award or testimonial. The
 * address carries a fingerprint of what it shows, so it can be cached for
 * good; an old fingerprint is sent on to the current picture.
 */
export async function loader({ context, params }: LoaderFunctionArgs) {
  const kind = params.kind ?? "";
  const key = params.key ?? "";
  if (!isShareKind(kind)) return notFound();
  const card = await loadShareCard(context.db, kind, key);
  if (!card) return notFound();
  if (params.file !== `${shareCardHash(card)}.png`)
    return new Response(null, {
      status: 302,
      headers: { Location: shareImagePath(card, key), "Cache-Control": "no-store" },
    });
  const png = await renderShareImage(card);
  return new Response(new Uint8Array(png), {
    headers: {
      "Content-Type": "image/png",
      "Content-Length": String(png.byteLength),
      "Cache-Control": "public, max-age=31536000, immutable",
    },
  });
}
