import { describe, expect, it } from "vitest";
import {
  addMonths,
  automaticTierFor,
  describeProgress,
  keepFloor,
  keepsThreshold,
  progressToNext,
  type TierRule,
} from "./rules.ts";

const tier = (rank: number, overrides: Partial<TierRule>): TierRule => ({
  id: rank,
  slug: `t${rank}`,
  name: `Tier ${rank}`,
  rank,
  kind: "automatic",
  reputationThreshold: null,
  requiresShowcase: false,
  termMonths: null,
  ...overrides,
});

const TIERS: TierRule[] = [
  tier(1, { slug: "member", name: "Member", kind: "base" }),
  tier(2, { slug: "contributor", name: "Contributor", reputationThreshold: 100 }),
  tier(3, {
    slug: "champion",
    name: "Champion",
    reputationThreshold: 750,
    requiresShowcase: true,
  }),
  tier(4, { slug: "mvp", name: "MVP", kind: "awarded", termMonths: 12 }),
];

const slugOf = (t: TierRule | null) => t?.slug ?? null;

describe("automatic tiers with hysteresis", () => {
  it("reaches a tier exactly at its threshold, not a point before", () => {
    expect(slugOf(automaticTierFor(TIERS, null, { balance: 99, showcases: 0 }))).toBe(null);
    expect(slugOf(automaticTierFor(TIERS, null, { balance: 100, showcases: 0 }))).toBe(
      "contributor",
    );
  });

  it("keeps a held tier down to 90 % of the threshold and loses it below", () => {
    expect(slugOf(automaticTierFor(TIERS, 2, { balance: 95, showcases: 0 }))).toBe("contributor");
    expect(slugOf(automaticTierFor(TIERS, 2, { balance: 90, showcases: 0 }))).toBe("contributor");
    expect(slugOf(automaticTierFor(TIERS, 2, { balance: 89, showcases: 0 }))).toBe(null);
  });

  it("does not give a tier that was never held on the way down", () => {
    // 700 is above 90 % of 750 but Champion was never reached.
    expect(slugOf(automaticTierFor(TIERS, 2, { balance: 700, showcases: 1 }))).toBe("contributor");
  });

  it("drops a Champion who fell below 675 to Contributor, not to nothing", () => {
    expect(slugOf(automaticTierFor(TIERS, 3, { balance: 675, showcases: 1 }))).toBe("champion");
    expect(slugOf(automaticTierFor(TIERS, 3, { balance: 674, showcases: 1 }))).toBe("contributor");
  });

  it("needs a verified talk or published story for Champion, with no margin", () => {
    expect(slugOf(automaticTierFor(TIERS, null, { balance: 2000, showcases: 0 }))).toBe(
      "contributor",
    );
    expect(slugOf(automaticTierFor(TIERS, null, { balance: 750, showcases: 1 }))).toBe("champion");
    expect(slugOf(automaticTierFor(TIERS, 3, { balance: 900, showcases: 0 }))).toBe("contributor");
  });

  it("never hands out awarded or base tiers", () => {
    expect(slugOf(automaticTierFor(TIERS, 4, { balance: 100_000, showcases: 9 }))).toBe("champion");
  });

  it("computes the keep floor without floating point surprises", () => {
    expect(keepFloor(750)).toBe(675);
    expect(keepFloor(100)).toBe(90);
    expect(keepFloor(333)).toBe(300);
    expect(keepsThreshold(299, 333)).toBe(false);
    expect(keepsThreshold(300, 333)).toBe(true);
  });
});

describe("progress toward the next tier", () => {
  it("says how much reputation and which contribution is still missing", () => {
    const progress = progressToNext(TIERS, 2, { balance: 620, showcases: 0 })!;
    expect(progress.tier.slug).toBe("champion");
    expect(describeProgress(progress)).toBe(
      "620 / 750 reputation; 1 verified talk or case study still needed",
    );
  });

  it("leaves the showcase out once there is one", () => {
    const progress = progressToNext(TIERS, 2, { balance: 1200, showcases: 2 })!;
    expect(describeProgress(progress)).toBe("1,200 / 750 reputation");
  });

  it("explains that the awarded tier is a decision, and nothing lies above the top", () => {
    const progress = progressToNext(TIERS, 3, { balance: 900, showcases: 1 })!;
    expect(progress.awarded).toBe(true);
    expect(describeProgress(progress)).toMatch(/awarded/);
    expect(progressToNext(TIERS, 4, { balance: 900, showcases: 1 })).toBeNull();
  });
});

describe("terms", () => {
  it("adds calendar months and clamps to the month's last day", () => {
    expect(addMonths(new Date("2026-01-15T00:00:00Z"), 12).toISOString()).toBe(
      "2027-01-15T00:00:00.000Z",
    );
    expect(addMonths(new Date("2026-01-31T10:00:00Z"), 1).toISOString()).toBe(
      "2026-02-28T10:00:00.000Z",
    );
  });
});
