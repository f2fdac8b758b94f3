import type { LoaderFunctionArgs } from "@remix-run/node";
import { publishedKeys } from "~/modules/credentials/keys.server.ts";

/** The issuer's public keys (current and still-needed retired ones), for anyone verifying a credential. */
export async function loader({ context }: LoaderFunctionArgs) {
  return new Response(JSON.stringify(await publishedKeys(context.db, new Date())), {
    headers: {
      "Content-Type": "application/jwk-set+json",
      "Cache-Control": "public, max-age=300",
      "Access-Control-Allow-Origin": "*",
    },
  });
}
