import type { Queryable } from "../../../db/client.ts";
import { mergePrivilegeThresholds, type PrivilegeThresholds } from "../access/privileges.ts";
import { mergeOptions, mergeRuleValues, type ReputationOptions, type RuleValues } from "./rules.ts";

/** Keys in the settings table (key/value jsonb) holding admins' overrides of the defaults. */
export const SETTINGS_KEYS = {
  rules: "reputation.rules",
  privileges: "reputation.privileges",
  options: "reputation.options",
} as const;

export interface ReputationConfig {
  rules: RuleValues;
  privileges: PrivilegeThresholds;
  options: ReputationOptions;
}

/** The current rule values, privilege thresholds and options (one indexed read). */
export async function loadReputationConfig(db: Queryable): Promise<ReputationConfig> {
  const rows = await db
    .selectFrom("settings")
    .select(["key", "value"])
    .where("key", "in", Object.values(SETTINGS_KEYS))
    .execute();
  const stored = new Map(rows.map((r) => [r.key, r.value]));
  return {
    rules: mergeRuleValues(stored.get(SETTINGS_KEYS.rules)),
    privileges: mergePrivilegeThresholds(stored.get(SETTINGS_KEYS.privileges)),
    options: mergeOptions(stored.get(SETTINGS_KEYS.options)),
  };
}
