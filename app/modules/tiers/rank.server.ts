import { sql, type RawBuilder } from "kysely";
import type { Role } from "../../../db/schema.ts";
import { isProspect, isVerifiedCustomer } from "../access/policy.ts";

/**
 * SQL for the rank of a person's effective tier (0 when they have none),
 * for loadViewer's single round trip. Prospects have no tier. An award
 * counts from when it was first held (renewals keep it continuous) until
 * the end of its current term, checked against the clock on every read.
 */
export function effectiveTierRankSql(user: { id: number; role: Role }): RawBuilder<number> {
  if (isProspect(user)) return sql<number>`0`;
  const base = isVerifiedCustomer(user)
    ? sql`(select max(rank) from tiers where kind = 'base')`
    : sql`null`;
  return sql<number>`coalesce(greatest(
    ${base},
    (select t.rank from tier_automatic_holdings h join tiers t on t.id = h.tier_id where h.user_id = ${user.id}),
    (select max(t.rank) from tier_awards a join tiers t on t.id = a.tier_id
      where a.user_id = ${user.id} and a.status = 'active' and a.since <= now() and a.term_end > now())
  ), 0)`;
}
