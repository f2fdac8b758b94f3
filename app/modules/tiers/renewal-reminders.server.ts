import { defineCommand } from "../commands/command.server.ts";
import { mailShortDay } from "../mail/templates/locale-context.ts";
import { TierRenewalDueEmail } from "../mail/templates/tiers.tsx";
import { mailPerson } from "../mail/to-person.server.ts";
import { isEnqueued } from "../outbox/queue.server.ts";
import { TIER_URL } from "./award-records.server.ts";

/** How long before a term ends its holder hears that the renewal is coming up. */
export const RENEWAL_NOTICE_DAYS = 30;

/**
 * Tells each holder of an awarded tier, once per term, that the term ends
 * within RENEWAL_NOTICE_DAYS. Time alone makes this due, so the community's
 * sweep runs it; the message's key (award and term end) keeps it to one per
 * term however often the sweep runs, and on however many processes.
 */
export const remindRenewalsDue = defineCommand({
  name: "tier.remind_renewals_due",
  async run(trx, _input: Record<string, never>, { effects, now }) {
    const horizon = new Date(now.getTime() + RENEWAL_NOTICE_DAYS * 24 * 60 * 60 * 1000);
    const due = await trx
      .selectFrom("tier_awards")
      .innerJoin("tiers", "tiers.id", "tier_awards.tier_id")
      .select([
        "tier_awards.id",
        "tier_awards.user_id",
        "tier_awards.term_end",
        "tiers.name as tier_name",
      ])
      .where("tier_awards.status", "=", "active")
      .where("tier_awards.term_end", ">", now)
      .where("tier_awards.term_end", "<=", horizon)
      .orderBy("tier_awards.id")
      .execute();
    const reminded: number[] = [];
    for (const award of due) {
      const key = `tier_renewal_due:${award.id}:${new Date(award.term_end).toISOString()}`;
      if (await isEnqueued(trx, key)) continue;
      mailPerson(effects, {
        userId: award.user_id,
        kind: "tier_renewal_due",
        idempotencyKey: key,
        subject: (t, locale) =>
          t("mail.tierRenewalDue.subject", {
            tier: award.tier_name,
            termEnd: mailShortDay(locale, award.term_end, now),
          }),
        template: (person, link) =>
          TierRenewalDueEmail({
            name: person.name,
            tierName: award.tier_name,
            termEnd: new Date(award.term_end),
            now,
            link: link(TIER_URL),
          }),
      });
      reminded.push(award.user_id);
    }
    return reminded;
  },
});
