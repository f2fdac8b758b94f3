import type { Queryable } from "../../../db/client.ts";

/** What a person says on their own profile they are open to (nothing, when they have no profile). */
export async function openToOf(db: Queryable, userId: number) {
  const row = await db
    .selectFrom("profiles")
    .select(["open_to_speaking", "open_to_references"])
    .where("user_id", "=", userId)
    .executeTakeFirst();
  return {
    speaking: Boolean(row?.open_to_speaking),
    references: Boolean(row?.open_to_references),
  };
}

/** Advocates who take reference conversations, by name: the managers' picker when asking for one. */
export async function advocatesOpenToReferences(db: Queryable) {
  return db
    .selectFrom("users")
    .innerJoin("profiles", "profiles.user_id", "users.id")
    .select(["users.handle", "users.display_name", "profiles.company", "profiles.industry"])
    .where("users.role", "=", "advocate")
    .where("profiles.open_to_references", "=", true)
    .orderBy("users.display_name")
    .execute();
}

/** Every advocate, by name, with their company: the managers' picker when starting a story. */
export async function advocatesByName(db: Queryable) {
  return db
    .selectFrom("users")
    .innerJoin("profiles", "profiles.user_id", "users.id")
    .select(["users.id", "users.display_name", "profiles.company"])
    .where("users.role", "=", "advocate")
    .orderBy("users.display_name")
    .execute();
}
