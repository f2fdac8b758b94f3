import type { ColumnType, Generated } from "kysely";

type CreatedAt = ColumnType<Date, Date | string | undefined, never>;
type OptionalMoment = ColumnType<
  Date | null,
  Date | string | null | undefined,
  Date | string | null
>;

/** A "forgot password" link: the SHA-256 of its token, single use, valid for an hour. */
export interface PasswordResetsTable {
  token_hash: string;
  user_id: number;
  created_at: CreatedAt;
  expires_at: Date | string;
  used_at: OptionalMoment;
}

/** The site's OpenID Connect provider (one row, id "oidc"), as an admin configured it. */
export interface SignInProvidersTable {
  id: "oidc";
  enabled: ColumnType<boolean, boolean | undefined, boolean>;
  issuer: ColumnType<string, string | undefined, string>;
  client_id: ColumnType<string, string | undefined, string>;
  /** AES-GCM ciphertext (app/modules/auth/secret-box.server.ts); never the secret itself. */
  client_secret_enc: ColumnType<string, string | undefined, string>;
  button_label: ColumnType<string, string | undefined, string>;
  advocate_claim: ColumnType<string, string | undefined, string>;
  advocate_value: ColumnType<string, string | undefined, string>;
  password_sign_up: ColumnType<boolean, boolean | undefined, boolean>;
  updated_at: ColumnType<Date, Date | string | undefined, Date | string>;
  updated_by: number | null;
}

/** A person's account at the provider (issuer and subject), linked to their Limelight account. */
export interface UserIdentitiesTable {
  id: Generated<number>;
  user_id: number;
  issuer: string;
  subject: string;
  created_at: CreatedAt;
  last_used_at: ColumnType<Date, Date | string | undefined, Date | string>;
}

/** A link that proves an address: the account's own ("verify") or a new one ("change"). */
export interface EmailTokensTable {
  token_hash: string;
  user_id: number;
  purpose: "verify" | "change";
  email: string;
  created_at: CreatedAt;
  expires_at: Date | string;
  used_at: OptionalMoment;
}

/** Account recovery, address proofs and single sign-on (owned by app/modules/auth; people and sessions are core tables in db/schema.ts). */
export interface AuthTables {
  password_resets: PasswordResetsTable;
  email_tokens: EmailTokensTable;
  sign_in_providers: SignInProvidersTable;
  user_identities: UserIdentitiesTable;
}
