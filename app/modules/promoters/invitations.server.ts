import { sql } from "kysely";
import type { Queryable } from "../../../db/client.ts";
import type { User } from "../../../db/schema.ts";
import type { Effects } from "../commands/effects.server.ts";
import type { Viewer } from "../access/policy.ts";
import { ensureNotSuppressed } from "../mail/suppressions.server.ts";
import { sendLater } from "../outbox/queue.server.ts";
import { invitationMessage, inviterName } from "./invitation-mail.server.ts";
import { ConflictError, NotFoundError } from "../../utils/errors.ts";
import { ensure } from "../access/ensure.ts";
import { hashPassword } from "../auth/password.server.ts";
import { generateSessionToken, sessionIdFromToken } from "../auth/session.server.ts";
import { insertAccount } from "../auth/users.server.ts";
import type { SignUpInput } from "../auth/validation.ts";
import { defineCommand } from "../commands/command.server.ts";
import { InvitationUnusableError } from "./errors.ts";

export { invitationPath } from "./invitation-mail.server.ts";

const DAY = 86_400_000;
/** How long an invitation link works. */
export const INVITATION_LIFETIME_DAYS = 14;

export type InvitationState = "open" | "used" | "expired" | "revoked";

export function invitationState(
  inv: { used_at: Date | null; revoked_at: Date | null; expires_at: Date },
  now = new Date(),
): InvitationState {
  if (inv.used_at) return "used";
  if (inv.revoked_at) return "revoked";
  if (new Date(inv.expires_at).getTime() <= now.getTime()) return "expired";
  return "open";
}

export interface InvitationInput {
  email: string;
  name?: string;
  company?: string;
  responseId?: number | null;
}

/**
 * A single-use, expiring invitation for a promoter to join as a verified
 * customer, sent by email in the same transaction. The token is returned
 * once; only its SHA-256 is stored, as with sessions. An earlier open
 * invitation to the same email is withdrawn, so only the newest link works.
 */
export async function issueInvitation(
  trx: Queryable,
  input: InvitationInput,
  ctx: { viewer: NonNullable<Viewer>; effects: Effects; now: Date },
) {
  const { viewer, effects, now } = ctx;
  const email = input.email.trim().toLowerCase();
  const member = await trx
    .selectFrom("users")
    .select(["id", "display_name"])
    .where(sql<string>`lower(email)`, "=", email)
    .executeTakeFirst();
  if (member)
    throw new ConflictError(
      `${member.display_name} already has an account; no invitation is needed.`,
    );
  await ensureNotSuppressed(trx, email, "invitations", "No invitation was sent.");
  let name = input.name ?? "";
  let company = input.company ?? "";
  // The survey answer the invitation follows: the one given, or the person's latest.
  const response = input.responseId
    ? await trx
        .selectFrom("nps_responses")
        .selectAll()
        .where("id", "=", input.responseId)
        .executeTakeFirst()
    : await trx
        .selectFrom("nps_responses")
        .selectAll()
        .where(sql<string>`lower(email)`, "=", email)
        .orderBy("responded_at", "desc")
        .executeTakeFirst();
  if (input.responseId && !response)
    throw new NotFoundError("That survey response does not exist.");
  if (response) {
    if (response.email.toLowerCase() !== email)
      throw new ConflictError("The invitation must go to the email that answered the survey.");
    name ||= response.name;
    company ||= response.company;
  }
  await trx
    .updateTable("promoter_invitations")
    .set({ revoked_at: now })
    .where(sql<string>`lower(email)`, "=", email)
    .where("used_at", "is", null)
    .where("revoked_at", "is", null)
    .where("expires_at", ">", now)
    .execute();
  const token = generateSessionToken();
  const invitation = await trx
    .insertInto("promoter_invitations")
    .values({
      token_hash: sessionIdFromToken(token),
      email,
      name,
      company,
      response_id: response?.id ?? null,
      invited_by: viewer.id,
      created_at: now,
      expires_at: new Date(now.getTime() + INVITATION_LIFETIME_DAYS * DAY),
      last_sent_at: now,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  effects.audit({
    actorId: viewer.id,
    action: "promoter.invited",
    subjectType: "promoter_invitation",
    subjectId: invitation.id,
    details: { email, responseId: input.responseId ?? null },
  });
  sendLater(effects, async (tx, site) =>
    invitationMessage(site, {
      invitationId: invitation.id,
      email,
      name,
      company,
      inviter: await inviterName(tx, viewer.id),
      token,
      expiresAt: invitation.expires_at,
      reminder: 0,
    }),
  );
  return { token, invitation };
}

/** A manager invites one promoter; the invitation goes out by email. */
export const createInvitation = defineCommand({
  name: "promoter.invite",
  authorize(viewer) {
    ensure("managePromoters", viewer);
  },
  async run(trx, input: InvitationInput, { viewer, effects, now }) {
    ensure("managePromoters", viewer);
    return issueInvitation(trx, input, { viewer, effects, now });
  },
});

/** The invitation a link belongs to: the first one sent, or one a reminder carried. */
function byLink(token: string) {
  const hash = sessionIdFromToken(token);
  return sql<boolean>`(token_hash = ${hash} or ${hash} = any(reminder_token_hashes))`;
}

const unusable: Record<Exclude<InvitationState, "open">, string> = {
  used: "This invitation has already been used. Sign in instead, or ask the community team for a new link.",
  expired: "This invitation has expired. Ask the community team for a new link.",
  revoked: "This invitation was replaced by a newer one. Use the most recent link you received.",
};

/** What the sign-up page shows for an invitation link (nothing about the invitee if it is unusable). */
export async function lookUpInvitation(db: Queryable, token: string, now = new Date()) {
  if (!/^[a-z2-7]{32}$/.test(token))
    return {
      ok: false as const,
      message: "This invitation link is not valid. Check that you copied all of it.",
    };
  const invitation = await db
    .selectFrom("promoter_invitations")
    .selectAll()
    .where(byLink(token))
    .executeTakeFirst();
  if (!invitation)
    return {
      ok: false as const,
      message: "This invitation link is not valid. Check that you copied all of it.",
    };
  const state = invitationState(invitation, now);
  if (state !== "open") return { ok: false as const, message: unusable[state] };
  return {
    ok: true as const,
    invitation: { email: invitation.email, name: invitation.name, company: invitation.company },
  };
}

/** Locks the invitation and checks that it is still open and meant for this email. */
async function lockOpenInvitation(trx: Queryable, token: string, email: string, now: Date) {
  const invitation = /^[a-z2-7]{32}$/.test(token)
    ? await trx
        .selectFrom("promoter_invitations")
        .selectAll()
        .where(byLink(token))
        .forUpdate()
        .executeTakeFirst()
    : undefined;
  if (!invitation)
    throw new InvitationUnusableError(
      "This invitation link is not valid. Check that you copied all of it.",
    );
  const state = invitationState(invitation, now);
  if (state !== "open") throw new InvitationUnusableError(unusable[state]);
  if (invitation.email.toLowerCase() !== email.trim().toLowerCase())
    throw new InvitationUnusableError(
      `This invitation is for ${invitation.email}. Sign up with that email, or ask for an invitation to the other one.`,
    );
  return invitation;
}

/**
 * Sign-up through a promoter's invitation link: the account, the used
 * invitation, the verified-customer mark and its audit row are written in
 * one transaction, so an expired or reused link leaves nothing behind.
 */
export const acceptInvitation = defineCommand({
  name: "promoter.invitation_accept",
  async run(
    trx,
    { token, ...input }: SignUpInput & { token: string; passwordHash?: string },
    { effects, now },
  ): Promise<User> {
    const passwordHash = input.passwordHash ?? (await hashPassword(input.password));
    const invitation = await lockOpenInvitation(trx, token, input.email, now);
    const user = await insertAccount(trx, { ...input, passwordHash, role: "advocate" });
    const created = await trx
      .updateTable("users")
      .set({ verified_customer_at: now, verified_by: invitation.invited_by, updated_at: now })
      .where("id", "=", user.id)
      .returningAll()
      .executeTakeFirstOrThrow();
    if (invitation.company)
      await trx
        .updateTable("profiles")
        .set({ company: invitation.company })
        .where("user_id", "=", user.id)
        .execute();
    effects.audit({
      actorId: invitation.invited_by,
      action: "user.verified_customer",
      subjectType: "user",
      subjectId: user.id,
      reason: "Joined through a promoter invitation",
      details: { from: "invitation", to: "advocate", invitationId: invitation.id },
    });
    await trx
      .updateTable("promoter_invitations")
      .set({ used_at: now, used_by: user.id })
      .where("id", "=", invitation.id)
      .execute();
    return created;
  },
});

/** A manager withdraws an invitation that has not been used. */
export const revokeInvitation = defineCommand({
  name: "promoter.invitation_revoke",
  authorize(viewer) {
    ensure("managePromoters", viewer);
  },
  async run(trx, { invitationId: id }: { invitationId: number }, { viewer, effects, now }) {
    ensure("managePromoters", viewer);
    const invitation = await trx
      .selectFrom("promoter_invitations")
      .selectAll()
      .where("id", "=", id)
      .forUpdate()
      .executeTakeFirst();
    if (!invitation) throw new NotFoundError("That invitation does not exist.");
    if (invitation.used_at) throw new ConflictError("That invitation was already used.");
    if (invitation.revoked_at) return invitation;
    await trx
      .updateTable("promoter_invitations")
      .set({ revoked_at: now })
      .where("id", "=", id)
      .execute();
    effects.audit({
      actorId: viewer.id,
      action: "promoter.invitation_revoked",
      subjectType: "promoter_invitation",
      subjectId: id,
    });
    return invitation;
  },
});
