import { sql } from "kysely";
import type { Queryable } from "../../../db/client.ts";
import { firstPostAt } from "../discussions/activity-reads.server.ts";
import { firstLedgerEntryAt } from "../reputation/dashboard-reads.server.ts";
import { emailsWithLiveTestimonial } from "../testimonials/funnel-reads.server.ts";
import {
  advocatesWhoGaveReferences,
  referralsByAdvocate,
  surveyStepCounts,
  type ScopedSurveyCounts,
} from "./funnel-reads.server.ts";
import { PROMOTER_STEPS, type FunnelStepKey } from "./funnel.ts";
import { lastMonths } from "./survey.server.ts";

export { PROMOTER_STEPS, SEED_REFERRAL_SHARE, type FunnelStepKey } from "./funnel.ts";

/** What a person went on to do after their answer, as it stands today. */
interface Afterwards {
  recommended: boolean;
  joined: boolean;
  contributed: boolean;
  referenceGiven: boolean;
  referred: boolean;
  revenueCents: number;
}

export interface FunnelStepCount {
  key: FunnelStepKey;
  label: string;
  count: number;
  /** Of the people at the step before, the share (whole percent) who reached this one; null for the first or an empty previous step. */
  conversion: number | null;
}

export interface ScopedFunnel {
  steps: FunnelStepCount[];
  /** Revenue (cents) credited to these promoters: each won referral times their share. */
  revenueCents: number;
  /** Promoters who made at least one referral, of all promoters, in whole percent; null without promoters. */
  promotersWhoReferred: number | null;
}

/** The later steps' people, in order: promoters who did that. */
function laterSteps(promoters: Set<string>, after: Map<string, Afterwards>) {
  const reached = (key: FunnelStepKey, email: string): boolean => {
    const a = after.get(email);
    switch (key) {
      case "recommended":
        return Boolean(a?.recommended);
      case "joined":
        return Boolean(a?.joined);
      case "contributed":
        return Boolean(a?.contributed);
      case "reference":
        return Boolean(a?.referenceGiven);
      case "referral":
        return Boolean(a?.referred);
      case "revenue":
        return (a?.revenueCents ?? 0) > 0;
      default:
        return true;
    }
  };
  return PROMOTER_STEPS.slice(SURVEY_STEPS).map((step) => ({
    ...step,
    people: new Set([...promoters].filter((email) => reached(step.key, email))),
  }));
}

/** The first steps (surveyed, answered, promoter) are counted in SQL; the rest follow the promoters. */
const SURVEY_STEPS = 3;

const percentOf = (part: number, whole: number | undefined) =>
  whole ? Math.round((part / whole) * 100) : null;

/** Counts and step-to-step conversion for one scope. */
export function countFunnel(
  scope: ScopedSurveyCounts,
  after: Map<string, Afterwards>,
): ScopedFunnel {
  const { surveyed, answered, promoters: promoterCount } = scope.counts;
  const promoters = new Set(scope.promoterEmails);
  const later = laterSteps(promoters, after);
  const first = [surveyed, answered, promoterCount];
  const steps = [
    ...PROMOTER_STEPS.slice(0, SURVEY_STEPS).map((step, i): FunnelStepCount => ({
      key: step.key,
      label: step.label,
      count: first[i],
      conversion: i === 0 ? null : percentOf(first[i], first[i - 1]),
    })),
    ...later.map((s, i): FunnelStepCount => {
      const before = i === 0 ? promoters : later[i - 1].people;
      const kept = [...s.people].filter((e) => before.has(e)).length;
      return {
        key: s.key,
        label: s.label,
        count: s.people.size,
        conversion: percentOf(kept, i === 0 ? promoterCount : before.size),
      };
    }),
  ];
  const referred = later.find((s) => s.key === "referral")!.people;
  const revenueCents = [...promoters].reduce(
    (sum, e) => sum + (after.get(e)?.revenueCents ?? 0),
    0,
  );
  return {
    steps,
    revenueCents,
    promotersWhoReferred: percentOf(referred.size, promoters.size),
  };
}

/** What each of these people did after answering, read from the module that owns each step. */
async function afterwardsOf(db: Queryable, emails: string[]): Promise<Map<string, Afterwards>> {
  if (!emails.length) return new Map();
  const [recommended, members] = await Promise.all([
    emailsWithLiveTestimonial(db, emails),
    db
      .selectFrom("users")
      .select(["id", sql<string>`lower(email)`.as("email")])
      .where(sql<string>`lower(email)`, "in", emails)
      .where("deleted_at", "is", null)
      .execute(),
  ]);
  const ids = members.map((m) => m.id);
  const [ledger, posts, references, referrals] = await Promise.all([
    firstLedgerEntryAt(db, ids),
    firstPostAt(db, ids),
    advocatesWhoGaveReferences(db, ids),
    referralsByAdvocate(db, ids),
  ]);
  const byEmail = new Map(members.map((m) => [m.email, m.id]));
  return new Map(
    emails.map((email) => {
      const id = byEmail.get(email);
      const referral = id === undefined ? undefined : referrals.get(id);
      return [
        email,
        {
          recommended: recommended.has(email),
          joined: id !== undefined,
          contributed: id !== undefined && (ledger.has(id) || posts.has(id)),
          referenceGiven: id !== undefined && references.has(id),
          referred: (referral?.referrals ?? 0) > 0,
          revenueCents: referral?.creditedRevenueCents ?? 0,
        },
      ];
    }),
  );
}

export interface PromoterFunnelReport {
  overall: ScopedFunnel;
  bySurvey: { surveyId: number; funnel: ScopedFunnel }[];
  monthly: { month: string; funnel: ScopedFunnel }[];
}

/**
 * surveyed → answered → promoter → recommended → joined → first contribution
 * → reference given → referral made → revenue: over everything, for each
 * survey sent from the product, and for each of the last `months` months
 * (a month's cohort is the people surveyed or answering in it; what they did
 * afterwards is counted as it stands today).
 */
export async function promoterFunnelReport(
  db: Queryable,
  options: { now?: Date; months?: number } = {},
): Promise<PromoterFunnelReport> {
  const now = options.now ?? new Date();
  const months = lastMonths(now, options.months ?? 12);
  const { overall, bySurvey, byMonth } = await surveyStepCounts(
    db,
    new Date(`${months[0]}-01T00:00:00Z`),
  );
  const promoters = new Set(
    [overall, ...bySurvey.values(), ...byMonth.values()].flatMap((s) => s.promoterEmails),
  );
  const after = await afterwardsOf(db, [...promoters]);
  const empty: ScopedSurveyCounts = {
    counts: { surveyed: 0, answered: 0, promoters: 0 },
    promoterEmails: [],
  };
  return {
    overall: countFunnel(overall, after),
    bySurvey: [...bySurvey.keys()]
      .sort((a, b) => b - a)
      .map((surveyId) => ({ surveyId, funnel: countFunnel(bySurvey.get(surveyId)!, after) })),
    monthly: months.map((month) => ({
      month,
      funnel: countFunnel(byMonth.get(month) ?? empty, after),
    })),
  };
}
