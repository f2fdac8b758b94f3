import type { User } from "../../../db/schema.ts";
import { insertAccount } from "../auth/users.server.ts";
import type { SignUpInput } from "../auth/validation.ts";
import { defineCommand } from "../commands/command.server.ts";
import { redeemInvitation } from "./invitations.server.ts";

/**
 * Sign-up through a promoter's invitation link: the account, the used
 * invitation, the verified-customer mark and its audit row are written in
 * one transaction, so an expired or reused link leaves nothing behind.
 * It lives with the invitations, so accounts need not know about promoters.
 */
export const signUpWithInvitation = defineCommand({
  name: "user.sign_up_with_invitation",
  async run(
    trx,
    input: SignUpInput & { token: string; passwordHash?: string },
    { effects, now },
  ): Promise<User> {
    const { token, ...account } = input;
    let created: User | undefined;
    await redeemInvitation(
      trx,
      token,
      input.email,
      async (invitation) => {
        const user = await insertAccount(trx, { ...account, role: "advocate" });
        created = await trx
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
        return user.id;
      },
      now,
    );
    return created!;
  },
});
