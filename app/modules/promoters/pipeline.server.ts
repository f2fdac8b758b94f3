import { sql } from "kysely";
import type { Queryable } from "../../../db/client.ts";
import { isProspect } from "../access/policy.ts";
import { firstPostAt } from "../discussions/activity-reads.server.ts";
import { firstLedgerEntryAt } from "../reputation/dashboard-reads.server.ts";
import { invitationState, type InvitationState } from "./invitations.server.ts";

import type { PromoterStage } from "./labels.ts";

export { PROMOTER_STAGE_LABELS as STAGE_LABELS, type PromoterStage } from "./labels.ts";

/**
 * Every person whose most recent survey answer is a promoter (9–10), with
 * where they stand: not a member yet, a member who is not a verified
 * advocate, an advocate with no contribution, or an advocate who has
 * contributed (a first ledger entry or a first post).
 */
export async function listPromoters(db: Queryable, now = new Date()) {
  const rows = await db
    .with("latest", (qb) =>
      qb
        .selectFrom("nps_responses")
        .distinctOn(sql`lower(email)`)
        .select([
          "id",
          sql<string>`lower(email)`.as("email"),
          "name",
          "company",
          "score",
          "comment",
          "responded_at",
        ])
        .orderBy(sql`lower(email)`)
        .orderBy("responded_at", "desc")
        .orderBy("id", "desc"),
    )
    .selectFrom("latest")
    .leftJoin("users", (join) => join.on(sql`lower(users.email)`, "=", sql.ref("latest.email")))
    .select([
      "latest.id as response_id",
      "latest.email",
      "latest.name",
      "latest.company",
      "latest.score",
      "latest.comment",
      "latest.responded_at",
      "users.id as user_id",
      "users.handle",
      "users.display_name",
      "users.role",
      "users.created_at as joined_at",
      sql<
        number | null
      >`(select i.id from promoter_invitations i where lower(i.email) = latest.email order by i.created_at desc, i.id desc limit 1)`.as(
        "invitation_id",
      ),
    ])
    .where("latest.score", ">=", 9)
    .orderBy("latest.responded_at", "desc")
    .execute();

  const invitationIds = rows.flatMap((r) => (r.invitation_id ? [r.invitation_id] : []));
  const invitations = invitationIds.length
    ? await db
        .selectFrom("promoter_invitations")
        .select(["id", "created_at", "expires_at", "used_at", "revoked_at"])
        .where("id", "in", invitationIds)
        .execute()
    : [];
  const byId = new Map(invitations.map((i) => [i.id, i]));
  const memberIds = rows.flatMap((r) => (r.user_id ? [r.user_id] : []));
  const [firstLedger, firstPost] = await Promise.all([
    firstLedgerEntryAt(db, memberIds),
    firstPostAt(db, memberIds),
  ]);

  return rows.map((r) => {
    const firstContributionAt = (
      r.user_id ? [firstLedger.get(r.user_id), firstPost.get(r.user_id)] : []
    )
      .filter((d): d is Date => Boolean(d))
      .sort((a, b) => a.getTime() - b.getTime())[0];
    const stage: PromoterStage = !r.user_id
      ? "not_member"
      : isProspect(r)
        ? "member"
        : firstContributionAt
          ? "contributed"
          : "advocate";
    const invitation = r.invitation_id ? byId.get(r.invitation_id) : undefined;
    return {
      responseId: r.response_id,
      email: r.email,
      name: r.name,
      company: r.company,
      score: r.score,
      comment: r.comment,
      respondedAt: r.responded_at,
      user: r.user_id
        ? { id: r.user_id, handle: r.handle!, displayName: r.display_name!, role: r.role! }
        : null,
      stage,
      firstContributionAt: firstContributionAt ?? null,
      invitation: invitation
        ? {
            id: invitation.id,
            createdAt: invitation.created_at,
            expiresAt: invitation.expires_at,
            state: invitationState(invitation, now) as InvitationState,
          }
        : null,
    };
  });
}
export type PromoterRow = Awaited<ReturnType<typeof listPromoters>>[number];

export interface FunnelStep {
  key: string;
  label: string;
  count: number;
}

/**
 * From promoter to first contribution: each step counts the promoters who
 * got at least that far. The last step over the first is the share of
 * promoters who actually did something for their peers.
 */
export function promoterFunnel(promoters: PromoterRow[]): FunnelStep[] {
  const total = promoters.length;
  const invited = promoters.filter((p) => p.invitation || p.user).length;
  const members = promoters.filter((p) => p.user).length;
  const advocates = promoters.filter(
    (p) => p.stage === "advocate" || p.stage === "contributed",
  ).length;
  const contributed = promoters.filter((p) => p.stage === "contributed").length;
  return [
    { key: "promoters", label: "Promoters (9–10)", count: total },
    { key: "invited", label: "Invited or already members", count: invited },
    { key: "members", label: "Members", count: members },
    { key: "advocates", label: "Verified advocates", count: advocates },
    { key: "contributed", label: "First contribution", count: contributed },
  ];
}

export async function getPromoterFunnel(db: Queryable, now = new Date()) {
  return promoterFunnel(await listPromoters(db, now));
}
