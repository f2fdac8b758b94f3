import { AREAS, type Area, type RuleKey } from "./rules.ts";

/**
 * Badges: milestones granted once, from counts derived from the ledger.
 * Adding a badge is adding one definition here: a predicate over the
 * counts, nothing else.
 */
export interface BadgeCounts {
  /** Net number of awards under these rules (a reversal takes one back). */
  count(...rules: RuleKey[]): number;
  /** Net number of distinct sources (a reply, a talk …) that earned under this rule. */
  distinct(rule: RuleKey): number;
  total: number;
  byArea: Record<Area, number>;
  /** When the first points arrived, and the moment being evaluated. */
  firstPointsAt: Date | null;
  at: Date;
}

export interface BadgeDefinition {
  key: string;
  name: string;
  description: string;
  /** One to three characters drawn on the medal (decorative; common fonts have them). */
  icon: string;
  earned(c: BadgeCounts): boolean;
}

const DAY = 86_400_000;

export const BADGES: BadgeDefinition[] = [
  {
    key: "first_answer",
    name: "First Answer",
    description: "Had an answer accepted for the first time.",
    icon: "✓",
    earned: (c) => c.count("answer_accepted") >= 1,
  },
  {
    key: "problem_solver",
    name: "Problem Solver",
    description: "Had 10 answers accepted.",
    icon: "10",
    earned: (c) => c.count("answer_accepted") >= 10,
  },
  {
    key: "helping_hand",
    name: "Helping Hand",
    description: "Wrote 10 replies that peers upvoted.",
    icon: "♥",
    earned: (c) => c.distinct("reply_upvoted") >= 10,
  },
  {
    key: "good_neighbour",
    name: "Good Neighbour",
    description: "Received 50 upvotes from peers.",
    icon: "50",
    earned: (c) => c.count("reply_upvoted", "post_upvoted") >= 50,
  },
  {
    key: "loop_closer",
    name: "Loop Closer",
    description: "Accepted answers to 5 of their own questions, so the next reader finds them.",
    icon: "↻",
    earned: (c) => c.count("accepted_an_answer") >= 5,
  },
  {
    key: "first_talk",
    name: "First Talk",
    description: "Gave a first verified talk, webinar, podcast or meetup session.",
    icon: "♪",
    earned: (c) => c.count("talk_conference", "talk_webinar", "talk_podcast", "talk_meetup") >= 1,
  },
  {
    key: "headliner",
    name: "Headliner",
    description: "Gave 5 verified talks.",
    icon: "5♪",
    earned: (c) => c.count("talk_conference", "talk_webinar", "talk_podcast", "talk_meetup") >= 5,
  },
  {
    key: "storyteller",
    name: "Storyteller",
    description: "Published a first case study.",
    icon: "¶",
    earned: (c) => c.count("case_study_published") >= 1,
  },
  {
    key: "connector",
    name: "Connector",
    description: "Completed a first reference call with a prospect.",
    icon: "☎",
    earned: (c) => c.count("reference_call_completed") >= 1,
  },
  {
    key: "rising_star",
    name: "Rising Star",
    description: "Earned a first 100 points within 30 days.",
    icon: "★",
    earned: (c) =>
      c.total >= 100 &&
      c.firstPointsAt !== null &&
      c.at.getTime() - c.firstPointsAt.getTime() <= 30 * DAY,
  },
  {
    key: "century",
    name: "Century",
    description: "Reached 100 reputation.",
    icon: "100",
    earned: (c) => c.total >= 100,
  },
  {
    key: "all_rounder",
    name: "All-Rounder",
    description: "Earned points in every area: peer help, speaking, stories and community.",
    icon: "4",
    earned: (c) => AREAS.every((a) => c.byArea[a] > 0),
  },
];

export const BADGE_BY_KEY = new Map(BADGES.map((b) => [b.key, b]));

export interface LedgerFact {
  id: number;
  amount: number;
  rule: string;
  area: Area;
  source_type: string;
  source_id: string;
  reverses_id: number | null;
  created_at: Date;
}

/**
 * Replays a person's ledger in order and returns the badges newly reached,
 * each dated by the entry that reached it. Already-earned badges are skipped.
 */
export function evaluateBadges(
  facts: LedgerFact[],
  alreadyEarned: ReadonlySet<string>,
  definitions: BadgeDefinition[] = BADGES,
): { badge: string; earnedAt: Date }[] {
  const pending = definitions.filter((d) => !alreadyEarned.has(d.key));
  if (pending.length === 0) return [];
  const sorted = [...facts].sort(
    (a, b) => a.created_at.getTime() - b.created_at.getTime() || a.id - b.id,
  );
  const byId = new Map(sorted.map((f) => [f.id, f]));
  const ruleCounts = new Map<string, number>();
  const sourceCounts = new Map<string, number>();
  const byArea = Object.fromEntries(AREAS.map((a) => [a, 0])) as Record<Area, number>;
  let total = 0;
  let firstPointsAt: Date | null = null;
  let at = new Date(0);
  const counts: BadgeCounts = {
    count: (...rules) => rules.reduce((n, r) => n + (ruleCounts.get(r) ?? 0), 0),
    distinct: (rule) => {
      let n = 0;
      for (const [key, c] of sourceCounts) if (c > 0 && key.startsWith(`${rule}\u0000`)) n++;
      return n;
    },
    get total() {
      return total;
    },
    byArea,
    get firstPointsAt() {
      return firstPointsAt;
    },
    get at() {
      return at;
    },
  };
  const granted: { badge: string; earnedAt: Date }[] = [];
  for (const fact of sorted) {
    const original = fact.reverses_id === null ? fact : byId.get(fact.reverses_id);
    const step = fact.reverses_id === null ? 1 : -1;
    if (original) {
      ruleCounts.set(original.rule, (ruleCounts.get(original.rule) ?? 0) + step);
      const sourceKey = `${original.rule}\u0000${original.source_type}\u0000${original.source_id}`;
      sourceCounts.set(sourceKey, (sourceCounts.get(sourceKey) ?? 0) + step);
    }
    total += fact.amount;
    byArea[fact.area] += fact.amount;
    if (firstPointsAt === null && fact.amount > 0) firstPointsAt = fact.created_at;
    at = fact.created_at;
    for (let i = pending.length - 1; i >= 0; i--) {
      if (pending[i].earned(counts)) {
        granted.push({ badge: pending[i].key, earnedAt: fact.created_at });
        pending.splice(i, 1);
      }
    }
    if (pending.length === 0) break;
  }
  return granted;
}
