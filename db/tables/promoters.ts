import type { ColumnType, Generated } from "kysely";

type CreatedAt = ColumnType<Date, Date | string | undefined, never>;
type MaybeTime = ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
type Time = ColumnType<Date, Date | string, Date | string>;
type UpdatedAt = ColumnType<Date, Date | string | undefined, Date | string>;

export type ReferenceStatus =
  "queued" | "pending" | "accepted" | "declined" | "completed" | "cancelled";
export type ReferralStage = "submitted" | "contacted" | "qualified" | "won" | "lost";

export interface NpsImportsTable {
  id: Generated<number>;
  file_name: string;
  imported_by: number | null;
  rows_in_file: number;
  rows_added: number;
  rows_skipped: number;
  created_at: CreatedAt;
}

export interface NpsResponsesTable {
  id: Generated<number>;
  email: string;
  name: Generated<string>;
  company: Generated<string>;
  /** 0–10: promoter 9–10, passive 7–8, detractor 0–6. */
  score: number;
  comment: Generated<string>;
  responded_at: Time;
  import_id: number | null;
  entered_by: number | null;
  created_at: CreatedAt;
}

export interface PromoterInvitationsTable {
  id: Generated<number>;
  /** SHA-256 (hex) of the token in the link. */
  token_hash: string;
  email: string;
  name: Generated<string>;
  company: Generated<string>;
  response_id: number | null;
  invited_by: number | null;
  created_at: CreatedAt;
  expires_at: Time;
  used_at: MaybeTime;
  used_by: number | null;
  revoked_at: MaybeTime;
  /** Follow-up reminders sent so far. */
  reminders_sent: Generated<number>;
  /** When the invitation or its latest reminder was sent. */
  last_sent_at: MaybeTime;
  /** SHA-256 of the links the reminders carried (each works like the first). */
  reminder_token_hashes: ColumnType<string[], string[] | undefined, string[]>;
}

export interface ReferenceSettingsTable {
  user_id: number;
  monthly_cap: Generated<number>;
  updated_at: UpdatedAt;
}

export interface ReferenceRequestsTable {
  id: Generated<number>;
  advocate_id: number;
  prospect_id: number;
  requested_by: number;
  topic: string;
  context: Generated<string>;
  preferred_times: Generated<string>;
  status: ColumnType<ReferenceStatus, ReferenceStatus, ReferenceStatus>;
  created_at: CreatedAt;
  delivered_at: MaybeTime;
  responded_at: MaybeTime;
  advocate_completed_at: MaybeTime;
  prospect_completed_at: MaybeTime;
  completed_at: MaybeTime;
  helpful: boolean | null;
  cancelled_by: number | null;
  cancel_reason: string | null;
  updated_at: UpdatedAt;
}

export interface ReferralsTable {
  id: Generated<number>;
  advocate_id: number;
  contact_name: string;
  contact_email: string;
  company: string;
  note: Generated<string>;
  consent_confirmed_at: Time;
  stage: ColumnType<ReferralStage, ReferralStage | undefined, ReferralStage>;
  revenue_cents: number | null;
  margin_cents: number | null;
  created_at: CreatedAt;
  stage_changed_at: UpdatedAt;
  stage_changed_by: number | null;
}

export type SurveyAudience = "contacts" | "members" | "list";

export interface NpsSurveysTable {
  id: Generated<number>;
  name: string;
  question: string;
  follow_up: Generated<string>;
  audience: SurveyAudience;
  send_at: Time;
  sent_at: MaybeTime;
  created_by: number | null;
  created_at: CreatedAt;
}

export interface NpsSurveyRecipientsTable {
  id: Generated<number>;
  survey_id: number;
  email: string;
  name: Generated<string>;
  company: Generated<string>;
  user_id: number | null;
  /** SHA-256 (hex) of the token in the personal link. */
  token_hash: string;
  sent_at: MaybeTime;
  answered_at: MaybeTime;
  response_id: number | null;
  improvement: Generated<string>;
  moment_done_at: MaybeTime;
  created_at: CreatedAt;
}

export interface NpsFollowUpsTable {
  id: Generated<number>;
  response_id: number;
  survey_id: number | null;
  owner_id: number | null;
  due_at: Time;
  notes: Generated<string>;
  outcome: Generated<string>;
  closed_at: MaybeTime;
  closed_by: number | null;
  created_at: CreatedAt;
}

/** One advocate's share of a won referral, in basis points (10,000 = 100 %). */
export interface ReferralCreditsTable {
  referral_id: number;
  advocate_id: number;
  share_bp: number;
  created_at: CreatedAt;
}

/** The code in an advocate's personal referral links (/r/<code>). */
export interface ReferralLinkCodesTable {
  advocate_id: number;
  code: string;
  created_at: CreatedAt;
}

export type ReferralLinkTarget = "profile" | "story" | "talk";

/** A visit through a personal referral link; its token is the visitor's first-party cookie. */
export interface ReferralLinkClicksTable {
  id: Generated<number>;
  advocate_id: number;
  target_kind: ReferralLinkTarget;
  target_id: number | null;
  token_hash: string;
  user_id: number | null;
  clicked_at: Time;
}

export type ProspectTouchKind = "story_read" | "conversation_request";

/** What a signed-in prospect did before asking: a story read, a conversation requested. */
export interface ProspectTouchesTable {
  id: Generated<number>;
  user_id: number;
  kind: ProspectTouchKind;
  story_id: number | null;
  advocate_id: number;
  click_id: number | null;
  created_at: Time;
}

/** An advocate's consent to show "helped N companies decide" on their public profile. */
export interface CreditPreferencesTable {
  user_id: number;
  show_helped_count: boolean;
  updated_at: UpdatedAt;
}

/** Tables of NPS responses, invitations, reference requests, referrals. */
export interface PromoterTables {
  nps_imports: NpsImportsTable;
  nps_responses: NpsResponsesTable;
  promoter_invitations: PromoterInvitationsTable;
  reference_settings: ReferenceSettingsTable;
  reference_requests: ReferenceRequestsTable;
  referrals: ReferralsTable;
  nps_surveys: NpsSurveysTable;
  nps_survey_recipients: NpsSurveyRecipientsTable;
  nps_follow_ups: NpsFollowUpsTable;
  referral_credits: ReferralCreditsTable;
  referral_link_codes: ReferralLinkCodesTable;
  referral_link_clicks: ReferralLinkClicksTable;
  prospect_touches: ProspectTouchesTable;
  credit_preferences: CreditPreferencesTable;
}
