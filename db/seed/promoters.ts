import { sessionIdFromToken, generateSessionToken } from "../../app/modules/auth/session.server.ts";
import { creditWin } from "../../app/modules/promoters/credit.server.ts";
import { awardPoints } from "../../app/modules/reputation/ledger.server.ts";
import type { Queryable } from "../client.ts";
import {
  generateSurveyResponses,
  INVITED_JOINERS,
  SEED_CAPS,
  SEED_REFERENCES,
  SEED_REFERRALS,
} from "./promoters-content.ts";

const DAY = 86_400_000;
const HOUR = 3_600_000;

/** NPS responses, invitations, reference requests and referrals of the demo community. */
export async function seedPromoters(
  db: Queryable,
  people: Map<string, number>,
  now: Date,
): Promise<void> {
  const id = (handle: string) => {
    const value = people.get(handle);
    if (value === undefined) throw new Error(`Seed person ${handle} is missing.`);
    return value;
  };
  const managerId = id("morgan");
  const ago = (days: number, hours = 0) => new Date(now.getTime() - days * DAY - hours * HOUR);

  // A year of survey answers, imported in one batch at the start of each quarter's review.
  const responses = generateSurveyResponses(now);
  const batch = await db
    .insertInto("nps_imports")
    .values({
      file_name: "northwind-relationship-survey.csv",
      imported_by: managerId,
      rows_in_file: responses.length,
      rows_added: responses.length,
      rows_skipped: 0,
      created_at: ago(2),
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  const stored = await db
    .insertInto("nps_responses")
    .values(
      responses.map((r) => ({
        email: r.email,
        name: r.name,
        company: r.company,
        score: r.score,
        comment: r.comment,
        responded_at: r.respondedAt,
        import_id: batch.id,
        entered_by: managerId,
        created_at: ago(2),
      })),
    )
    .returning(["id", "email", "score"])
    .execute();
  const responseIdByEmail = new Map(stored.map((r) => [r.email, r.id]));

  // Promoters who joined through an invitation and are verified advocates with no contribution yet.
  for (const joiner of INVITED_JOINERS) {
    const joinedAt = ago(joiner.monthsAgo * 30);
    const user = await db
      .insertInto("users")
      .values({
        email: joiner.email,
        handle: joiner.handle,
        display_name: joiner.name,
        password_hash: null,
        role: "advocate",
        created_at: joinedAt,
        updated_at: joinedAt,
        verified_customer_at: joinedAt,
        verified_by: managerId,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    await db
      .insertInto("profiles")
      .values({
        user_id: user.id,
        company: joiner.company,
        industry: joiner.industry,
        updated_at: joinedAt,
      })
      .execute();
    await db
      .insertInto("promoter_invitations")
      .values({
        token_hash: sessionIdFromToken(generateSessionToken()),
        email: joiner.email,
        name: joiner.name,
        company: joiner.company,
        response_id: responseIdByEmail.get(joiner.email) ?? null,
        invited_by: managerId,
        created_at: new Date(joinedAt.getTime() - 3 * DAY),
        expires_at: new Date(joinedAt.getTime() + 11 * DAY),
        used_at: joinedAt,
        used_by: user.id,
      })
      .execute();
    people.set(joiner.handle, user.id);
  }

  // Invitations to promoters who are not members yet: some open, some expired.
  const memberEmails = new Set(
    (await db.selectFrom("users").select("email").execute()).map((u) => u.email.toLowerCase()),
  );
  const outsidePromoters = responses
    .filter((r) => r.score >= 9 && !memberEmails.has(r.email))
    .slice(-12);
  for (const [i, promoter] of outsidePromoters.entries()) {
    if (i % 3 === 2) continue; // a third are not invited yet
    const created = i % 3 === 0 ? ago(30 + i) : ago(3 + i);
    await db
      .insertInto("promoter_invitations")
      .values({
        token_hash: sessionIdFromToken(generateSessionToken()),
        email: promoter.email,
        name: promoter.name,
        company: promoter.company,
        response_id: responseIdByEmail.get(promoter.email) ?? null,
        invited_by: managerId,
        created_at: created,
        expires_at: new Date(created.getTime() + 14 * DAY),
        // The outbox worker's first sweep sends these their due reminders.
        last_sent_at: created,
      })
      .execute();
  }

  for (const [handle, cap] of Object.entries(SEED_CAPS)) {
    await db
      .insertInto("reference_settings")
      .values({ user_id: id(handle), monthly_cap: cap })
      .execute();
  }

  // Requests still waiting on their advocate belong to this month's count, whatever day of the
  // month the demo is seeded on (on the 1st, "two days ago" would be last month and free a slot).
  const monthStart = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 1);
  for (const r of SEED_REFERENCES) {
    const waiting = r.status === "queued" || r.status === "pending";
    const created = waiting
      ? new Date(
          Math.min(
            Math.max(ago(r.daysAgo, 5).getTime(), monthStart + (30 - r.daysAgo) * 60_000),
            now.getTime() - (r.daysAgo + 1) * 1000,
          ),
        )
      : ago(r.daysAgo, 5);
    const responded =
      r.status === "queued" || r.status === "pending"
        ? null
        : ago(r.daysAgo - 1 > 0 ? r.daysAgo - 1 : 0, 2);
    const completedAt = r.status === "completed" ? ago(Math.max(0, r.daysAgo - 8)) : null;
    const request = await db
      .insertInto("reference_requests")
      .values({
        advocate_id: id(r.advocate),
        prospect_id: id(r.prospect),
        requested_by: id(r.prospect),
        topic: r.topic,
        context: r.context,
        preferred_times: r.preferredTimes,
        status: r.status,
        created_at: created,
        delivered_at: r.status === "queued" ? null : created,
        responded_at: r.status === "cancelled" ? null : responded,
        advocate_completed_at: completedAt,
        prospect_completed_at: completedAt,
        completed_at: completedAt,
        helpful: r.helpful ?? null,
        cancelled_by: r.status === "cancelled" ? id(r.prospect) : null,
        cancel_reason: r.status === "cancelled" ? "We chose to pause the project for now." : null,
        updated_at: completedAt ?? responded ?? created,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    if (r.status === "completed") {
      await awardPoints(db, {
        userId: id(r.advocate),
        rule: "reference_call_completed",
        source: { type: "reference", id: request.id },
        idempotencyKey: `reference:${request.id}`,
        awardedBy: null,
        at: completedAt!,
      });
    }
  }

  for (const f of SEED_REFERRALS) {
    const created = ago(f.daysAgo, 3);
    const changed = f.stage === "submitted" ? created : ago(Math.max(0, f.daysAgo - 20));
    const referral = await db
      .insertInto("referrals")
      .values({
        advocate_id: id(f.advocate),
        contact_name: f.contactName,
        contact_email: f.contactEmail,
        company: f.company,
        note: f.note,
        consent_confirmed_at: created,
        stage: f.stage,
        revenue_cents: f.stage === "won" ? f.revenueCents! : null,
        margin_cents: f.stage === "won" ? f.marginCents! : null,
        created_at: created,
        stage_changed_at: changed,
        stage_changed_by: f.stage === "submitted" ? null : id("priya"),
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    if (f.stage === "won") {
      // The win's credit, as the product splits it when a manager marks a referral won.
      await creditWin(
        db,
        {
          id: referral.id,
          advocate_id: id(f.advocate),
          contact_email: f.contactEmail,
          created_at: created,
        },
        changed,
      );
      // Worth 0 points by default: a win is thanked, not paid for.
      await awardPoints(db, {
        userId: id(f.advocate),
        rule: "referral_won",
        source: { type: "referral", id: referral.id },
        idempotencyKey: `referral:${referral.id}`,
        awardedBy: id("priya"),
        at: changed,
      });
    }
  }
}
