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
  | "user.email_verified"
  | "user.email_change_requested"
  | "user.email_changed"
  | "demo.seeded"
  // Verifiable credentials
  | "credentials.key_rotated"
  | "credentials.reissued"
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
  // Chapters and events
  | "chapter.created"
  | "chapter.leader_appointed"
  | "chapter.leader_removed"
  | "event.created"
  | "event.cancelled"
  | "event.attendance_recorded"
  | "event.recording_published"
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
  // NPS surveys, follow-ups and testimonials
  | "survey.created"
  | "survey.sent"
  | "survey.resent"
  | "survey.answered"
  | "follow_up.updated"
  | "follow_up.closed"
  | "testimonial.published"
  | "testimonial.withdrawn"
  | "testimonial.story_started"
  // The relationship behind each advocate
  | "goals.saved"
  | "relationship.goal_recorded"
  | "relationship.conversation_recorded"
  | "relationship.next_step_added"
  | "relationship.next_step_done"
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
  | "referral.credit_adjusted"
  | "referral_links.created"
  | "credit.helped_count_shown"
  | "credit.helped_count_hidden"
  // The outbox
  | "outbox.resent"
  | "mail.address_unsubscribed"
  // Integrations: webhooks and API tokens
  | "webhook.endpoint_created"
  | "webhook.endpoint_updated"
  | "webhook.secret_rotated"
  | "webhook.endpoint_deleted"
  | "webhook.endpoint_disabled"
  | "webhook.redelivered"
  | "api_token.created"
  | "api_token.revoked"
  // Single sign-on
  | "sign_in.settings_changed"
  | "embeds.origins_changed"
  | "user.signed_up_with_provider"
  | "user.linked_provider"
  | "user.verified_by_provider"
  // Privacy and bulk actions
  | "promoter.invitation_reminded"
  | "user.account_deleted";
