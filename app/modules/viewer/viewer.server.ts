import { sql } from "kysely";
import type { Queryable } from "../../../db/client.ts";
import type { Role } from "../../../db/schema.ts";
import type { Viewer } from "../access/policy.ts";
import { mergePrivilegeThresholds } from "../access/privileges.ts";
import { balanceSql } from "../reputation/balance-sql.server.ts";
import { SETTINGS_KEYS } from "../reputation/config.server.ts";
import { effectiveTierRankSql } from "../tiers/rank.server.ts";

/**
 * Everything the policy needs to know about the person asking, loaded once
 * per request or socket: who they are and their standing in the community.
 * It sits above reputation and tiers, so the access policy itself depends on
 * neither and stays at the bottom of the module graph.
 */
export async function loadViewer(
  db: Queryable,
  user: { id: number; role: Role } | null,
): Promise<Viewer> {
  if (!user) return null;
  // One round trip: the balance by primary key, and the thresholds in force.
  const row = await db
    .selectNoFrom([
      balanceSql(user.id).as("reputation"),
      sql<unknown>`(select value from settings where key = ${SETTINGS_KEYS.privileges})`.as(
        "thresholds",
      ),
      effectiveTierRankSql(user).as("tierRank"),
      sql<boolean>`(select email_verified_at is not null from users where id = ${user.id})`.as(
        "emailVerified",
      ),
    ])
    .executeTakeFirst();
  return {
    id: user.id,
    role: user.role,
    reputation: Number(row?.reputation ?? 0),
    tierRank: Number(row?.tierRank ?? 0),
    privilegeThresholds: mergePrivilegeThresholds(row?.thresholds),
    emailVerified: row?.emailVerified !== false,
  };
}
