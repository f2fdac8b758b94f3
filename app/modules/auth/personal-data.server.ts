import { strToU8, zipSync } from "fflate";
import type { Queryable } from "../../../db/client.ts";
import { ensure } from "../access/ensure.ts";
import type { Viewer } from "../access/policy.ts";
import { advocacyOf } from "../advocacy/personal-data.server.ts";
import { postsOf } from "../discussions/personal-data.server.ts";
import { ndaAcknowledgementsOf } from "../early-access/personal-data.server.ts";
import { referencesOf } from "../promoters/personal-data.server.ts";
import { ledgerOf } from "../reputation/personal-data.server.ts";
import { NotFoundError } from "../../utils/errors.ts";

const asJson = (value: unknown) => strToU8(`${JSON.stringify(value, null, 2)}\n`);

/**
 * "Download everything about me": the person's profile, posts, ledger,
 * talks, stories, references and consents, one JSON file each in a zip.
 * Each area's module reads its own tables; every one is asked for this
 * person only, and the policy lets only the person ask.
 */
export async function personalDataZip(
  db: Queryable,
  viewer: Viewer,
  userId: number,
  now = new Date(),
): Promise<Uint8Array> {
  ensure("downloadPersonalData", viewer, { userId });
  const account = await db
    .selectFrom("users")
    .select(["id", "email", "handle", "display_name", "role", "created_at", "verified_customer_at"])
    .where("id", "=", userId)
    .where("deleted_at", "is", null)
    .executeTakeFirst();
  if (!account) throw new NotFoundError("That account does not exist.");
  const profile = await db
    .selectFrom("profiles")
    .selectAll()
    .where("user_id", "=", userId)
    .executeTakeFirst();
  const [posts, ledger, advocacy, references, ndas] = await Promise.all([
    postsOf(db, userId),
    ledgerOf(db, userId),
    advocacyOf(db, userId),
    referencesOf(db, userId),
    ndaAcknowledgementsOf(db, userId),
  ]);
  const consents = {
    public_profile: profile?.is_public ?? false,
    open_to_speaking: profile?.open_to_speaking ?? false,
    open_to_references: profile?.open_to_references ?? false,
    open_to_case_studies: profile?.open_to_case_studies ?? false,
    open_to_mentoring: profile?.open_to_mentoring ?? false,
    early_access_terms_accepted: ndas,
  };
  return zipSync({
    "README.txt": strToU8(
      `Everything Limelight holds about ${account.display_name} (@${account.handle}), as of ${now.toISOString()}.\n` +
        "One JSON file per area. Other people appear only by their id.\n",
    ),
    "profile.json": asJson({ account, profile: profile ?? null }),
    "posts.json": asJson(posts),
    "ledger.json": asJson(ledger),
    "talks.json": asJson(advocacy.talks),
    "stories.json": asJson(advocacy.stories),
    "references.json": asJson(references),
    "consents.json": asJson(consents),
  });
}
