import { sql } from "kysely";
import { contextFor } from "../../app/modules/commands/command.server.ts";
import { createItem } from "../../app/modules/early-access/manage.server.ts";
import { lapseExpiredAwards } from "../../app/modules/tiers/award-sweeps.server.ts";
import { grantTier, renewAward } from "../../app/modules/tiers/awards.server.ts";
import { listTiers, toRule } from "../../app/modules/tiers/catalogue.server.ts";
import { nominate } from "../../app/modules/tiers/nominations.server.ts";
import { addMonths, automaticTierFor, type TierRule } from "../../app/modules/tiers/rules.ts";
import { SHOWCASE_RULE_PATTERN, STORY_RULE } from "../../app/modules/reputation/reads.server.ts";
import { effectiveTiers } from "../../app/modules/tiers/standing.server.ts";
import { renderMarkdown } from "../../app/utils/markdown.server.ts";
import type { Queryable } from "../client.ts";
import { SEED_ITEMS, SEED_TIERS } from "./tiers-content.ts";

const DAY = 86_400_000;

/** The Member-tier demo advocate, new to the community (same demo password as everyone). */
export const NEWCOMER = {
  email: "newcomer@demo.limelight.dev",
  handle: "sam-whitfield",
  displayName: "Sam Whitfield",
  headline: "Analytics engineer at a hospital network, three weeks into Northwind",
  company: "Meridian Health Partners",
  jobTitle: "Analytics Engineer",
  industry: "Healthcare",
  location: "Bristol, United Kingdom",
  bio: "We signed with Northwind last month to replace a tangle of nightly SQL jobs that feed our bed-management dashboards. I'm the one doing the migration, and I'm here to learn from people who have done it before.\n\nRight now I'm reading everything about **data pipelines** and **governance for clinical data**. If you've moved scheduled jobs onto Northwind in a regulated setting, I'd love to hear how you did it.",
  expertise: ["data-pipelines", "sql", "governance"],
};

/**
 * Tiers, awards, nominations and early-access content of the demo
 * community. Runs after reputation, so every balance already exists; the
 * automatic tiers are replayed from the ledger so that each "reached" line
 * carries the day it really happened.
 */
export async function seedTiers(
  db: Queryable,
  people: Map<string, number>,
  now: Date,
): Promise<void> {
  const at = (days: number) => new Date(now.getTime() + days * DAY);
  const id = (handle: string) => {
    const value = people.get(handle);
    if (value === undefined) throw new Error(`The tier seed needs @${handle} in the demo people.`);
    return value;
  };

  await seedTierCatalogue(db, at(-900));
  const tiers = await listTiers(db);
  const tierId = (slug: string) => tiers.find((t) => t.slug === slug)!.id;

  await addNewcomer(db, people, now);
  await replayAutomaticTiers(db, tiers.map(toRule));

  // Three MVPs: Catie (her term ends within the renewal window) and the two
  // other advocates with the highest reputation; a third had a term that lapsed.
  const manager = { id: id("morgan"), role: "manager" as const };
  const ranked = await db
    .selectFrom("users")
    .leftJoin("reputation_balances as b", "b.user_id", "users.id")
    .select(["users.id", "users.handle"])
    .where("users.role", "=", "advocate")
    .where("users.handle", "not in", ["catie", NEWCOMER.handle])
    .orderBy(sql`coalesce(b.total, 0)`, "desc")
    .orderBy("users.handle")
    .execute();
  const mvp = tierId("mvp");

  // Catie: first awarded almost two years ago, renewed once; the current term ends in 45 days.
  const catieStart = at(-685);
  const catie = await grantTier(contextFor(db, manager, { now: catieStart }), {
    userId: id("catie"),
    tierId: mvp,
    reason:
      "Keynote panel at Summit, the carrier scorecard case study and a year of patient answers in Operations analytics.",
    termStart: catieStart,
    termEnd: addMonths(catieStart, 12),
  });
  const catieRenewal = addMonths(catieStart, 12);
  await renewAward(contextFor(db, manager, { now: at(-320) }), {
    awardId: catie.awardId,
    reason: "Another year of talks, reference calls and mentoring first-time speakers.",
    termStart: catieRenewal,
    termEnd: at(45),
  });

  const [second, third, fourth, fifth, sixth] = ranked;
  if (second) {
    const start = at(-200);
    await grantTier(contextFor(db, manager, { now: start }), {
      userId: second.id,
      tierId: mvp,
      reason: "Answers other teams link to, a Summit talk and a year of mentoring newer customers.",
      termStart: start,
      termEnd: addMonths(start, 12),
    });
  }
  if (third) {
    const start = at(-90);
    await grantTier(contextFor(db, manager, { now: start }), {
      userId: third.id,
      tierId: mvp,
      reason:
        "A published case study, a podcast and the best-answered governance questions of the year.",
      termStart: start,
      termEnd: addMonths(start, 12),
    });
  }
  if (fourth) {
    // A term that ended last year without renewal: it lapsed, with history.
    const start = at(-760);
    const end = addMonths(start, 12);
    await grantTier(contextFor(db, manager, { now: start }), {
      userId: fourth.id,
      tierId: mvp,
      reason: "Founding member of a regional user group and its first speaker.",
      termStart: start,
      termEnd: end,
    });
    await lapseExpiredAwards(
      contextFor(db, null, { now: new Date(end.getTime() + 3_600_000) }),
      {},
    );
  }

  // Two open nominations for the review queue.
  if (fifth)
    await nominate(contextFor(db, { id: id("catie"), role: "advocate" }, { now: at(-12) }), {
      handle: fifth.handle,
      tierId: mvp,
      reason:
        "Answers the hardest questions in the community within a day, and ran two user-group meetups this year without being asked.",
      evidenceLinks: ["https://example.com/northwind/meetups/2026-spring"],
    });
  if (sixth)
    await nominate(contextFor(db, { id: id("priya"), role: "manager" }, { now: at(-4) }), {
      handle: sixth.handle,
      tierId: mvp,
      reason:
        "Three reference calls this quarter, each turned into a customer, and a case study draft in review.",
      evidenceLinks: [],
    });

  // Early-access content in every state of the cascade.
  const slugToTier: Record<string, number> = {
    mvp,
    champion: tierId("champion"),
    contributor: tierId("contributor"),
    member: tierId("member"),
  };
  const itemIds = new Map<string, number>();
  for (const item of SEED_ITEMS) {
    const dates = new Map<number, Date | null>();
    for (const tier of tiers) dates.set(tier.id, null);
    for (const [slug, days] of Object.entries(item.opens))
      dates.set(slugToTier[slug], days === undefined ? null : dayStart(at(days)));
    const publishedAt = item.publishedDaysAgo === null ? at(-1) : at(-item.publishedDaysAgo);
    const created = await createItem(contextFor(db, manager, { now: publishedAt }), {
      slug: item.slug,
      title: item.title,
      teaser: item.teaser,
      summary: item.summary,
      body: item.body,
      kind: item.kind,
      downloadUrl: item.downloadUrl ?? null,
      recordingUrl: item.recordingUrl ?? null,
      requiresNda: item.requiresNda,
      publicAt: item.publicInDays === null ? null : dayStart(at(item.publicInDays)),
      dates,
      publish: item.publishedDaysAgo !== null,
    });
    itemIds.set(item.slug, created.id);
  }

  // Catie acknowledged the MVP terms and has read the briefing; others opened what they could.
  await db
    .insertInto("early_access_nda_acks")
    .values({ user_id: id("catie"), tier_id: mvp, terms_version: 1, acknowledged_at: at(-14) })
    .execute();
  type View = [handle: string, slug: string, daysAgo: number, via: "tier" | "public"];
  const views: View[] = [
    ["catie", "2027-roadmap-briefing", -2, "tier"],
    ["catie", "mvp-roundtable-recording", -14, "tier"],
    ["catie", "pipelines-v5-incremental-backfills", -4, "tier"],
    ["tomas-aguilar", "summit-2026-governance-session", -6, "public"],
  ];
  if (second) views.push([second.handle, "pipelines-v5-incremental-backfills", -3, "tier"]);
  if (third) views.push([third.handle, "dashboards-3-beta", -8, "tier"]);
  const ranks = await effectiveTiers(
    db,
    views.map(([handle]) => id(handle)),
    now,
  );
  for (const [handle, slug, days, via] of views) {
    await db
      .insertInto("early_access_views")
      .values({
        item_id: itemIds.get(slug)!,
        user_id: id(handle),
        tier_rank: ranks.get(id(handle))?.tier.rank ?? 0,
        via,
        created_at: at(days),
      })
      .execute();
  }
}

/** The four tiers of the catalogue (Member, Contributor, Champion, MVP). */
export async function seedTierCatalogue(db: Queryable, at = new Date()): Promise<void> {
  for (const tier of SEED_TIERS) {
    await db
      .insertInto("tiers")
      .values({
        slug: tier.slug,
        name: tier.name,
        rank: tier.rank,
        kind: tier.kind,
        description: tier.description,
        colour: tier.colour,
        icon: tier.icon,
        reputation_threshold: tier.reputationThreshold,
        requires_showcase: tier.requiresShowcase,
        term_months: tier.termMonths,
        unlocks: tier.unlocks,
        nda_terms_md: tier.ndaTerms,
        nda_terms_html: renderMarkdown(tier.ndaTerms, { trustedLinks: true }),
        created_at: at,
        updated_at: at,
      })
      .execute();
  }
}

function dayStart(date: Date): Date {
  return new Date(Math.floor(date.getTime() / DAY) * DAY);
}

async function addNewcomer(db: Queryable, people: Map<string, number>, now: Date) {
  // Every demo account shares one password: reuse the hash the demo seed made.
  const anyone = await db
    .selectFrom("users")
    .select("password_hash")
    .where("id", "=", people.get("catie")!)
    .executeTakeFirstOrThrow();
  const joined = new Date(now.getTime() - 21 * DAY);
  const user = await db
    .insertInto("users")
    .values({
      email: NEWCOMER.email,
      handle: NEWCOMER.handle,
      display_name: NEWCOMER.displayName,
      password_hash: anyone.password_hash,
      role: "advocate",
      created_at: joined,
      updated_at: joined,
      verified_customer_at: new Date(joined.getTime() + 2 * DAY),
      verified_by: people.get("morgan") ?? null,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  await db
    .insertInto("profiles")
    .values({
      user_id: user.id,
      headline: NEWCOMER.headline,
      company: NEWCOMER.company,
      job_title: NEWCOMER.jobTitle,
      industry: NEWCOMER.industry,
      location: NEWCOMER.location,
      bio_md: NEWCOMER.bio,
      bio_html: renderMarkdown(NEWCOMER.bio),
      expertise: NEWCOMER.expertise,
      open_to_mentoring: false,
      updated_at: joined,
    })
    .execute();
  people.set(NEWCOMER.handle, user.id);
}

/**
 * Replays every advocate's ledger in order through the hysteresis rule and
 * writes the automatic tier history at the moments it changed (the ledger
 * already kept holdings current while the earlier seed steps ran; this
 * gives them their real dates).
 */
async function replayAutomaticTiers(db: Queryable, tiers: TierRule[]) {
  await db.deleteFrom("tier_history").where("change", "in", ["reached", "lost"]).execute();
  await db.deleteFrom("tier_automatic_holdings").execute();
  const rows = await db
    .selectFrom("reputation_ledger as l")
    .innerJoin("users as u", "u.id", "l.user_id")
    .select(["l.user_id", "l.amount", "l.rule", "l.created_at"])
    .where("u.role", "=", "advocate")
    .orderBy("l.user_id")
    .orderBy("l.created_at")
    .orderBy("l.id")
    .execute();
  const showcase = new RegExp(`^${SHOWCASE_RULE_PATTERN.replace("\\_", "_").replace("%", ".*")}$`);
  const byUser = new Map<number, typeof rows>();
  for (const row of rows) {
    const list = byUser.get(row.user_id) ?? [];
    list.push(row);
    byUser.set(row.user_id, list);
  }
  for (const [userId, entries] of byUser) {
    let balance = 0;
    let showcases = 0;
    let held: TierRule | null = null;
    let since: Date | null = null;
    for (const entry of entries) {
      balance += entry.amount;
      if (showcase.test(entry.rule) || entry.rule === STORY_RULE)
        showcases += Math.sign(entry.amount);
      const next = automaticTierFor(tiers, held?.rank ?? null, { balance, showcases });
      if ((next?.id ?? null) === (held?.id ?? null)) continue;
      const rising = !held || (next !== null && next.rank > held.rank);
      await db
        .insertInto("tier_history")
        .values({
          user_id: userId,
          tier_id: rising ? next!.id : held!.id,
          change: rising ? "reached" : "lost",
          reason: rising
            ? "Reached through reputation."
            : `Reputation fell below 90 % of the ${held!.name} threshold.`,
          created_at: entry.created_at,
        })
        .execute();
      held = next;
      since = entry.created_at;
    }
    if (held && since)
      await db
        .insertInto("tier_automatic_holdings")
        .values({ user_id: userId, tier_id: held.id, since, updated_at: since })
        .execute();
  }
}
