import { ensure } from "../access/ensure.ts";
import { defineCommand } from "../commands/command.server.ts";
import { loadReputationConfig, SETTINGS_KEYS } from "./config.server.ts";
import { defaultPrivilegeThresholds, type PrivilegeThresholds } from "../access/privileges.ts";
import {
  defaultOptions,
  defaultRuleValues,
  type ReputationOptions,
  type RuleValues,
} from "./rules.ts";

export interface ReputationSettingsChange {
  rules?: Partial<RuleValues>;
  privileges?: Partial<PrivilegeThresholds>;
  options?: Partial<ReputationOptions>;
}

type Changes = Record<string, { from: unknown; to: unknown }>;

/**
 * An admin changes rule values, privilege thresholds or leaderboard
 * options. Only what differs from the defaults is stored (so a later change
 * of a default still reaches untouched rules), every change is audited with
 * its before and after, and it applies from now on: past ledger rows keep
 * the amounts they awarded.
 */
export const updateReputationSettings = defineCommand({
  name: "reputation.update_settings",
  authorize(viewer) {
    ensure("changeReputationSettings", viewer);
  },
  async run(trx, change: ReputationSettingsChange, { viewer, effects, now: at }): Promise<Changes> {
    const actor = viewer!;
    const current = await loadReputationConfig(trx);
    const changes: Changes = {};
    const sections = [
      ["rules", SETTINGS_KEYS.rules, current.rules, change.rules, defaultRuleValues()],
      [
        "privileges",
        SETTINGS_KEYS.privileges,
        current.privileges,
        change.privileges,
        defaultPrivilegeThresholds(),
      ],
      ["options", SETTINGS_KEYS.options, current.options, change.options, defaultOptions()],
    ] as const;
    for (const [name, key, now, next, defaults] of sections) {
      if (!next) continue;
      const merged: Record<string, unknown> = { ...now };
      let changed = false;
      for (const [k, v] of Object.entries(next)) {
        if (v === undefined || !(k in now) || (now as Record<string, unknown>)[k] === v) continue;
        changes[`${name}.${k}`] = { from: (now as Record<string, unknown>)[k], to: v };
        merged[k] = v;
        changed = true;
      }
      if (!changed) continue;
      const overrides = Object.fromEntries(
        Object.entries(merged).filter(([k, v]) => (defaults as Record<string, unknown>)[k] !== v),
      );
      await trx
        .insertInto("settings")
        .values({ key, value: JSON.stringify(overrides), updated_by: actor.id })
        .onConflict((oc) =>
          oc.column("key").doUpdateSet({
            value: JSON.stringify(overrides),
            updated_by: actor.id,
            updated_at: at,
          } as never),
        )
        .execute();
    }
    if (Object.keys(changes).length > 0) {
      effects.audit({
        actorId: actor.id,
        action: "reputation.settings_changed",
        subjectType: "settings",
        subjectId: "reputation",
        details: { changes },
      });
    }
    return changes;
  },
});
