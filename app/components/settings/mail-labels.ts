import type { TFunction } from "i18next";
import { CATEGORY_LABELS, mailKind, type MailCategory } from "~/modules/mail/kinds.ts";

/** A kind of mail as the email settings and unsubscribe pages name it, in the reader's language. */
export function mailKindLabel(kind: string, t: TFunction): string {
  const labels: Record<string, string> = {
    password_reset: t("settings.mailKinds.passwordReset"),
    password_changed: t("settings.mailKinds.passwordChanged"),
    email_verify: t("settings.mailKinds.emailVerify"),
    email_change_confirm: t("settings.mailKinds.emailChangeConfirm"),
    email_change_notice: t("settings.mailKinds.emailChangeNotice"),
    reference_requested: t("settings.mailKinds.referenceRequested"),
    promoter_invitation: t("settings.mailKinds.promoterInvitation"),
    promoter_reminder: t("settings.mailKinds.promoterReminder"),
    tier_granted: t("settings.mailKinds.tierGranted"),
    tier_renewal_due: t("settings.mailKinds.tierRenewalDue"),
    tier_lapsed: t("settings.mailKinds.tierLapsed"),
    speaking_decided: t("settings.mailKinds.speakingDecided"),
    talk_decided: t("settings.mailKinds.talkDecided"),
    story_reviewed: t("settings.mailKinds.storyReviewed"),
    nomination_decided: t("settings.mailKinds.nominationDecided"),
    reply: t("settings.mailKinds.reply"),
    mention: t("settings.mailKinds.mention"),
    answer_accepted: t("settings.mailKinds.answerAccepted"),
    digest: t("settings.mailKinds.digest"),
    webhook_endpoint_disabled: t("settings.mailKinds.webhookEndpointDisabled"),
    survey_invitation: t("settings.mailKinds.surveyInvitation"),
    testimonial_published: t("settings.mailKinds.testimonialPublished"),
    relationship_next_step_due: t("settings.mailKinds.relationshipNextStepDue"),
    event_reminder: t("settings.mailKinds.eventReminder"),
  };
  // A kind added later reads in English until it is translated.
  return labels[kind] ?? mailKind(kind)?.label ?? kind;
}

/** A group of mail kinds on the email settings page. */
export function mailCategoryLabel(category: Exclude<MailCategory, "essential">, t: TFunction) {
  const labels: Record<Exclude<MailCategory, "essential">, string> = {
    advocacy: t("settings.email.categories.advocacy"),
    discussions: t("settings.email.categories.discussions"),
    community: t("settings.email.categories.community"),
  };
  return labels[category] ?? CATEGORY_LABELS[category];
}
