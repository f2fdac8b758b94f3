import { sql } from "kysely";
import type { Queryable } from "../../../db/client.ts";
import { firstPostAt } from "../discussions/activity-reads.server.ts";
import { firstLedgerEntryAt } from "../reputation/dashboard-reads.server.ts";
import { emailsWithLiveTestimonial } from "../testimonials/funnel-reads.server.ts";
import {
  advocatesWhoGaveReferences,
  allAnswers,
  referralsByAdvocate,
  surveyedRecipients,
  type AnswerRow,
  type SurveyedRow,
} from "./funnel-reads.server.ts";
import { isPromoterScore, PROMOTER_STEPS, type FunnelStepKey } from "./funnel.ts";
import { lastMonths, monthKey } from "./survey.server.ts";

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

/** One person in one scope (everything, one survey, one month). */
interface ScopedPerson {
  email: string;
  answered: boolean;
  promoter: boolean;
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
  /** Revenue (cents) of the won referrals made by these promoters. */
  revenueCents: number;
  /** Promoters who made at least one referral, of all promoters, in whole percent; null without promoters. */
  promotersWhoReferred: number | null;
}

/** Each step's people, in order; the steps after "promoter" are promoters who did that. */
function stepSets(people: ScopedPerson[], after: Map<string, Afterwards>) {
  const reached = (key: FunnelStepKey, p: ScopedPerson): boolean => {
    if (key === "surveyed") return true;
    if (key === "answered") return p.answered;
    if (!p.promoter) return false;
    const a = after.get(p.email);
    switch (key) {
      case "promoter":
        return true;
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
    }
  };
  return PROMOTER_STEPS.map((step) => ({
    ...step,
    people: new Set(people.filter((p) => reached(step.key, p)).map((p) => p.email)),
  }));
}

/** Counts and step-to-step conversion for one scope. */
export function countFunnel(people: ScopedPerson[], after: Map<string, Afterwards>): ScopedFunnel {
  const sets = stepSets(people, after);
  const steps = sets.map((s, i): FunnelStepCount => {
    const before = sets[i - 1]?.people;
    const kept = before ? [...s.people].filter((e) => before.has(e)).length : 0;
    return {
      key: s.key,
      label: s.label,
      count: s.people.size,
      conversion: before && before.size ? Math.round((kept / before.size) * 100) : null,
    };
  });
  const promoters = sets.find((s) => s.key === "promoter")!.people;
  const referred = sets.find((s) => s.key === "referral")!.people;
  const revenueCents = [...promoters].reduce(
    (sum, e) => sum + (after.get(e)?.revenueCents ?? 0),
    0,
  );
  return {
    steps,
    revenueCents,
    promotersWhoReferred: promoters.size
      ? Math.round((referred.size / promoters.size) * 100)
      : null,
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
          revenueCents: referral?.wonRevenueCents ?? 0,
        },
      ];
    }),
  );
}

/** Everyone surveyed or answering, each person once, judged by their latest answer. */
function everyone(recipients: SurveyedRow[], answers: AnswerRow[]): ScopedPerson[] {
  const latest = new Map<string, AnswerRow>();
  for (const a of answers) latest.set(a.email, a); // oldest first: the last one wins
  const emails = new Set([...recipients.map((r) => r.email), ...latest.keys()]);
  return [...emails].map((email) => {
    const answer = latest.get(email);
    return {
      email,
      answered: Boolean(answer),
      promoter: answer ? isPromoterScore(answer.score) : false,
    };
  });
}

function ofSurvey(recipients: SurveyedRow[], surveyId: number): ScopedPerson[] {
  return recipients
    .filter((r) => r.surveyId === surveyId)
    .map((r) => ({
      email: r.email,
      answered: r.answeredAt !== null,
      promoter: r.answeredAt !== null && r.score !== null && isPromoterScore(r.score),
    }));
}

/** A month's cohort: sent a survey or answering that month, judged by their latest answer in it. */
function ofMonth(recipients: SurveyedRow[], answers: AnswerRow[], month: string): ScopedPerson[] {
  return everyone(
    recipients.filter((r) => monthKey(r.sentAt) === month),
    answers.filter((a) => monthKey(a.respondedAt) === month),
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
  const [recipients, answers] = await Promise.all([surveyedRecipients(db), allAnswers(db)]);
  const people = everyone(recipients, answers);
  const after = await afterwardsOf(
    db,
    people.map((p) => p.email),
  );
  const surveyIds = [...new Set(recipients.map((r) => r.surveyId))].sort((a, b) => b - a);
  return {
    overall: countFunnel(people, after),
    bySurvey: surveyIds.map((surveyId) => ({
      surveyId,
      funnel: countFunnel(ofSurvey(recipients, surveyId), after),
    })),
    monthly: lastMonths(now, options.months ?? 12).map((month) => ({
      month,
      funnel: countFunnel(ofMonth(recipients, answers, month), after),
    })),
  };
}
