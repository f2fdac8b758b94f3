import type { Queryable } from "../../../db/client.ts";
import { policy, type Viewer } from "../access/policy.ts";
import { NotFoundError } from "../../utils/errors.ts";

const columns = [
  "credentials.id",
  "credentials.user_id",
  "credentials.kind",
  "credentials.name",
  "credentials.is_public",
  "credentials.issued_at",
  "credentials.valid_until",
  "credentials.revoked_at",
  "credentials.revoked_reason",
] as const;

/**
 * A credential this viewer may see: a public one of a public profile for
 * everyone; otherwise only its owner and the community team. A missing and a
 * private credential look the same (404).
 */
export async function getVisibleCredential(db: Queryable, viewer: Viewer, id: string) {
  const row = await db
    .selectFrom("credentials")
    .innerJoin("users", "users.id", "credentials.user_id")
    .innerJoin("profiles", "profiles.user_id", "users.id")
    .select([
      ...columns,
      "credentials.jwt",
      "credentials.document",
      "users.handle",
      "users.display_name",
      "profiles.is_public as profile_public",
    ])
    .where("credentials.id", "=", id)
    .executeTakeFirst();
  if (
    !row ||
    !policy.viewCredential(viewer, {
      userId: row.user_id,
      isPublic: row.is_public && row.profile_public,
    })
  )
    throw new NotFoundError("We could not find that credential.");
  return row;
}

/** Everything issued to a person, standing ones first, newest first. */
export async function listOwnCredentials(db: Queryable, userId: number) {
  return db
    .selectFrom("credentials")
    .select(columns)
    .where("user_id", "=", userId)
    .orderBy((eb) => eb("revoked_at", "is", null), "desc")
    .orderBy("issued_at", "desc")
    .orderBy("name")
    .execute();
}

/** A profile's public credentials (standing, issued as public), for its list. */
export async function listPublicCredentials(db: Queryable, userId: number) {
  return db
    .selectFrom("credentials")
    .select(columns)
    .where("user_id", "=", userId)
    .where("is_public", "=", true)
    .where("revoked_at", "is", null)
    .orderBy("issued_at", "desc")
    .orderBy("name")
    .execute();
}
