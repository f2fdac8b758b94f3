import type { Queryable } from "../../../db/client.ts";

/**
 * The points each award carries, by its idempotency key: how other areas
 * show "+100" next to the thing that earned it, without reading the ledger.
 */
export async function pointsForKeys(db: Queryable, keys: string[]): Promise<Map<string, number>> {
  if (keys.length === 0) return new Map();
  const rows = await db
    .selectFrom("reputation_ledger")
    .select(["idempotency_key", "amount"])
    .where("idempotency_key", "in", keys)
    .execute();
  return new Map(rows.map((r) => [r.idempotency_key, r.amount]));
}
