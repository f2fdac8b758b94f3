import type { ColumnType, Generated } from "kysely";

type CreatedAt = ColumnType<Date, Date | string | undefined, never>;
type Moment = ColumnType<Date, Date | string | undefined, Date | string>;
type OptionalMoment = ColumnType<
  Date | null,
  Date | string | null | undefined,
  Date | string | null
>;

/** How a person wants one kind of non-essential message. */
export type MailRhythm = "immediate" | "digest" | "never";
/** How often the digest comes. */
export type DigestRhythm = "daily" | "weekly" | "off";

export interface MailPreferencesTable {
  user_id: number;
  kind: string;
  rhythm: MailRhythm;
  updated_at: Moment;
}

export interface MailDigestSettingsTable {
  user_id: number;
  rhythm: DigestRhythm;
  updated_at: Moment;
}

/** A message folded into the person's next digest instead of being sent alone. */
export interface MailDigestItemsTable {
  id: Generated<number>;
  user_id: number;
  idempotency_key: string;
  kind: string;
  subject: string;
  link: string | null;
  thread_id: number | null;
  created_at: CreatedAt;
  digested_at: OptionalMoment;
}

/** One digest per person per period ("2026-12-02", "2026-W49"). */
export interface MailDigestRunsTable {
  user_id: number;
  period: string;
  sent: boolean;
  created_at: CreatedAt;
}

/** Secrets that sign links in messages (one-click unsubscribe). */
export interface MailKeysTable {
  name: string;
  secret: string;
  created_at: CreatedAt;
}

/** Which mail a suppression stops: promoter invitations and reminders, surveys, or both. */
export type SuppressionScope = "invitations" | "surveys" | "all";

/** An address (normalised: trimmed, lower case) that asked for no more mail of a group. */
export interface MailSuppressionsTable {
  email: string;
  scope: SuppressionScope;
  source: "link" | "one_click";
  created_at: CreatedAt;
}

/** Mail preferences, the digest and signing keys (owned by app/modules/mail). */
export interface MailTables {
  mail_preferences: MailPreferencesTable;
  mail_digest_settings: MailDigestSettingsTable;
  mail_digest_items: MailDigestItemsTable;
  mail_digest_runs: MailDigestRunsTable;
  mail_keys: MailKeysTable;
  mail_suppressions: MailSuppressionsTable;
}
