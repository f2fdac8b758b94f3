/** Tables of discussions (spaces, threads, posts, votes, flags, notifications). */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface DiscussionTables {}
