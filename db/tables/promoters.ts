/** Tables of NPS responses, invitations, reference requests, referrals. */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface PromoterTables {}
