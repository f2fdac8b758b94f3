import type { Queryable } from "../../../../db/client.ts";
import { NotFoundError } from "../../../utils/errors.ts";
import { allowed } from "../../access/ensure.ts";
import type { Viewer } from "../../access/policy.ts";
import { absoluteUrl, type SiteSettings } from "../../mail/settings.ts";
import { pointsByArea } from "../../reputation/api-reads.server.ts";
import { listTiers } from "../../tiers/catalogue.server.ts";
import { effectiveTierRankSql } from "../../tiers/rank.server.ts";
import { WEBHOOK_AUDIENCE } from "../payloads.server.ts";

const advocateRows = (db: Queryable) =>
  db
    .selectFrom("users")
    .leftJoin("profiles", "profiles.user_id", "users.id")
    .select([
      "users.id",
      "users.handle",
      "users.display_name",
      "users.email",
      "users.role",
      "users.verified_customer_at",
      "profiles.is_public",
      "profiles.company",
      "profiles.headline",
    ])
    .where("users.role", "=", "advocate");

type AdvocateRow = Awaited<ReturnType<ReturnType<typeof advocateRows>["execute"]>>[number];

/**
 * Advocates as the API shows them. Without `advocates:private` a profile is
 * shown as an anonymous visitor sees it; with it, as the token's person
 * sees it. Either way the policy decides, not this file.
 */
async function shape(
  db: Queryable,
  rows: AdvocateRow[],
  options: { viewer: Viewer; private: boolean; site: SiteSettings },
) {
  const audience = options.private ? options.viewer : WEBHOOK_AUDIENCE;
  const [points, tiers] = await Promise.all([
    pointsByArea(
      db,
      rows.map((r) => r.id),
    ),
    listTiers(db),
  ]);
  const ranks = await Promise.all(
    rows.map((r) =>
      db
        .selectNoFrom(effectiveTierRankSql({ id: r.id, role: r.role }).as("rank"))
        .executeTakeFirst()
        .then((x) => Number(x?.rank ?? 0)),
    ),
  );
  return rows.map((r, i) => {
    const visible = allowed("viewProfile", audience, {
      userId: r.id,
      isPublic: Boolean(r.is_public),
    });
    const tier = [...tiers].reverse().find((t) => t.rank <= ranks[i] && t.rank > 0);
    return {
      id: r.id,
      handle: r.handle,
      name: r.display_name,
      profile_url: absoluteUrl(options.site, `/u/${r.handle}`),
      ...(visible ? { company: r.company ?? "", headline: r.headline ?? "" } : {}),
      tier: tier?.name ?? null,
      points: points.get(r.id)!,
      ...(options.private && allowed("useManagerTools", options.viewer) ? { email: r.email } : {}),
      verified_at: r.verified_customer_at ? new Date(r.verified_customer_at).toISOString() : null,
    };
  });
}

export async function advocatesPage(
  db: Queryable,
  page: { before?: number; limit: number },
  options: { viewer: Viewer; private: boolean; site: SiteSettings },
) {
  let query = advocateRows(db);
  if (page.before) query = query.where("users.id", "<", page.before);
  const rows = await query
    .orderBy("users.id", "desc")
    .limit(page.limit + 1)
    .execute();
  const shaped = await shape(db, rows.slice(0, page.limit), options);
  return { rows: shaped, more: rows.length > page.limit };
}

export async function advocateByHandle(
  db: Queryable,
  handle: string,
  options: { viewer: Viewer; private: boolean; site: SiteSettings },
) {
  const row = await advocateRows(db)
    .where("users.handle", "=", handle.toLowerCase())
    .executeTakeFirst();
  if (!row) throw new NotFoundError("There is no advocate with that handle.");
  const [shaped] = await shape(db, [row], options);
  return shaped;
}
