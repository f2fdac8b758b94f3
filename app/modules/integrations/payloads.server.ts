import type { Queryable } from "../../../db/client.ts";
import { allowed } from "../access/ensure.ts";
import type { Viewer } from "../access/policy.ts";

/**
 * Whoever receives a webhook is outside the site, so payloads are composed
 * as an anonymous visitor would see things: the policy is asked with this
 * viewer, and what it refuses stays out (a private profile's details, any
 * tier-gated body).
 */
export const WEBHOOK_AUDIENCE: Viewer = null;

/** An advocate as a webhook names them: always who they are, their profile only if it is public. */
export async function advocateForWebhook(trx: Queryable, userId: number) {
  const row = await trx
    .selectFrom("users")
    .leftJoin("profiles", "profiles.user_id", "users.id")
    .select([
      "users.id",
      "users.handle",
      "users.display_name",
      "users.email",
      "profiles.is_public",
      "profiles.company",
      "profiles.headline",
      "profiles.job_title",
    ])
    .where("users.id", "=", userId)
    .executeTakeFirst();
  if (!row) return null;
  const visible = allowed("viewProfile", WEBHOOK_AUDIENCE, {
    userId: row.id,
    isPublic: Boolean(row.is_public),
  });
  return {
    id: row.id,
    handle: row.handle,
    name: row.display_name,
    // The CRM matches people by email: the key that keeps the two systems in step.
    email: row.email,
    ...(visible
      ? { company: row.company ?? "", headline: row.headline ?? "", jobTitle: row.job_title ?? "" }
      : {}),
  };
}
