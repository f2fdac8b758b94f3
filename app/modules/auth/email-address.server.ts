import type { Queryable } from "../../../db/client.ts";
import { ensure } from "../access/ensure.ts";
import { defineCommand } from "../commands/command.server.ts";
import type { Effects } from "../commands/effects.server.ts";
import { composeEmail } from "../mail/compose.server.ts";
import { mailLocaleOf } from "../profiles/language.server.ts";
import { absoluteUrl, type SiteSettings } from "../mail/settings.ts";
import {
  EmailChangeConfirmEmail,
  EmailChangeNoticeEmail,
  EmailVerifyEmail,
} from "../mail/templates/account.tsx";
import { sendLater } from "../outbox/queue.server.ts";
import {
  ConflictError,
  DomainError,
  FieldError,
  NotFoundError,
  isUniqueViolation,
} from "../../utils/errors.ts";
import { verifyPassword } from "./password.server.ts";
import { hashToken, isWellFormedToken, newToken } from "./tokens.ts";

export const EMAIL_TOKEN_LIFETIME_MS = 24 * 60 * 60 * 1000;
/** At most this many confirmation links per account and purpose per hour. */
export const EMAIL_LINKS_PER_HOUR = 3;

const LINK_GONE =
  "This link has expired or was already used. Sign in and ask for a new one from the banner or your settings.";

type Purpose = "verify" | "change";

class TooManyLinksError extends DomainError {
  constructor() {
    super(
      "We already sent you three links in the last hour. Look for them in your inbox (and the spam folder), or try again later.",
      { status: 429 },
    );
  }
}

async function issueToken(
  trx: Queryable,
  input: { userId: number; purpose: Purpose; email: string; now: Date },
): Promise<{ token: string; tokenHash: string }> {
  const recent = await trx
    .selectFrom("email_tokens")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .where("user_id", "=", input.userId)
    .where("purpose", "=", input.purpose)
    .where("created_at", ">", new Date(input.now.getTime() - 60 * 60 * 1000))
    .executeTakeFirstOrThrow();
  if (Number(recent.n) >= EMAIL_LINKS_PER_HOUR) throw new TooManyLinksError();
  const token = newToken();
  const tokenHash = hashToken(token);
  await trx
    .insertInto("email_tokens")
    .values({
      token_hash: tokenHash,
      user_id: input.userId,
      purpose: input.purpose,
      email: input.email.toLowerCase(),
      created_at: input.now,
      expires_at: new Date(input.now.getTime() + EMAIL_TOKEN_LIFETIME_MS),
    })
    .execute();
  return { token, tokenHash };
}

/**
 * A confirmation link for the account's own address, in the caller's
 * transaction: sign-up sends one, and so does "send the link again".
 */
export async function queueVerification(
  trx: Queryable,
  effects: Effects,
  user: { id: number; email: string; display_name: string },
  now: Date,
): Promise<void> {
  const { token, tokenHash } = await issueToken(trx, {
    userId: user.id,
    purpose: "verify",
    email: user.email,
    now,
  });
  sendLater(effects, async (mailTrx, site: SiteSettings) =>
    composeEmail(site, {
      to: user.email,
      userId: user.id,
      kind: "email_verify",
      idempotencyKey: `email_verify:${tokenHash}`,
      locale: await mailLocaleOf(mailTrx, user.id),
      subject: (t) => t("mail.emailVerify.subject"),
      template: EmailVerifyEmail({
        name: user.display_name,
        link: absoluteUrl(site, `/verify-email/${token}`),
      }),
    }),
  );
}

function lockAccount(trx: Queryable, userId: number) {
  return trx
    .selectFrom("users")
    .select(["id", "email", "display_name", "password_hash", "email_verified_at"])
    .where("id", "=", userId)
    .forUpdate()
    .executeTakeFirst();
}

/** "Send the link again", from the banner an unconfirmed person sees on every page. */
export const resendVerification = defineCommand({
  name: "email.verification_resent",
  authorize(viewer) {
    ensure("editOwnAccount", viewer);
  },
  async run(trx, _input: Record<string, never>, { viewer, effects, now }) {
    const user = await lockAccount(trx, viewer!.id);
    if (!user) throw new NotFoundError("That account no longer exists.");
    if (user.email_verified_at) throw new ConflictError("Your email address is already confirmed.");
    await queueVerification(trx, effects, user, now);
    return { email: user.email };
  },
});

/**
 * The signed-in person asks to move their account to a new address, proving
 * their password. Nothing changes yet: a link goes to the new address, and
 * the account moves only when it is used.
 */
export const requestEmailChange = defineCommand({
  name: "email.change_requested",
  authorize(viewer) {
    ensure("editOwnAccount", viewer);
  },
  async run(
    trx,
    input: { email: string; password: string },
    { viewer, effects, now },
  ): Promise<{ email: string }> {
    const user = await lockAccount(trx, viewer!.id);
    if (!user) throw new NotFoundError("That account no longer exists.");
    const email = input.email.toLowerCase();
    if (!user.password_hash || !(await verifyPassword(user.password_hash, input.password)))
      throw new FieldError("password", "Your password is not right.");
    if (email === user.email.toLowerCase())
      throw new FieldError("email", "This is already the address of your account.");
    if (await addressTaken(trx, email, user.id))
      throw new FieldError("email", "Another account already uses this address.", 409);
    const { token, tokenHash } = await issueToken(trx, {
      userId: user.id,
      purpose: "change",
      email,
      now,
    });
    effects.audit({
      actorId: user.id,
      action: "user.email_change_requested",
      subjectType: "user",
      subjectId: user.id,
    });
    sendLater(effects, async (mailTrx, site) =>
      composeEmail(site, {
        to: email,
        userId: user.id,
        kind: "email_change_confirm",
        idempotencyKey: `email_change_confirm:${tokenHash}`,
        locale: await mailLocaleOf(mailTrx, user.id),
        subject: (t) => t("mail.emailChangeConfirm.subject"),
        template: EmailChangeConfirmEmail({
          name: user.display_name,
          link: absoluteUrl(site, `/verify-email/${token}`),
        }),
      }),
    );
    return { email };
  },
});

async function addressTaken(trx: Queryable, email: string, exceptUserId: number) {
  const other = await trx
    .selectFrom("users")
    .select("id")
    .where((eb) => eb(eb.fn("lower", ["email"]), "=", email))
    .where("id", "!=", exceptUserId)
    .executeTakeFirst();
  return Boolean(other);
}

/** What a confirmation link would do, while it can still be used; null otherwise. */
export async function findUsableEmailToken(db: Queryable, token: string, now = new Date()) {
  if (!isWellFormedToken(token)) return null;
  const row = await db
    .selectFrom("email_tokens as t")
    .innerJoin("users as u", "u.id", "t.user_id")
    .select(["t.token_hash", "t.user_id", "t.purpose", "t.email", "u.email as current_email"])
    .where("t.token_hash", "=", hashToken(token))
    .where("t.used_at", "is", null)
    .where("t.expires_at", ">", now)
    .executeTakeFirst();
  // A link for an address the account no longer has proves nothing.
  if (row?.purpose === "verify" && row.email !== row.current_email.toLowerCase()) return null;
  return row ?? null;
}

/**
 * Uses a confirmation link (a POST from the page the link opens, never the
 * GET itself): the account's address is confirmed, or the account moves to
 * the new address and the old one is told. Works without signing in, since
 * the token is the proof.
 */
export const confirmEmailToken = defineCommand({
  name: "email.confirmed",
  async run(trx, { token }: { token: string }, { effects, now }) {
    const found = await findUsableEmailToken(trx, token, now);
    if (!found) throw new FieldError("token", LINK_GONE, 410);
    const claimed = await trx
      .updateTable("email_tokens")
      .set({ used_at: now })
      .where("token_hash", "=", found.token_hash)
      .where("used_at", "is", null)
      .returning("user_id")
      .executeTakeFirst();
    if (!claimed) throw new FieldError("token", LINK_GONE, 410);
    const user = (await lockAccount(trx, found.user_id))!;
    if (found.purpose === "verify") {
      await trx
        .updateTable("users")
        .set({ email_verified_at: now, updated_at: now })
        .where("id", "=", user.id)
        .execute();
    } else {
      if (await addressTaken(trx, found.email, user.id))
        throw new ConflictError(
          `Another account started using ${found.email} in the meantime, so your address stays ${user.email}.`,
        );
      await trx
        .updateTable("users")
        .set({ email: found.email, email_verified_at: now, updated_at: now })
        .where("id", "=", user.id)
        .execute()
        .catch((error: unknown) => {
          if (isUniqueViolation(error, "users_email_key"))
            throw new ConflictError(`Another account started using ${found.email} meanwhile.`);
          throw error;
        });
      // Every other link of the account was for the old address or an abandoned one.
      await trx
        .updateTable("email_tokens")
        .set({ used_at: now })
        .where("user_id", "=", user.id)
        .where("used_at", "is", null)
        .execute();
      sendLater(effects, async (mailTrx, site) =>
        composeEmail(site, {
          to: user.email,
          userId: user.id,
          kind: "email_change_notice",
          idempotencyKey: `email_change_notice:${found.token_hash}`,
          locale: await mailLocaleOf(mailTrx, user.id),
          subject: (t) => t("mail.emailChangeNotice.subject"),
          template: EmailChangeNoticeEmail({
            name: user.display_name,
            newEmail: found.email,
            link: absoluteUrl(site, "/settings"),
          }),
        }),
      );
    }
    effects.audit({
      actorId: user.id,
      action: found.purpose === "verify" ? "user.email_verified" : "user.email_changed",
      subjectType: "user",
      subjectId: user.id,
    });
    effects.refreshViewer(user.id);
    return { userId: user.id, purpose: found.purpose, email: found.email };
  },
});
