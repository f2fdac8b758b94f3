import { z } from "zod";
import { PRIVILEGE_KEYS, PRIVILEGE_THRESHOLD_MAX } from "../access/privileges.ts";
import { AREAS, CONFIGURABLE_RULES, MANUAL_ADJUSTMENT_LIMIT, RULE_VALUE_MAX } from "./rules.ts";

/**
 * A number of points or a threshold as typed in a settings form. An empty
 * field is refused: it would otherwise be read as 0 and stored silently.
 */
const points = (max: number, label: string) => {
  const Label = `${label[0].toUpperCase()}${label.slice(1)}`;
  return z
    .string({ required_error: `${Label} is required.` })
    .trim()
    .min(1, `${Label} is required.`)
    .pipe(
      z.coerce
        .number({ invalid_type_error: `Enter ${label} as a whole number.` })
        .int(`Enter ${label} as a whole number.`)
        .min(0, `${Label} cannot be negative.`)
        .max(max, `Keep ${label} at or below ${max.toLocaleString("en-GB")}.`),
    );
};

export const RulesSchema = z.object(
  Object.fromEntries(CONFIGURABLE_RULES.map((k) => [k, points(RULE_VALUE_MAX, "the value")])),
);

export const PrivilegesSchema = z.object(
  Object.fromEntries(
    PRIVILEGE_KEYS.map((k) => [k, points(PRIVILEGE_THRESHOLD_MAX, "the threshold")]),
  ),
);

export const OptionsSchema = z.object({
  dailyVoteCap: points(10_000, "the daily cap"),
  votesPerVoterPerDay: points(100, "the per-voter limit"),
  leaderboardIncludesStaff: z
    .string()
    .optional()
    .transform((v) => v === "on"),
});

export const AwardSchema = z.object({
  handle: z
    .string()
    .trim()
    .min(1, "Enter the handle of the person to award.")
    .max(40, "Handles are at most 30 characters."),
  amount: z.coerce
    .number({ invalid_type_error: "Enter a whole number of points." })
    .int("Enter a whole number of points.")
    .min(-MANUAL_ADJUSTMENT_LIMIT, `Stay within ±${MANUAL_ADJUSTMENT_LIMIT} points.`)
    .max(MANUAL_ADJUSTMENT_LIMIT, `Stay within ±${MANUAL_ADJUSTMENT_LIMIT} points.`)
    .refine((n) => n !== 0, "Enter a number of points other than zero."),
  area: z.enum(AREAS, { errorMap: () => ({ message: "Choose an area." }) }),
  reason: z
    .string()
    .trim()
    .min(1, "Give a reason: the advocate reads it in their history.")
    .max(500, "Keep the reason under 500 characters."),
  token: z.string().uuid(),
});

/** The forms of the reputation settings page, told apart by their intent. */
export const ReputationIntents = {
  rules: RulesSchema,
  privileges: PrivilegesSchema,
  options: OptionsSchema,
  award: AwardSchema,
};

/** The intents that change settings: only admins, asked before the values are read. */
export const SETTINGS_INTENTS: ReadonlySet<string> = new Set(["rules", "privileges", "options"]);
