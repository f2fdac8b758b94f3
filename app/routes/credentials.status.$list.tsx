import type { LoaderFunctionArgs } from "@remix-run/node";
import {
  signedStatusList,
  statusListCount,
  STATUS_LIST_TTL_S,
} from "~/modules/credentials/status-list.server.ts";

/** A revocation status list (W3C Bitstring Status List), signed as a JWT. Public: it names no one. */
export async function loader({ params, context }: LoaderFunctionArgs) {
  const list = /^[1-9]\d{0,5}$/.test(params.list ?? "") ? Number(params.list) : 0;
  if (!list || list > (await statusListCount(context.db)))
    throw new Response("There is no such status list.", { status: 404 });
  const jwt = await signedStatusList(context.db, list, {
    publicUrl: context.env.PUBLIC_URL,
    secret: context.env.SETTINGS_ENCRYPTION_KEY,
    now: new Date(),
  });
  return new Response(jwt, {
    headers: {
      "Content-Type": "application/vc+jwt",
      "Cache-Control": `public, max-age=${STATUS_LIST_TTL_S}`,
      "Access-Control-Allow-Origin": "*",
    },
  });
}
