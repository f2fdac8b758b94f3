import { randomBytes } from "node:crypto";
import type { Queryable } from "../../db/client.ts";
import type { Role } from "../../db/schema.ts";
import type { TestimonialCredit } from "../../db/tables/testimonials.ts";
import { hashPassword } from "../../app/modules/auth/password.server.ts";
import { insertAccount } from "../../app/modules/auth/users.server.ts";

export const TEST_PASSWORD = "correct horse battery staple";
let passwordHash: Promise<string> | undefined;

export function uniqueSuffix() {
  return randomBytes(4).toString("hex");
}

/** A user with a profile; the password is TEST_PASSWORD (hashed once per test file). */
export async function insertUser(
  db: Queryable,
  overrides: {
    role?: Role;
    handle?: string;
    email?: string;
    displayName?: string;
    /** Confirmed unless told otherwise, as every account made outside the sign-up page is. */
    emailVerified?: boolean;
  } = {},
) {
  passwordHash ??= hashPassword(TEST_PASSWORD);
  const suffix = uniqueSuffix();
  const handle = overrides.handle ?? `user-${suffix}`;
  const user = await insertAccount(db, {
    email: overrides.email ?? `${handle}@example.test`,
    handle,
    displayName: overrides.displayName ?? `Test User ${suffix}`,
    password: TEST_PASSWORD,
    passwordHash: await passwordHash,
    role: overrides.role ?? "prospect",
    emailVerified: overrides.emailVerified ?? true,
  });
  return user;
}

/** A testimonial as the recommendation step stores it, linked to the author's account. */
export async function insertTestimonial(
  db: Queryable,
  user: { id: number; email: string },
  body: string,
  options: { credit?: TestimonialCredit; industry?: string } = {},
) {
  const credit = options.credit ?? "company";
  const row = await db
    .insertInto("testimonials")
    .values({
      author_email: user.email,
      user_id: user.id,
      body,
      credit,
      credit_line: credit === "initials" ? "D. R." : "Dana Reyes, Head of IT, Northwind",
      ...(options.industry ? { industry: options.industry } : {}),
      score: 10,
      consented_at: new Date(),
      withdraw_token_hash: `hash-${uniqueSuffix()}`,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  return row.id;
}
