// Shares of a won referral, as basis points: pure rules the pages and the module share.

/** Shares are basis points: 10,000 is the whole win. */
export const WHOLE_SHARE = 10_000;

/**
 * The suggested split: half to the advocate who referred, the other half
 * shared equally by everyone else who helped; all of it to the referrer when
 * nobody else did. Whatever does not divide evenly stays with the referrer.
 */
export function splitSuggestion(referrerId: number, helperIds: number[]): Map<number, number> {
  const others = [...new Set(helperIds)].filter((id) => id !== referrerId);
  const shares = new Map<number, number>();
  if (!others.length) return shares.set(referrerId, WHOLE_SHARE);
  const each = Math.floor(WHOLE_SHARE / 2 / others.length);
  for (const id of others) shares.set(id, each);
  return shares.set(referrerId, WHOLE_SHARE - each * others.length);
}

/** "62.5 %" from 6250 basis points. */
export function formatShare(bp: number) {
  return `${Number((bp / 100).toFixed(2))} %`;
}

/** "62.5" → 6250 basis points; NaN when it is not a percentage with at most two decimals. */
export function parseSharePercent(text: string | null | undefined): number {
  const t = (text ?? "").trim().replace(/\s*%$/, "");
  if (!t) return 0;
  if (!/^\d{1,3}(\.\d{1,2})?$/.test(t)) return Number.NaN;
  return Math.round(Number(t) * 100);
}
