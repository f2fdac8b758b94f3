import { randomBytes } from "node:crypto";
import type { Queryable } from "../../db/client.ts";
import type { Role } from "../../db/schema.ts";
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
