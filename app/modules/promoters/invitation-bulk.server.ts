import { sql } from "kysely";
import { ensure } from "../access/ensure.ts";
import { generateSessionToken, sessionIdFromToken } from "../auth/session.server.ts";
import { defineCommand } from "../commands/command.server.ts";
import { suppressedAmong, suppressionReason } from "../mail/suppressions.server.ts";
import { sendLater } from "../outbox/queue.server.ts";
import { InvalidFieldsError } from "../../utils/errors.ts";
import { invitationMessage, inviterName } from "./invitation-mail.server.ts";
import { issueInvitation } from "./invitations.server.ts";
import { listPromoters } from "./pipeline.server.ts";

const DAY = 86_400_000;
/** At most this many invitations in one go. */
export const MAX_BULK_INVITATIONS = 500;

/** Promoters a bulk "invite all not yet invited" reaches: no account, never invited. */
export async function promotersNotYetInvited(
  db: Parameters<typeof listPromoters>[0],
  now = new Date(),
) {
  const promoters = await listPromoters(db, now);
  return promoters.filter((p) => p.stage === "not_member" && !p.invitation);
}

/**
 * A manager invites many promoters at once: the selected ones, or every
 * promoter not invited yet. One transaction: every invitation and its email
 * is written, or none. Selected people who have joined meanwhile are skipped
 * and named in the answer.
 */
export const invitePromoters = defineCommand({
  name: "promoter.invite_many",
  authorize(viewer) {
    ensure("managePromoters", viewer);
  },
  async run(trx, input: { emails: string[] } | { allNotInvited: true }, { viewer, effects, now }) {
    ensure("managePromoters", viewer);
    const promoters = await listPromoters(trx, now);
    const candidates =
      "allNotInvited" in input
        ? promoters.filter((p) => p.stage === "not_member" && !p.invitation)
        : (() => {
            const wanted = new Set(input.emails.map((e) => e.trim().toLowerCase()));
            return promoters.filter((p) => wanted.has(p.email) && p.stage === "not_member");
          })();
    const suppressed = await suppressedAmong(
      trx,
      candidates.map((p) => p.email),
      "invitations",
    );
    const targets = candidates.filter((p) => !suppressed.has(p.email));
    const considered = new Set(candidates.map((p) => p.email));
    const skipped =
      "emails" in input
        ? [...new Set(input.emails.map((e) => e.trim().toLowerCase()))].filter(
            (e) => !considered.has(e),
          )
        : [];
    /** Promoters left out because they unsubscribed from invitations, each with why. */
    const unsubscribed = [...suppressed.values()].map(suppressionReason);
    if (targets.length > MAX_BULK_INVITATIONS)
      throw new InvalidFieldsError(
        { emails: `Invite at most ${MAX_BULK_INVITATIONS} promoters at once.` },
        "Too many promoters selected.",
      );
    const invited = [];
    for (const p of targets) {
      const { invitation } = await issueInvitation(
        trx,
        { email: p.email, responseId: p.responseId },
        { viewer, effects, now },
      );
      invited.push(invitation.email);
    }
    return { invited, skipped, unsubscribed };
  },
});

/**
 * Follow-up reminders: an open invitation gets reminder i once `days[i]`
 * days have passed since it was sent, until the person joins (by the link
 * or otherwise) or the invitation is revoked, used or expires. A sweep that
 * was away for a while sends one reminder, never a burst. Each reminder
 * carries a new link; the earlier ones keep working.
 */
export const sendInvitationReminders = defineCommand({
  name: "promoter.invitation_reminders",
  async run(trx, { days }: { days: number[] }, { effects, now }) {
    const schedule = [...days].filter((d) => d > 0).sort((a, b) => a - b);
    if (schedule.length === 0) return { reminded: [] as number[] };
    const due = await trx
      .selectFrom("promoter_invitations as i")
      .selectAll("i")
      .where("i.used_at", "is", null)
      .where("i.revoked_at", "is", null)
      .where("i.expires_at", ">", now)
      .where("i.reminders_sent", "<", schedule.length)
      .where("i.created_at", "<=", new Date(now.getTime() - schedule[0] * DAY))
      .where(({ not, exists, selectFrom }) =>
        not(
          exists(
            selectFrom("users as u")
              .select("u.id")
              .where(sql<string>`lower(u.email)`, "=", sql<string>`lower(i.email)`),
          ),
        ),
      )
      .orderBy("i.id")
      .forUpdate()
      .skipLocked()
      .execute();
    const unsubscribed = await suppressedAmong(
      trx,
      due.map((i) => i.email),
      "invitations",
    );
    const reminded: number[] = [];
    for (const invitation of due) {
      if (unsubscribed.has(invitation.email.toLowerCase())) continue;
      const age = now.getTime() - new Date(invitation.created_at).getTime();
      const reached = schedule.filter((d) => d * DAY <= age).length;
      if (reached <= invitation.reminders_sent) continue;
      const token = generateSessionToken();
      await trx
        .updateTable("promoter_invitations")
        .set({
          reminders_sent: reached,
          last_sent_at: now,
          reminder_token_hashes: [...invitation.reminder_token_hashes, sessionIdFromToken(token)],
        })
        .where("id", "=", invitation.id)
        .execute();
      effects.audit({
        actorId: null,
        action: "promoter.invitation_reminded",
        subjectType: "promoter_invitation",
        subjectId: invitation.id,
        details: { email: invitation.email, reminder: reached },
      });
      sendLater(effects, async (tx, site) =>
        invitationMessage(site, {
          invitationId: invitation.id,
          email: invitation.email,
          name: invitation.name,
          company: invitation.company,
          inviter: await inviterName(tx, invitation.invited_by),
          token,
          expiresAt: invitation.expires_at,
          reminder: reached,
        }),
      );
      reminded.push(invitation.id);
    }
    return { reminded };
  },
});
