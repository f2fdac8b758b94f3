import { sql } from "kysely";
import type { Queryable } from "../../../db/client.ts";
import { inTransaction } from "../../../db/transaction.ts";
import { AREAS } from "./rules.ts";

export interface BalanceDrift {
  userId: number;
  handle: string | null;
  /** What the balance table says, and what the ledger adds up to. */
  stored: Record<"total" | (typeof AREAS)[number], number>;
  ledger: Record<"total" | (typeof AREAS)[number], number>;
}

export interface ReconcileReport {
  checkedUsers: number;
  drift: BalanceDrift[];
  fixed: boolean;
}

const COLUMNS = ["total", ...AREAS] as const;

/**
 * Recomputes every balance from the ledger and reports where they differ;
 * with fix, rewrites the drifted balances to what the ledger says. Runs in a
 * transaction that holds off awards while it reads (awards wait a moment,
 * none are lost), so a busy system does not show false drift.
 */
export async function reconcile(
  db: Queryable,
  options: { fix?: boolean } = {},
): Promise<ReconcileReport> {
  return inTransaction(db, async (trx) => {
    await sql`lock table reputation_balances in share row exclusive mode`.execute(trx);
    const rows = await sql<{
      user_id: number;
      handle: string | null;
      s_total: number | null;
      s_help: number | null;
      s_speaking: number | null;
      s_stories: number | null;
      s_community: number | null;
      l_total: number | null;
      l_help: number | null;
      l_speaking: number | null;
      l_stories: number | null;
      l_community: number | null;
      has_balance: boolean;
    }>`
      with ledger as (
        select user_id,
               sum(amount)::bigint as total,
               coalesce(sum(amount) filter (where area = 'help'), 0)::bigint as help,
               coalesce(sum(amount) filter (where area = 'speaking'), 0)::bigint as speaking,
               coalesce(sum(amount) filter (where area = 'stories'), 0)::bigint as stories,
               coalesce(sum(amount) filter (where area = 'community'), 0)::bigint as community
        from reputation_ledger
        group by user_id
      )
      select coalesce(b.user_id, l.user_id) as user_id,
             u.handle,
             b.total as s_total, b.help as s_help, b.speaking as s_speaking,
             b.stories as s_stories, b.community as s_community,
             l.total as l_total, l.help as l_help, l.speaking as l_speaking,
             l.stories as l_stories, l.community as l_community,
             (b.user_id is not null) as has_balance
      from reputation_balances b
      full outer join ledger l on l.user_id = b.user_id
      left join users u on u.id = coalesce(b.user_id, l.user_id)
      where b.user_id is null or l.user_id is null
         or b.total <> l.total or b.help <> l.help or b.speaking <> l.speaking
         or b.stories <> l.stories or b.community <> l.community
      order by 1`.execute(trx);

    const checked = await sql<{ n: number }>`
      select count(*)::int as n from (
        select user_id from reputation_balances union select user_id from reputation_ledger
      ) people`.execute(trx);

    const drift: BalanceDrift[] = [];
    for (const r of rows.rows) {
      const stored = {
        total: Number(r.s_total ?? 0),
        help: Number(r.s_help ?? 0),
        speaking: Number(r.s_speaking ?? 0),
        stories: Number(r.s_stories ?? 0),
        community: Number(r.s_community ?? 0),
      };
      const ledger = {
        total: Number(r.l_total ?? 0),
        help: Number(r.l_help ?? 0),
        speaking: Number(r.l_speaking ?? 0),
        stories: Number(r.l_stories ?? 0),
        community: Number(r.l_community ?? 0),
      };
      // A zero balance row for someone without ledger rows (or the reverse) is not drift.
      if (COLUMNS.every((c) => stored[c] === ledger[c])) continue;
      drift.push({ userId: r.user_id, handle: r.handle, stored, ledger });
    }

    if (options.fix) {
      for (const d of drift) {
        await trx
          .insertInto("reputation_balances")
          .values({ user_id: d.userId, ...d.ledger, updated_at: new Date() })
          .onConflict((oc) =>
            oc.column("user_id").doUpdateSet({ ...d.ledger, updated_at: new Date() }),
          )
          .execute();
      }
    }
    return { checkedUsers: Number(checked.rows[0]?.n ?? 0), drift, fixed: Boolean(options.fix) };
  });
}
