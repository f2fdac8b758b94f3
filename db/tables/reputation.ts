/** Tables of the reputation engine (ledger, balances, rules, badges). */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface ReputationTables {}
