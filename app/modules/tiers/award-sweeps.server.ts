import { advocateForWebhook } from "../integrations/payloads.server.ts";
import { sendWebhookLater } from "../integrations/webhooks.server.ts";
import { defineCommand } from "../commands/command.server.ts";
import { revokeCredentialsLater } from "../credentials/revoke.server.ts";
import { TierLapsedEmail } from "../mail/templates/tiers.tsx";
import { mailPerson } from "../mail/to-person.server.ts";
import { tellTierChange, TIER_URL, writeHistory } from "./award-records.server.ts";

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
        subject: (t) => t("mail.tierLapsed.subject", { tier: award.tier_name }),
        template: (person, link) =>
          TierLapsedEmail({ name: person.name, tierName: award.tier_name, link: link(TIER_URL) }),
      });
    }
    return expired.map((a) => ({ awardId: a.id, userId: a.user_id }));
  },
});
