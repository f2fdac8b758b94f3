import { sql } from "kysely";
import type { Queryable } from "../../../db/client.ts";
import type { Role } from "../../../db/schema.ts";
import { SETTINGS_KEYS } from "../reputation/config.server.ts";
import { mergePrivilegeThresholds } from "./privileges.ts";
import { effectiveTierRankSql } from "../tiers/rank.server.ts";
import type { Viewer } from "./policy.ts";

/**
 * Everything the policy needs to know about the person asking, loaded once
 * per request or socket: who they are and their standing in the community.
 */
export async function loadViewer(
  db: Queryable,
  user: { id: number; role: Role } | null,
): Promise<Viewer> {
  if (!user) return null;
  // One round trip: the balance by primary key, and the thresholds in force.
  const row = await db
    .selectNoFrom([
      sql<number>`(select total from reputation_balances where user_id = ${user.id})`.as(
        "reputation",
      ),
      sql<unknown>`(select value from settings where key = ${SETTINGS_KEYS.privileges})`.as(
        "thresholds",
      ),
      effectiveTierRankSql(user).as("tierRank"),
    ])
    .executeTakeFirst();
  return {
    id: user.id,
    role: user.role,
    reputation: Number(row?.reputation ?? 0),
    tierRank: Number(row?.tierRank ?? 0),
    privilegeThresholds: mergePrivilegeThresholds(row?.thresholds),
  };
}
