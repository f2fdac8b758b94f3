import { sql, type RawBuilder } from "kysely";

/**
 * A person's reputation balance as a scalar subquery (0 when they have none
 * yet), so other modules can fold it into their own round trip without
 * reading the ledger's tables themselves.
 */
export function balanceSql(userId: number): RawBuilder<number> {
  return sql<number>`coalesce((select total from reputation_balances where user_id = ${userId}), 0)`;
}
