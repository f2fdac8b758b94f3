import { checkBadges } from "../../app/modules/reputation/badges.server.ts";
import { awardPoints } from "../../app/modules/reputation/ledger.server.ts";
import type { Area } from "../../app/modules/reputation/rules.ts";
import type { Queryable } from "../client.ts";

const DAY = 86_400_000;

/**
 * Contributions a community manager recognised by hand, before the talks,
 * case-study and reference features existed to award them by rule. Each is
 * a manual adjustment with the reason the advocate reads in their history.
 */
const MANUAL_AWARDS: {
  handle: string;
  daysAgo: number;
  amount: number;
  area: Area;
  reason: string;
}[] = [
  {
    handle: "catie",
    daysAgo: 400,
    amount: 100,
    area: "speaking",
    reason: "Spoke at Northwind Summit 2025 keynote panel",
  },
  {
    handle: "catie",
    daysAgo: 310,
    amount: 50,
    area: "speaking",
    reason: "Hosted the “One number for dispatch and the board” webinar",
  },
  {
    handle: "catie",
    daysAgo: 240,
    amount: 150,
    area: "stories",
    reason: "Bluewater Freight carrier scorecard case study published",
  },
  {
    handle: "catie",
    daysAgo: 120,
    amount: 40,
    area: "community",
    reason: "Reference call with a regional carrier evaluating dashboards",
  },
  {
    handle: "catie",
    daysAgo: 60,
    amount: 30,
    area: "speaking",
    reason: "Spoke at the Columbus data meetup on first talks and stage fright",
  },
  {
    handle: "catie",
    daysAgo: 12,
    amount: 40,
    area: "community",
    reason: "Reference call with a 3PL replacing spreadsheets",
  },
  {
    handle: "catie",
    daysAgo: 5,
    amount: 30,
    area: "help",
    reason: "Wrote the operational dashboards starter guide for the knowledge base",
  },
  {
    handle: "tomas-aguilar",
    daysAgo: 330,
    amount: 100,
    area: "speaking",
    reason: "Spoke at Northwind Summit 2025 on migrating 600 nightly jobs",
  },
  {
    handle: "tomas-aguilar",
    daysAgo: 150,
    amount: 40,
    area: "community",
    reason: "Reference call with a grocery chain planning a scheduler migration",
  },
  {
    handle: "tomas-aguilar",
    daysAgo: 20,
    amount: 30,
    area: "help",
    reason: "Reviewed the v4 migration guide before release",
  },
  {
    handle: "aiko-t",
    daysAgo: 280,
    amount: 50,
    area: "speaking",
    reason: "Guest on the Data Plumbers podcast, episode 41",
  },
  {
    handle: "aiko-t",
    daysAgo: 90,
    amount: 150,
    area: "stories",
    reason: "Case study on governed self-service analytics published",
  },
  {
    handle: "aiko-t",
    daysAgo: 9,
    amount: 30,
    area: "speaking",
    reason: "Spoke at the Osaka user group",
  },
  {
    handle: "seun",
    daysAgo: 200,
    amount: 30,
    area: "speaking",
    reason: "Spoke at the Lagos Northwind user group",
  },
  {
    handle: "seun",
    daysAgo: 25,
    amount: 40,
    area: "community",
    reason: "Reference call with a fintech evaluating SSO",
  },
  {
    handle: "hannah-lindqvist",
    daysAgo: 180,
    amount: 50,
    area: "speaking",
    reason: "Presented the “Compliance without tears” webinar",
  },
  {
    handle: "hannah-lindqvist",
    daysAgo: 40,
    amount: 40,
    area: "community",
    reason: "Reference call with a hospital group",
  },
  {
    handle: "rajesh-iyer",
    daysAgo: 160,
    amount: 60,
    area: "community",
    reason: "Beta-tested the governance console and filed 12 reproducible bugs",
  },
  {
    handle: "rajesh-iyer",
    daysAgo: 14,
    amount: 30,
    area: "help",
    reason: "Wrote the SSO troubleshooting guide for the knowledge base",
  },
  {
    handle: "marisol",
    daysAgo: 220,
    amount: 150,
    area: "stories",
    reason: "Case study on store-level replenishment published",
  },
  {
    handle: "declan-m",
    daysAgo: 100,
    amount: 30,
    area: "speaking",
    reason: "Spoke at the Dublin analytics meetup",
  },
  {
    handle: "declan-m",
    daysAgo: 99,
    amount: -30,
    area: "speaking",
    reason: "Correction: the Dublin meetup talk was recorded twice",
  },
  {
    handle: "declan-m",
    daysAgo: 70,
    amount: 40,
    area: "community",
    reason: "Reference call with a utility company",
  },
  {
    handle: "fatima-alsayed",
    daysAgo: 45,
    amount: 50,
    area: "speaking",
    reason: "Presented the healthcare data-quality webinar",
  },
  {
    handle: "lukas-becker",
    daysAgo: 130,
    amount: 30,
    area: "community",
    reason: "Mentored three new admins through onboarding",
  },
  {
    handle: "grace-mwangi",
    daysAgo: 18,
    amount: 40,
    area: "community",
    reason: "Reference call with an NGO planning reporting",
  },
  {
    handle: "ethan-cho",
    daysAgo: 7,
    amount: 30,
    area: "speaking",
    reason: "Spoke at the Seoul user group",
  },
  {
    handle: "priscila-santos",
    daysAgo: 55,
    amount: 30,
    area: "help",
    reason: "Translated the getting-started guide into Portuguese",
  },
  {
    handle: "wei-zhang",
    daysAgo: 3,
    amount: 40,
    area: "community",
    reason: "Reference call with a manufacturer",
  },
];

/** Reputation the demo community earned outside discussions (manual awards, badges). */
export async function seedReputation(
  db: Queryable,
  people: Map<string, number>,
  now: Date,
): Promise<void> {
  const managerId = people.get("morgan") ?? null;
  if (managerId === null) return;
  for (const [i, award] of MANUAL_AWARDS.entries()) {
    const userId = people.get(award.handle);
    if (!userId) continue;
    await awardPoints(db, {
      userId,
      rule: "manual_adjustment",
      source: { type: "manual", id: `seed-${i + 1}` },
      idempotencyKey: `seed:manual:${i + 1}`,
      awardedBy: managerId,
      amount: award.amount,
      area: award.area,
      reason: award.reason,
      at: new Date(now.getTime() - award.daysAgo * DAY),
    });
  }
  // Badges follow from everything earned so far (discussions and advocacy seed first).
  for (const userId of people.values()) await checkBadges(db, userId);
}
