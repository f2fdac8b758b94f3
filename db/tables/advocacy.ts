import type { ColumnType, Generated } from "kysely";
import type { CreatedAt, LanguageColumn } from "../columns.ts";

type Stamp = ColumnType<Date, Date | string | undefined, Date | string>;
type OptionalStamp = ColumnType<
  Date | null,
  Date | string | null | undefined,
  Date | string | null
>;
type Json<T> = ColumnType<T, string, string>;

export type TalkFormat = "conference" | "webinar" | "podcast" | "meetup";
export type OpportunityStatus = "open" | "closed" | "filled";
export type ApplicationStatus = "pending" | "shortlisted" | "accepted" | "declined" | "withdrawn";
/**
 * scheduled: will happen, or happened and still needs evidence;
 * pending: evidence in, waiting for a manager; verified / rejected: decided.
 */
export type TalkStatus = "scheduled" | "pending" | "verified" | "rejected";
export type TalkOrigin = "opportunity" | "self_reported";
/**
 * proposed: started by a manager from a source, waiting for the author to accept;
 * draft → submitted → changes_requested → published, or declined; withdrawn when the
 * author turns a proposal down; unpublished when a manager takes a live story down.
 */
export type StoryStatus =
  | "proposed"
  | "draft"
  | "submitted"
  | "changes_requested"
  | "published"
  | "declined"
  | "withdrawn"
  | "unpublished";

export interface StoryMetric {
  label: string;
  before: number;
  after: number;
  unit: string;
}

export interface SpeakingOpportunitiesTable {
  id: Generated<number>;
  title: string;
  event_name: string;
  format: TalkFormat;
  starts_at: Stamp;
  /** IANA zone the event is held in; times are shown in it. */
  time_zone: string;
  is_virtual: boolean;
  /** Venue and city; empty when virtual. */
  location: Generated<string>;
  expected_audience: number | null;
  audience_description: Generated<string>;
  topic_md: Generated<string>;
  topic_html: Generated<string>;
  event_url: Generated<string>;
  application_deadline: Stamp;
  status: ColumnType<OpportunityStatus, OpportunityStatus | undefined, OpportunityStatus>;
  created_by: number | null;
  created_at: CreatedAt;
  updated_at: Stamp;
}

export interface SpeakingApplicationsTable {
  id: Generated<number>;
  opportunity_id: number;
  advocate_id: number;
  /** The title the advocate proposes for their talk; the opportunity's title when empty. */
  talk_title: Generated<string>;
  pitch: string;
  status: ColumnType<ApplicationStatus, ApplicationStatus | undefined, ApplicationStatus>;
  /** What the manager wrote to the advocate with the decision. */
  decision_message: Generated<string>;
  decided_by: number | null;
  decided_at: OptionalStamp;
  created_at: CreatedAt;
  updated_at: Stamp;
}

export interface TalksTable {
  id: Generated<number>;
  speaker_id: number;
  origin: TalkOrigin;
  opportunity_id: number | null;
  application_id: number | null;
  title: string;
  event_name: string;
  format: TalkFormat;
  given_at: Stamp;
  time_zone: string;
  is_virtual: boolean;
  location: Generated<string>;
  abstract: Generated<string>;
  event_url: Generated<string>;
  status: ColumnType<TalkStatus, TalkStatus | undefined, TalkStatus>;
  recording_url: Generated<string>;
  slides_url: Generated<string>;
  attendance: number | null;
  evidence_note: Generated<string>;
  evidence_at: OptionalStamp;
  decided_by: number | null;
  decided_at: OptionalStamp;
  rejection_reason: Generated<string>;
  /** How many times the talk has been verified; each verification has its own ledger key. */
  verification_count: Generated<number>;
  /** The ledger key of the award the talk currently carries; null when it carries none. */
  award_key: string | null;
  created_at: CreatedAt;
  updated_at: Stamp;
}

/** The story an advocate is working on (the working copy) and where it is in review. */
export interface CaseStudiesTable {
  id: Generated<number>;
  /** The language it is written in (chosen by its writer, or detected). */
  language: LanguageColumn;
  slug: string;
  author_id: number;
  status: ColumnType<StoryStatus, StoryStatus | undefined, StoryStatus>;
  title: string;
  company: Generated<string>;
  industry: Generated<string>;
  product_area: Generated<string>;
  challenge_md: Generated<string>;
  challenge_html: Generated<string>;
  solution_md: Generated<string>;
  solution_html: Generated<string>;
  results_md: Generated<string>;
  results_html: Generated<string>;
  pull_quote: Generated<string>;
  metrics: Json<StoryMetric[]>;
  /** An https address: a media file plays on the page, anything else is linked. */
  video_url: Generated<string>;
  video_transcript: Generated<string>;
  consent_at: OptionalStamp;
  /** Where the story came from when a manager started it (e.g. a discussion thread). */
  source_type: string | null;
  source_id: string | null;
  started_by: number | null;
  /** The published version the public sees; null while the story is not live. */
  live_version_id: number | null;
  /** How many times the story went live; each time has its own ledger key. */
  publication_count: Generated<number>;
  award_key: string | null;
  submitted_at: OptionalStamp;
  published_at: OptionalStamp;
  created_at: CreatedAt;
  updated_at: Stamp;
}

/** Every published version of a story, kept when a story is edited and published again. */
export interface CaseStudyVersionsTable {
  id: Generated<number>;
  /** The language it is written in (chosen by its writer, or detected). */
  language: LanguageColumn;
  case_study_id: number;
  version: number;
  title: string;
  company: string;
  industry: string;
  product_area: string;
  challenge_md: string;
  challenge_html: string;
  solution_md: string;
  solution_html: string;
  results_md: string;
  results_html: string;
  pull_quote: string;
  metrics: Json<StoryMetric[]>;
  video_url: Generated<string>;
  video_transcript: Generated<string>;
  published_by: number | null;
  published_at: Stamp;
}

/** The review conversation: each submission, request for changes, decision and comment. */
export interface CaseStudyEventsTable {
  id: Generated<number>;
  case_study_id: number;
  actor_id: number | null;
  action: string;
  comment: Generated<string>;
  created_at: Stamp;
}

/** Tables of speaking opportunities, applications, talks, case studies. */
export interface AdvocacyTables {
  speaking_opportunities: SpeakingOpportunitiesTable;
  speaking_applications: SpeakingApplicationsTable;
  talks: TalksTable;
  case_studies: CaseStudiesTable;
  case_study_versions: CaseStudyVersionsTable;
  case_study_events: CaseStudyEventsTable;
}
