import { gzipSync } from "node:zlib";
import { SignJWT } from "jose";
import type { Queryable } from "../../../db/client.ts";
import { issuerUrls, STATUS_LIST_BITS, VC_CONTEXT } from "./document.ts";
import { ALG, currentSigningKey } from "./keys.server.ts";

/** How long a fetched status list may be relied on before fetching it again. */
export const STATUS_LIST_TTL_S = 300;

/** The number of status lists in use (at least one, so the first URL always answers). */
export async function statusListCount(db: Queryable): Promise<number> {
  const row = await db
    .selectFrom("credentials")
    .select((eb) => eb.fn.max("status_index").as("top"))
    .executeTakeFirst();
  const top = row?.top == null ? 0 : Number(row.top);
  return Math.floor(top / STATUS_LIST_BITS) + 1;
}

/**
 * A W3C Bitstring Status List credential for revocation: bit i (counted from
 * the left of the first byte) is set when the credential with that index is
 * revoked. GZIP, then multibase base64url ("u" prefix), signed as a JWT with
 * the current key.
 */
export async function signedStatusList(
  db: Queryable,
  list: number,
  options: { publicUrl: string; secret: string; now: Date },
): Promise<string> {
  const first = (list - 1) * STATUS_LIST_BITS;
  const revoked = await db
    .selectFrom("credentials")
    .select("status_index")
    .where("revoked_at", "is not", null)
    .where("status_index", ">=", first)
    .where("status_index", "<", first + STATUS_LIST_BITS)
    .execute();
  const bits = Buffer.alloc(STATUS_LIST_BITS / 8);
  for (const { status_index } of revoked) {
    const bit = Number(status_index) - first;
    bits[bit >> 3] |= 0x80 >> (bit & 7);
  }
  const urls = issuerUrls(options.publicUrl);
  const url = urls.statusList(list);
  const validUntil = new Date(options.now.getTime() + 24 * 3_600_000);
  const credential = {
    "@context": [VC_CONTEXT],
    id: url,
    type: ["VerifiableCredential", "BitstringStatusListCredential"],
    issuer: urls.issuer,
    validFrom: options.now.toISOString(),
    validUntil: validUntil.toISOString(),
    credentialSubject: {
      id: `${url}#list`,
      type: "BitstringStatusList",
      statusPurpose: "revocation",
      encodedList: `u${gzipSync(bits).toString("base64url")}`,
    },
  };
  const key = await currentSigningKey(db, options.secret, options.now);
  return new SignJWT(credential)
    .setProtectedHeader({ alg: ALG, kid: key.kid, typ: "vc+jwt", cty: "vc" })
    .setIssuer(urls.issuer)
    .setJti(url)
    .setIssuedAt(options.now)
    .setExpirationTime(validUntil)
    .sign(key.key);
}
