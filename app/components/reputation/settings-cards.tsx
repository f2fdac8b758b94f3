import { Form } from "@remix-run/react";
import { Button } from "~/components/ui/button.tsx";
import { Card } from "~/components/ui/card.tsx";
import { CheckboxField, SelectField, TextAreaField, TextField } from "~/components/ui/field.tsx";
import { PRIVILEGE_KEYS, PRIVILEGES } from "~/modules/access/privileges.ts";
import type { ReputationConfig } from "~/modules/reputation/config.server.ts";
import {
  AREA_LABELS,
  AREAS,
  CONFIGURABLE_RULES,
  MANUAL_ADJUSTMENT_LIMIT,
  RULE_VALUE_MAX,
  RULES,
} from "~/modules/reputation/rules.ts";
import type {
  AwardSchema,
  OptionsSchema,
  PrivilegesSchema,
  RulesSchema,
} from "~/modules/reputation/validation.ts";
import { formFields, type ActionError } from "~/utils/form-fields.ts";

/** What every card of the settings page is told about the page's state. */
interface CardProps {
  actionData: ActionError | undefined;
  /** A submission is on its way. */
  busy: boolean;
  /** The intent of the submission on its way, if any. */
  submitting: unknown;
}

/** A manual award or correction, with a one-time token so a double submit awards once. */
export function AwardPointsCard({
  actionData,
  busy,
  submitting,
  awardToken,
  prefillHandle,
}: CardProps & { awardToken: string; prefillHandle: string }) {
  const { field } = formFields<typeof AwardSchema>(
    actionData,
    { handle: prefillHandle, area: "community" },
    { intent: "award" },
  );
  return (
    <Card className="p-6" id="award">
      <h2 className="text-lg font-semibold">Award or correct points</h2>
      <p className="mt-1 text-sm text-stone-600 dark:text-stone-400">
        For contributions the catalogue does not cover yet, or to correct a mistake. The reason
        appears in the advocate’s public history. Up to ±{MANUAL_ADJUSTMENT_LIMIT} points per entry.
      </p>
      <Form method="post" className="mt-4 grid gap-4 sm:grid-cols-3" noValidate>
        <input type="hidden" name="intent" value="award" />
        <input type="hidden" name="token" value={awardToken} />
        <TextField label="Handle" {...field("handle")} placeholder="catie" required />
        <TextField
          label="Points"
          {...field("amount")}
          type="number"
          min={-MANUAL_ADJUSTMENT_LIMIT}
          max={MANUAL_ADJUSTMENT_LIMIT}
          hint="Negative to correct."
          required
        />
        <SelectField label="Area" {...field("area")}>
          {AREAS.map((a) => (
            <option key={a} value={a}>
              {AREA_LABELS[a]}
            </option>
          ))}
        </SelectField>
        <TextAreaField
          label="Reason"
          {...field("reason")}
          rows={2}
          className="sm:col-span-3"
          hint="For example: Spoke at Northwind Summit 2025 keynote panel."
          required
        />
        <div className="sm:col-span-3">
          <Button type="submit" disabled={busy}>
            {busy && submitting === "award" ? "Awarding…" : "Award points"}
          </Button>
        </div>
      </Form>
    </Card>
  );
}

/** The points each rule is worth, by area, with the warning about paid referrals. */
export function RuleValuesCard({
  actionData,
  busy,
  submitting,
  rules,
  canEdit,
}: CardProps & { rules: ReputationConfig["rules"]; canEdit: boolean }) {
  const { field } = formFields<typeof RulesSchema>(actionData, rules, { intent: "rules" });
  const referral = Number(field("referral_won").defaultValue);
  return (
    <Card className="p-6">
      <h2 className="text-lg font-semibold">Rule values</h2>
      <p className="mt-1 text-sm text-stone-600 dark:text-stone-400">
        Changes apply from the moment they are saved; points already earned keep the value they had.
        Every change is recorded in the audit log.
      </p>
      <Form method="post" className="mt-4 space-y-6" noValidate>
        <input type="hidden" name="intent" value="rules" />
        {AREAS.map((area) => (
          <fieldset key={area} disabled={!canEdit}>
            <legend className="text-sm font-semibold uppercase tracking-wide text-stone-600 dark:text-stone-400">
              {AREA_LABELS[area]}
            </legend>
            <div className="mt-2 grid gap-4 sm:grid-cols-2">
              {CONFIGURABLE_RULES.filter((k) => RULES[k].area === area).map((k) => (
                <TextField
                  key={k}
                  label={RULES[k].description}
                  {...field(k)}
                  type="number"
                  min={0}
                  max={RULE_VALUE_MAX}
                  hint={`Default ${RULES[k].defaultPoints}.`}
                />
              ))}
            </div>
          </fieldset>
        ))}
        <div
          role="note"
          className={
            referral > 0
              ? "rounded-lg border border-red-300 bg-red-50 px-4 py-3 text-sm text-red-900 dark:border-red-800 dark:bg-red-950 dark:text-red-100"
              : "rounded-lg border border-amber-300 bg-amber-50 px-4 py-3 text-sm text-amber-900 dark:border-amber-800 dark:bg-amber-950 dark:text-amber-100"
          }
        >
          <strong>About referrals:</strong> a referral earns no points by default. Paying for
          referrals turns them into bribes: advocates recommend because it helps a peer, and a
          recommendation that earns a reward is worth less to the person who receives it.
          {referral > 0
            ? " Referrals currently earn points — consider setting this back to 0."
            : ""}
        </div>
        {canEdit ? (
          <Button type="submit" disabled={busy}>
            {busy && submitting === "rules" ? "Saving…" : "Save rule values"}
          </Button>
        ) : null}
      </Form>
    </Card>
  );
}

/** The reputation a member needs for each privilege. */
export function PrivilegeThresholdsCard({
  actionData,
  busy,
  submitting,
  privileges,
  canEdit,
}: CardProps & { privileges: ReputationConfig["privileges"]; canEdit: boolean }) {
  const { field } = formFields<typeof PrivilegesSchema>(actionData, privileges, {
    intent: "privileges",
  });
  return (
    <Card className="p-6">
      <h2 className="text-lg font-semibold">Privilege thresholds</h2>
      <p className="mt-1 text-sm text-stone-600 dark:text-stone-400">
        Reputation a member needs for each privilege. Staff always have every privilege.
      </p>
      <Form method="post" className="mt-4 space-y-4" noValidate>
        <input type="hidden" name="intent" value="privileges" />
        <fieldset disabled={!canEdit} className="grid gap-4 sm:grid-cols-2">
          <legend className="sr-only">Thresholds</legend>
          {PRIVILEGE_KEYS.map((k) => (
            <TextField
              key={k}
              label={PRIVILEGES[k].label}
              {...field(k)}
              type="number"
              min={0}
              hint={`${PRIVILEGES[k].description}${PRIVILEGES[k].roles ? " Verified customers only." : ""} Default ${PRIVILEGES[k].defaultThreshold}.`}
            />
          ))}
        </fieldset>
        {canEdit ? (
          <Button type="submit" disabled={busy}>
            {busy && submitting === "privileges" ? "Saving…" : "Save thresholds"}
          </Button>
        ) : null}
      </Form>
    </Card>
  );
}

/** Vote caps and whether staff appear on leaderboards. */
export function FairPlayCard({
  actionData,
  busy,
  submitting,
  options,
  canEdit,
}: CardProps & { options: ReputationConfig["options"]; canEdit: boolean }) {
  const { field } = formFields<typeof OptionsSchema>(
    actionData,
    { dailyVoteCap: options.dailyVoteCap, votesPerVoterPerDay: options.votesPerVoterPerDay },
    { intent: "options" },
  );
  return (
    <Card className="p-6">
      <h2 className="text-lg font-semibold">Fair play and leaderboards</h2>
      <Form method="post" className="mt-4 space-y-4" noValidate>
        <input type="hidden" name="intent" value="options" />
        <fieldset disabled={!canEdit} className="grid gap-4 sm:grid-cols-2">
          <legend className="sr-only">Options</legend>
          <TextField
            label="Daily cap on points from votes"
            {...field("dailyVoteCap")}
            type="number"
            min={0}
            hint="Per person per day (UTC). Default 200."
          />
          <TextField
            label="Scoring votes per voter per day"
            {...field("votesPerVoterPerDay")}
            type="number"
            min={0}
            hint="From one voter to the same author. Default 5."
          />
          <div className="sm:col-span-2">
            <CheckboxField
              name="leaderboardIncludesStaff"
              label="Rank community managers and admins on leaderboards"
              description="Off by default: staff award points, so they stay off the boards."
              defaultChecked={options.leaderboardIncludesStaff}
            />
          </div>
        </fieldset>
        {canEdit ? (
          <Button type="submit" disabled={busy}>
            {busy && submitting === "options" ? "Saving…" : "Save options"}
          </Button>
        ) : null}
      </Form>
    </Card>
  );
}

type Changes = Record<string, { from: unknown; to: unknown }>;

/** The last changes to the settings, from the audit log. */
export function SettingsHistory({
  history,
}: {
  history: Array<{
    id: number;
    actor_name: string | null;
    details: unknown;
    created_at: string;
  }>;
}) {
  return (
    <Card className="p-6">
      <h2 className="text-lg font-semibold">Recent changes</h2>
      {history.length === 0 ? (
        <p className="mt-2 text-sm text-stone-600 dark:text-stone-400">
          The defaults are in force; nobody has changed them yet.
        </p>
      ) : (
        <ul className="mt-3 divide-y divide-stone-200 text-sm dark:divide-stone-800">
          {history.map((h) => (
            <li key={h.id} className="py-2">
              <span className="font-medium">{h.actor_name ?? "System"}</span>{" "}
              {Object.entries(((h.details as { changes?: Changes })?.changes ?? {}) as Changes)
                .map(([k, c]) => `${k}: ${String(c.from)} → ${String(c.to)}`)
                .join(", ")}
              <span className="text-stone-600 dark:text-stone-400">
                {" "}
                ·{" "}
                {new Date(h.created_at).toLocaleString("en-GB", {
                  dateStyle: "medium",
                  timeStyle: "short",
                  timeZone: "UTC",
                })}{" "}
                UTC
              </span>
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}
