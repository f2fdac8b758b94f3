import { useId } from "react";
import { AREA_COLOURS } from "~/components/charts/palette.ts";
import { cn } from "~/utils/cn.ts";
import { chartFor, type DailyPoints } from "./chart.ts";
import { useTranslation } from "react-i18next";
import { usePointsFormat } from "~/components/reputation/charter.tsx";
import { useAreaLabels, useRulePhrases } from "~/components/reputation/labels.ts";
import { rich, slot } from "~/components/reputation/rich.tsx";
import { DEFAULT_LOCALE, FORMAT_TAGS, isLocale } from "~/i18n/index.ts";
import { useFormats } from "~/i18n/use-formats.ts";
import { AREAS, isRuleKey, type Area } from "./rules.ts";

/**
 * Cumulative reputation by area as stacked areas, drawn on the server as
 * SVG (no script needed). Screen readers get a title, a summary and a
 * table of the same figures. The layout is kept between readers
 * (`chartFor`).
 */
export function ReputationChart({
  chartKey,
  days,
  today,
  name,
}: {
  chartKey: string;
  days: DailyPoints[];
  today: string;
  name: string;
}) {
  const id = useId();
  const { t, i18n } = useTranslation();
  const formats = useFormats();
  const areaLabels = useAreaLabels();
  const locale = FORMAT_TAGS[isLocale(i18n.language) ? i18n.language : DEFAULT_LOCALE];
  const chart = chartFor(chartKey, days, today, locale);
  if (!chart) return null;
  const summary = t("reputation.chartSummary", {
    from: formats.day(`${chart.first}T00:00:00Z`),
    to: formats.day(`${chart.last}T00:00:00Z`),
    total: chart.total,
    areas: AREAS.map((a, i) => `${areaLabels[a]} ${formats.count(chart.totals[i])}`).join(
      t("reputation.listSeparator"),
    ),
  });
  return (
    <figure>
      <svg
        viewBox={`0 0 ${chart.width} ${chart.height}`}
        className="h-auto w-full"
        role="img"
        aria-labelledby={`${id}-title ${id}-desc`}
      >
        <title id={`${id}-title`}>{t("reputation.chartTitle", { name })}</title>
        <desc id={`${id}-desc`}>{summary}</desc>
        {chart.yTicks.map((t) => (
          <g key={t.y}>
            <line
              x1={44}
              x2={chart.width - 12}
              y1={t.y}
              y2={t.y}
              className="stroke-stone-200 dark:stroke-stone-800"
              strokeWidth={1}
            />
            <text
              x={38}
              y={t.y + 4}
              textAnchor="end"
              className="fill-stone-500 text-[11px] dark:fill-stone-400"
            >
              {t.label}
            </text>
          </g>
        ))}
        {chart.areas.map((a) => (
          <path key={a.area} d={a.path} className={AREA_FILLS[a.area]} />
        ))}
        {chart.xTicks.map((t, i) => (
          <text
            key={`${t.x}-${i}`}
            x={t.x}
            y={chart.height - 8}
            textAnchor={t.anchor}
            className="fill-stone-500 text-[11px] dark:fill-stone-400"
          >
            {t.label}
          </text>
        ))}
      </svg>
      <figcaption className="mt-3 flex flex-wrap gap-x-4 gap-y-1 text-xs text-stone-600 dark:text-stone-400">
        {AREAS.map((a) => (
          <span key={a} className="inline-flex items-center gap-1.5">
            <span aria-hidden="true" className={AREA_SWATCHES[a]} />
            {areaLabels[a]}
          </span>
        ))}
      </figcaption>
      {/* The div hides it: a table ignores the 1px width of sr-only and widened the page. */}
      <div className="sr-only">
        <table>
          <caption>{t("reputation.chartCaption")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("reputation.month")}</th>
              {AREAS.map((a) => (
                <th scope="col" key={a}>
                  {areaLabels[a]}
                </th>
              ))}
              <th scope="col">{t("reputation.total")}</th>
            </tr>
          </thead>
          <tbody>
            {chart.months.map((m) => (
              <tr key={m.month}>
                <th scope="row">{m.month}</th>
                {m.byArea.map((points, i) => (
                  <td key={AREAS[i]}>{points}</td>
                ))}
                <td>{m.total}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </figure>
  );
}

// Class lists joined once, not per render.
const AREA_FILLS = Object.fromEntries(
  AREAS.map((a) => [a, cn(AREA_COLOURS[a].fill, "opacity-90")]),
) as Record<Area, string>;
const AREA_SWATCHES = Object.fromEntries(
  AREAS.map((a) => [a, cn("inline-block h-2.5 w-2.5 rounded-sm", AREA_COLOURS[a].swatch)]),
) as Record<Area, string>;

/** Total and per-area figures. */
export function AreaTotals({
  balance,
  recent,
}: {
  balance: Record<"total" | Area, number>;
  recent?: number;
}) {
  const { t } = useTranslation();
  const formats = useFormats();
  const areaLabels = useAreaLabels();
  const formatPoints = usePointsFormat();
  return (
    <dl className="grid grid-cols-2 gap-3 sm:grid-cols-3 lg:grid-cols-6">
      <div className="col-span-2 rounded-lg bg-brand-50 p-3 sm:col-span-1 lg:col-span-1 dark:bg-brand-900/30">
        <dt className="text-xs font-medium uppercase tracking-wide text-brand-800 dark:text-brand-200">
          {t("reputation.reputation")}
        </dt>
        <dd
          className="mt-1 text-2xl font-bold text-brand-900 dark:text-brand-100"
          data-testid="reputation-total"
        >
          {formats.count(balance.total)}
        </dd>
      </div>
      {AREAS.map((a) => (
        <div key={a} className="rounded-lg bg-stone-50 p-3 dark:bg-stone-800/60">
          <dt className="flex items-center gap-1.5 text-xs text-stone-600 dark:text-stone-400">
            <span
              aria-hidden="true"
              className={cn("inline-block h-2 w-2 rounded-sm", AREA_COLOURS[a].swatch)}
            />
            {areaLabels[a]}
          </dt>
          <dd className="mt-1 text-lg font-semibold">{formats.count(balance[a])}</dd>
        </div>
      ))}
      {recent !== undefined ? (
        <div className="rounded-lg bg-stone-50 p-3 dark:bg-stone-800/60">
          <dt className="text-xs text-stone-600 dark:text-stone-400">
            {t("reputation.last30Days")}
          </dt>
          <dd className="mt-1 text-lg font-semibold">{formatPoints(recent)}</dd>
        </div>
      ) : null}
    </dl>
  );
}

export interface BadgeView {
  key: string;
  name: string;
  description: string;
  icon: string;
  earnedAt?: string | Date | null;
}

export function BadgeList({ badges, compact = false }: { badges: BadgeView[]; compact?: boolean }) {
  const { t } = useTranslation();
  const formats = useFormats();
  return (
    <ul className={cn("grid gap-3", compact ? "sm:grid-cols-2" : "sm:grid-cols-2 lg:grid-cols-3")}>
      {badges.map((b) => (
        <li
          key={b.key}
          className={cn(
            "flex items-start gap-3 rounded-lg border p-3",
            b.earnedAt === null
              ? "border-dashed border-stone-300 dark:border-stone-700"
              : "border-stone-200 dark:border-stone-800",
          )}
        >
          <span
            aria-hidden="true"
            className={cn(
              "inline-flex h-10 w-10 shrink-0 items-center justify-center rounded-full text-sm font-bold ring-2",
              b.earnedAt === null
                ? "bg-stone-100 text-stone-700 ring-stone-300 dark:bg-stone-800 dark:text-stone-300 dark:ring-stone-700"
                : "bg-amber-100 text-amber-900 ring-amber-400 dark:bg-amber-900/50 dark:text-amber-100 dark:ring-amber-600",
            )}
          >
            {b.icon}
          </span>
          <div className="text-sm">
            <p className="font-semibold">{b.name}</p>
            <p className="text-stone-600 dark:text-stone-400">{b.description}</p>
            {b.earnedAt ? (
              <p className="mt-1 text-xs text-stone-600 dark:text-stone-400">
                {rich(t("reputation.earnedOn", { date: slot("date") }), {
                  date: (
                    <time dateTime={new Date(b.earnedAt).toISOString()}>
                      {formats.day(b.earnedAt)}
                    </time>
                  ),
                })}
              </p>
            ) : b.earnedAt === null ? (
              <p className="mt-1 text-xs text-stone-600 dark:text-stone-400">
                {t("reputation.notEarned")}
              </p>
            ) : null}
          </div>
        </li>
      ))}
    </ul>
  );
}

export interface HistoryLineView {
  id: number;
  amount: number;
  phrase: string;
  reason: string | null;
  createdAt: string | Date;
  link: { href: string; title: string } | null;
  sourceLabel: string | null;
  awardedBy: { handle: string; displayName: string } | null;
  rule: string;
  /** Set when the line takes back an earlier one. */
  reversesId?: number | null;
}

/** "+15 — answer accepted in 'Migrating from v3?' — 12 Nov 2026", each linked to its source. */
export function HistoryList({ lines }: { lines: HistoryLineView[] }) {
  const { t } = useTranslation();
  const formats = useFormats();
  const phrases = useRulePhrases();
  const formatPoints = usePointsFormat();
  const phraseOf = (line: HistoryLineView) => {
    if (!isRuleKey(line.rule)) return line.phrase;
    const phrase = phrases[line.rule];
    const reversed = line.reversesId != null || line.phrase.endsWith(" (reversed)");
    return reversed ? t("reputation.reversed", { phrase }) : phrase;
  };
  return (
    <ol
      className="divide-y divide-stone-200 dark:divide-stone-800"
      data-testid="reputation-history"
    >
      {lines.map((line) => {
        const date = new Date(line.createdAt);
        return (
          <li key={line.id} className="flex items-start gap-3 py-3 text-sm">
            <span
              className={cn(
                "w-14 shrink-0 text-right font-mono font-semibold tabular-nums",
                line.amount > 0
                  ? "text-brand-700 dark:text-brand-300"
                  : line.amount < 0
                    ? "text-red-700 dark:text-red-400"
                    : "text-stone-600",
              )}
            >
              {formatPoints(line.amount)}
            </span>
            <div className="min-w-0 flex-1">
              <p>
                {line.rule === "manual_adjustment" && line.reason ? (
                  <>“{line.reason}”</>
                ) : (
                  phraseOf(line)
                )}
                {line.link ? (
                  rich(t("reputation.inSource", { source: slot("source") }), {
                    source: (
                      <a
                        href={line.link.href}
                        className="font-medium text-brand-700 underline dark:text-brand-300"
                      >
                        {line.link.title}
                      </a>
                    ),
                  })
                ) : line.sourceLabel ? (
                  <span className="text-stone-600 dark:text-stone-400"> ({line.sourceLabel})</span>
                ) : null}
                {line.awardedBy && line.rule === "manual_adjustment" ? (
                  <span className="text-stone-600 dark:text-stone-400">
                    {rich(
                      line.amount < 0
                        ? t("reputation.correctedBy", { person: slot("person") })
                        : t("reputation.awardedBy", { person: slot("person") }),
                      {
                        person: (
                          <a
                            href={`/u/${line.awardedBy.handle}`}
                            className="underline underline-offset-2"
                          >
                            {line.awardedBy.displayName}
                          </a>
                        ),
                      },
                    )}
                  </span>
                ) : null}
              </p>
              {line.reason && line.rule !== "manual_adjustment" ? (
                <p className="mt-0.5 text-xs text-stone-600 dark:text-stone-400">{line.reason}</p>
              ) : null}
            </div>
            <time
              dateTime={date.toISOString()}
              className="shrink-0 whitespace-nowrap text-xs text-stone-600 dark:text-stone-400"
            >
              {formats.day(date)}
            </time>
          </li>
        );
      })}
    </ol>
  );
}
