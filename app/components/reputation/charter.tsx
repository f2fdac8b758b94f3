import { Badge } from "~/components/ui/badge.tsx";
import { Card } from "~/components/ui/card.tsx";
import { Table } from "~/components/ui/table.tsx";
import type { PrivilegeProgress } from "~/modules/access/privileges.ts";
import {
  AREA_LABELS,
  AREAS,
  formatPoints,
  MANUAL_ADJUSTMENT_LIMIT,
  RULES,
  type RuleRow,
} from "~/modules/reputation/rules.ts";

const RULE_COLUMNS = [
  { label: "Area" },
  { label: "Contribution" },
  { label: "Points", className: "text-right" },
];

/** The public table of what earns points, grouped by area, with the current values. */
export function RuleTable({ rules }: { rules: RuleRow[] }) {
  return (
    <Card className="mt-4 overflow-x-auto">
      <Table caption={"Reputation rules and their current values"} columns={RULE_COLUMNS}>
        {AREAS.flatMap((area) =>
          rules
            .filter((r) => r.area === area)
            .map((r, i) => (
              <tr key={r.key} data-testid={`rule-${r.key}`}>
                <td className="px-4 py-3 text-stone-600 dark:text-stone-400">
                  {i === 0 ? AREA_LABELS[area] : ""}
                </td>
                <td className="px-4 py-3">{r.description}</td>
                <td className="px-4 py-3 text-right font-mono font-semibold">
                  {formatPoints(r.points)}
                </td>
              </tr>
            )),
        )}
        <tr>
          <td className="px-4 py-3 text-stone-600 dark:text-stone-400"></td>
          <td className="px-4 py-3">{RULES.manual_adjustment.description}</td>
          <td className="px-4 py-3 text-right font-mono font-semibold">
            up to ±{MANUAL_ADJUSTMENT_LIMIT}
          </td>
        </tr>
      </Table>
    </Card>
  );
}

/** Each privilege as a card: its threshold and, for a signed-in person, how far they are. */
export function PrivilegeCards({
  privileges,
  signedIn,
}: {
  privileges: PrivilegeProgress[];
  signedIn: boolean;
}) {
  return (
    <ul className="mt-4 grid gap-3 sm:grid-cols-2" data-testid="privileges">
      {privileges.map((p) => (
        <li key={p.key}>
          <Card className="h-full p-4">
            <div className="flex items-center justify-between gap-2">
              <h3 className="font-semibold">{p.label}</h3>
              {signedIn ? (
                p.held ? (
                  <Badge tone="brand">Unlocked</Badge>
                ) : (
                  <Badge tone="neutral">Locked</Badge>
                )
              ) : null}
            </div>
            <p className="mt-1 text-sm text-stone-600 dark:text-stone-400">{p.description}</p>
            <p className="mt-2 text-xs text-stone-600 dark:text-stone-400">
              {p.threshold === 0
                ? "From your first day"
                : `At ${p.threshold.toLocaleString("en-GB")} points`}
            </p>
            {signedIn && !p.held && p.why ? (
              <div className="mt-3">
                {p.pointsToGo > 0 ? (
                  <div
                    className="h-2 overflow-hidden rounded-full bg-stone-200 dark:bg-stone-800"
                    role="progressbar"
                    aria-label={`Progress towards ${p.label}`}
                    aria-valuemin={0}
                    aria-valuemax={p.threshold}
                    aria-valuenow={Math.max(0, p.threshold - p.pointsToGo)}
                  >
                    <div
                      className="h-full bg-brand-600"
                      style={{
                        width: `${Math.max(0, Math.min(100, ((p.threshold - p.pointsToGo) / p.threshold) * 100))}%`,
                      }}
                    />
                  </div>
                ) : null}
                <p className="mt-1 text-sm text-stone-700 dark:text-stone-300">{p.why}</p>
              </div>
            ) : null}
          </Card>
        </li>
      ))}
    </ul>
  );
}

const TIER_LADDER = [
  ["Member", "Everyone who joins."],
  ["Contributor", "At 100 points."],
  ["Champion", "At 750 points, with a verified talk or a published story."],
  ["MVP", "Awarded by community managers for a year, with a renewal review."],
] as const;

/** The four tiers in order, with what reaches each. */
export function TierLadder() {
  return (
    <Card className="mt-4 p-6">
      <ol className="grid gap-4 sm:grid-cols-4">
        {TIER_LADDER.map(([name, rule], i) => (
          <li key={name}>
            <p className="text-xs text-stone-600 dark:text-stone-400">Tier {i + 1}</p>
            <p className="font-semibold">{name}</p>
            <p className="text-sm text-stone-600 dark:text-stone-400">{rule}</p>
          </li>
        ))}
      </ol>
      <p className="mt-4 text-sm text-stone-600 dark:text-stone-400">
        Lower tiers follow from reputation; the top tier is an award, not a score.
      </p>
    </Card>
  );
}
