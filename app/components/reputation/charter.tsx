import { useTranslation } from "react-i18next";
import { Badge } from "~/components/ui/badge.tsx";
import { Card } from "~/components/ui/card.tsx";
import { Table } from "~/components/ui/table.tsx";
import { useFormats } from "~/i18n/use-formats.ts";
import type { PrivilegeKey, PrivilegeProgress } from "~/modules/access/privileges.ts";
import { AREAS, MANUAL_ADJUSTMENT_LIMIT, type RuleRow } from "~/modules/reputation/rules.ts";
import { useAreaLabels, useRuleDescriptions } from "./labels.ts";

/** "+5", "−5" and "0", with the page's digits grouping. */
export function usePointsFormat(): (amount: number) => string {
  const formats = useFormats();
  return (amount) =>
    amount > 0
      ? `+${formats.count(amount)}`
      : amount < 0
        ? `−${formats.count(Math.abs(amount))}`
        : "0";
}

/** The public table of what earns points, grouped by area, with the current values. */
export function RuleTable({ rules }: { rules: RuleRow[] }) {
  const { t } = useTranslation();
  const areas = useAreaLabels();
  const descriptions = useRuleDescriptions();
  const points = usePointsFormat();
  const columns = [
    { label: t("reputation.columnArea") },
    { label: t("reputation.columnContribution") },
    { label: t("reputation.columnPoints"), className: "text-right" },
  ];
  return (
    <Card className="mt-4 overflow-x-auto">
      <Table caption={t("reputation.rulesCaption")} columns={columns}>
        {AREAS.flatMap((area) =>
          rules
            .filter((r) => r.area === area)
            .map((r, i) => (
              <tr key={r.key} data-testid={`rule-${r.key}`}>
                <td className="px-4 py-3 text-stone-600 dark:text-stone-400">
                  {i === 0 ? areas[area] : ""}
                </td>
                <td className="px-4 py-3">{descriptions[r.key] ?? r.description}</td>
                <td className="px-4 py-3 text-right font-mono font-semibold">{points(r.points)}</td>
              </tr>
            )),
        )}
        <tr>
          <td className="px-4 py-3 text-stone-600 dark:text-stone-400"></td>
          <td className="px-4 py-3">{descriptions.manual_adjustment}</td>
          <td className="px-4 py-3 text-right font-mono font-semibold">
            {t("reputation.upTo", { limit: MANUAL_ADJUSTMENT_LIMIT })}
          </td>
        </tr>
      </Table>
    </Card>
  );
}

/** A privilege's name and what it lets you do, in the page's language. */
function usePrivilegeTexts(): Record<PrivilegeKey, { label: string; description: string }> {
  const { t } = useTranslation();
  return {
    start_discussion: {
      label: t("reputation.privilege.startDiscussion.label"),
      description: t("reputation.privilege.startDiscussion.description"),
    },
    vote: {
      label: t("reputation.privilege.vote.label"),
      description: t("reputation.privilege.vote.description"),
    },
    flag: {
      label: t("reputation.privilege.flag.label"),
      description: t("reputation.privilege.flag.description"),
    },
    edit_others: {
      label: t("reputation.privilege.editOthers.label"),
      description: t("reputation.privilege.editOthers.description"),
    },
    see_vote_breakdown: {
      label: t("reputation.privilege.seeVoteBreakdown.label"),
      description: t("reputation.privilege.seeVoteBreakdown.description"),
    },
  };
}

/** Each privilege as a card: its threshold and, for a signed-in person, how far they are. */
export function PrivilegeCards({
  privileges,
  signedIn,
}: {
  privileges: PrivilegeProgress[];
  signedIn: boolean;
}) {
  const { t } = useTranslation();
  const texts = usePrivilegeTexts();
  return (
    <ul className="mt-4 grid gap-3 sm:grid-cols-2" data-testid="privileges">
      {privileges.map((p) => {
        const label = texts[p.key]?.label ?? p.label;
        return (
          <li key={p.key}>
            <Card className="h-full p-4">
              <div className="flex items-center justify-between gap-2">
                <h3 className="font-semibold">{label}</h3>
                {signedIn ? (
                  p.held ? (
                    <Badge tone="brand">{t("reputation.unlocked")}</Badge>
                  ) : (
                    <Badge tone="neutral">{t("reputation.locked")}</Badge>
                  )
                ) : null}
              </div>
              <p className="mt-1 text-sm text-stone-600 dark:text-stone-400">
                {texts[p.key]?.description ?? p.description}
              </p>
              <p className="mt-2 text-xs text-stone-600 dark:text-stone-400">
                {p.threshold === 0
                  ? t("reputation.fromFirstDay")
                  : t("reputation.atPoints", { count: p.threshold })}
              </p>
              {signedIn && !p.held && p.why ? (
                <div className="mt-3">
                  {p.pointsToGo > 0 ? (
                    <div
                      className="h-2 overflow-hidden rounded-full bg-stone-200 dark:bg-stone-800"
                      role="progressbar"
                      aria-label={t("reputation.progressTowards", { privilege: label })}
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
                  <p className="mt-1 text-sm text-stone-700 dark:text-stone-300">
                    {p.pointsToGo > 0
                      ? t("reputation.pointsToGo", {
                          have: p.threshold - p.pointsToGo,
                          threshold: p.threshold,
                          toGo: p.pointsToGo,
                        })
                      : t("reputation.verifiedFirst")}
                  </p>
                </div>
              ) : null}
            </Card>
          </li>
        );
      })}
    </ul>
  );
}

/** The four tiers in order, with what reaches each. */
export function TierLadder() {
  const { t } = useTranslation();
  const ladder = [
    ["Member", t("reputation.ladder.member")],
    ["Contributor", t("reputation.ladder.contributor")],
    ["Champion", t("reputation.ladder.champion")],
    ["MVP", t("reputation.ladder.mvp")],
  ] as const;
  return (
    <Card className="mt-4 p-6">
      <ol className="grid gap-4 sm:grid-cols-4">
        {ladder.map(([name, rule], i) => (
          <li key={name}>
            <p className="text-xs text-stone-600 dark:text-stone-400">
              {t("reputation.tierNumber", { number: i + 1 })}
            </p>
            <p className="font-semibold">{name}</p>
            <p className="text-sm text-stone-600 dark:text-stone-400">{rule}</p>
          </li>
        ))}
      </ol>
      <p className="mt-4 text-sm text-stone-600 dark:text-stone-400">
        {t("reputation.ladderNote")}
      </p>
    </Card>
  );
}
