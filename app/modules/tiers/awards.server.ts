import { advocateForWebhook } from "../integrations/payloads.server.ts";
import { sendWebhookLater } from "../integrations/webhooks.server.ts";
import { formatDay } from "../access/cascade.ts";
import { ensure } from "../access/ensure.ts";
import { defineCommand } from "../commands/command.server.ts";
import { revokeCredentialsLater } from "../credentials/revoke.server.ts";
import { TierGrantedEmail } from "../mail/templates/tiers.tsx";
import { mailPerson } from "../mail/to-person.server.ts";
import { ConflictError, isUniqueViolation } from "../../utils/errors.ts";
import {
  awardableAdvocate,
  awardableTier,
  checkDecision,
  lockAward,
} from "./award-checks.server.ts";
import { article, tellTierChange, TIER_URL, writeHistory } from "./award-records.server.ts";

/**
 * Awarded tiers (MVP-style): a manager grants, renews or revokes, always
 * with a reason and a term. Each change is one command that writes the
 * award, a history row and an audit row; the advocate is told, and their
 * open sockets reload their standing, once it commits. What the commands
 * check first is in award-checks, what each records and tells in
 * award-records, and the sweep that ends expired terms in award-sweeps.
 */

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
      subject: (t) =>
        t("mail.tierGranted.subject", { tier: tier.name, article: article(tier.name) }),
      template: (person, link) =>
        TierGrantedEmail({
          name: person.name,
          tierName: tier.name,
          reason,
          termEnd: new Date(input.termEnd),
          now,
          link: link(TIER_URL),
        }),
    });
    return { awardId: award.id, userId: user.id };
  },
});

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
