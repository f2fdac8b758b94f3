import { describe, expect, it } from "vitest";
import { BADGES, evaluateBadges, type LedgerFact } from "../../app/modules/reputation/badges.ts";
import {
  cumulativeSeries,
  layoutStackedChart,
  niceCeiling,
} from "../../app/modules/reputation/chart.ts";
import {
  holdsPrivilege,
  mergePrivilegeThresholds,
  privilegeProgress,
} from "../../app/modules/access/privileges.ts";
import {
  applyVoteCaps,
  formatPoints,
  mergeOptions,
  mergeRuleValues,
  RULE_KEYS,
  RULES,
} from "../../app/modules/reputation/rules.ts";
import { policy } from "../../app/modules/access/policy.ts";

const caps = { dailyVoteCap: 200, votesPerVoterPerDay: 5 };

describe("rule catalogue", () => {
  it("has the documented defaults, and referrals earn nothing unless an admin says so", () => {
    const v = mergeRuleValues(undefined);
    expect(v).toMatchObject({
      reply_upvoted: 5,
      post_upvoted: 2,
      answer_accepted: 15,
      accepted_an_answer: 2,
      reply_marked_helpful: 10,
      talk_conference: 100,
      talk_webinar: 50,
      talk_podcast: 50,
      talk_meetup: 30,
      case_study_published: 150,
      reference_call_completed: 40,
      referral_won: 0,
    });
    for (const key of RULE_KEYS) expect(RULES[key].key).toBe(key);
  });

  it("applies stored overrides and ignores malformed ones", () => {
    const v = mergeRuleValues({
      reply_upvoted: 7,
      post_upvoted: -1,
      answer_accepted: "20",
      nonsense: 3,
      manual_adjustment: 100,
      talk_meetup: 1001,
    });
    expect(v.reply_upvoted).toBe(7);
    expect(v.post_upvoted).toBe(2);
    expect(v.answer_accepted).toBe(15);
    expect(v.manual_adjustment).toBe(0);
    expect(v.talk_meetup).toBe(30);
    expect(mergeOptions({ dailyVoteCap: 50, leaderboardIncludesStaff: "yes" })).toEqual({
      dailyVoteCap: 50,
      votesPerVoterPerDay: 5,
      leaderboardIncludesStaff: false,
    });
  });

  it("formats signed points", () => {
    expect(formatPoints(15)).toBe("+15");
    expect(formatPoints(-5)).toBe("−5");
    expect(formatPoints(0)).toBe("0");
    expect(formatPoints(1500)).toBe("+1,500");
  });
});

describe("vote caps", () => {
  it("awards in full under both limits", () => {
    expect(
      applyVoteCaps({ points: 5, receivedToday: 0, scoringVotesFromVoterToday: 0, options: caps }),
    ).toEqual({ amount: 5, reason: null });
  });

  it("awards only what is left under the daily cap, then nothing, saying why", () => {
    const partial = applyVoteCaps({
      points: 5,
      receivedToday: 198,
      scoringVotesFromVoterToday: 0,
      options: caps,
    });
    expect(partial.amount).toBe(2);
    expect(partial.reason).toMatch(/Only 2 of 5 points: the daily limit of 200/);
    const none = applyVoteCaps({
      points: 5,
      receivedToday: 200,
      scoringVotesFromVoterToday: 0,
      options: caps,
    });
    expect(none).toEqual({
      amount: 0,
      reason: "No points: the daily limit of 200 points from votes was reached.",
    });
  });

  it("stops scoring after five votes from one voter to the same author in a day", () => {
    const sixth = applyVoteCaps({
      points: 5,
      receivedToday: 25,
      scoringVotesFromVoterToday: 5,
      options: caps,
    });
    expect(sixth.amount).toBe(0);
    expect(sixth.reason).toMatch(/already gave 5 scoring votes/);
  });
});

describe("privileges", () => {
  it("unlock at their thresholds; staff hold every privilege; start_discussion needs a verified customer", () => {
    const advocate = { role: "advocate" as const, reputation: 14 };
    expect(holdsPrivilege(advocate, "vote")).toBe(false);
    expect(holdsPrivilege({ ...advocate, reputation: 15 }, "vote")).toBe(true);
    expect(holdsPrivilege(advocate, "start_discussion")).toBe(true);
    expect(holdsPrivilege({ role: "prospect", reputation: 5000 }, "start_discussion")).toBe(false);
    expect(holdsPrivilege({ role: "prospect", reputation: 20 }, "vote")).toBe(true);
    expect(holdsPrivilege({ role: "manager", reputation: 0 }, "edit_others")).toBe(true);
    expect(holdsPrivilege({ role: "admin" }, "see_vote_breakdown")).toBe(true);
    expect(holdsPrivilege(null, "vote")).toBe(false);
  });

  it("follow configured thresholds, through the one access policy", () => {
    const viewer = { id: 1, role: "advocate" as const, reputation: 20 };
    expect(policy.hasPrivilege(viewer, "vote")).toBe(true);
    expect(policy.hasPrivilege(viewer, "vote", { vote: 50 })).toBe(false);
    expect(policy.hasPrivilege({ ...viewer, privilegeThresholds: { vote: 50 } }, "vote")).toBe(
      false,
    );
    expect(
      policy.hasPrivilege({ id: 2, role: "manager" }, "edit_others", { edit_others: 1e5 }),
    ).toBe(true);
    expect(policy.hasPrivilege(null, "vote")).toBe(false);
    expect(mergePrivilegeThresholds({ vote: 30, flag: -3, edit_others: "x" })).toMatchObject({
      vote: 30,
      flag: 15,
      edit_others: 1000,
      see_vote_breakdown: 1000,
      start_discussion: 0,
    });
  });

  it("tell a person why a privilege is locked and how far they are", () => {
    const progress = privilegeProgress({ role: "advocate", reputation: 10 });
    const vote = progress.find((p) => p.key === "vote")!;
    expect(vote).toMatchObject({ held: false, pointsToGo: 5, threshold: 15 });
    expect(vote.why).toBe("You have 10 of 15 points: 5 to go.");
    const start = privilegeProgress({ role: "prospect", reputation: 10 }).find(
      (p) => p.key === "start_discussion",
    )!;
    expect(start.held).toBe(false);
    expect(start.why).toMatch(/verified customers/);
    expect(privilegeProgress(null)[0].why).toMatch(/Sign in/);
  });
});

describe("badges", () => {
  let id = 0;
  const fact = (rule: string, amount: number, day: number, extra: Partial<LedgerFact> = {}) =>
    ({
      id: ++id,
      amount,
      rule,
      area: rule.startsWith("talk") ? "speaking" : "help",
      source_type: "post",
      source_id: String(id),
      reverses_id: null,
      created_at: new Date(Date.UTC(2026, 0, 1) + day * 86_400_000),
      ...extra,
    }) as LedgerFact;

  it("are dated by the entry that reached them and never granted twice", () => {
    const facts = [
      fact("answer_accepted", 15, 1),
      ...Array.from({ length: 9 }, (_, i) => fact("answer_accepted", 15, 2 + i)),
    ];
    const granted = evaluateBadges(facts, new Set());
    const byKey = new Map(granted.map((g) => [g.badge, g.earnedAt]));
    expect(byKey.get("first_answer")).toEqual(facts[0].created_at);
    expect(byKey.get("problem_solver")).toEqual(facts[9].created_at);
    expect(byKey.get("century")).toEqual(facts[6].created_at); // 7 × 15 = 105
    expect(byKey.has("rising_star")).toBe(true);
    expect(evaluateBadges(facts, new Set(granted.map((g) => g.badge)))).toEqual([]);
  });

  it("count a reversed award as taken back", () => {
    const talk = fact("talk_meetup", 30, 1);
    const reversal = fact("talk_meetup", -30, 2, {
      reverses_id: talk.id,
      source_id: talk.source_id,
    });
    expect(evaluateBadges([talk, reversal], new Set()).map((g) => g.badge)).toEqual(["first_talk"]);
    // Reached only after the reversal: five talks in total, one taken back, needs a sixth.
    const more = [2, 3, 4, 5].map((d) => fact("talk_meetup", 30, 2 + d));
    expect(
      evaluateBadges([talk, reversal, ...more], new Set(["first_talk"])).map((g) => g.badge),
    ).not.toContain("headliner");
  });

  it("Rising Star needs the first 100 points within 30 days", () => {
    const slow = [fact("answer_accepted", 60, 0), fact("answer_accepted", 60, 45)];
    expect(evaluateBadges(slow, new Set()).map((g) => g.badge)).not.toContain("rising_star");
    const helpful = Array.from({ length: 10 }, (_, i) =>
      fact("reply_upvoted", 5, i, { source_id: `r${i}` }),
    );
    expect(evaluateBadges(helpful, new Set()).map((g) => g.badge)).toContain("helping_hand");
    expect(BADGES.length).toBeGreaterThanOrEqual(10);
  });
});

describe("chart", () => {
  it("accumulates per area and stacks them with a readable axis", () => {
    const series = cumulativeSeries(
      [
        { day: "2026-01-01", area: "help", points: 10 },
        { day: "2026-01-01", area: "speaking", points: 100 },
        { day: "2026-02-01", area: "help", points: 5 },
      ],
      "2026-03-01",
    );
    expect(series.map((p) => p.total)).toEqual([110, 115, 115]);
    expect(series[1].byArea).toEqual({ help: 15, speaking: 100, stories: 0, community: 0 });
    const chart = layoutStackedChart(series);
    expect(chart.max).toBe(200);
    expect(chart.areas).toHaveLength(4);
    expect(chart.areas[0].path).toMatch(/^M/);
    expect(niceCeiling(115)).toBe(200);
    expect(niceCeiling(7)).toBe(10);
    expect(niceCeiling(2400)).toBe(2500);
  });
});
