import type { ColumnType, Generated, Insertable, Selectable, Updateable } from "kysely";
import type { AdvocacyTables } from "./tables/advocacy.ts";
import type { AuthTables } from "./tables/auth.ts";
import type { CredentialTables } from "./tables/credentials.ts";
import type { ChapterTables } from "./tables/chapters.ts";
import type { EventTables } from "./tables/events.ts";
import type { DiscussionTables } from "./tables/discussions.ts";
import type { EarlyAccessTables } from "./tables/early-access.ts";
import type { MailTables } from "./tables/mail.ts";
import type { IntegrationTables } from "./tables/integrations.ts";
import type { NotificationTables } from "./tables/notifications.ts";
import type { OutboxTables } from "./tables/outbox.ts";
import type { PromoterTables } from "./tables/promoters.ts";
import type { RelationshipTables } from "./tables/relationships.ts";
import type { ReputationTables } from "./tables/reputation.ts";
import type { TierTables } from "./tables/tiers.ts";
import type { TestimonialTables } from "./tables/testimonials.ts";
import type { ShareTables } from "./tables/share.ts";

import type { CreatedAt, Timestamp, WrittenIn } from "./columns.ts";

export type { CreatedAt, Timestamp } from "./columns.ts";

export const ROLES = ["prospect", "advocate", "manager", "admin"] as const;
export type Role = (typeof ROLES)[number];

export interface UsersTable {
  id: Generated<number>;
  email: string;
  handle: string;
  display_name: string;
  password_hash: string | null;
  role: ColumnType<Role, Role | undefined, Role>;
  created_at: CreatedAt;
  updated_at: ColumnType<Date, Date | string | undefined, Date | string>;
  /** Set when a manager verifies the person as a customer (which makes them an advocate). */
  verified_customer_at: ColumnType<
    Date | null,
    Date | string | null | undefined,
    Date | string | null
  >;
  verified_by: number | null;
  /** Set once the person proves they read mail at `email` (null: not yet; they may read, not take part). */
  email_verified_at: ColumnType<
    Date | null,
    Date | string | null | undefined,
    Date | string | null
  >;
  /** Set when the person deleted their account: the row stays, anonymised, for the ledger. */
  deleted_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
  /** The languages this member reads; content in others is left out of their lists (empty: all). */
  read_languages: ColumnType<WrittenIn[], WrittenIn[] | undefined, WrittenIn[]>;
  /** The language the person chose for the site and their mail ("en", "zh", "es"); null: follow the browser. */
  locale: ColumnType<string | null, string | null | undefined, string | null>;
}

export interface ProfilesTable {
  user_id: number;
  headline: Generated<string>;
  company: Generated<string>;
  job_title: Generated<string>;
  industry: Generated<string>;
  location: Generated<string>;
  bio_md: Generated<string>;
  /** Sanitised HTML rendered once from bio_md when it is written. */
  bio_html: Generated<string>;
  expertise: ColumnType<string[], string[] | undefined, string[]>;
  linkedin_url: Generated<string>;
  blog_url: Generated<string>;
  website_url: Generated<string>;
  open_to_speaking: Generated<boolean>;
  open_to_references: Generated<boolean>;
  open_to_case_studies: Generated<boolean>;
  open_to_mentoring: Generated<boolean>;
  is_public: Generated<boolean>;
  /** ISO 3166-1 alpha-2; null when the person has not said. */
  country: string | null;
  city: Generated<string>;
  /** Works remotely: no city to show. */
  is_remote: Generated<boolean>;
  /** The location is private unless the person makes it public. */
  location_public: Generated<boolean>;
  /** IANA zone the person lives in, for times in their mail; null until they choose. */
  time_zone: string | null;
  updated_at: ColumnType<Date, Date | string | undefined, Date | string>;
}

export interface SessionsTable {
  /** SHA-256 (hex) of the token held in the cookie; the token itself is never stored. */
  id: string;
  user_id: number;
  expires_at: Timestamp;
  created_at: CreatedAt;
  ip: string | null;
  user_agent: string | null;
}

export interface AuditLogTable {
  id: Generated<number>;
  actor_id: number | null;
  action: string;
  subject_type: string;
  subject_id: string;
  reason: string | null;
  details: ColumnType<Record<string, unknown>, Record<string, unknown> | string | undefined, never>;
  created_at: CreatedAt;
}

export interface AuthAttemptsTable {
  id: Generated<number>;
  scope: "ip" | "account";
  key: string;
  /** For an account's attempts, the client (IP) it came from. */
  client: string | null;
  created_at: CreatedAt;
}

export interface SettingsTable {
  key: string;
  value: ColumnType<unknown, string, string>;
  updated_at: CreatedAt;
  updated_by: number | null;
}

/** Every table; each capability declares its own in db/tables/<area>.ts. */
export interface Database
  extends
    ReputationTables,
    DiscussionTables,
    NotificationTables,
    AdvocacyTables,
    TierTables,
    EarlyAccessTables,
    PromoterTables,
    OutboxTables,
    MailTables,
    IntegrationTables,
    AuthTables,
    TestimonialTables,
    RelationshipTables,
    CredentialTables,
    ChapterTables,
    EventTables,
    ShareTables {
  users: UsersTable;
  profiles: ProfilesTable;
  sessions: SessionsTable;
  audit_log: AuditLogTable;
  auth_attempts: AuthAttemptsTable;
  settings: SettingsTable;
}

export type User = Selectable<UsersTable>;
export type NewUser = Insertable<UsersTable>;
export type Profile = Selectable<ProfilesTable>;
export type ProfileUpdate = Updateable<ProfilesTable>;
