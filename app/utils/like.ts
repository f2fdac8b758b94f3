/**
 * A LIKE / ILIKE pattern that matches `term` anywhere, with the pattern's own
 * wildcards (`%`, `_`) and its escape character taken literally.
 */
export const containing = (term: string) => `%${term.replace(/[\\%_]/g, "\\$&")}%`;
