import type { Queryable } from "../../../db/client.ts";
import { inTransaction } from "../../../db/transaction.ts";
import { FieldError } from "../auth/errors.ts";
import { ReputationError } from "./errors.ts";
import {
  applyToBalance,
  MAX_REASON_LENGTH,
  missingPerson,
  toEntry,
  type AwardedEntry,
  type LedgerRow,
} from "./ledger-rows.server.ts";

/**
 * Takes back an award with a compensating entry that points at it (the
 * original row is never changed). Returns null when there is nothing under
 * that key, or when it was already reversed (reversing twice is a no-op).
 */
export async function reversePoints(
  db: Queryable,
  input: { idempotencyKey: string; reason: string; reversedBy: number | null; at?: Date },
): Promise<AwardedEntry | null> {
  const reason = input.reason?.trim();
  if (!reason) throw new FieldError("reason", "Say why these points are taken back.");
  if (reason.length > MAX_REASON_LENGTH)
    throw new FieldError("reason", "Keep the reason under 500 characters.");
  try {
    return await inTransaction(db, async (trx) => {
      const original = await trx
        .selectFrom("reputation_ledger")
        .selectAll()
        .where("idempotency_key", "=", input.idempotencyKey)
        .executeTakeFirst();
      if (!original) return null;
      if (original.reverses_id !== null)
        throw new ReputationError("A reversal cannot itself be reversed; award again instead.");
      const row = await trx
        .insertInto("reputation_ledger")
        .values({
          user_id: original.user_id,
          amount: -original.amount,
          rule: original.rule,
          area: original.area,
          source_type: original.source_type,
          source_id: original.source_id,
          idempotency_key: `reverse:${original.idempotency_key}`,
          awarded_by: input.reversedBy,
          reason,
          reverses_id: original.id,
          created_at: input.at ?? new Date(),
        })
        // Either unique index (the key, or "reverses at most once") means: already reversed.
        .onConflict((oc) => oc.doNothing())
        .returningAll()
        .executeTakeFirst();
      if (!row) return null;
      const { balance, tierChange } = await applyToBalance(
        trx,
        original.user_id,
        original.area,
        -original.amount,
      );
      return { ...toEntry(row as LedgerRow), balance, badges: [], tierChange };
    });
  } catch (error) {
    return missingPerson(error);
  }
}

/**
 * Reverses every award earned by one source (a deleted post, a withdrawn
 * talk) that is not reversed yet. Returns the compensating entries.
 */
export async function reverseSource(
  db: Queryable,
  input: {
    source: { type: string; id: string | number };
    reason: string;
    reversedBy: number | null;
    at?: Date;
  },
): Promise<AwardedEntry[]> {
  return inTransaction(db, async (trx) => {
    const keys = await trx
      .selectFrom("reputation_ledger as l")
      .select("l.idempotency_key")
      .where("l.source_type", "=", input.source.type)
      .where("l.source_id", "=", String(input.source.id))
      .where("l.reverses_id", "is", null)
      .where(({ not, exists, selectFrom }) =>
        not(
          exists(
            selectFrom("reputation_ledger as r")
              .select("r.id")
              .whereRef("r.reverses_id", "=", "l.id"),
          ),
        ),
      )
      .orderBy("l.id")
      .execute();
    const out: AwardedEntry[] = [];
    for (const { idempotency_key } of keys) {
      const entry = await reversePoints(trx, {
        idempotencyKey: idempotency_key,
        reason: input.reason,
        reversedBy: input.reversedBy,
        at: input.at,
      });
      if (entry) out.push(entry);
    }
    return out;
  });
}
