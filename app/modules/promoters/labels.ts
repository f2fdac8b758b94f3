import type { ReferenceStatus, ReferralStage } from "../../../db/tables/promoters.ts";

export type PromoterStage = "not_member" | "member" | "advocate" | "contributed";

export const PROMOTER_STAGE_LABELS: Record<PromoterStage, string> = {
  not_member: "Not yet a member",
  member: "Member, not yet an advocate",
  advocate: "Advocate, no contribution yet",
  contributed: "Has contributed",
};

export const REFERENCE_STATUS_LABELS: Record<ReferenceStatus, string> = {
  queued: "Waiting for room",
  pending: "Waiting for the advocate",
  accepted: "Accepted",
  declined: "Declined",
  completed: "Completed",
  cancelled: "Cancelled",
};

export const REFERRAL_STAGES: ReferralStage[] = [
  "submitted",
  "contacted",
  "qualified",
  "won",
  "lost",
];

export const REFERRAL_STAGE_LABELS: Record<ReferralStage, string> = {
  submitted: "Submitted",
  contacted: "Contacted",
  qualified: "Qualified",
  won: "Won",
  lost: "Lost",
};

/** Where a referral may go next; won and lost are final. */
export const NEXT_STAGES: Record<ReferralStage, ReferralStage[]> = {
  submitted: ["contacted", "qualified", "won", "lost"],
  contacted: ["qualified", "won", "lost"],
  qualified: ["won", "lost"],
  won: [],
  lost: [],
};

/** Cents of the program currency as people read them: "$12,500". */
export function formatMoney(cents: number | null | undefined): string {
  if (cents === null || cents === undefined) return "—";
  return (cents / 100).toLocaleString("en-US", {
    style: "currency",
    currency: "USD",
    maximumFractionDigits: cents % 100 === 0 ? 0 : 2,
  });
}
