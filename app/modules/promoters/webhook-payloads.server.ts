import type { Queryable } from "../../../db/client.ts";
import { advocateForWebhook } from "../integrations/payloads.server.ts";
import { classifyScore } from "./nps.ts";

/** A referral as webhooks carry it: stage, money in cents, the contact who agreed to be introduced. */
export async function referralForWebhook(trx: Queryable, referralId: number) {
  const r = await trx
    .selectFrom("referrals")
    .selectAll()
    .where("id", "=", referralId)
    .executeTakeFirstOrThrow();
  return {
    referral: {
      id: r.id,
      stage: r.stage,
      company: r.company,
      contactName: r.contact_name,
      contactEmail: r.contact_email,
      revenueCents: r.revenue_cents,
      marginCents: r.margin_cents,
      createdAt: new Date(r.created_at).toISOString(),
      stageChangedAt: new Date(r.stage_changed_at).toISOString(),
    },
    advocate: await advocateForWebhook(trx, r.advocate_id),
    /** Who shares the credit of a won referral, in basis points (10,000 = 100 %). */
    credits: (
      await trx
        .selectFrom("referral_credits as c")
        .innerJoin("users as u", "u.id", "c.advocate_id")
        .select(["u.handle", "c.share_bp"])
        .where("c.referral_id", "=", r.id)
        .orderBy("c.share_bp", "desc")
        .orderBy("u.handle")
        .execute()
    ).map((c) => ({ advocateHandle: c.handle, shareBasisPoints: c.share_bp })),
  };
}

/** An NPS response as webhooks carry it. */
export async function npsResponseForWebhook(trx: Queryable, responseId: number) {
  const r = await trx
    .selectFrom("nps_responses")
    .selectAll()
    .where("id", "=", responseId)
    .executeTakeFirstOrThrow();
  return {
    response: {
      id: r.id,
      email: r.email,
      name: r.name,
      company: r.company,
      score: r.score,
      category: classifyScore(r.score),
      comment: r.comment,
      respondedAt: new Date(r.responded_at).toISOString(),
    },
  };
}

/** A reference conversation as webhooks carry it: who, about what, and where it stands. */
export async function referenceForWebhook(trx: Queryable, requestId: number) {
  const r = await trx
    .selectFrom("reference_requests")
    .selectAll()
    .where("id", "=", requestId)
    .executeTakeFirstOrThrow();
  return {
    reference: {
      id: r.id,
      status: r.status,
      topic: r.topic,
      helpful: r.helpful,
      createdAt: new Date(r.created_at).toISOString(),
      completedAt: r.completed_at ? new Date(r.completed_at).toISOString() : null,
    },
    advocate: await advocateForWebhook(trx, r.advocate_id),
    prospect: await advocateForWebhook(trx, r.prospect_id),
  };
}
