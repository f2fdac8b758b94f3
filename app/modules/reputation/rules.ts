import { formatCount } from "../../utils/format.ts";

/**
 * The one catalogue of reputation rules: what earns points, in which area,
 * and how many by default. Admins may change the values (stored as
 * overrides in the settings table); a change applies from then on, because
 * every ledger row stores the amount it awarded.
 */
export const AREAS = ["help", "speaking", "stories", "community"] as const;
export type Area = (typeof AREAS)[number];

export const AREA_LABELS: Record<Area, string> = {
  help: "Peer help",
  speaking: "Speaking",
  stories: "Stories",
  community: "Community",
};

export const RULE_KEYS = [
  "reply_upvoted",
  "post_upvoted",
  "answer_accepted",
  "accepted_an_answer",
  "reply_marked_helpful",
  "talk_conference",
  "talk_webinar",
  "talk_podcast",
  "talk_meetup",
  "case_study_published",
  "reference_call_completed",
  "referral_won",
  "chapter_led",
  "event_hosted",
  "event_spoke",
  "manual_adjustment",
] as const;
export type RuleKey = (typeof RULE_KEYS)[number];

export interface RuleDefinition {
  key: RuleKey;
  area: Area;
  /** How the rule reads in a history line: "+5 — reply upvoted in …". */
  phrase: string;
  /** What earns it, for the public rule table. */
  description: string;
  defaultPoints: number;
  /** Derived from a peer's vote: daily cap, per-voter limit and no self-votes apply. */
  voteDerived: boolean;
}

export const RULES: Record<RuleKey, RuleDefinition> = {
  reply_upvoted: {
    key: "reply_upvoted",
    area: "help",
    phrase: "reply upvoted",
    description: "A peer upvotes your reply.",
    defaultPoints: 5,
    voteDerived: true,
  },
  post_upvoted: {
    key: "post_upvoted",
    area: "help",
    phrase: "post upvoted",
    description: "A peer upvotes your question or discussion.",
    defaultPoints: 2,
    voteDerived: true,
  },
  answer_accepted: {
    key: "answer_accepted",
    area: "help",
    phrase: "answer accepted",
    description: "The person who asked accepts your answer.",
    defaultPoints: 15,
    voteDerived: false,
  },
  accepted_an_answer: {
    key: "accepted_an_answer",
    area: "help",
    phrase: "accepted an answer",
    description: "You accept an answer to your question, closing the loop for the next reader.",
    defaultPoints: 2,
    voteDerived: false,
  },
  reply_marked_helpful: {
    key: "reply_marked_helpful",
    area: "help",
    phrase: "reply marked helpful",
    description: "A community manager marks your reply as especially helpful.",
    defaultPoints: 10,
    voteDerived: false,
  },
  talk_conference: {
    key: "talk_conference",
    area: "speaking",
    phrase: "conference talk verified",
    description: "You spoke at a conference; a manager verified the delivery.",
    defaultPoints: 100,
    voteDerived: false,
  },
  talk_webinar: {
    key: "talk_webinar",
    area: "speaking",
    phrase: "webinar verified",
    description: "You presented a webinar; a manager verified the delivery.",
    defaultPoints: 50,
    voteDerived: false,
  },
  talk_podcast: {
    key: "talk_podcast",
    area: "speaking",
    phrase: "podcast verified",
    description: "You were a podcast guest; a manager verified the episode.",
    defaultPoints: 50,
    voteDerived: false,
  },
  talk_meetup: {
    key: "talk_meetup",
    area: "speaking",
    phrase: "meetup talk verified",
    description: "You spoke at a meetup or user group; a manager verified the delivery.",
    defaultPoints: 30,
    voteDerived: false,
  },
  case_study_published: {
    key: "case_study_published",
    area: "stories",
    phrase: "case study published",
    description: "Your case study is published in the library.",
    defaultPoints: 150,
    voteDerived: false,
  },
  reference_call_completed: {
    key: "reference_call_completed",
    area: "community",
    phrase: "reference call completed",
    description: "You talked with a prospect who is like you.",
    defaultPoints: 40,
    voteDerived: false,
  },
  referral_won: {
    key: "referral_won",
    area: "community",
    phrase: "referral won",
    description: "A company you referred became a customer.",
    defaultPoints: 0,
    voteDerived: false,
  },
  chapter_led: {
    key: "chapter_led",
    area: "community",
    phrase: "appointed chapter leader",
    description: "A community manager appoints you to lead a local chapter.",
    defaultPoints: 50,
    voteDerived: false,
  },
  event_hosted: {
    key: "event_hosted",
    area: "community",
    phrase: "event hosted",
    description: "You organised a chapter event; its attendance is recorded.",
    defaultPoints: 40,
    voteDerived: false,
  },
  event_spoke: {
    key: "event_spoke",
    area: "speaking",
    phrase: "spoke at a chapter event",
    description: "You spoke at a chapter event; the organiser recorded it after the event.",
    defaultPoints: 30,
    voteDerived: false,
  },
  manual_adjustment: {
    key: "manual_adjustment",
    area: "community",
    phrase: "awarded by a community manager",
    description:
      "A community manager awards or corrects points by hand, always with a reason you can read.",
    defaultPoints: 0,
    voteDerived: false,
  },
};

/** Rules whose value an admin can set (a manual adjustment carries its own amount). */
export const CONFIGURABLE_RULES = RULE_KEYS.filter((k) => k !== "manual_adjustment");
export type RuleValues = Record<RuleKey, number>;

/** One line of the public rule table: a configurable rule and its current value. */
export interface RuleRow {
  key: RuleKey;
  area: Area;
  description: string;
  points: number;
}

/** The public rule table, in catalogue order, at the given values. */
export function ruleRows(values: RuleValues): RuleRow[] {
  return CONFIGURABLE_RULES.map((key) => ({
    key,
    area: RULES[key].area,
    description: RULES[key].description,
    points: values[key],
  }));
}

export const RULE_VALUE_MAX = 1000;
/** A manual award or correction stays within ±this per entry. */
export const MANUAL_ADJUSTMENT_LIMIT = 500;
/** Vote-derived points one person can receive per day (UTC). */
export const DEFAULT_DAILY_VOTE_CAP = 200;
/** Scoring votes per day from one voter to the same author. */
export const DEFAULT_VOTES_PER_VOTER_PER_DAY = 5;

export function isRuleKey(value: unknown): value is RuleKey {
  return typeof value === "string" && (RULE_KEYS as readonly string[]).includes(value);
}

export function isArea(value: unknown): value is Area {
  return typeof value === "string" && (AREAS as readonly string[]).includes(value);
}

export const defaultRuleValues = (): RuleValues =>
  Object.fromEntries(RULE_KEYS.map((k) => [k, RULES[k].defaultPoints])) as RuleValues;

/** Defaults with the stored overrides on top; anything malformed in storage is ignored. */
export function mergeRuleValues(overrides: unknown): RuleValues {
  const values = defaultRuleValues();
  if (overrides && typeof overrides === "object") {
    for (const [key, value] of Object.entries(overrides as Record<string, unknown>)) {
      if (
        isRuleKey(key) &&
        key !== "manual_adjustment" &&
        Number.isInteger(value) &&
        (value as number) >= 0 &&
        (value as number) <= RULE_VALUE_MAX
      )
        values[key] = value as number;
    }
  }
  return values;
}

/** Settings beyond rule values that shape the engine and leaderboards. */
export interface ReputationOptions {
  dailyVoteCap: number;
  votesPerVoterPerDay: number;
  /** Managers and admins appear on leaderboards (off by default). */
  leaderboardIncludesStaff: boolean;
}

export const defaultOptions = (): ReputationOptions => ({
  dailyVoteCap: DEFAULT_DAILY_VOTE_CAP,
  votesPerVoterPerDay: DEFAULT_VOTES_PER_VOTER_PER_DAY,
  leaderboardIncludesStaff: false,
});

export function mergeOptions(stored: unknown): ReputationOptions {
  const options = defaultOptions();
  if (stored && typeof stored === "object") {
    const s = stored as Record<string, unknown>;
    if (Number.isInteger(s.dailyVoteCap) && (s.dailyVoteCap as number) >= 0)
      options.dailyVoteCap = s.dailyVoteCap as number;
    if (Number.isInteger(s.votesPerVoterPerDay) && (s.votesPerVoterPerDay as number) >= 0)
      options.votesPerVoterPerDay = s.votesPerVoterPerDay as number;
    if (typeof s.leaderboardIncludesStaff === "boolean")
      options.leaderboardIncludesStaff = s.leaderboardIncludesStaff;
  }
  return options;
}

/**
 * How many of the points a vote would earn it may actually award, given
 * what the receiver already got from votes today and how many scoring votes
 * this voter already gave this author today. A capped vote still writes a
 * ledger row (amount 0) whose reason explains the cap.
 */
export function applyVoteCaps(input: {
  points: number;
  receivedToday: number;
  scoringVotesFromVoterToday: number;
  options: Pick<ReputationOptions, "dailyVoteCap" | "votesPerVoterPerDay">;
}): { amount: number; reason: string | null } {
  const { points, receivedToday, scoringVotesFromVoterToday, options } = input;
  if (points <= 0) return { amount: 0, reason: null };
  if (scoringVotesFromVoterToday >= options.votesPerVoterPerDay) {
    return {
      amount: 0,
      reason: `No points: this voter already gave ${options.votesPerVoterPerDay} scoring votes to the same person today.`,
    };
  }
  const room = Math.max(0, options.dailyVoteCap - receivedToday);
  if (room === 0) {
    return {
      amount: 0,
      reason: `No points: the daily limit of ${options.dailyVoteCap} points from votes was reached.`,
    };
  }
  if (points > room) {
    return {
      amount: room,
      reason: `Only ${room} of ${points} points: the daily limit of ${options.dailyVoteCap} points from votes was reached.`,
    };
  }
  return { amount: points, reason: null };
}

/** Signed points as people read them: "+15", "−5", "0". */
export function formatPoints(amount: number): string {
  if (amount > 0) return `+${formatCount(amount)}`;
  if (amount < 0) return `−${formatCount(Math.abs(amount))}`;
  return "0";
}
