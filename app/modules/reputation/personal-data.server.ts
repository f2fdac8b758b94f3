import type { Queryable } from "../../../db/client.ts";

/** A person's reputation ledger and balance, for their data download. */
export async function ledgerOf(db: Queryable, userId: number) {
  const [entries, balance] = await Promise.all([
    db
      .selectFrom("reputation_ledger")
      .select(["id", "amount", "rule", "area", "source_type", "source_id", "reason", "created_at"])
      .where("user_id", "=", userId)
      .orderBy("id")
      .execute(),
    db
      .selectFrom("reputation_balances")
      .selectAll()
      .where("user_id", "=", userId)
      .executeTakeFirst(),
  ]);
  return { balance: balance ?? null, entries };
}
