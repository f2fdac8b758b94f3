import { advocateForWebhook } from "../integrations/payloads.server.ts";
import { sendWebhookLater } from "../integrations/webhooks.server.ts";
import type { Insertable } from "kysely";
import type { Queryable } from "../../../db/client.ts";
import type { TierHistoryTable } from "../../../db/tables/tiers.ts";
import { formatDay } from "../access/cascade.ts";
import { ensure } from "../access/ensure.ts";
import { isProspect, isVerifiedCustomer } from "../access/policy.ts";
import { defineCommand } from "../commands/command.server.ts";
import { revokeCredentialsLater } from "../credentials/revoke.server.ts";
import type { Effects } from "../commands/effects.server.ts";
import { TierGrantedEmail, TierLapsedEmail } from "../mail/templates/tiers.tsx";
import { mailPerson } from "../mail/to-person.server.ts";
import { ConflictError, FieldError, NotFoundError, isUniqueViolation } from "../../utils/errors.ts";

/**
 * Awarded tiers (MVP-style): a manager grants, renews or revokes, always
 * with a reason and a term. Each change is one command that writes the
 * award, a history row and an audit row; the advocate is told, and their
 * open sockets reload their standing, once it commits.
 */

/** Where tier notices lead: the person's own tier page. */
export const TIER_URL = "/settings/tier";

/**
 * A person's tier changed: a notice kept in their notifications (and a
 * toast), their sockets reload their standing (tier spaces open or close
 * without a reload), and pages listening for tier changes read again.
 */
export function tellTierChange(
  effects: Effects,
  notice: {
    userId: number;
    kind: "success" | "info";
    title: string;
    description: string;
    /** The page it concerns: their tier unless said otherwise. */
    url?: string;
  },
): void {
  effects.notify({ ...notice, url: notice.url ?? TIER_URL });
  effects.refreshViewer(notice.userId);
  effects.toUser(notice.userId, "tier:changed", { title: notice.title });
}

async function awardableTier(db: Queryable, tierId: number) {
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
async function awardableAdvocate(
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
function checkDecision(input: { reason: string; termStart?: Date; termEnd?: Date }): string {
  const reason = input.reason.trim();
  if (!reason) throw new FieldError("reason", "Give a reason: the advocate reads it.");
  if (input.termStart && input.termEnd && !(input.termEnd.getTime() > input.termStart.getTime()))
    throw new FieldError("termEnd", "The term must end after it starts.");
  return reason;
}

export interface GrantInput {
  userId?: number;
  handle?: string;
  tierId: number;
  reason: string;
  termStart: Date;
  termEnd: Date;
}

/** A manager grants an awarded tier for a term. */
export const grantTier = defineCommand({
  name: "tier.grant",
  async run(trx, input: GrantInput, { viewer, effects, now }) {
    ensure("manageTierAwards", viewer);
    const reason = checkDecision(input);
    const tier = await awardableTier(trx, input.tierId);
    const user = await awardableAdvocate(trx, input);
    const existing = await trx
      .selectFrom("tier_awards")
      .select("id")
      .where("user_id", "=", user.id)
      .where("tier_id", "=", tier.id)
      .where("status", "=", "active")
      .executeTakeFirst();
    if (existing)
      throw new ConflictError(
        `${user.display_name} already holds ${tier.name}; renew the award instead.`,
      );
    const award = await trx
      .insertInto("tier_awards")
      .values({
        user_id: user.id,
        tier_id: tier.id,
        status: "active",
        since: input.termStart,
        term_start: input.termStart,
        term_end: input.termEnd,
        granted_by: viewer.id,
        reason,
        created_at: now,
        updated_at: now,
      })
      .returning("id")
      .executeTakeFirstOrThrow()
      .catch((error: unknown) => {
        // Another manager granted the same tier a moment ago: the database keeps one.
        if (isUniqueViolation(error, "tier_awards_one_active"))
          throw new ConflictError(
            "This advocate already holds that tier; renew the award instead.",
          );
        throw error;
      });
    await writeHistory(trx, {
      user_id: user.id,
      tier_id: tier.id,
      change: "granted",
      award_id: award.id,
      actor_id: viewer.id,
      reason,
      term_start: input.termStart,
      term_end: input.termEnd,
      created_at: now,
    });
    effects.audit({
      actorId: viewer.id,
      action: "tier.granted",
      subjectType: "user",
      subjectId: user.id,
      reason,
      details: {
        tier: tier.name,
        awardId: award.id,
        termStart: input.termStart.toISOString(),
        termEnd: input.termEnd.toISOString(),
      },
    });
    sendWebhookLater(effects, "tier.granted", async (trx) => ({
      advocate: await advocateForWebhook(trx, user.id),
      tier: {
        name: tier.name,
        awardId: award.id,
        termStart: input.termStart.toISOString(),
        termEnd: input.termEnd.toISOString(),
      },
    }));
    tellTierChange(effects, {
      userId: user.id,
      kind: "success",
      title: `You are now ${article(tier.name)} ${tier.name}`,
      description: `${reason} Your term runs until ${formatDay(input.termEnd, now)}.`,
    });
    mailPerson(effects, {
      userId: user.id,
      kind: "tier_granted",
      idempotencyKey: `tier_granted:${award.id}`,
      subject: `You are now ${article(tier.name)} ${tier.name}`,
      template: (person, link) =>
        TierGrantedEmail({
          name: person.name,
          tierName: tier.name,
          reason,
          termEnd: formatDay(input.termEnd, now),
          link: link(TIER_URL),
        }),
    });
    return { awardId: award.id, userId: user.id };
  },
});

/** One line of a person's tier history, for each change to an award. */
async function writeHistory(trx: Queryable, line: Insertable<TierHistoryTable>) {
  await trx.insertInto("tier_history").values(line).execute();
}

async function lockAward(trx: Queryable, awardId: number) {
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

/** A manager renews an active award for a new term (usually the next 12 months). */
export const renewAward = defineCommand({
  name: "tier.renew",
  async run(
    trx,
    input: { awardId: number; reason: string; termStart: Date; termEnd: Date },
    { viewer, effects, now },
  ) {
    ensure("manageTierAwards", viewer);
    const reason = checkDecision(input);
    const award = await lockAward(trx, input.awardId);
    if (award.status !== "active")
      throw new ConflictError(
        `This award was ${award.status}; grant ${award.tier_name} again instead of renewing it.`,
      );
    await trx
      .updateTable("tier_awards")
      .set({
        term_start: input.termStart,
        term_end: input.termEnd,
        renewals: award.renewals + 1,
        updated_at: now,
      })
      .where("id", "=", award.id)
      .execute();
    await writeHistory(trx, {
      user_id: award.user_id,
      tier_id: award.tier_id,
      change: "renewed",
      award_id: award.id,
      actor_id: viewer.id,
      reason,
      term_start: input.termStart,
      term_end: input.termEnd,
      created_at: now,
    });
    effects.audit({
      actorId: viewer.id,
      action: "tier.renewed",
      subjectType: "user",
      subjectId: award.user_id,
      reason,
      details: {
        tier: award.tier_name,
        awardId: award.id,
        previousEnd: new Date(award.term_end).toISOString(),
        termStart: input.termStart.toISOString(),
        termEnd: input.termEnd.toISOString(),
      },
    });
    sendWebhookLater(effects, "tier.renewed", async (trx) => ({
      advocate: await advocateForWebhook(trx, award.user_id),
      tier: { name: award.tier_name, awardId: award.id },
    }));
    tellTierChange(effects, {
      userId: award.user_id,
      kind: "success",
      title: `Your ${award.tier_name} award is renewed`,
      description: `${reason} Your new term runs until ${formatDay(input.termEnd, now)}.`,
    });
    return { awardId: award.id, userId: award.user_id };
  },
});

/** A manager revokes an award before its term ends. */
export const revokeAward = defineCommand({
  name: "tier.revoke",
  async run(trx, input: { awardId: number; reason: string }, { viewer, effects, now }) {
    ensure("manageTierAwards", viewer);
    const reason = checkDecision(input);
    const award = await lockAward(trx, input.awardId);
    if (award.status !== "active")
      throw new ConflictError(
        `This award has already ${award.status === "revoked" ? "been revoked" : "lapsed"}.`,
      );
    await trx
      .updateTable("tier_awards")
      .set({ status: "revoked", ended_at: now, ended_by: viewer.id, updated_at: now })
      .where("id", "=", award.id)
      .execute();
    await writeHistory(trx, {
      user_id: award.user_id,
      tier_id: award.tier_id,
      change: "revoked",
      award_id: award.id,
      actor_id: viewer.id,
      reason,
      term_start: award.term_start,
      term_end: award.term_end,
      created_at: now,
    });
    effects.audit({
      actorId: viewer.id,
      action: "tier.revoked",
      subjectType: "user",
      subjectId: award.user_id,
      reason,
      details: { tier: award.tier_name, awardId: award.id },
    });
    revokeCredentialsLater(effects, { type: "tier_award", id: award.id }, reason);
    tellTierChange(effects, {
      userId: award.user_id,
      kind: "info",
      title: `Your ${award.tier_name} award was revoked`,
      description: reason,
    });
    return { awardId: award.id, userId: award.user_id };
  },
});

/**
 * Ends every active award whose term is over, with a history row each. Time
 * alone makes this change, so the community's sweep runs it (no viewer).
 * Safe to run from several processes at once: rows are claimed with SKIP
 * LOCKED. Returns whom it concerned.
 */
export const lapseExpiredAwards = defineCommand({
  name: "tier.lapse_expired",
  async run(trx, _input: Record<string, never>, { effects, now }) {
    const expired = await trx
      .selectFrom("tier_awards")
      .innerJoin("tiers", "tiers.id", "tier_awards.tier_id")
      .select([
        "tier_awards.id",
        "tier_awards.user_id",
        "tier_awards.tier_id",
        "tier_awards.term_start",
        "tier_awards.term_end",
        "tiers.name as tier_name",
      ])
      .where("tier_awards.status", "=", "active")
      .where("tier_awards.term_end", "<=", now)
      .orderBy("tier_awards.id")
      .forUpdate("tier_awards")
      .skipLocked()
      .execute();
    for (const award of expired) {
      await trx
        .updateTable("tier_awards")
        .set({ status: "lapsed", ended_at: award.term_end, ended_by: null, updated_at: now })
        .where("id", "=", award.id)
        .execute();
      await writeHistory(trx, {
        user_id: award.user_id,
        tier_id: award.tier_id,
        change: "lapsed",
        award_id: award.id,
        actor_id: null,
        reason: "The term ended without a renewal.",
        term_start: award.term_start,
        term_end: award.term_end,
        created_at: now,
      });
      effects.audit({
        actorId: null,
        action: "tier.lapsed",
        subjectType: "user",
        subjectId: award.user_id,
        details: { tier: award.tier_name, awardId: award.id },
      });
      revokeCredentialsLater(
        effects,
        { type: "tier_award", id: award.id },
        "The term ended without a renewal.",
      );
      sendWebhookLater(effects, "tier.lapsed", async (trx) => ({
        advocate: await advocateForWebhook(trx, award.user_id),
        tier: { name: award.tier_name, awardId: award.id },
      }));
      tellTierChange(effects, {
        userId: award.user_id,
        kind: "info",
        title: `Your ${award.tier_name} term has ended`,
        description: "Thank you for all you gave the community this year. Your history keeps it.",
      });
      mailPerson(effects, {
        userId: award.user_id,
        kind: "tier_lapsed",
        idempotencyKey: `tier_lapsed:${award.id}`,
        subject: `Your ${award.tier_name} term has ended`,
        template: (person, link) =>
          TierLapsedEmail({ name: person.name, tierName: award.tier_name, link: link(TIER_URL) }),
      });
    }
    return expired.map((a) => ({ awardId: a.id, userId: a.user_id }));
  },
});

function article(word: string): string {
  return /^[aeiou]/i.test(word) || /^MVP/.test(word) ? "an" : "a";
}
