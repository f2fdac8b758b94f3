import { compactVerify, createLocalJWKSet, decodeProtectedHeader } from "jose";
import type { Queryable } from "../../../db/client.ts";
import { issuerUrls } from "./document.ts";
import { publishedKeys } from "./keys.server.ts";
import { FORMAT_TAGS, i18nFor, type Locale } from "../../i18n/index.ts";
import { formatsFor } from "../../utils/format.ts";

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
  /** The reader's language, for the words of each check ("3 December 2026" in English). */
  locale: Locale = "en",
): Promise<Verification> {
  const { t } = i18nFor(locale);
  const day = formatsFor(FORMAT_TAGS[locale]).longDay;
  const notChecked = t("credentials.check.notChecked");
  const refused = (detail: string): Verification => ({
    verifies: false,
    signature: { ok: false, detail },
    issuer: { ok: false, detail: notChecked },
    dates: { ok: false, detail: notChecked },
    status: { ok: false, detail: notChecked },
    credential: null,
  });
  let payload: Record<string, unknown>;
  try {
    const header = decodeProtectedHeader(jwt);
    if (header.alg !== "EdDSA") return refused(t("credentials.check.notOurs"));
    const keys = createLocalJWKSet(await publishedKeys(db, now));
    const verified = await compactVerify(jwt, keys);
    payload = JSON.parse(new TextDecoder().decode(verified.payload)) as Record<string, unknown>;
  } catch {
    return refused(t("credentials.check.noKey"));
  }
  const urls = issuerUrls(publicUrl);
  const issuerOk = payload.iss === urls.issuer;
  const issuer = {
    ok: issuerOk,
    detail: issuerOk
      ? t("credentials.check.issuedBy", { issuer: urls.issuer })
      : t("credentials.check.otherIssuer"),
  };
  const from = typeof payload.validFrom === "string" ? new Date(payload.validFrom) : null;
  const until = typeof payload.validUntil === "string" ? new Date(payload.validUntil) : null;
  let dates = {
    ok: true,
    detail: from
      ? t("credentials.check.validFrom", { from: day(from) })
      : t("credentials.check.valid"),
  };
  if (from && from.getTime() > now.getTime())
    dates = { ok: false, detail: t("credentials.check.notBefore", { from: day(from) }) };
  else if (until && until.getTime() <= now.getTime())
    dates = { ok: false, detail: t("credentials.check.expired", { until: day(until) }) };
  else if (until)
    dates.detail = from
      ? t("credentials.check.validFromUntil", { from: day(from), until: day(until) })
      : t("credentials.check.validUntil", { until: day(until) });
  const row =
    typeof payload.jti === "string"
      ? await db
          .selectFrom("credentials")
          .select(["revoked_at", "revoked_reason", "jwt"])
          .where("id", "=", payload.jti.split("/").pop() ?? "")
          .executeTakeFirst()
      : undefined;
  let status: Verification["status"];
  if (!row) status = { ok: false, detail: t("credentials.check.noRecord") };
  else if (row.revoked_at)
    status = {
      ok: false,
      detail: t("credentials.check.revoked", {
        on: day(row.revoked_at),
        reason: row.revoked_reason ?? t("credentials.check.noReason"),
      }),
      revokedAt: new Date(row.revoked_at).toISOString(),
      reason: row.revoked_reason ?? undefined,
    };
  else status = { ok: true, detail: t("credentials.check.notRevoked") };
  return {
    verifies: issuer.ok && dates.ok && status.ok,
    signature: { ok: true, detail: t("credentials.check.signatureOk") },
    issuer,
    dates,
    status,
    credential: payload,
  };
}
