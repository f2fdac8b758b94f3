import { advocateForWebhook } from "../integrations/payloads.server.ts";
import { sendWebhookLater } from "../integrations/webhooks.server.ts";
import type { Queryable } from "../../../db/client.ts";
import type { Role, User } from "../../../db/schema.ts";
import { ensure } from "../access/ensure.ts";
import { hasRole, isProspect, isVerifiedCustomer } from "../access/policy.ts";
import { toCsv } from "../promoters/csv.ts";
import { defineCommand } from "../commands/command.server.ts";
import { ConflictError, FieldError, NotFoundError, isUniqueViolation } from "../../utils/errors.ts";
import { queueVerification } from "./email-address.server.ts";
import { EmailTakenError, HandleTakenError } from "./errors.ts";
import { hashPassword, verifyAgainstDummy, verifyPassword } from "./password.server.ts";
import { usesPersonalDetails } from "./common-passwords.ts";
import { PERSONAL_PASSWORD_MESSAGE, type SignUpInput } from "./validation.ts";
import { containing } from "../../utils/like.ts";

export type AccountInput = SignUpInput & {
  role?: Role;
  /** `null` makes an account that signs in only through the identity provider. */
  passwordHash?: string | null;
  /** False for a self-service sign-up, which proves its address by mail; true otherwise. */
  emailVerified?: boolean;
};

/**
 * The account row and its empty profile, inside the caller's transaction; a
 * taken email or handle is a field error. The sign-up commands, seeds and
 * test factories create accounts through this.
 */
export async function insertAccount(trx: Queryable, input: AccountInput): Promise<User> {
  const passwordHash =
    input.passwordHash !== undefined ? input.passwordHash : await hashPassword(input.password);
  try {
    const user = await trx
      .insertInto("users")
      .values({
        email: input.email.toLowerCase(),
        handle: input.handle.toLowerCase(),
        display_name: input.displayName,
        password_hash: passwordHash,
        role: input.role ?? "prospect",
        email_verified_at: input.emailVerified === false ? null : new Date(),
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    await trx.insertInto("profiles").values({ user_id: user.id }).execute();
    return user;
  } catch (error) {
    if (isUniqueViolation(error, "users_email_key")) throw new EmailTakenError();
    if (isUniqueViolation(error, "users_handle_key")) throw new HandleTakenError();
    throw error;
  }
}

/**
 * Someone signs up: a prospect with an empty profile, nothing left half made,
 * and a link to confirm the address (until then they read, but do not take part).
 */
export const signUp = defineCommand({
  name: "user.sign_up",
  async run(trx, input: SignUpInput & { passwordHash?: string }, { effects, now }) {
    const user = await insertAccount(trx, { ...input, role: "prospect", emailVerified: false });
    await queueVerification(trx, effects, user, now);
    return user;
  },
});

/**
 * An account with any role, made from the command line (nobody signed in) or
 * by an admin; audited, and verified as a customer unless it is a prospect.
 */
export const createUser = defineCommand({
  name: "user.create",
  authorize(viewer) {
    if (viewer) ensure("changeRoles", viewer);
  },
  async run(trx, input: AccountInput & { role: Role }, { viewer, effects, now }) {
    const created = await insertAccount(trx, input);
    const user = await trx
      .updateTable("users")
      .set({ verified_customer_at: isProspect(created) ? null : now })
      .where("id", "=", created.id)
      .returningAll()
      .executeTakeFirstOrThrow();
    effects.audit({
      actorId: viewer?.id ?? null,
      action: "user.created_from_cli",
      subjectType: "user",
      subjectId: user.id,
      details: { role: input.role },
    });
    return user;
  },
});

/** The user whose email and password match, or null; both failures look the same from outside. */
export async function authenticate(
  db: Queryable,
  email: string,
  password: string,
): Promise<User | null> {
  const user = await findUserByEmail(db, email);
  if (!user?.password_hash) {
    await verifyAgainstDummy(password);
    return null;
  }
  return (await verifyPassword(user.password_hash, password)) ? user : null;
}

export function findUserByEmail(db: Queryable, email: string) {
  return db
    .selectFrom("users")
    .selectAll()
    .where((eb) => eb(eb.fn("lower", ["email"]), "=", email.toLowerCase()))
    .executeTakeFirst();
}

export function findUserByHandle(db: Queryable, handle: string) {
  return db
    .selectFrom("users")
    .selectAll()
    .where((eb) => eb(eb.fn("lower", ["handle"]), "=", handle.toLowerCase()))
    .executeTakeFirst();
}

function lockUser(trx: Queryable, userId: number) {
  return trx
    .selectFrom("users")
    .selectAll()
    .where("id", "=", userId)
    .forUpdate()
    .executeTakeFirst();
}

/** Every session of a person ends (all but `exceptSessionId`), and their open sockets close. */
export const signOutEverywhere = defineCommand({
  name: "user.sign_out_everywhere",
  authorize(viewer) {
    ensure("editOwnAccount", viewer);
  },
  async run(trx, input: { exceptSessionId?: string }, { viewer, effects }) {
    const userId = viewer!.id;
    let query = trx.deleteFrom("sessions").where("user_id", "=", userId);
    if (input.exceptSessionId) query = query.where("id", "!=", input.exceptSessionId);
    const result = await query.executeTakeFirst();
    effects.endSessions(userId, input.exceptSessionId);
    return { ended: Number(result.numDeletedRows) };
  },
});

/**
 * The signed-in person changes their password, proving the current one;
 * every other session ends (the one that asked, `keepSessionId`, stays).
 */
export const changePassword = defineCommand({
  name: "user.change_password",
  authorize(viewer) {
    ensure("editOwnAccount", viewer);
  },
  async run(
    trx,
    input: { currentPassword: string; newPassword: string; keepSessionId?: string },
    { viewer, effects, now, nested },
  ) {
    const user = await lockUser(trx, viewer!.id);
    if (!user) throw new NotFoundError("That account no longer exists.");
    if (!user.password_hash || !(await verifyPassword(user.password_hash, input.currentPassword)))
      throw new FieldError("currentPassword", "Your current password is not right.");
    const person = { email: user.email, handle: user.handle, displayName: user.display_name };
    if (usesPersonalDetails(input.newPassword, person))
      throw new FieldError("newPassword", PERSONAL_PASSWORD_MESSAGE);
    await trx
      .updateTable("users")
      .set({ password_hash: await hashPassword(input.newPassword), updated_at: now })
      .where("id", "=", user.id)
      .execute();
    effects.audit({
      actorId: user.id,
      action: "user.password_changed",
      subjectType: "user",
      subjectId: user.id,
    });
    await nested(signOutEverywhere, { exceptSessionId: input.keepSessionId });
  },
});

/** A manager confirms that a prospect is a real customer, which makes them an advocate. */
export const verifyCustomer = defineCommand({
  name: "user.verify_customer",
  authorize(viewer) {
    ensure("verifyCustomers", viewer);
  },
  async run(trx, input: { userId: number; reason?: string }, { viewer, effects, now }) {
    const user = await lockUser(trx, input.userId);
    if (!user) throw new NotFoundError("That person does not exist.");
    if (!isProspect(user))
      throw new ConflictError(
        `${user.display_name} is already ${article(user.role)} ${user.role}.`,
      );
    const updated = await trx
      .updateTable("users")
      .set({
        role: "advocate",
        verified_customer_at: now,
        verified_by: viewer!.id,
        updated_at: now,
      })
      .where("id", "=", user.id)
      .returningAll()
      .executeTakeFirstOrThrow();
    effects.audit({
      actorId: viewer!.id,
      action: "user.verified_customer",
      subjectType: "user",
      subjectId: user.id,
      reason: input.reason ?? null,
      details: { from: "prospect", to: "advocate" },
    });
    effects.refreshViewer(user.id);
    sendWebhookLater(effects, "advocate.verified", async (trx) => ({
      advocate: await advocateForWebhook(trx, user.id),
      verifiedAt: now.toISOString(),
    }));
    return updated;
  },
});

/**
 * A manager verifies many prospects at once: one transaction, one verified
 * mark and audit row per person (each through verifyCustomer). People who
 * are no longer prospects are skipped and named.
 */
export const verifyCustomers = defineCommand({
  name: "user.verify_customers",
  authorize(viewer) {
    ensure("verifyCustomers", viewer);
  },
  async run(trx, input: { userIds: number[] }, { nested }) {
    const ids = [...new Set(input.userIds)];
    const people = ids.length
      ? await trx.selectFrom("users").selectAll().where("id", "in", ids).execute()
      : [];
    const verified: string[] = [];
    const skipped: string[] = [];
    for (const person of people.sort((a, b) => a.id - b.id)) {
      if (!isProspect(person)) {
        skipped.push(person.display_name);
        continue;
      }
      verified.push((await nested(verifyCustomer, { userId: person.id })).display_name);
    }
    return { verified, skipped };
  },
});

/** Admins change roles; every change is audited with who, when and from what. */
export const changeRole = defineCommand({
  name: "user.change_role",
  authorize(viewer, { userId, role }: { userId: number; role: Role }) {
    ensure("changeRoles", viewer);
    if (viewer.id === userId && !hasRole({ role }, "admin"))
      throw new ConflictError("You cannot remove your own admin role; ask another admin.");
  },
  async run(trx, input: { userId: number; role: Role; reason?: string }, { viewer, effects, now }) {
    const user = await lockUser(trx, input.userId);
    if (!user) throw new NotFoundError("That person does not exist.");
    if (hasRole(user, input.role)) return user;
    const becomesCustomer = isVerifiedCustomer(input) && !user.verified_customer_at;
    const updated = await trx
      .updateTable("users")
      .set({
        role: input.role,
        updated_at: now,
        ...(becomesCustomer ? { verified_customer_at: now, verified_by: viewer!.id } : {}),
      })
      .where("id", "=", user.id)
      .returningAll()
      .executeTakeFirstOrThrow();
    effects.audit({
      actorId: viewer!.id,
      action: "user.role_changed",
      subjectType: "user",
      subjectId: user.id,
      reason: input.reason ?? null,
      details: { from: user.role, to: input.role },
    });
    effects.refreshViewer(user.id);
    return updated;
  },
});

function article(word: string) {
  return /^[aeiou]/.test(word) ? "an" : "a";
}

export const PEOPLE_PAGE_SIZE = 25;

/** Everyone with an account, for managers: prospects waiting for verification first. */
export async function listPeople(
  db: Queryable,
  filters: { q?: string; role?: Role; page?: number },
) {
  const page = Math.max(1, Math.floor(filters.page ?? 1));
  let query = db.selectFrom("users").leftJoin("profiles", "profiles.user_id", "users.id");
  if (filters.role) query = query.where("users.role", "=", filters.role);
  const q = filters.q?.trim();
  if (q) {
    const pattern = containing(q);
    query = query.where((eb) =>
      eb.or([
        eb("users.display_name", "ilike", pattern),
        eb("users.email", "ilike", pattern),
        eb("users.handle", "ilike", pattern),
        eb("profiles.company", "ilike", pattern),
      ]),
    );
  }
  const [{ total }] = await query.select((eb) => eb.fn.countAll<number>().as("total")).execute();
  const rows = await query
    .select([
      "users.id",
      "users.handle",
      "users.display_name",
      "users.email",
      "users.role",
      "users.created_at",
      "users.verified_customer_at",
      "profiles.company",
    ])
    .orderBy((eb) => eb.case().when("users.role", "=", "prospect").then(0).else(1).end())
    .orderBy("users.created_at", "desc")
    .orderBy("users.id", "desc")
    .limit(PEOPLE_PAGE_SIZE)
    .offset((page - 1) * PEOPLE_PAGE_SIZE)
    .execute();
  return {
    rows,
    total: Number(total),
    page,
    pageCount: Math.max(1, Math.ceil(Number(total) / PEOPLE_PAGE_SIZE)),
  };
}

/** Everyone with an account, for the managers' spreadsheet (deleted accounts are left out). */
export async function exportPeople(db: Queryable): Promise<string> {
  const rows = await db
    .selectFrom("users")
    .leftJoin("profiles", "profiles.user_id", "users.id")
    .select([
      "users.handle",
      "users.display_name",
      "users.email",
      "users.role",
      "profiles.company",
      "users.created_at",
      "users.verified_customer_at",
    ])
    .where("users.deleted_at", "is", null)
    .orderBy("users.id")
    .execute();
  const day = (d: Date | string | null) => (d ? new Date(d).toISOString().slice(0, 10) : "");
  return toCsv([
    ["handle", "name", "email", "role", "company", "joined", "verified customer"],
    ...rows.map((r) => [
      r.handle,
      r.display_name,
      r.email,
      r.role,
      r.company,
      day(r.created_at),
      day(r.verified_customer_at),
    ]),
  ]);
}
