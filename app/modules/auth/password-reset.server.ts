import type { Queryable } from "../../../db/client.ts";
import { FieldError } from "../../utils/errors.ts";
import { defineCommand } from "../commands/command.server.ts";
import { composeEmail } from "../mail/compose.server.ts";
import { mailLocaleOf } from "../profiles/language.server.ts";
import { absoluteUrl } from "../mail/settings.ts";
import { PasswordChangedEmail, PasswordResetEmail } from "../mail/templates/account.tsx";
import { sendLater } from "../outbox/queue.server.ts";
import { hashToken, isWellFormedToken, newToken } from "./tokens.ts";

export const RESET_LIFETIME_MS = 60 * 60 * 1000;
/** At most this many reset messages per address per hour, so the form cannot flood a mailbox. */
export const RESETS_PER_HOUR = 3;

/**
 * "Forgot password": when the address has an account, a single-use link valid
 * for an hour goes to it. The answer to the person asking is the same either
 * way, so the form does not tell who has an account.
 */
export const requestPasswordReset = defineCommand({
  name: "password.reset_requested",
  async run(trx, { email }: { email: string }, { effects, now, site }) {
    const user = await trx
      .selectFrom("users")
      .select(["id", "email", "display_name"])
      .where((eb) => eb(eb.fn("lower", ["email"]), "=", email.toLowerCase()))
      .executeTakeFirst();
    if (!user) return;
    const recent = await trx
      .selectFrom("password_resets")
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .where("user_id", "=", user.id)
      .where("created_at", ">", new Date(now.getTime() - RESET_LIFETIME_MS))
      .executeTakeFirstOrThrow();
    if (Number(recent.n) >= RESETS_PER_HOUR) return;
    const token = newToken();
    const tokenHash = hashToken(token);
    await trx
      .insertInto("password_resets")
      .values({
        token_hash: tokenHash,
        user_id: user.id,
        created_at: now,
        expires_at: new Date(now.getTime() + RESET_LIFETIME_MS),
      })
      .execute();
    sendLater(effects, async (mailTrx) =>
      composeEmail(site, {
        to: user.email,
        userId: user.id,
        kind: "password_reset",
        idempotencyKey: `password_reset:${tokenHash}`,
        locale: await mailLocaleOf(mailTrx, user.id),
        subject: (t) => t("mail.passwordReset.subject"),
        template: PasswordResetEmail({
          name: user.display_name,
          link: absoluteUrl(site, `/reset-password/${token}`),
        }),
      }),
    );
  },
});

/** The account a reset link belongs to, while the link can still be used; null otherwise. */
export async function findUsableReset(db: Queryable, token: string, now = new Date()) {
  if (!isWellFormedToken(token)) return null;
  const row = await db
    .selectFrom("password_resets as r")
    .innerJoin("users as u", "u.id", "r.user_id")
    .select(["r.token_hash", "r.user_id", "u.email", "u.display_name"])
    .where("r.token_hash", "=", hashToken(token))
    .where("r.used_at", "is", null)
    .where("r.expires_at", ">", now)
    .executeTakeFirst();
  return row ?? null;
}

/**
 * Sets a new password through a reset link: the link is used up, every
 * session of the account ends (a thief signed in elsewhere is signed out),
 * and the owner is told by email. The password is hashed before the
 * transaction, since hashing is deliberately slow.
 */
export const resetPassword = defineCommand({
  name: "password.reset",
  async run(
    trx,
    { token, passwordHash }: { token: string; passwordHash: string },
    { effects, now, site },
  ) {
    const reset = await findUsableReset(trx, token, now);
    if (!reset)
      throw new FieldError(
        "token",
        "This link has expired or was already used. Ask for a new one below.",
        410,
      );
    const claimed = await trx
      .updateTable("password_resets")
      .set({ used_at: now })
      .where("token_hash", "=", reset.token_hash)
      .where("used_at", "is", null)
      .returning("user_id")
      .executeTakeFirst();
    if (!claimed)
      throw new FieldError(
        "token",
        "This link has expired or was already used. Ask for a new one below.",
        410,
      );
    await trx
      .updateTable("users")
      .set({ password_hash: passwordHash, updated_at: now })
      .where("id", "=", reset.user_id)
      .execute();
    // Every other link of the account stops working too.
    await trx
      .updateTable("password_resets")
      .set({ used_at: now })
      .where("user_id", "=", reset.user_id)
      .where("used_at", "is", null)
      .execute();
    await trx.deleteFrom("sessions").where("user_id", "=", reset.user_id).execute();
    effects.endSessions(reset.user_id);
    effects.audit({
      actorId: reset.user_id,
      action: "user.password_reset",
      subjectType: "user",
      subjectId: reset.user_id,
    });
    sendLater(effects, async (mailTrx) =>
      composeEmail(site, {
        to: reset.email,
        userId: reset.user_id,
        kind: "password_changed",
        idempotencyKey: `password_changed:${reset.token_hash}`,
        locale: await mailLocaleOf(mailTrx, reset.user_id),
        subject: (t) => t("mail.passwordChanged.subject"),
        template: PasswordChangedEmail({
          name: reset.display_name,
          link: absoluteUrl(site, "/forgot-password"),
        }),
      }),
    );
    return { userId: reset.user_id };
  },
});
