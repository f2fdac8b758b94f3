import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "../../db/client.ts";
import {
  listAdvocateReturns,
  programHealth,
} from "../../app/modules/promoters/dashboard.server.ts";
import {
  promoterFunnelReport,
  type PromoterFunnelReport,
} from "../../app/modules/promoters/funnel.server.ts";
import { createTestDb } from "../support/db.ts";
import { insertUser, uniqueSuffix } from "../support/factories.ts";

let handle: DbHandle;

beforeAll(async () => {
  handle = await createTestDb();
});
afterAll(() => handle.close());

const YEARS_AGO = new Date(Date.now() - 2 * 365 * 86_400_000);

async function survey(name: string) {
  return handle.db
    .insertInto("nps_surveys")
    .values({ name, question: "How likely…?", audience: "list", send_at: new Date() })
    .returning("id")
    .executeTakeFirstOrThrow();
}

/** One recipient, sent their link now, with their answer to this survey when there is one. */
async function recipient(surveyId: number, email: string, score?: number) {
  const answer =
    score === undefined
      ? null
      : await handle.db
          .insertInto("nps_responses")
          .values({ email, score, responded_at: new Date() })
          .returning("id")
          .executeTakeFirstOrThrow();
  await handle.db
    .insertInto("nps_survey_recipients")
    .values({
      survey_id: surveyId,
      email,
      token_hash: randomBytes(32).toString("hex"),
      sent_at: new Date(),
      answered_at: answer ? new Date() : null,
      response_id: answer?.id ?? null,
    })
    .execute();
}

async function wonReferral(advocateId: number, revenueCents: number, shares: [number, number][]) {
  const s = uniqueSuffix();
  const referral = await handle.db
    .insertInto("referrals")
    .values({
      advocate_id: advocateId,
      contact_name: "Lee",
      contact_email: `lee-${s}@contoso.example`,
      company: `Contoso ${s}`,
      consent_confirmed_at: new Date(),
      stage: "won",
      revenue_cents: revenueCents,
      margin_cents: revenueCents / 4,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  await handle.db
    .insertInto("referral_credits")
    .values(shares.map(([id, bp]) => ({ referral_id: referral.id, advocate_id: id, share_bp: bp })))
    .execute();
  return referral.id;
}

const ofSurvey = (report: PromoterFunnelReport, id: number) =>
  report.bySurvey.find((s) => s.surveyId === id)!.funnel;
const thisMonth = (report: PromoterFunnelReport) =>
  report.monthly[report.monthly.length - 1].funnel;
const count = (funnel: { steps: { key: string; count: number }[] }, key: string) =>
  funnel.steps.find((s) => s.key === key)!.count;

describe("the promoter funnel on /manage", () => {
  it("counts each step and its conversion for a survey, for everything and for this month", async () => {
    const before = await promoterFunnelReport(handle.db);
    const s = uniqueSuffix();
    const member = await insertUser(handle.db, {
      role: "advocate",
      email: `member-${s}@northwind.example`,
    });
    const { id } = await survey(`Pulse ${s}`);
    await recipient(id, member.email, 10);
    await recipient(id, `quiet-${s}@northwind.example`, 9);
    await recipient(id, `middle-${s}@northwind.example`, 7);
    // Once a promoter, long ago; their latest answer is what counts.
    await handle.db
      .insertInto("nps_responses")
      .values({ email: `turned-${s}@northwind.example`, score: 10, responded_at: YEARS_AGO })
      .execute();
    await recipient(id, `turned-${s}@northwind.example`, 2);
    await recipient(id, `silent-${s}@northwind.example`);
    // An imported answer, from no survey sent here.
    await handle.db
      .insertInto("nps_responses")
      .values({ email: `imported-${s}@northwind.example`, score: 10, responded_at: new Date() })
      .execute();
    await wonReferral(member.id, 300_000, [[member.id, 10_000]]);

    const after = await promoterFunnelReport(handle.db);
    expect(ofSurvey(after, id)).toEqual({
      steps: [
        { key: "surveyed", label: "Surveyed", count: 5, conversion: null },
        { key: "answered", label: "Answered", count: 4, conversion: 80 },
        { key: "promoter", label: "Promoters (9–10)", count: 2, conversion: 50 },
        { key: "recommended", label: "Recommended in public", count: 0, conversion: 0 },
        { key: "joined", label: "Joined the community", count: 1, conversion: null },
        { key: "contributed", label: "First contribution", count: 0, conversion: 0 },
        { key: "reference", label: "Reference given", count: 0, conversion: null },
        { key: "referral", label: "Referral made", count: 1, conversion: null },
        { key: "revenue", label: "Revenue won", count: 1, conversion: 100 },
      ],
      revenueCents: 300_000,
      promotersWhoReferred: 50,
    });
    const delta = (scope: (r: PromoterFunnelReport) => ReturnType<typeof thisMonth>) =>
      Object.fromEntries(
        after.overall.steps.map((step) => [
          step.key,
          count(scope(after), step.key) - count(scope(before), step.key),
        ]),
      );
    const expected = {
      surveyed: 6,
      answered: 5,
      promoter: 3,
      recommended: 0,
      joined: 1,
      contributed: 0,
      reference: 0,
      referral: 1,
      revenue: 1,
    };
    expect(delta((r) => r.overall)).toEqual(expected);
    expect(delta(thisMonth)).toEqual(expected);
    expect(after.overall.revenueCents - before.overall.revenueCents).toBe(300_000);
    expect(thisMonth(after).revenueCents - thisMonth(before).revenueCents).toBe(300_000);
  });

  it("counts a win shared by two promoters once, each with their share", async () => {
    const s = uniqueSuffix();
    const referrer = await insertUser(handle.db, {
      role: "advocate",
      email: `referrer-${s}@fabrikam.example`,
    });
    const helper = await insertUser(handle.db, {
      role: "advocate",
      email: `helper-${s}@fabrikam.example`,
    });
    const first = await survey(`Spring ${s}`);
    const second = await survey(`Autumn ${s}`);
    await recipient(first.id, referrer.email, 10);
    await recipient(second.id, helper.email, 9);
    const before = await promoterFunnelReport(handle.db);
    const healthBefore = await programHealth(handle.db);

    await wonReferral(referrer.id, 1_000_000, [
      [referrer.id, 6_000],
      [helper.id, 4_000],
    ]);

    const after = await promoterFunnelReport(handle.db);
    expect(ofSurvey(after, first.id).revenueCents).toBe(600_000);
    expect(ofSurvey(after, second.id).revenueCents).toBe(400_000);
    expect(count(ofSurvey(after, second.id), "revenue")).toBe(1);
    expect(count(ofSurvey(after, second.id), "referral")).toBe(0);
    expect(after.overall.revenueCents - before.overall.revenueCents).toBe(1_000_000);
    expect(count(after.overall, "revenue") - count(before.overall, "revenue")).toBe(2);

    // The dashboard's revenue counts the deal once; each advocate's return holds their share.
    const healthAfter = await programHealth(handle.db);
    expect(healthAfter.referrals.revenueCents - healthBefore.referrals.revenueCents).toBe(
      1_000_000,
    );
    const { rows } = await listAdvocateReturns(handle.db, { all: true });
    const revenueOf = (id: number) => rows.find((r) => r.id === id)!.revenue_cents;
    expect(revenueOf(referrer.id)).toBe(600_000);
    expect(revenueOf(helper.id)).toBe(400_000);
  });
});
