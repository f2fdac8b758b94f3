import type { ApplicationStatus, OpportunityStatus } from "../../../db/tables/advocacy.ts";
import type { NominationStatus } from "../../../db/tables/tiers.ts";

/**
 * Every action the audit log records, in one style: `<subject>.<what happened>`,
 * the subject singular, what happened in the past tense. A new state change
 * adds its action here, so the log's vocabulary is one list a reader can scan.
 */
export type AuditAction =
  // Accounts and people
  | "user.created_from_cli"
  | "user.password_changed"
  | "user.password_reset"
  | "user.role_changed"
  | "user.verified_customer"
  | "demo.seeded"
  // Reputation
  | "reputation.manual_award"
  | "reputation.manual_correction"
  | "reputation.settings_changed"
  // Discussions
  | "answer.accepted"
  | "post.deleted"
  | "post.edited"
  | "post.flagged"
  | "post.hidden"
  | "post.unhidden"
  | "post.marked_helpful"
  | "post.unmarked_helpful"
  | "thread.deleted"
  | "thread.hidden"
  | "thread.unhidden"
  | "thread.locked"
  | "thread.unlocked"
  | "thread.moved"
  | "flags.dismissed"
  // Tiers and early access
  | "tier.created"
  | "tier.updated"
  | "tier.granted"
  | "tier.renewed"
  | "tier.revoked"
  | "tier.lapsed"
  | `tier.nomination_${Exclude<NominationStatus, "open">}`
  | "early_access.drafted"
  | "early_access.published"
  | "early_access.unpublished"
  | "early_access.updated"
  // Advocacy
  | "speaking.opportunity_posted"
  | "speaking.opportunity_updated"
  | `speaking.opportunity_${OpportunityStatus}`
  | `speaking.application_${ApplicationStatus}`
  | "speaking.talk_verified"
  | "speaking.talk_rejected"
  | "stories.published"
  | "stories.unpublished"
  // Promoters, references and referrals
  | "nps.imported"
  | "nps.response_added"
  | "promoter.invited"
  | "promoter.invitation_revoked"
  | "reference.requested"
  | "reference.accepted"
  | "reference.declined"
  | "reference.cancelled"
  | "reference.completed"
  | "reference.marked_held"
  | "reference.reassigned"
  | "reference.queue_delivered"
  | "referral.submitted"
  | "referral.stage_changed"
  // The outbox
  | "outbox.resent"
  // Privacy and bulk actions
  | "promoter.invitation_reminded"
  | "user.account_deleted";
