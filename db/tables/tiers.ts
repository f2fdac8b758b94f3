/** Tables of tiers, awards, nominations, early-access content. */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface TierTables {}
