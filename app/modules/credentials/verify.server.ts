import { compactVerify, createLocalJWKSet, decodeProtectedHeader } from "jose";
import type { Queryable } from "../../../db/client.ts";
import { issuerUrls } from "./document.ts";
import { publishedKeys } from "./keys.server.ts";

/** Each check the verification page shows, in words a reader understands. */
export interface Verification {
  verifies: boolean;
  signature: { ok: boolean; detail: string };
  issuer: { ok: boolean; detail: string };
  dates: { ok: boolean; detail: string };
  status: { ok: boolean; detail: string; revokedAt?: string; reason?: string };
  /** The credential as signed, when the signature holds. */
  credential: Record<string, unknown> | null;
}

const day = (iso: string | Date) =>
  new Date(iso).toLocaleDateString("en-GB", {
    day: "numeric",
    month: "long",
    year: "numeric",
    timeZone: "UTC",
  });

/**
 * Verifies a JWT-VC as any outside verifier would: the signature against the
 * published key set, the issuer, the validity dates, then the revocation
 * status this site publishes. A JWT that does not verify reveals nothing of
 * what it claims.
 */
export async function verifyCredentialJwt(
  db: Queryable,
  jwt: string,
  publicUrl: string,
  now: Date,
): Promise<Verification> {
  const refused = (detail: string): Verification => ({
    verifies: false,
    signature: { ok: false, detail },
    issuer: { ok: false, detail: "Not checked: the signature does not hold." },
    dates: { ok: false, detail: "Not checked: the signature does not hold." },
    status: { ok: false, detail: "Not checked: the signature does not hold." },
    credential: null,
  });
  let payload: Record<string, unknown>;
  try {
    const header = decodeProtectedHeader(jwt);
    if (header.alg !== "EdDSA")
      return refused("This is not a credential signed by this community.");
    const keys = createLocalJWKSet(await publishedKeys(db, now));
    const verified = await compactVerify(jwt, keys);
    payload = JSON.parse(new TextDecoder().decode(verified.payload)) as Record<string, unknown>;
  } catch {
    return refused("The signature does not match any key this community publishes.");
  }
  const urls = issuerUrls(publicUrl);
  const issuerOk = payload.iss === urls.issuer;
  const issuer = {
    ok: issuerOk,
    detail: issuerOk ? `Issued by ${urls.issuer}` : "Issued by someone else than this community.",
  };
  const from = typeof payload.validFrom === "string" ? new Date(payload.validFrom) : null;
  const until = typeof payload.validUntil === "string" ? new Date(payload.validUntil) : null;
  let dates = { ok: true, detail: from ? `Valid from ${day(from)}` : "Valid" };
  if (from && from.getTime() > now.getTime())
    dates = { ok: false, detail: `Not valid before ${day(from)}.` };
  else if (until && until.getTime() <= now.getTime())
    dates = { ok: false, detail: `Expired on ${day(until)}.` };
  else if (until) dates.detail += ` until ${day(until)}`;
  const row =
    typeof payload.jti === "string"
      ? await db
          .selectFrom("credentials")
          .select(["revoked_at", "revoked_reason", "jwt"])
          .where("id", "=", payload.jti.split("/").pop() ?? "")
          .executeTakeFirst()
      : undefined;
  let status: Verification["status"];
  if (!row) status = { ok: false, detail: "This community has no record of the credential." };
  else if (row.revoked_at)
    status = {
      ok: false,
      detail: `Revoked on ${day(row.revoked_at)}, reason: ${row.revoked_reason ?? "not given"}`,
      revokedAt: new Date(row.revoked_at).toISOString(),
      reason: row.revoked_reason ?? undefined,
    };
  else status = { ok: true, detail: "Not revoked" };
  return {
    verifies: issuer.ok && dates.ok && status.ok,
    signature: { ok: true, detail: "The signature matches the community's published key." },
    issuer,
    dates,
    status,
    credential: payload,
  };
}
