import type { Queryable } from "../../../db/client.ts";
import type { Role, User } from "../../../db/schema.ts";
import { inTransaction } from "../../../db/transaction.ts";
import { recordAudit } from "../audit/audit.server.ts";
import {
  ConflictError,
  EmailTakenError,
  FieldError,
  ForbiddenError,
  HandleTakenError,
  NotFoundError,
  isUniqueViolation,
} from "./errors.ts";
import { hashPassword, verifyAgainstDummy, verifyPassword } from "./password.server.ts";
import type { SignUpInput } from "./validation.ts";

export interface Actor {
  id: number;
  role: Role;
}

/** Creates a prospect with an empty profile; one transaction, so nothing is left half made. */
export async function signUp(
  db: Queryable,
  input: SignUpInput & { role?: Role; passwordHash?: string },
): Promise<User> {
  const passwordHash = input.passwordHash ?? (await hashPassword(input.password));
  try {
    return await inTransaction(db, async (trx) => {
      const user = await trx
        .insertInto("users")
        .values({
          email: input.email.toLowerCase(),
          handle: input.handle.toLowerCase(),
          display_name: input.displayName,
          password_hash: passwordHash,
          role: input.role ?? "prospect",
        })
        .returningAll()
        .executeTakeFirstOrThrow();
      await trx.insertInto("profiles").values({ user_id: user.id }).execute();
      return user;
    });
  } catch (error) {
    if (isUniqueViolation(error, "users_email_key")) throw new EmailTakenError();
    if (isUniqueViolation(error, "users_handle_key")) throw new HandleTakenError();
    throw error;
  }
}

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

export async function changePassword(
  db: Queryable,
  userId: number,
  currentPassword: string,
  newPassword: string,
): Promise<void> {
  const user = await db.selectFrom("users").selectAll().where("id", "=", userId).executeTakeFirst();
  if (!user) throw new NotFoundError("That account no longer exists.");
  if (!user.password_hash || !(await verifyPassword(user.password_hash, currentPassword))) {
    throw new FieldError("currentPassword", "Your current password is not right.");
  }
  const passwordHash = await hashPassword(newPassword);
  await inTransaction(db, async (trx) => {
    await trx
      .updateTable("users")
      .set({ password_hash: passwordHash, updated_at: new Date() })
      .where("id", "=", userId)
      .execute();
    await recordAudit(trx, {
      actorId: userId,
      action: "user.password_changed",
      subjectType: "user",
      subjectId: userId,
    });
  });
}

/** A manager confirms that a prospect is a real customer, which makes them an advocate. */
export async function verifyCustomer(db: Queryable, actor: Actor, userId: number, reason?: string) {
  if (actor.role !== "manager" && actor.role !== "admin") {
    throw new ForbiddenError("Only community managers can verify customers.");
  }
  return inTransaction(db, async (trx) => {
    const user = await trx
      .selectFrom("users")
      .selectAll()
      .where("id", "=", userId)
      .forUpdate()
      .executeTakeFirst();
    if (!user) throw new NotFoundError("That person does not exist.");
    if (user.role !== "prospect") {
      throw new ConflictError(
        `${user.display_name} is already ${article(user.role)} ${user.role}.`,
      );
    }
    const updated = await trx
      .updateTable("users")
      .set({
        role: "advocate",
        verified_customer_at: new Date(),
        verified_by: actor.id,
        updated_at: new Date(),
      })
      .where("id", "=", userId)
      .returningAll()
      .executeTakeFirstOrThrow();
    await recordAudit(trx, {
      actorId: actor.id,
      action: "user.verified_customer",
      subjectType: "user",
      subjectId: userId,
      reason: reason ?? null,
      details: { from: "prospect", to: "advocate" },
    });
    return updated;
  });
}

/** Admins change roles; every change is audited with who, when and from what. */
export async function changeRole(
  db: Queryable,
  actor: Actor,
  userId: number,
  role: Role,
  reason?: string,
) {
  if (actor.role !== "admin") throw new ForbiddenError("Only admins can change roles.");
  if (actor.id === userId && role !== "admin") {
    throw new ConflictError("You cannot remove your own admin role; ask another admin.");
  }
  return inTransaction(db, async (trx) => {
    const user = await trx
      .selectFrom("users")
      .selectAll()
      .where("id", "=", userId)
      .forUpdate()
      .executeTakeFirst();
    if (!user) throw new NotFoundError("That person does not exist.");
    if (user.role === role) return user;
    const becomesCustomer =
      role !== "prospect" && !user.verified_customer_at && role === "advocate";
    const updated = await trx
      .updateTable("users")
      .set({
        role,
        updated_at: new Date(),
        ...(becomesCustomer ? { verified_customer_at: new Date(), verified_by: actor.id } : {}),
      })
      .where("id", "=", userId)
      .returningAll()
      .executeTakeFirstOrThrow();
    await recordAudit(trx, {
      actorId: actor.id,
      action: "user.role_changed",
      subjectType: "user",
      subjectId: userId,
      reason: reason ?? null,
      details: { from: user.role, to: role },
    });
    return updated;
  });
}

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
    const pattern = `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
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
