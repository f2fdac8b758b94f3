import { sql } from "kysely";
import type { Queryable } from "../../../db/client.ts";
import { inTransaction } from "../../../db/transaction.ts";
import { recordAudit } from "../audit/audit.server.ts";
import { ConflictError, ForbiddenError, NotFoundError } from "../auth/errors.ts";
import { generateSessionToken, sessionIdFromToken } from "../auth/session.server.ts";
import type { Actor } from "../auth/users.server.ts";
import { InvitationUnusableError } from "./errors.ts";

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

/**
 * A single-use, expiring invitation for a promoter to join as a verified
 * customer. The token is returned once, for the link; only its SHA-256 is
 * stored, as with sessions. An earlier open invitation to the same email
 * is withdrawn, so only the newest link works.
 */
export async function createInvitation(
  db: Queryable,
  actor: Actor,
  input: { email: string; name?: string; company?: string; responseId?: number | null },
  now = new Date(),
) {
  if (actor.role !== "manager" && actor.role !== "admin")
    throw new ForbiddenError("Only community managers can invite promoters.");
  const email = input.email.trim().toLowerCase();
  return inTransaction(db, async (trx) => {
    const member = await trx
      .selectFrom("users")
      .select(["id", "display_name"])
      .where(sql<string>`lower(email)`, "=", email)
      .executeTakeFirst();
    if (member)
      throw new ConflictError(
        `${member.display_name} already has an account; no invitation is needed.`,
      );
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
        invited_by: actor.id,
        created_at: now,
        expires_at: new Date(now.getTime() + INVITATION_LIFETIME_DAYS * DAY),
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    await recordAudit(trx, {
      actorId: actor.id,
      action: "promoter.invited",
      subjectType: "promoter_invitation",
      subjectId: invitation.id,
      details: { email, responseId: input.responseId ?? null },
    });
    return { token, invitation };
  });
}

export function invitationPath(token: string) {
  return `/signup?invite=${encodeURIComponent(token)}`;
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
    .where("token_hash", "=", sessionIdFromToken(token))
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

/**
 * Inside the sign-up transaction: locks the invitation, checks that it is
 * still open and meant for this email, and marks it used by the new user.
 */
export async function redeemInvitation(
  trx: Queryable,
  token: string,
  email: string,
  claim: (invitation: {
    id: number;
    invited_by: number | null;
    company: string;
  }) => Promise<number>,
  now = new Date(),
) {
  const invitation = /^[a-z2-7]{32}$/.test(token)
    ? await trx
        .selectFrom("promoter_invitations")
        .selectAll()
        .where("token_hash", "=", sessionIdFromToken(token))
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
  const userId = await claim(invitation);
  await trx
    .updateTable("promoter_invitations")
    .set({ used_at: now, used_by: userId })
    .where("id", "=", invitation.id)
    .execute();
  return invitation;
}

/** A manager withdraws an invitation that has not been used. */
export async function revokeInvitation(db: Queryable, actor: Actor, id: number, now = new Date()) {
  return inTransaction(db, async (trx) => {
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
    await recordAudit(trx, {
      actorId: actor.id,
      action: "promoter.invitation_revoked",
      subjectType: "promoter_invitation",
      subjectId: id,
    });
    return invitation;
  });
}
