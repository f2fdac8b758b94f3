import { sql } from "kysely";
import type { Queryable } from "../../../db/client.ts";
import type { ReferralStage } from "../../../db/tables/promoters.ts";
import { NotFoundError } from "../../utils/errors.ts";
import { ensure } from "../access/ensure.ts";
import type { Viewer } from "../access/policy.ts";

/** Keyset pages for the REST API: newest first, `before` an id, one more row to know if more follow. */
export interface KeysetPage {
  before?: number;
  limit: number;
}

const referralSelect = (db: Queryable) =>
  db
    .selectFrom("referrals")
    .innerJoin("users", "users.id", "referrals.advocate_id")
    .select([
      "referrals.id",
      "referrals.stage",
      "referrals.company",
      "referrals.contact_name",
      "referrals.contact_email",
      "referrals.note",
      "referrals.revenue_cents",
      "referrals.margin_cents",
      "referrals.created_at",
      "referrals.stage_changed_at",
      "users.id as advocate_id",
      "users.handle as advocate_handle",
      sql<{ advocateHandle: string; shareBasisPoints: number }[]>`coalesce((
        select json_agg(json_build_object('advocateHandle', cu.handle, 'shareBasisPoints', rc.share_bp)
          order by rc.share_bp desc, cu.handle)
        from referral_credits rc join users cu on cu.id = rc.advocate_id
        where rc.referral_id = referrals.id), '[]'::json)`.as("credits"),
    ]);

export type ReferralRow = Awaited<ReturnType<ReturnType<typeof referralSelect>["execute"]>>[number];

/** Referrals for the community team, by keyset (the API's cursor pages). */
export async function referralsPage(
  db: Queryable,
  viewer: Viewer,
  page: KeysetPage & { stage?: ReferralStage },
) {
  ensure("manageReferrals", viewer);
  let query = referralSelect(db);
  if (page.stage) query = query.where("referrals.stage", "=", page.stage);
  if (page.before) query = query.where("referrals.id", "<", page.before);
  return query
    .orderBy("referrals.id", "desc")
    .limit(page.limit + 1)
    .execute();
}

export async function referralById(db: Queryable, viewer: Viewer, id: number) {
  const row = await referralSelect(db).where("referrals.id", "=", id).executeTakeFirst();
  if (!row) throw new NotFoundError("We could not find that referral.");
  ensure("viewReferral", viewer, { advocateId: row.advocate_id });
  return row;
}

/** Reference conversations for the community team, by keyset. */
export async function referencesPage(db: Queryable, viewer: Viewer, page: KeysetPage) {
  ensure("manageReferences", viewer);
  let query = db
    .selectFrom("reference_requests as r")
    .innerJoin("users as a", "a.id", "r.advocate_id")
    .innerJoin("users as p", "p.id", "r.prospect_id")
    .select([
      "r.id",
      "r.status",
      "r.topic",
      "r.helpful",
      "r.created_at",
      "r.responded_at",
      "r.completed_at",
      "a.handle as advocate_handle",
      "p.handle as prospect_handle",
    ]);
  if (page.before) query = query.where("r.id", "<", page.before);
  return query
    .orderBy("r.id", "desc")
    .limit(page.limit + 1)
    .execute();
}
