import type { LoaderFunctionArgs } from "@remix-run/node";
import { issuerUrls, VC_CONTEXT, OB_CONTEXT } from "~/modules/credentials/document.ts";
import { ISSUER_NAME } from "~/modules/credentials/issue.server.ts";
import { publishedKeys } from "~/modules/credentials/keys.server.ts";

/** The issuer's profile (Open Badges 3.0 Profile): who signs, and the key set to check it with. */
export async function loader({ context }: LoaderFunctionArgs) {
  const urls = issuerUrls(context.env.PUBLIC_URL);
  const profile = {
    "@context": [VC_CONTEXT, OB_CONTEXT],
    id: urls.issuer,
    type: ["Profile"],
    name: ISSUER_NAME,
    url: urls.base,
    jwks_uri: urls.jwks,
    publicKey: (await publishedKeys(context.db, new Date())).keys,
  };
  return new Response(JSON.stringify(profile, null, 2), {
    headers: {
      "Content-Type": "application/json",
      "Cache-Control": "public, max-age=300",
      "Access-Control-Allow-Origin": "*",
    },
  });
}
