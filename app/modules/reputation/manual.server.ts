import { ensure } from "../access/ensure.ts";
import { defineCommand } from "../commands/command.server.ts";
import { FieldError } from "../../utils/errors.ts";
import { announceAwards, awardPoints, type AwardedEntry } from "./ledger.server.ts";
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
export const awardManually = defineCommand({
  name: "reputation.award_manually",
  authorize(viewer) {
    ensure("awardPointsManually", viewer);
  },
  async run(trx, input: ManualAwardInput, { viewer, effects }): Promise<AwardedEntry | null> {
    const recipient = await trx
      .selectFrom("users")
      .select(["id", "handle"])
      .where((eb) =>
        eb(eb.fn("lower", ["handle"]), "=", input.handle.trim().replace(/^@/, "").toLowerCase()),
      )
      .executeTakeFirst();
    if (!recipient) throw new FieldError("handle", "Nobody has that handle.", 404);
    ensure("awardPointsManually", viewer, recipient.id);
    const entry = await awardPoints(trx, {
      userId: recipient.id,
      rule: "manual_adjustment",
      source: { type: "manual", id: input.token },
      idempotencyKey: `manual:${input.token}`,
      awardedBy: viewer.id,
      amount: input.amount,
      area: input.area,
      reason: input.reason,
    });
    if (entry) {
      effects.audit({
        actorId: viewer.id,
        action: entry.amount > 0 ? "reputation.manual_award" : "reputation.manual_correction",
        subjectType: "user",
        subjectId: recipient.id,
        reason: input.reason.trim(),
        details: { amount: entry.amount, area: entry.area, ledgerEntry: entry.id },
      });
      announceAwards(effects, entry);
    }
    return entry;
  },
});
