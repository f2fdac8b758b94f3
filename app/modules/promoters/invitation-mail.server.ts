import type { Queryable } from "../../../db/client.ts";
import { communityLocale } from "../../i18n/community.ts";
import { composeEmail } from "../mail/compose.server.ts";
import { absoluteUrl, type SiteSettings } from "../mail/settings.ts";
import { PromoterInvitationEmail } from "../mail/templates/promoters.tsx";

export function invitationPath(token: string) {
  return `/signup?invite=${encodeURIComponent(token)}`;
}

/** The name a promoter reads as the person inviting them. */
export async function inviterName(db: Queryable, userId: number | null): Promise<string> {
  if (!userId) return "The community team";
  const row = await db
    .selectFrom("users")
    .select("display_name")
    .where("id", "=", userId)
    .where("deleted_at", "is", null)
    .executeTakeFirst();
  return row?.display_name ?? "The community team";
}

/** The invitation (or its reminder) to one promoter, composed for the outbox. */
export function invitationMessage(
  site: SiteSettings,
  input: {
    invitationId: number;
    email: string;
    name: string;
    company: string;
    inviter: string;
    token: string;
    expiresAt: Date;
    /** 0 for the invitation itself, 1, 2 … for the reminders. */
    reminder: number;
  },
) {
  return composeEmail(site, {
    to: input.email,
    userId: null,
    kind: input.reminder ? "promoter_reminder" : "promoter_invitation",
    idempotencyKey: input.reminder
      ? `promoter_reminder:${input.invitationId}:${input.reminder}`
      : `promoter_invitation:${input.invitationId}`,
    // Someone without an account has told us no language: the community's.
    locale: communityLocale(),
    subject: (t) =>
      input.reminder
        ? t("mail.promoterInvitation.reminderSubject")
        : t("mail.promoterInvitation.subject"),
    template: PromoterInvitationEmail({
      name: input.name,
      company: input.company,
      inviterName: input.inviter,
      link: absoluteUrl(site, invitationPath(input.token)),
      expiresAt: input.expiresAt,
      reminder: input.reminder > 0,
    }),
  });
}

/**
 * What the promoters will read, shown to the manager before anything is
 * sent: the message for the first of them, with a placeholder link.
 */
export async function previewInvitation(
  site: SiteSettings,
  input: { name: string; company: string; inviter: string; expiresAt: Date },
) {
  const message = await invitationMessage(site, {
    ...input,
    invitationId: 0,
    email: "preview@example.invalid",
    token: "preview-link",
    reminder: 0,
  });
  return { subject: message.subject, html: message.payload.html, text: message.payload.text };
}
