/** Tables of speaking opportunities, applications, talks, case studies. */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface AdvocacyTables {}
