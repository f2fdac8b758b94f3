import type { Queryable } from "../../../db/client.ts";
import type { User } from "../../../db/schema.ts";
import { isProspect } from "../access/policy.ts";
import { defineCommand } from "../commands/command.server.ts";
import { HandleTakenError } from "./errors.ts";
import { SignInError, type ProviderIdentity } from "./oidc.server.ts";
import { openSession } from "./sessions.server.ts";
import { findUserByEmail, findUserByHandle, insertAccount } from "./users.server.ts";
import { RESERVED_HANDLES } from "./validation.ts";

/** A handle from the email's local part ("ana.lima@x" → "ana-lima"), numbered until it is free. */
async function freeHandle(trx: Queryable, email: string): Promise<string> {
  const base =
    email
      .split("@")[0]
      .toLowerCase()
      .replace(/[^a-z0-9_-]+/g, "-")
      .replace(/^[-_]+|[-_]+$/g, "")
      .slice(0, 24) || "member";
  const stem = base.length >= 3 ? base : `${base}-member`;
  for (let n = 1; n < 1000; n++) {
    const candidate = n === 1 ? stem : `${stem}-${n}`;
    if (RESERVED_HANDLES.has(candidate)) continue;
    if (!(await findUserByHandle(trx, candidate))) return candidate;
  }
  return `${stem.slice(0, 16)}-${crypto.randomUUID().slice(0, 8)}`;
}

/**
 * Someone comes back from the identity provider. In one transaction: the
 * account they signed in with before (by issuer and subject), or the account
 * with their verified email (linked now), or a new prospect made just in
 * time; the claim mapping may make them an advocate; and a fresh session
 * replaces the browser's old one. Any refusal leaves nothing behind.
 */
export const signInWithProvider = defineCommand({
  name: "user.sign_in_with_provider",
  retryOn: (error) => error instanceof HandleTakenError,
  async run(
    trx,
    input: {
      identity: ProviderIdentity;
      /** The claim mapping matched: this person is a verified customer. */
      advocate: { claim: string; value: string } | null;
      previousSessionId?: string;
      ip?: string | null;
      userAgent?: string | null;
    },
    { effects, now, nested },
  ) {
    const { identity } = input;
    const linked = await trx
      .selectFrom("user_identities")
      .innerJoin("users", "users.id", "user_identities.user_id")
      .selectAll("users")
      .where("user_identities.issuer", "=", identity.issuer)
      .where("user_identities.subject", "=", identity.subject)
      .executeTakeFirst();
    let user: User;
    let created = false;
    if (linked) {
      user = linked;
      await trx
        .updateTable("user_identities")
        .set({ last_used_at: now })
        .where("issuer", "=", identity.issuer)
        .where("subject", "=", identity.subject)
        .execute();
    } else {
      // Only an address the provider vouches for may claim or create an account.
      if (!identity.emailVerified) throw new SignInError("unverified_email");
      const existing = await findUserByEmail(trx, identity.email);
      if (existing) {
        user = existing;
      } else {
        user = await insertAccount(trx, {
          email: identity.email,
          handle: await freeHandle(trx, identity.email),
          displayName: (identity.name || identity.email.split("@")[0]).slice(0, 80),
          password: "",
          passwordHash: null,
          role: "prospect",
        });
        created = true;
      }
      await trx
        .insertInto("user_identities")
        .values({ user_id: user.id, issuer: identity.issuer, subject: identity.subject })
        .execute();
      effects.audit({
        actorId: user.id,
        action: created ? "user.signed_up_with_provider" : "user.linked_provider",
        subjectType: "user",
        subjectId: user.id,
        details: { issuer: identity.issuer, email: identity.email },
      });
    }
    if (input.advocate && isProspect(user)) {
      user = await trx
        .updateTable("users")
        .set({ role: "advocate", verified_customer_at: now, updated_at: now })
        .where("id", "=", user.id)
        .returningAll()
        .executeTakeFirstOrThrow();
      effects.audit({
        actorId: null,
        action: "user.verified_by_provider",
        subjectType: "user",
        subjectId: user.id,
        details: {
          from: "prospect",
          to: "advocate",
          issuer: identity.issuer,
          claim: input.advocate.claim,
          value: input.advocate.value,
        },
      });
      effects.refreshViewer(user.id);
    }
    const session = await nested(openSession, {
      userId: user.id,
      previousSessionId: input.previousSessionId,
      ip: input.ip,
      userAgent: input.userAgent,
    });
    return { user, session, created };
  },
});
