import type { Queryable } from "../../../db/client.ts";
import type { Effects } from "../commands/effects.server.ts";

/** Sets the revocation bit (and its date and reason) of standing credentials. */
export async function markRevoked(
  trx: Queryable,
  which: { id: string } | { sourceType: string; sourceId: string },
  reason: string,
  at: Date,
): Promise<void> {
  let query = trx
    .updateTable("credentials")
    .set({ revoked_at: at, revoked_reason: reason })
    .where("revoked_at", "is", null);
  query =
    "id" in which
      ? query.where("id", "=", which.id)
      : query.where("source_type", "=", which.sourceType).where("source_id", "=", which.sourceId);
  await query.execute();
}

/**
 * An achievement ended (an award revoked or lapsed, a talk reversed, a story
 * unpublished): every standing credential for it is revoked in the deciding
 * command's transaction, with the reason the verification page shows.
 */
export function revokeCredentialsLater(
  effects: Effects,
  source: { type: "tier_award" | "talk" | "case_study"; id: number },
  reason: string,
): void {
  effects.beforeCommit((trx) =>
    markRevoked(trx, { sourceType: source.type, sourceId: String(source.id) }, reason, effects.at),
  );
}
