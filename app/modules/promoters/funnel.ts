/** The promoter funnel's steps, in order, as the dashboard names them. */
export const PROMOTER_STEPS = [
  { key: "surveyed", label: "Surveyed" },
  { key: "answered", label: "Answered" },
  { key: "promoter", label: "Promoters (9–10)" },
  { key: "recommended", label: "Recommended in public" },
  { key: "joined", label: "Joined the community" },
  { key: "contributed", label: "First contribution" },
  { key: "reference", label: "Reference given" },
  { key: "referral", label: "Referral made" },
  { key: "revenue", label: "Revenue won" },
] as const;

export type FunnelStepKey = (typeof PROMOTER_STEPS)[number]["key"];

/**
 * What the background reading reports: only about one promoter in ten refers
 * profitable customers unless someone makes it easy. Shown beside this
 * community's own figure, never used in a calculation.
 */
export const SEED_REFERRAL_SHARE = 10;

export const isPromoterScore = (score: number) => score >= 9;
