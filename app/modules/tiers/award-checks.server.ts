import type { Queryable } from "../../../db/client.ts";
import { isProspect, isVerifiedCustomer } from "../access/policy.ts";
import { FieldError, NotFoundError } from "../../utils/errors.ts";

/**
 * What a change to an awarded tier checks before it writes: the tier can be
 * awarded, the person can hold it, the decision is complete, and the award
 * itself, locked for the change.
 */

export async function awardableTier(db: Queryable, tierId: number) {
  const tier = await db.selectFrom("tiers").selectAll().where("id", "=", tierId).executeTakeFirst();
  if (!tier) throw new FieldError("tierId", "Choose a tier from the list.", 404);
  if (tier.kind !== "awarded")
    throw new FieldError(
      "tierId",
      tier.kind === "automatic"
        ? `${tier.name} follows reputation; it cannot be awarded by hand.`
        : `${tier.name} is every advocate's tier; it cannot be awarded.`,
    );
  return tier;
}

/** The person an award may go to: a verified customer (advocate). */
export async function awardableAdvocate(
  db: Queryable,
  who: { userId?: number; handle?: string },
  field = "handle",
) {
  let query = db.selectFrom("users").select(["id", "handle", "display_name", "role"]).forUpdate();
  if (who.userId !== undefined) query = query.where("id", "=", who.userId);
  else query = query.where((eb) => eb(eb.fn("lower", ["handle"]), "=", who.handle!.toLowerCase()));
  const user = await query.executeTakeFirst();
  if (!user) throw new FieldError(field, "We could not find anyone with that handle.", 404);
  if (isProspect(user))
    throw new FieldError(
      field,
      `${user.display_name} is a prospect: verify them as a customer before awarding a tier.`,
      409,
    );
  if (!isVerifiedCustomer(user))
    throw new FieldError(
      field,
      `${user.display_name} is on the community team; tiers are for advocates.`,
      409,
    );
  return user;
}

/** A reason the advocate reads, and a term that ends after it starts. */
export function checkDecision(input: { reason: string; termStart?: Date; termEnd?: Date }): string {
  const reason = input.reason.trim();
  if (!reason) throw new FieldError("reason", "Give a reason: the advocate reads it.");
  if (input.termStart && input.termEnd && !(input.termEnd.getTime() > input.termStart.getTime()))
    throw new FieldError("termEnd", "The term must end after it starts.");
  return reason;
}

/** The award and the names its notices use, locked until the change commits. */
export async function lockAward(trx: Queryable, awardId: number) {
  const award = await trx
    .selectFrom("tier_awards")
    .innerJoin("tiers", "tiers.id", "tier_awards.tier_id")
    .innerJoin("users", "users.id", "tier_awards.user_id")
    .selectAll("tier_awards")
    .select(["tiers.name as tier_name", "users.display_name"])
    .where("tier_awards.id", "=", awardId)
    .forUpdate("tier_awards")
    .executeTakeFirst();
  if (!award) throw new NotFoundError("That award does not exist.");
  return award;
}
