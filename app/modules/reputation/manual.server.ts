import type { Queryable } from "../../../db/client.ts";
import { inTransaction } from "../../../db/transaction.ts";
import { policy, type Viewer } from "../access/policy.ts";
import { recordAudit } from "../audit/audit.server.ts";
import { FieldError, ForbiddenError } from "../auth/errors.ts";
import { awardPoints, type AwardedEntry } from "./ledger.server.ts";
import type { Area } from "./rules.ts";

export interface ManualAwardInput {
  /** The recipient's handle (as typed on the form). */
  handle: string;
  amount: number;
  area: Area;
  reason: string;
  /** A one-time token from the form, so a double submit awards once. */
  token: string;
}

/**
 * A manager awards or corrects points by hand: always with a reason the
 * advocate reads in their history, within ±500, never to themselves, and
 * audited. Returns null when this form was already submitted.
 */
export async function awardManually(
  db: Queryable,
  actor: Viewer,
  input: ManualAwardInput,
): Promise<AwardedEntry | null> {
  if (!actor || !policy.awardPointsManually(actor))
    throw new ForbiddenError("Only community managers can award points by hand.");
  return inTransaction(db, async (trx) => {
    const recipient = await trx
      .selectFrom("users")
      .select(["id", "handle"])
      .where((eb) =>
        eb(eb.fn("lower", ["handle"]), "=", input.handle.trim().replace(/^@/, "").toLowerCase()),
      )
      .executeTakeFirst();
    if (!recipient) throw new FieldError("handle", "Nobody has that handle.", 404);
    if (!policy.awardPointsManually(actor, recipient.id))
      throw new ForbiddenError("Managers cannot award points to themselves.");
    const entry = await awardPoints(trx, {
      userId: recipient.id,
      rule: "manual_adjustment",
      source: { type: "manual", id: input.token },
      idempotencyKey: `manual:${input.token}`,
      awardedBy: actor.id,
      amount: input.amount,
      area: input.area,
      reason: input.reason,
    });
    if (entry) {
      await recordAudit(trx, {
        actorId: actor.id,
        action: entry.amount > 0 ? "reputation.manual_award" : "reputation.manual_correction",
        subjectType: "user",
        subjectId: recipient.id,
        reason: input.reason.trim(),
        details: { amount: entry.amount, area: entry.area, ledgerEntry: entry.id },
      });
    }
    return entry;
  });
}
