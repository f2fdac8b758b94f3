import type { Selectable } from "kysely";
import type { Queryable } from "../../../db/client.ts";
import type { TiersTable } from "../../../db/tables/tiers.ts";
import { NotFoundError } from "../../utils/errors.ts";
import type { TierRule } from "./rules.ts";

export type TierRow = Selectable<TiersTable>;

export function toRule(row: TierRow): TierRule {
  return {
    id: row.id,
    slug: row.slug,
    name: row.name,
    rank: row.rank,
    kind: row.kind,
    reputationThreshold: row.reputation_threshold,
    requiresShowcase: row.requires_showcase,
    termMonths: row.term_months,
  };
}

/** The catalogue, lowest rank first. */
export async function listTiers(db: Queryable): Promise<TierRow[]> {
  return db.selectFrom("tiers").selectAll().orderBy("rank").execute();
}

export async function getTier(db: Queryable, id: number): Promise<TierRow> {
  const tier = await db.selectFrom("tiers").selectAll().where("id", "=", id).executeTakeFirst();
  if (!tier) throw new NotFoundError("That tier does not exist.");
  return tier;
}

/** The public face of a tier: what a badge and a profile show. */
export interface TierBadgeInfo {
  id: number;
  slug: string;
  name: string;
  rank: number;
  kind: TierRow["kind"];
  colour: string;
  icon: string;
  description: string;
}

export function badgeInfo(tier: TierRow): TierBadgeInfo {
  return {
    id: tier.id,
    slug: tier.slug,
    name: tier.name,
    rank: tier.rank,
    kind: tier.kind,
    colour: tier.colour,
    icon: tier.icon,
    description: tier.description,
  };
}

/** The tiers an early-access cascade opens to, highest first: what other modules may know of them. */
export async function cascadeTiers(
  db: Queryable,
): Promise<Array<{ id: number; name: string; rank: number }>> {
  return db.selectFrom("tiers").select(["id", "name", "rank"]).orderBy("rank", "desc").execute();
}

/** The NDA terms of the highest tier at or below a rank (a reader's own tier), or null below rank 1. */
export async function ndaTermsForRank(
  db: Queryable,
  rank: number,
): Promise<{ tierId: number; tierName: string; version: number; html: string } | null> {
  const tier = await db
    .selectFrom("tiers")
    .select(["id", "name", "nda_terms_html", "nda_terms_version"])
    .where("rank", "<=", rank)
    .orderBy("rank", "desc")
    .executeTakeFirst();
  if (!tier) return null;
  return {
    tierId: tier.id,
    tierName: tier.name,
    version: tier.nda_terms_version,
    html: tier.nda_terms_html,
  };
}
