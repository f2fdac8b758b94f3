import { describe, expect, it } from "vitest";
import {
  checkCascade,
  isReadableAt,
  readableFrom,
  unlockHint,
  type CascadeSubject,
} from "./cascade.ts";

const DAY = 86_400_000;
const now = new Date("2026-12-01T12:00:00Z");
const at = (days: number) => new Date(now.getTime() + days * DAY);

const release = (rank: number, name: string, days: number) => ({
  tierId: rank,
  rank,
  tierName: name,
  opensAt: at(days),
});

// MVP now, Champion in a week, Contributor in a month, public never.
const cascade: CascadeSubject = {
  status: "published",
  publicAt: null,
  releases: [release(4, "MVP", 0), release(3, "Champion", 7), release(2, "Contributor", 30)],
};

describe("who may read an item when", () => {
  it("opens top tier first and the rest on their dates", () => {
    expect(isReadableAt(cascade, 4, now)).toBe(true);
    expect(isReadableAt(cascade, 3, now)).toBe(false);
    expect(isReadableAt(cascade, 3, at(7))).toBe(true);
    expect(isReadableAt(cascade, 2, at(29))).toBe(false);
    expect(isReadableAt(cascade, 1, at(365))).toBe(false);
    expect(isReadableAt(cascade, 0, at(365))).toBe(false);
  });

  it("lets a higher tier read whatever a lower one reads, even without its own date", () => {
    const subject: CascadeSubject = {
      status: "published",
      publicAt: null,
      releases: [release(3, "Champion", -1)],
    };
    expect(isReadableAt(subject, 4, now)).toBe(true);
    expect(isReadableAt(subject, 2, now)).toBe(false);
  });

  it("opens to everyone, signed in or not, at general availability", () => {
    const subject: CascadeSubject = { ...cascade, publicAt: at(60) };
    expect(readableFrom(subject, 0)?.toISOString()).toBe(at(60).toISOString());
    expect(isReadableAt(subject, 0, at(60))).toBe(true);
  });

  it("keeps drafts closed whatever the dates say", () => {
    expect(isReadableAt({ ...cascade, status: "draft" }, 4, now)).toBe(false);
  });
});

describe("teaser lines", () => {
  it("tells a Champion the day it opens for them", () => {
    expect(unlockHint(cascade, 3, now).text).toBe(
      "Champions and above — available to you on 8 Dec",
    );
  });

  it("tells a Member which tier unlocks it", () => {
    expect(unlockHint(cascade, 1, now).text).toBe("Unlocks at Contributor");
    expect(
      unlockHint({ status: "published", publicAt: null, releases: [release(4, "MVP", 0)] }, 2, now)
        .text,
    ).toBe("Unlocks at MVP");
  });

  it("gives visitors the public date, with the year when it is next year", () => {
    expect(unlockHint({ ...cascade, publicAt: at(40) }, 0, now).text).toBe("Public on 10 Jan 2027");
  });
});

describe("checking a cascade", () => {
  const tiers = (dates: Record<number, number | null>) =>
    [
      { tierId: 4, rank: 4, tierName: "MVP" },
      { tierId: 3, rank: 3, tierName: "Champion" },
      { tierId: 2, rank: 2, tierName: "Contributor" },
      { tierId: 1, rank: 1, tierName: "Member" },
    ].map((t) => ({ ...t, opensAt: dates[t.rank] == null ? null : at(dates[t.rank]!) }));

  it("accepts top-first cascades", () => {
    expect(checkCascade(tiers({ 4: 0, 3: 14, 2: 30 }), at(90))).toBeNull();
    expect(checkCascade(tiers({ 4: 0 }), null)).toBeNull();
    expect(checkCascade(tiers({ 3: 0 }), null)).toBeNull();
  });

  it("refuses a lower tier before a higher one, and a tier after general availability", () => {
    expect(checkCascade(tiers({ 4: 14, 3: 0 }), null)).toMatchObject({ field: "opens-3" });
    expect(checkCascade(tiers({ 4: 0, 2: 30 }), at(20))).toMatchObject({ field: "opens-2" });
  });

  it("refuses an item nobody could ever read", () => {
    expect(checkCascade(tiers({}), null)).toMatchObject({ field: "publicAt" });
  });
});
