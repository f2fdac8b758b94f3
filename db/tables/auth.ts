import type { ColumnType } from "kysely";

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

/** Account recovery (owned by app/modules/auth; people and sessions are core tables in db/schema.ts). */
export interface AuthTables {
  password_resets: PasswordResetsTable;
  email_tokens: EmailTokensTable;
}
