import type { ColumnType, Generated } from "kysely";
import type { LanguageColumn } from "../columns.ts";

type CreatedAt = ColumnType<Date, Date | string | undefined, never>;
type MaybeTime = ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
type Time = ColumnType<Date, Date | string | undefined, Date | string>;
/** Filled from the discussion change sequence; raised on every change so clients can catch up. */
type ChangeSeq = ColumnType<number, number | undefined, number>;

export type SpaceVisibility = "public" | "members" | "tier";
export type ThreadKind = "question" | "discussion";
export type FlagReason = "spam" | "rude" | "off_topic" | "needs_review" | "other";

export interface SpacesTable {
  id: Generated<number>;
  slug: string;
  name: string;
  description: Generated<string>;
  /** #rrggbb, shown as the space's marker. */
  colour: string;
  position: Generated<number>;
  visibility: SpaceVisibility;
  /** For visibility "tier": the lowest tier rank that may read (MVP is 4). */
  min_tier_rank: number | null;
  /** Signed-in prospects may ask questions here. */
  prospects_may_ask: Generated<boolean>;
  created_at: CreatedAt;
}

export interface ThreadsTable {
  id: Generated<number>;
  space_id: number;
  kind: ThreadKind;
  title: string;
  slug: string;
  author_id: number;
  tags: ColumnType<string[], string[] | undefined, string[]>;
  /** Visible replies (not deleted, not hidden). */
  reply_count: Generated<number>;
  /** Upvotes on the opening post. */
  vote_count: Generated<number>;
  accepted_post_id: number | null;
  locked_at: MaybeTime;
  locked_by: number | null;
  /** Set when the opening post is hidden by a moderator: the whole thread is hidden. */
  hidden_at: MaybeTime;
  /** Set when the opening post is deleted. */
  deleted_at: MaybeTime;
  created_at: CreatedAt;
  edited_at: MaybeTime;
  last_activity_at: Time;
  last_replier_id: number | null;
  /** The language it is written in (chosen by its writer, or detected). */
  language: LanguageColumn;
  change_seq: ChangeSeq;
}

export interface PostsTable {
  id: Generated<number>;
  thread_id: number;
  author_id: number;
  is_opening: Generated<boolean>;
  body_md: string;
  /** Sanitised HTML rendered once when the post is written or edited. */
  body_html: string;
  /** Plain text of the post, for search snippets. */
  body_text: string;
  vote_count: Generated<number>;
  created_at: CreatedAt;
  edited_at: MaybeTime;
  edit_count: Generated<number>;
  deleted_at: MaybeTime;
  deleted_by: number | null;
  hidden_at: MaybeTime;
  hidden_by: number | null;
  hidden_reason: string | null;
  helpful_at: MaybeTime;
  helpful_by: number | null;
  /** The ledger key holding the points of the "helpful" mark, while they stand. */
  helpful_award_key: string | null;
  change_seq: ChangeSeq;
  search_vector: ColumnType<string, string | undefined, string>;
}

export interface PostRevisionsTable {
  id: Generated<number>;
  post_id: number;
  /** Who made the edit that replaced this version. */
  editor_id: number;
  title: string | null;
  body_md: string;
  /** When this version was replaced. */
  created_at: CreatedAt;
}

export interface PostVotesTable {
  id: Generated<number>;
  post_id: number;
  voter_id: number;
  created_at: CreatedAt;
  /** The ledger key holding this vote's points, while they stand (null once reversed). */
  award_key: string | null;
}

export interface AnswerAcceptancesTable {
  id: Generated<number>;
  thread_id: number;
  post_id: number;
  accepted_by: number;
  created_at: CreatedAt;
  revoked_at: MaybeTime;
  revoked_by: number | null;
}

export interface FlagsTable {
  id: Generated<number>;
  post_id: number;
  flagger_id: number;
  reason: FlagReason;
  note: Generated<string>;
  created_at: CreatedAt;
  resolved_at: MaybeTime;
  resolved_by: number | null;
  resolution: "hidden" | "dismissed" | null;
}

/** When a signed-in person last opened a thread page (an observation, see ADR 008's addendum). */
export interface ThreadViewsTable {
  user_id: number;
  thread_id: number;
  seen_at: Time;
}

/** Tables of discussions (spaces, threads, posts, votes, flags, notifications). */
export interface DiscussionTables {
  spaces: SpacesTable;
  threads: ThreadsTable;
  posts: PostsTable;
  post_revisions: PostRevisionsTable;
  post_votes: PostVotesTable;
  answer_acceptances: AnswerAcceptancesTable;
  flags: FlagsTable;
  thread_views: ThreadViewsTable;
}
