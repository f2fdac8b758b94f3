import type { Queryable } from "../../../db/client.ts";
import { toCsv } from "./csv.ts";
import { advocateReturn, listAdvocateReturns } from "./dashboard.server.ts";

const dollars = (cents: number | null) => (cents === null ? "" : (cents / 100).toFixed(2));

/** Every advocate's return on relationship, one row each. */
export async function exportAdvocateReturns(db: Queryable): Promise<string> {
  const { rows } = await listAdvocateReturns(db, { all: true });
  return toCsv([
    [
      "handle",
      "name",
      "company",
      "references completed",
      "referrals",
      "referrals won",
      "revenue (USD)",
      "margin (USD)",
      "talks",
      "stories",
      "accepted answers",
      "reputation",
    ],
    ...rows.map((r) => [
      r.handle,
      r.display_name,
      r.company,
      r.references_completed,
      r.referrals,
      r.referrals_won,
      dollars(r.revenue_cents),
      dollars(r.margin_cents),
      r.talks,
      r.stories,
      r.answers,
      r.reputation,
    ]),
  ]);
}

/** One advocate: the summary, then each referral. */
export async function exportAdvocateReturn(
  db: Queryable,
  handle: string,
): Promise<{ fileName: string; csv: string }> {
  const r = await advocateReturn(db, handle);
  const csv = toCsv([
    ["measure", "value"],
    ["advocate", r.advocate.display_name],
    ["handle", r.advocate.handle],
    ["company", r.advocate.company],
    ["references completed", r.references.completed],
    ["references found helpful", r.references.helpful],
    ["references declined", r.references.declined],
    ["referrals", r.referrals.total],
    ...Object.entries(r.referrals.byStage).map(([stage, n]) => [`referrals ${stage}`, n]),
    ["revenue from won referrals (USD)", dollars(r.referrals.revenueCents)],
    ["margin from won referrals (USD)", dollars(r.referrals.marginCents)],
    ["verified talks", r.talks],
    ["published stories", r.stories],
    ["accepted answers", r.answers],
    ["reputation", r.reputation.total],
    [],
    ["referral company", "contact", "stage", "revenue (USD)", "margin (USD)", "referred on"],
    ...r.referrals.list.map((f) => [
      f.company,
      f.contact_name,
      f.stage,
      dollars(f.revenue_cents === null ? null : Number(f.revenue_cents)),
      dollars(f.margin_cents === null ? null : Number(f.margin_cents)),
      new Date(f.created_at).toISOString().slice(0, 10),
    ]),
  ]);
  return { fileName: `return-on-relationship-${r.advocate.handle}.csv`, csv };
}

const isoDay = (d: Date | string | null) => (d ? new Date(d).toISOString().slice(0, 10) : "");

/** Every NPS response, newest first, for the managers' spreadsheet. */
export async function exportNpsResponses(db: Queryable): Promise<string> {
  const rows = await db
    .selectFrom("nps_responses")
    .select(["email", "name", "company", "score", "comment", "responded_at"])
    .orderBy("responded_at", "desc")
    .orderBy("id", "desc")
    .execute();
  return toCsv([
    ["email", "name", "company", "score", "comment", "responded"],
    ...rows.map((r) => [r.email, r.name, r.company, r.score, r.comment, isoDay(r.responded_at)]),
  ]);
}

/** Every referral with its advocate and stage. */
export async function exportReferrals(db: Queryable): Promise<string> {
  const rows = await db
    .selectFrom("referrals")
    .innerJoin("users", "users.id", "referrals.advocate_id")
    .select([
      "users.handle",
      "users.display_name",
      "referrals.contact_name",
      "referrals.contact_email",
      "referrals.company",
      "referrals.stage",
      "referrals.revenue_cents",
      "referrals.margin_cents",
      "referrals.created_at",
      "referrals.stage_changed_at",
    ])
    .orderBy("referrals.id")
    .execute();
  return toCsv([
    [
      "advocate handle",
      "advocate",
      "contact",
      "contact email",
      "company",
      "stage",
      "revenue (USD)",
      "margin (USD)",
      "submitted",
      "stage changed",
    ],
    ...rows.map((r) => [
      r.handle,
      r.display_name,
      r.contact_name,
      r.contact_email,
      r.company,
      r.stage,
      dollars(r.revenue_cents),
      dollars(r.margin_cents),
      isoDay(r.created_at),
      isoDay(r.stage_changed_at),
    ]),
  ]);
}
