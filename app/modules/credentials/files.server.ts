import type { Queryable } from "../../../db/client.ts";
import type { Viewer } from "../access/policy.ts";
import { NotFoundError } from "../../utils/errors.ts";
import { getVisibleCredential } from "./reads.server.ts";

/** Credential ids are UUIDs; anything else is a missing credential, not a query. */
export const CREDENTIAL_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export async function findCredential(db: Queryable, viewer: Viewer, id: string) {
  if (!CREDENTIAL_ID.test(id)) throw new NotFoundError("We could not find that credential.");
  return getVisibleCredential(db, viewer, id);
}

/** A credential as a download: the JWT, or its JSON. Private ones answer 404 to others. */
export async function credentialFile(
  db: Queryable,
  viewer: Viewer,
  id: string,
  format: "jwt" | "json",
): Promise<Response> {
  let row;
  try {
    row = await findCredential(db, viewer, id);
  } catch (error) {
    if (error instanceof NotFoundError)
      return new Response("We could not find that credential.", {
        status: 404,
        headers: { "Content-Type": "text/plain; charset=utf-8" },
      });
    throw error;
  }
  const body = format === "jwt" ? row.jwt : JSON.stringify(row.document, null, 2);
  return new Response(body, {
    headers: {
      "Content-Type": format === "jwt" ? "application/vc+jwt" : "application/vc+ld+json",
      "Content-Disposition": `inline; filename="credential-${row.id}.${format}"`,
      "Cache-Control": row.is_public ? "public, max-age=60" : "private, no-store",
      "Access-Control-Allow-Origin": "*",
    },
  });
}
