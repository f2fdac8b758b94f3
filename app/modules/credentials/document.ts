import type { CredentialKind } from "../../../db/tables/credentials.ts";

/**
 * The shape of an OpenBadgeCredential (Open Badges 3.0 on the W3C Verifiable
 * Credentials 2.0 data model), built from plain facts so that the same code
 * serves issuing, the public page and the tests. Nothing here touches the
 * database or a key.
 */

export const VC_CONTEXT = "https://www.w3.org/ns/credentials/v2";
export const OB_CONTEXT = "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json";
/** Bits in one status list: the specification's minimum of 16 KB, which also hides who is revoked. */
export const STATUS_LIST_BITS = 131_072;

/** Where the issuer's public documents live, for a site address. */
export function issuerUrls(publicUrl: string) {
  const base = publicUrl.replace(/\/+$/, "");
  return {
    base,
    issuer: `${base}/credentials/issuer`,
    jwks: `${base}/.well-known/jwks.json`,
    statusList: (list: number) => `${base}/credentials/status/${list}`,
    credential: (id: string) => `${base}/credentials/${id}`,
  };
}

export function statusListOf(statusIndex: number): { list: number; bit: number } {
  return {
    list: Math.floor(statusIndex / STATUS_LIST_BITS) + 1,
    bit: statusIndex % STATUS_LIST_BITS,
  };
}

export interface AchievementFacts {
  kind: CredentialKind;
  /** Stable across re-issues: one standing credential per key. */
  key: string;
  sourceType: string;
  sourceId: string;
  /** "MVP 2026–2027", "Verified talk: One number to rule them all" */
  name: string;
  description: string;
  criteria: string;
  /** When it was achieved (the credential's validFrom). */
  achievedAt: Date;
  /** When it stops holding (an award's term); null for what holds for good. */
  validUntil: Date | null;
  evidence: { url: string; name: string; narrative?: string }[];
  /** A contribution record's points by area. */
  results?: { area: string; points: number }[];
}

export interface Subject {
  /** `sha256$<hex>` of the email address and the salt. */
  identityHash: string;
  salt: string;
  name: string;
}

export function buildCredential(input: {
  id: string;
  publicUrl: string;
  issuerName: string;
  achievement: AchievementFacts;
  subject: Subject;
  statusIndex: number;
  issuedAt: Date;
}): Record<string, unknown> {
  const urls = issuerUrls(input.publicUrl);
  const { achievement: a } = input;
  const { list, bit } = statusListOf(input.statusIndex);
  const credentialUrl = urls.credential(input.id);
  return {
    "@context": [VC_CONTEXT, OB_CONTEXT],
    id: credentialUrl,
    type: ["VerifiableCredential", "OpenBadgeCredential"],
    name: a.name,
    description: a.description,
    issuer: { id: urls.issuer, type: ["Profile"], name: input.issuerName, url: urls.base },
    validFrom: a.achievedAt.toISOString(),
    ...(a.validUntil ? { validUntil: a.validUntil.toISOString() } : {}),
    awardedDate: input.issuedAt.toISOString(),
    credentialSubject: {
      type: ["AchievementSubject"],
      // The specification's hashed identifier: the address never leaves in clear.
      identifier: [
        {
          type: "IdentityObject",
          identityType: "emailAddress",
          hashed: true,
          identityHash: input.subject.identityHash,
          salt: input.subject.salt,
        },
      ],
      achievement: {
        id: `${urls.base}/credentials/achievements/${a.kind}/${encodeURIComponent(a.key)}`,
        type: ["Achievement"],
        achievementType: ACHIEVEMENT_TYPE[a.kind],
        name: a.name,
        description: a.description,
        criteria: { narrative: a.criteria },
        creator: { id: urls.issuer, type: ["Profile"], name: input.issuerName },
      },
      ...(a.results
        ? {
            result: a.results.map((r) => ({
              type: ["Result"],
              resultDescription: `${urls.base}/credentials/results/${r.area}`,
              value: String(r.points),
            })),
          }
        : {}),
    },
    evidence: a.evidence.map((e) => ({
      id: e.url,
      type: ["Evidence"],
      name: e.name,
      ...(e.narrative ? { narrative: e.narrative } : {}),
    })),
    credentialStatus: {
      id: `${urls.statusList(list)}#${bit}`,
      type: "BitstringStatusListEntry",
      statusPurpose: "revocation",
      statusListIndex: String(bit),
      statusListCredential: urls.statusList(list),
    },
  };
}

const ACHIEVEMENT_TYPE: Record<CredentialKind, string> = {
  tier: "Award",
  badge: "Badge",
  talk: "ext:Talk",
  story: "ext:CaseStudy",
  contribution: "ext:ContributionRecord",
};

/**
 * LinkedIn's "add certification" link, pre-filled (the advocate still saves
 * it on LinkedIn; nothing is sent from here).
 */
export function linkedInAddUrl(input: {
  name: string;
  organizationName: string;
  issuedAt: Date;
  validUntil: Date | null;
  url: string;
  id: string;
}): string {
  const params = new URLSearchParams({
    startTask: "CERTIFICATION_NAME",
    name: input.name,
    organizationName: input.organizationName,
    issueYear: String(input.issuedAt.getUTCFullYear()),
    issueMonth: String(input.issuedAt.getUTCMonth() + 1),
  });
  if (input.validUntil) {
    params.set("expirationYear", String(input.validUntil.getUTCFullYear()));
    params.set("expirationMonth", String(input.validUntil.getUTCMonth() + 1));
  }
  params.set("certUrl", input.url);
  params.set("certId", input.id);
  return `https://www.linkedin.com/profile/add?${params.toString()}`;
}

/** A year span in words: "2026–2027", or "2026" when it starts and ends in one year. */
export function yearSpan(from: Date, to: Date): string {
  const a = from.getUTCFullYear();
  const b = to.getUTCFullYear();
  return a === b ? String(a) : `${a}–${b}`;
}
