import type { DigestRhythm, MailRhythm, SuppressionScope } from "../../../db/tables/mail.ts";
import { isAdmin, isStaff, type Viewer } from "../access/policy.ts";

/**
 * Every kind of message Limelight sends, with its category and default
 * rhythm. Account and security mail is essential: it always goes out, alone,
 * and carries no unsubscribe. Everything else follows the person's choice
 * (immediately, in the digest, or never) and can be turned off in one click.
 */
export type MailCategory = "essential" | "advocacy" | "discussions" | "community";

export interface MailKind {
  kind: string;
  category: MailCategory;
  label: string;
  /** What the person gets when they have not chosen. */
  defaultRhythm: MailRhythm;
  /**
   * Mail that also reaches people without an account: an address that
   * unsubscribed from this group (or from all of it) is not sent it again.
   */
  suppressionGroup?: Exclude<SuppressionScope, "all">;
  /**
   * Who gets it, so /settings/email offers each person only what can reach
   * them: every member (the default), the community team, admins, or only
   * people who have no account yet (they unsubscribe from the mail itself).
   */
  audience?: "members" | "staff" | "admins" | "outside";
}

export const MAIL_KINDS: readonly MailKind[] = [
  {
    kind: "password_reset",
    category: "essential",
    label: "Password reset links",
    defaultRhythm: "immediate",
  },
  {
    kind: "password_changed",
    category: "essential",
    label: "Password changed",
    defaultRhythm: "immediate",
  },
  {
    kind: "email_verify",
    category: "essential",
    label: "Verify your address",
    defaultRhythm: "immediate",
  },
  {
    kind: "email_change_confirm",
    category: "essential",
    label: "Confirm a new address",
    defaultRhythm: "immediate",
  },
  {
    kind: "email_change_notice",
    category: "essential",
    label: "Your address changed",
    defaultRhythm: "immediate",
  },
  {
    kind: "reference_requested",
    category: "advocacy",
    label: "Reference requests waiting for you",
    defaultRhythm: "immediate",
  },
  {
    kind: "promoter_invitation",
    category: "advocacy",
    label: "Invitations to join as a promoter",
    defaultRhythm: "immediate",
    audience: "outside",
    suppressionGroup: "invitations",
  },
  {
    kind: "promoter_reminder",
    category: "advocacy",
    label: "Reminders about an invitation",
    defaultRhythm: "immediate",
    audience: "outside",
    suppressionGroup: "invitations",
  },
  {
    kind: "tier_granted",
    category: "advocacy",
    label: "A tier granted to you",
    defaultRhythm: "immediate",
  },
  {
    kind: "tier_renewal_due",
    category: "advocacy",
    label: "A tier renewal coming up",
    defaultRhythm: "immediate",
  },
  {
    kind: "tier_lapsed",
    category: "advocacy",
    label: "A tier that lapsed",
    defaultRhythm: "immediate",
  },
  {
    kind: "speaking_decided",
    category: "advocacy",
    label: "Speaking applications decided",
    defaultRhythm: "immediate",
  },
  {
    kind: "talk_decided",
    category: "advocacy",
    label: "Talks verified or declined",
    defaultRhythm: "immediate",
  },
  {
    kind: "story_reviewed",
    category: "advocacy",
    label: "Case studies reviewed",
    defaultRhythm: "immediate",
  },
  {
    kind: "nomination_decided",
    category: "advocacy",
    label: "Nominations decided",
    defaultRhythm: "immediate",
  },
  {
    kind: "reply",
    category: "discussions",
    label: "Replies to your threads",
    defaultRhythm: "immediate",
  },
  {
    kind: "mention",
    category: "discussions",
    label: "Mentions of you",
    defaultRhythm: "immediate",
  },
  {
    kind: "answer_accepted",
    category: "discussions",
    label: "Your answer accepted",
    defaultRhythm: "immediate",
  },
  {
    kind: "digest",
    category: "community",
    label: "The community digest",
    defaultRhythm: "immediate",
  },
  {
    kind: "webhook_endpoint_disabled",
    category: "community",
    label: "A webhook endpoint turned off",
    defaultRhythm: "immediate",
    audience: "admins",
  },
  {
    kind: "survey_invitation",
    category: "community",
    label: "Survey invitations",
    // A survey asks about the moment: folded into a digest it would arrive late and out of context.
    defaultRhythm: "immediate",
    suppressionGroup: "surveys",
  },
  {
    // Confirms what the person just chose to publish, with the link that withdraws it.
    kind: "testimonial_published",
    category: "essential",
    label: "Your testimonial is published",
    defaultRhythm: "immediate",
  },
  {
    // To the community manager who owns a next step with an advocate.
    kind: "relationship_next_step_due",
    category: "advocacy",
    label: "Next steps due with advocates you look after",
    defaultRhythm: "immediate",
    audience: "staff",
  },
  {
    kind: "event_reminder",
    category: "community",
    label: "Event reminders",
    defaultRhythm: "immediate",
  },
];

const byKind = new Map(MAIL_KINDS.map((k) => [k.kind, k]));

export function mailKind(kind: string): MailKind | undefined {
  return byKind.get(kind);
}

/**
 * Essential mail cannot be turned off. A kind nobody registered is treated as
 * non-essential, so a new message someone forgets to register still obeys
 * "never" rather than ignoring it.
 */
export function isEssential(kind: string): boolean {
  return byKind.get(kind)?.category === "essential";
}

/** The kinds a person chooses a rhythm for on /settings/email (the digest has its own choice). */
export const CHOOSABLE_KINDS = MAIL_KINDS.filter(
  (k) => k.category !== "essential" && k.kind !== "digest",
);

/** The kinds this person can receive, and so may choose a rhythm for. */
export function choosableKindsFor(viewer: Viewer): MailKind[] {
  return CHOOSABLE_KINDS.filter((k) => {
    switch (k.audience ?? "members") {
      case "members":
        return true;
      case "staff":
        return isStaff(viewer);
      case "admins":
        return isAdmin(viewer);
      case "outside":
        return false;
    }
  });
}

export const MAIL_RHYTHMS: readonly MailRhythm[] = ["immediate", "digest", "never"];
export const DIGEST_RHYTHMS: readonly DigestRhythm[] = ["daily", "weekly", "off"];
export const DEFAULT_DIGEST_RHYTHM: DigestRhythm = "weekly";

/** At most this many messages sent alone per person; past that they wait for the digest. */
export const MAIL_CAPS = { perHour: 4, perDay: 12 } as const;

/** Discussion mail waits this long, and is skipped if the person has read it by then. */
export const DISCUSSION_MAIL_DELAY_MS = 10 * 60_000;

/** The group a kind's unsubscribe link turns off for an address, if it has one. */
export function suppressionGroupOf(kind: string): Exclude<SuppressionScope, "all"> | undefined {
  return byKind.get(kind)?.suppressionGroup;
}

export const SUPPRESSION_LABELS: Record<SuppressionScope, string> = {
  invitations: "invitations to join the community",
  surveys: "surveys",
  all: "invitations and surveys",
};

export const CATEGORY_LABELS: Record<Exclude<MailCategory, "essential">, string> = {
  advocacy: "Your advocacy",
  discussions: "Discussions",
  community: "Community",
};
