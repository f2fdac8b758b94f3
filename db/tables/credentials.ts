import type { ColumnType, Generated } from "kysely";

type CreatedAt = ColumnType<Date, Date | string | undefined, never>;
type MaybeTime = ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
type Json<T> = ColumnType<T, string, string>;

export type CredentialKind = "tier" | "badge" | "talk" | "story" | "contribution";

/** The issuer's Ed25519 keys: the public JWK as published, the private one sealed. */
export interface CredentialKeysTable {
  id: Generated<number>;
  kid: string;
  public_jwk: Json<Record<string, string>>;
  /** Sealed with SETTINGS_ENCRYPTION_KEY (auth/secret-box). */
  private_jwk_sealed: string;
  created_at: CreatedAt;
  /** Set on rotation: it signs nothing new, and stays in the JWKS while its credentials are valid. */
  retired_at: MaybeTime;
}

/** One signed OpenBadgeCredential for one achievement of one person. */
export interface CredentialsTable {
  id: string;
  user_id: number;
  kind: CredentialKind;
  /** What it attests, stable across re-issues ("tier:12:0", "talk:5", "contribution:2025"). */
  achievement_key: string;
  /** The row that earned it (tier_award, talk, case_study, badge, ledger year). */
  source_type: string;
  source_id: string;
  name: string;
  /** Issued while the advocate's profile was public; a private one is never shown to others. */
  is_public: boolean;
  /** Its bit in the revocation status list. */
  status_index: Generated<number>;
  kid: string;
  jwt: string;
  document: Json<Record<string, unknown>>;
  issued_at: Date;
  valid_until: Date | null;
  revoked_at: MaybeTime;
  revoked_reason: string | null;
}

/** Tables of verifiable credentials (owned by app/modules/credentials). */
export interface CredentialTables {
  credential_keys: CredentialKeysTable;
  credentials: CredentialsTable;
}
