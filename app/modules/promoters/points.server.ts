import type { Queryable } from "../../../db/client.ts";
import { policy } from "../access/policy.ts";
import { awardPoints, type AwardedEntry } from "../reputation/ledger.server.ts";
import { registerSourceResolver } from "../reputation/sources.server.ts";

export type { AwardedEntry } from "../reputation/ledger.server.ts";

/**
 * Points for references and referrals go through the one ledger, keyed by
 * the request or referral, so a retried completion never awards twice.
 */
export async function awardReferencePoints(
  trx: Queryable,
  input: { requestId: number; advocateId: number; at?: Date; awardedBy?: number | null },
): Promise<AwardedEntry[]> {
  const entry = await awardPoints(trx, {
    userId: input.advocateId,
    rule: "reference_call_completed",
    source: { type: "reference", id: input.requestId, title: "a reference conversation" },
    idempotencyKey: `reference:${input.requestId}`,
    awardedBy: input.awardedBy ?? null,
    at: input.at,
  });
  return entry ? [entry] : [];
}

/**
 * A won referral goes through the rule "referral_won", which is worth 0 by
 * default: referrals are thanked, never paid for. An admin can change the
 * value in the rule catalogue.
 */
export async function awardReferralPoints(
  trx: Queryable,
  input: {
    referralId: number;
    advocateId: number;
    company: string;
    awardedBy: number | null;
    at?: Date;
  },
): Promise<AwardedEntry[]> {
  const entry = await awardPoints(trx, {
    userId: input.advocateId,
    rule: "referral_won",
    source: { type: "referral", id: input.referralId, title: input.company },
    idempotencyKey: `referral:${input.referralId}`,
    awardedBy: input.awardedBy,
    at: input.at,
  });
  return entry ? [entry] : [];
}

// History lines link to the request or referral for the people allowed to open it.
registerSourceResolver("reference", async (db, ids, viewer) => {
  const numeric = ids.map(Number).filter((n) => Number.isInteger(n) && n > 0);
  if (!numeric.length || !viewer) return new Map();
  const rows = await db
    .selectFrom("reference_requests")
    .select(["id", "advocate_id", "prospect_id", "requested_by", "topic"])
    .where("id", "in", numeric)
    .execute();
  return new Map(
    rows
      .filter((r) =>
        policy.viewReferenceRequest(viewer, {
          advocateId: r.advocate_id,
          prospectId: r.prospect_id,
          requestedBy: r.requested_by,
        }),
      )
      .map((r) => [String(r.id), { href: `/references/${r.id}`, title: r.topic }]),
  );
});

registerSourceResolver("referral", async (db, ids, viewer) => {
  const numeric = ids.map(Number).filter((n) => Number.isInteger(n) && n > 0);
  if (!numeric.length || !viewer) return new Map();
  const rows = await db
    .selectFrom("referrals")
    .select(["id", "advocate_id", "company"])
    .where("id", "in", numeric)
    .execute();
  return new Map(
    rows
      .filter((r) => policy.viewReferral(viewer, { advocateId: r.advocate_id }))
      .map((r) => [
        String(r.id),
        {
          href: policy.manageReferrals(viewer) ? `/manage/referrals?focus=${r.id}` : "/referrals",
          title: `referral of ${r.company}`,
        },
      ]),
  );
});
