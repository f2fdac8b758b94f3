import type { Migration } from "kysely";
import * as foundation from "./2026-11-22T0700_foundation.ts";

/**
 * Every migration, by name. An explicit map (not a folder scan) so that the
 * bundled server and the CLI see exactly the same list. Names sort by date.
 */
export const migrations: Record<string, Migration> = {
  "2026-11-22T0700_foundation": foundation,
};
