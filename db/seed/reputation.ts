import { checkBadges } from "../../app/modules/reputation/badges.server.ts";
import { awardPoints } from "../../app/modules/reputation/ledger.server.ts";
import type { Area } from "../../app/modules/reputation/rules.ts";
import type { Queryable } from "../client.ts";

const DAY = 86_400_000;

/**
 * Contributions a community manager recognised by hand: things no rule
 * covers (guides, beta testing, mentoring), a talk from before talks were
 * logged, and one correction. Each is a manual adjustment with the reason
 * the advocate reads in their history.
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
    daysAgo: 12,
    amount: 30,
    area: "community",
    reason: "Mentored two new operations analysts through onboarding",
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
    daysAgo: 150,
    amount: 60,
    area: "community",
    reason: "Beta-tested the pipeline scheduler and filed 9 reproducible bugs",
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
    daysAgo: 9,
    amount: 40,
    area: "help",
    reason: "Recorded a governed self-service analytics walkthrough for the knowledge base",
  },
  {
    handle: "seun",
    daysAgo: 200,
    amount: 50,
    area: "community",
    reason: "Organised the first Lagos Northwind user group",
  },
  {
    handle: "hannah-lindqvist",
    daysAgo: 40,
    amount: 30,
    area: "help",
    reason: "Reviewed the compliance documentation for healthcare customers",
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
    reason: "Correction: the Dublin meetup talk was logged twice",
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
    amount: 20,
    area: "help",
    reason: "Answered reporting questions at the community office hours",
  },
  {
    handle: "ethan-cho",
    daysAgo: 7,
    amount: 30,
    area: "community",
    reason: "Hosted community office hours in Seoul",
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
    area: "help",
    reason: "Shared a reusable manufacturing OEE dashboard template",
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
