import { randomUUID } from "node:crypto";
import {
  json,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
} from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { z } from "zod";
import { Button } from "~/components/ui/button.tsx";
import { Card } from "~/components/ui/card.tsx";
import {
  CheckboxField,
  FormError,
  SelectField,
  TextAreaField,
  TextField,
} from "~/components/ui/field.tsx";
import { ensure } from "~/modules/access/ensure.ts";
import { policy } from "~/modules/access/policy.ts";
import { listAudit } from "~/modules/audit/audit.server.ts";
import { loadReputationConfig } from "~/modules/reputation/config.server.ts";
import { awardManually } from "~/modules/reputation/manual.server.ts";
import {
  PRIVILEGE_KEYS,
  PRIVILEGE_THRESHOLD_MAX,
  PRIVILEGES,
} from "~/modules/access/privileges.ts";
import {
  AREA_LABELS,
  AREAS,
  CONFIGURABLE_RULES,
  MANUAL_ADJUSTMENT_LIMIT,
  RULE_VALUE_MAX,
  RULES,
  type Area,
} from "~/modules/reputation/rules.ts";
import { updateReputationSettings } from "~/modules/reputation/settings.server.ts";
import { getViewer, requireAllowed } from "~/utils/auth.server.ts";
import { commandContext } from "~/utils/command.server.ts";
import { formErrors, parseForm } from "~/utils/forms.ts";
import { answerDomainError } from "~/utils/http.server.ts";
import { redirectWithToast } from "~/utils/toast.server.ts";

export const meta: MetaFunction = () => [{ title: "Reputation · Manage · Limelight" }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  await requireAllowed(request, context, "viewReputationSettings");
  const viewer = await getViewer(request, context);
  const config = await loadReputationConfig(context.db);
  const history = await listAudit(context.db, {
    subjectType: "settings",
    subjectId: "reputation",
    limit: 10,
  });
  const url = new URL(request.url);
  return json({
    config,
    canEdit: policy.changeReputationSettings(viewer),
    canAward: policy.awardPointsManually(viewer),
    history,
    awardToken: randomUUID(),
    prefillHandle: url.searchParams.get("handle")?.slice(0, 40) ?? "",
  });
}

const points = (max: number, label: string) =>
  z.coerce
    .number({ invalid_type_error: `Enter ${label} as a whole number.` })
    .int(`Enter ${label} as a whole number.`)
    .min(0, `${label[0].toUpperCase()}${label.slice(1)} cannot be negative.`)
    .max(max, `Keep ${label} at or below ${max.toLocaleString("en-GB")}.`);

const RulesSchema = z.object(
  Object.fromEntries(CONFIGURABLE_RULES.map((k) => [k, points(RULE_VALUE_MAX, "the value")])),
);
const PrivilegesSchema = z.object(
  Object.fromEntries(
    PRIVILEGE_KEYS.map((k) => [k, points(PRIVILEGE_THRESHOLD_MAX, "the threshold")]),
  ),
);
const OptionsSchema = z.object({
  dailyVoteCap: points(10_000, "the daily cap"),
  votesPerVoterPerDay: points(100, "the per-voter limit"),
  leaderboardIncludesStaff: z
    .string()
    .optional()
    .transform((v) => v === "on"),
});
const AwardSchema = z.object({
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

export async function action({ request, context }: ActionFunctionArgs) {
  await requireAllowed(request, context, "viewReputationSettings");
  const command = await commandContext(request, context);
  const formData = await request.formData();
  const intent = String(formData.get("intent") ?? "");
  const done = (title: string, description?: string) =>
    redirectWithToast("/manage/reputation", { kind: "success", title, description });
  try {
    if (intent === "rules" || intent === "privileges" || intent === "options") {
      // Managers may read the values; asked before the values are checked, as the page says.
      ensure("changeReputationSettings", command.viewer);
      const schema =
        intent === "rules"
          ? RulesSchema
          : intent === "privileges"
            ? PrivilegesSchema
            : OptionsSchema;
      const parsed = parseForm(schema, formData);
      if (!parsed.ok)
        return formErrors({
          fieldErrors: parsed.fieldErrors,
          values: parsed.values,
          formError: "Some values need your attention. Nothing was saved.",
        });
      const changes = await updateReputationSettings(command, { [intent]: parsed.data });
      const n = Object.keys(changes).length;
      return done(
        n ? "Reputation settings saved" : "Nothing changed",
        n ? "New values apply from now on; points already earned keep their value." : undefined,
      );
    }
    if (intent === "award") {
      const parsed = parseForm(AwardSchema, formData);
      if (!parsed.ok)
        return formErrors({
          fieldErrors: parsed.fieldErrors,
          values: parsed.values,
          formError: "The award needs a few more details. Nothing was awarded.",
        });
      const entry = await awardManually(command, {
        ...parsed.data,
        area: parsed.data.area as Area,
      });
      if (!entry) return done("Already recorded", "This award was submitted once already.");
      const sign = entry.amount > 0 ? `+${entry.amount}` : `−${Math.abs(entry.amount)}`;
      return done(
        `${sign} points for @${parsed.data.handle.replace(/^@/, "")}`,
        entry.reason ?? "",
      );
    }
    return formErrors({ formError: "Unknown action." });
  } catch (error) {
    return answerDomainError(
      error,
      Object.fromEntries(
        [...formData.entries()].filter(([, v]) => typeof v === "string") as [string, string][],
      ),
    );
  }
}

export default function ManageReputation() {
  const data = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const busy = navigation.state === "submitting";
  const submitting = navigation.formData?.get("intent");
  const errors = actionData?.fieldErrors ?? {};
  const values = actionData?.values;
  const intent = values?.intent;
  const value = (section: string, field: string, stored: string) =>
    intent === section && values ? (values[field] ?? "") : stored;
  const disabled = !data.canEdit;
  const referral = Number(value("rules", "referral_won", String(data.config.rules.referral_won)));

  return (
    <div className="space-y-8">
      {!data.canEdit ? (
        <p className="rounded-lg bg-sky-50 px-4 py-3 text-sm text-sky-900 dark:bg-sky-950 dark:text-sky-100">
          Only admins change rule values and thresholds; you can read them here.
        </p>
      ) : null}
      <FormError message={actionData?.formError} />

      {data.canAward ? (
        <Card className="p-6" id="award">
          <h2 className="text-lg font-semibold">Award or correct points</h2>
          <p className="mt-1 text-sm text-stone-600 dark:text-stone-400">
            For contributions the catalogue does not cover yet, or to correct a mistake. The reason
            appears in the advocate’s public history. Up to ±{MANUAL_ADJUSTMENT_LIMIT} points per
            entry.
          </p>
          <Form method="post" className="mt-4 grid gap-4 sm:grid-cols-3" noValidate>
            <input type="hidden" name="intent" value="award" />
            <input type="hidden" name="token" value={data.awardToken} />
            <TextField
              label="Handle"
              name="handle"
              defaultValue={value("award", "handle", data.prefillHandle)}
              error={intent === "award" ? errors.handle : undefined}
              placeholder="catie"
              required
            />
            <TextField
              label="Points"
              name="amount"
              type="number"
              min={-MANUAL_ADJUSTMENT_LIMIT}
              max={MANUAL_ADJUSTMENT_LIMIT}
              defaultValue={value("award", "amount", "")}
              error={intent === "award" ? errors.amount : undefined}
              hint="Negative to correct."
              required
            />
            <SelectField
              label="Area"
              name="area"
              defaultValue={value("award", "area", "community")}
              error={intent === "award" ? errors.area : undefined}
            >
              {AREAS.map((a) => (
                <option key={a} value={a}>
                  {AREA_LABELS[a]}
                </option>
              ))}
            </SelectField>
            <TextAreaField
              label="Reason"
              name="reason"
              rows={2}
              className="sm:col-span-3"
              defaultValue={value("award", "reason", "")}
              error={intent === "award" ? errors.reason : undefined}
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
      ) : null}

      <Card className="p-6">
        <h2 className="text-lg font-semibold">Rule values</h2>
        <p className="mt-1 text-sm text-stone-600 dark:text-stone-400">
          Changes apply from the moment they are saved; points already earned keep the value they
          had. Every change is recorded in the audit log.
        </p>
        <Form method="post" className="mt-4 space-y-6" noValidate>
          <input type="hidden" name="intent" value="rules" />
          {AREAS.map((area) => (
            <fieldset key={area} disabled={disabled}>
              <legend className="text-sm font-semibold uppercase tracking-wide text-stone-600 dark:text-stone-400">
                {AREA_LABELS[area]}
              </legend>
              <div className="mt-2 grid gap-4 sm:grid-cols-2">
                {CONFIGURABLE_RULES.filter((k) => RULES[k].area === area).map((k) => (
                  <TextField
                    key={k}
                    label={RULES[k].description}
                    name={k}
                    type="number"
                    min={0}
                    max={RULE_VALUE_MAX}
                    defaultValue={value("rules", k, String(data.config.rules[k]))}
                    error={intent === "rules" ? errors[k] : undefined}
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
          {data.canEdit ? (
            <Button type="submit" disabled={busy}>
              {busy && submitting === "rules" ? "Saving…" : "Save rule values"}
            </Button>
          ) : null}
        </Form>
      </Card>

      <Card className="p-6">
        <h2 className="text-lg font-semibold">Privilege thresholds</h2>
        <p className="mt-1 text-sm text-stone-600 dark:text-stone-400">
          Reputation a member needs for each privilege. Staff always have every privilege.
        </p>
        <Form method="post" className="mt-4 space-y-4" noValidate>
          <input type="hidden" name="intent" value="privileges" />
          <fieldset disabled={disabled} className="grid gap-4 sm:grid-cols-2">
            <legend className="sr-only">Thresholds</legend>
            {PRIVILEGE_KEYS.map((k) => (
              <TextField
                key={k}
                label={PRIVILEGES[k].label}
                name={k}
                type="number"
                min={0}
                defaultValue={value("privileges", k, String(data.config.privileges[k]))}
                error={intent === "privileges" ? errors[k] : undefined}
                hint={`${PRIVILEGES[k].description}${PRIVILEGES[k].roles ? " Verified customers only." : ""} Default ${PRIVILEGES[k].defaultThreshold}.`}
              />
            ))}
          </fieldset>
          {data.canEdit ? (
            <Button type="submit" disabled={busy}>
              {busy && submitting === "privileges" ? "Saving…" : "Save thresholds"}
            </Button>
          ) : null}
        </Form>
      </Card>

      <Card className="p-6">
        <h2 className="text-lg font-semibold">Fair play and leaderboards</h2>
        <Form method="post" className="mt-4 space-y-4" noValidate>
          <input type="hidden" name="intent" value="options" />
          <fieldset disabled={disabled} className="grid gap-4 sm:grid-cols-2">
            <legend className="sr-only">Options</legend>
            <TextField
              label="Daily cap on points from votes"
              name="dailyVoteCap"
              type="number"
              min={0}
              defaultValue={value(
                "options",
                "dailyVoteCap",
                String(data.config.options.dailyVoteCap),
              )}
              error={intent === "options" ? errors.dailyVoteCap : undefined}
              hint="Per person per day (UTC). Default 200."
            />
            <TextField
              label="Scoring votes per voter per day"
              name="votesPerVoterPerDay"
              type="number"
              min={0}
              defaultValue={value(
                "options",
                "votesPerVoterPerDay",
                String(data.config.options.votesPerVoterPerDay),
              )}
              error={intent === "options" ? errors.votesPerVoterPerDay : undefined}
              hint="From one voter to the same author. Default 5."
            />
            <div className="sm:col-span-2">
              <CheckboxField
                name="leaderboardIncludesStaff"
                label="Rank community managers and admins on leaderboards"
                description="Off by default: staff award points, so they stay off the boards."
                defaultChecked={data.config.options.leaderboardIncludesStaff}
              />
            </div>
          </fieldset>
          {data.canEdit ? (
            <Button type="submit" disabled={busy}>
              {busy && submitting === "options" ? "Saving…" : "Save options"}
            </Button>
          ) : null}
        </Form>
      </Card>

      <Card className="p-6">
        <h2 className="text-lg font-semibold">Recent changes</h2>
        {data.history.length === 0 ? (
          <p className="mt-2 text-sm text-stone-600 dark:text-stone-400">
            The defaults are in force; nobody has changed them yet.
          </p>
        ) : (
          <ul className="mt-3 divide-y divide-stone-200 text-sm dark:divide-stone-800">
            {data.history.map((h) => (
              <li key={h.id} className="py-2">
                <span className="font-medium">{h.actor_name ?? "System"}</span>{" "}
                {Object.entries(
                  ((h.details as { changes?: Record<string, { from: unknown; to: unknown }> })
                    ?.changes ?? {}) as Record<string, { from: unknown; to: unknown }>,
                )
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
    </div>
  );
}
