import { areaFill } from "~/components/charts/palette.ts";
import { useId } from "react";
import { useTranslation } from "react-i18next";
import { formatDateTime, useFormatTag } from "~/components/admin/locale.ts";

/** "Dec 26" or "December 2026" for a month key ("2026-12"), in the page's language. */
export function useMonthName() {
  const tag = useFormatTag();
  return (key: string, style: "short" | "long" = "short") =>
    formatDateTime(tag, `${key}-01T00:00:00Z`, {
      month: style,
      year: style === "long" ? "numeric" : "2-digit",
      timeZone: "UTC",
    });
}

export interface NpsPoint {
  month: string;
  nps: number | null;
  total: number;
}

/**
 * NPS per month as a line from −100 to +100, drawn on the server: an SVG
 * with a title and description for screen readers and a table of the same
 * numbers below it, so nothing depends on JavaScript.
 */
export function NpsTrendChart({
  points,
  title: titleGiven,
}: {
  points: NpsPoint[];
  title?: string;
}) {
  const id = useId();
  const { t } = useTranslation();
  const monthName = useMonthName();
  const title = titleGiven ?? t("promoters.npsByMonth");
  const width = 640;
  const height = 220;
  const pad = { left: 40, right: 12, top: 12, bottom: 28 };
  const innerW = width - pad.left - pad.right;
  const innerH = height - pad.top - pad.bottom;
  const x = (i: number) =>
    pad.left + (points.length <= 1 ? innerW / 2 : (i / (points.length - 1)) * innerW);
  const y = (v: number) => pad.top + ((100 - v) / 200) * innerH;
  const segments: string[] = [];
  let current = "";
  points.forEach((p, i) => {
    if (p.nps === null) {
      if (current) segments.push(current);
      current = "";
      return;
    }
    current += `${current ? "L" : "M"}${x(i).toFixed(1)},${y(p.nps).toFixed(1)}`;
  });
  if (current) segments.push(current);
  const known = points.filter((p) => p.nps !== null);
  const summary = known.length
    ? t("promoters.trendSummary", {
        from: monthName(points[0].month, "long"),
        to: monthName(points[points.length - 1].month, "long"),
        values: known.map((p) => `${monthName(p.month, "long")} ${p.nps}`).join(", "),
      })
    : t("promoters.noResponses");
  return (
    <figure className="space-y-3">
      <svg
        viewBox={`0 0 ${width} ${height}`}
        role="img"
        aria-labelledby={`${id}-title ${id}-desc`}
        className="h-auto w-full text-stone-400 dark:text-stone-600"
      >
        <title id={`${id}-title`}>{title}</title>
        <desc id={`${id}-desc`}>{summary}</desc>
        {[100, 50, 0, -50, -100].map((v) => (
          <g key={v}>
            <line
              x1={pad.left}
              x2={width - pad.right}
              y1={y(v)}
              y2={y(v)}
              stroke="currentColor"
              strokeDasharray={v === 0 ? undefined : "3 4"}
              strokeWidth={v === 0 ? 1.2 : 0.6}
            />
            <text
              x={pad.left - 6}
              y={y(v) + 4}
              textAnchor="end"
              className="fill-stone-600 text-[11px] dark:fill-stone-400"
            >
              {v > 0 ? `+${v}` : v}
            </text>
          </g>
        ))}
        {segments.map((d, i) => (
          <path
            key={i}
            d={d}
            fill="none"
            className="stroke-brand-600 dark:stroke-brand-400"
            strokeWidth={2.5}
          />
        ))}
        {points.map((p, i) =>
          p.nps === null ? null : (
            <circle
              key={p.month}
              cx={x(i)}
              cy={y(p.nps)}
              r={3.5}
              className="fill-brand-700 dark:fill-brand-300"
            >
              <title>
                {t("promoters.pointTitle", {
                  month: monthName(p.month, "long"),
                  nps: p.nps,
                  total: p.total,
                })}
              </title>
            </circle>
          ),
        )}
        {points.map((p, i) =>
          // Every few months counted back from the latest, so the latest always has a label
          // and none crowds it; the last is anchored at its end so it stays inside the chart.
          (points.length - 1 - i) % Math.max(1, Math.ceil(points.length / 6)) === 0 ? (
            <text
              key={p.month}
              x={x(i)}
              y={height - 8}
              textAnchor={i === points.length - 1 && points.length > 1 ? "end" : "middle"}
              data-testid="nps-axis-label"
              className="fill-stone-600 text-[11px] dark:fill-stone-400"
            >
              {monthName(p.month)}
            </text>
          ) : null,
        )}
      </svg>
      <details className="text-sm">
        <summary className="cursor-pointer text-stone-600 dark:text-stone-400">
          {t("promoters.showNumbers")}
        </summary>
        <table className="mt-2 w-full text-left" data-testid="nps-by-month">
          <caption className="sr-only">{title}</caption>
          <thead>
            <tr className="text-xs uppercase text-stone-500">
              <th scope="col" className="py-1">
                {t("promoters.month")}
              </th>
              <th scope="col" className="py-1 text-right">
                {t("promoters.responses")}
              </th>
              <th scope="col" className="py-1 text-right">
                NPS
              </th>
            </tr>
          </thead>
          <tbody>
            {points.map((p) => (
              <tr key={p.month} data-month={p.month}>
                <th scope="row" className="py-0.5 font-normal">
                  {monthName(p.month, "long")}
                </th>
                <td className="py-0.5 text-right tabular-nums">{p.total}</td>
                <td className="py-0.5 text-right tabular-nums" data-testid={`nps-${p.month}`}>
                  {p.nps === null ? "—" : p.nps}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </figure>
  );
}

/** Stacked bars: contributions per month, one colour per area, with a legend and a table. */
export function StackedBars({
  rows,
  series,
  title,
}: {
  rows: { month: string; counts: Record<string, number> }[];
  series: { key: string; label: string }[];
  title: string;
}) {
  const id = useId();
  const width = 640;
  const height = 220;
  const pad = { left: 36, right: 8, top: 10, bottom: 28 };
  const innerW = width - pad.left - pad.right;
  const innerH = height - pad.top - pad.bottom;
  const totals = rows.map((r) => series.reduce((sum, s) => sum + (r.counts[s.key] ?? 0), 0));
  const max = Math.max(1, ...totals);
  const step = innerW / Math.max(1, rows.length);
  const barW = Math.max(4, step * 0.6);
  const { t } = useTranslation();
  const monthName = useMonthName();
  const summary = rows.map((r, i) => `${monthName(r.month, "long")}: ${totals[i]}`).join(", ");
  return (
    <figure className="space-y-3">
      <svg
        viewBox={`0 0 ${width} ${height}`}
        role="img"
        aria-labelledby={`${id}-t ${id}-d`}
        className="h-auto w-full"
      >
        <title id={`${id}-t`}>{title}</title>
        <desc id={`${id}-d`}>{summary}</desc>
        {[0, 0.5, 1].map((f) => (
          <g key={f}>
            <line
              x1={pad.left}
              x2={width - pad.right}
              y1={pad.top + innerH * (1 - f)}
              y2={pad.top + innerH * (1 - f)}
              className="stroke-stone-300 dark:stroke-stone-700"
              strokeWidth={0.6}
            />
            <text
              x={pad.left - 6}
              y={pad.top + innerH * (1 - f) + 4}
              textAnchor="end"
              className="fill-stone-600 text-[11px] dark:fill-stone-400"
            >
              {Math.round(max * f)}
            </text>
          </g>
        ))}
        {rows.map((r, i) => {
          let yCursor = pad.top + innerH;
          const cx = pad.left + step * i + (step - barW) / 2;
          return (
            <g key={r.month}>
              {series.map((s) => {
                const v = r.counts[s.key] ?? 0;
                if (!v) return null;
                const h = (v / max) * innerH;
                yCursor -= h;
                return (
                  <rect
                    key={s.key}
                    x={cx}
                    y={yCursor}
                    width={barW}
                    height={h}
                    className={areaFill(s.key)}
                  >
                    <title>{`${monthName(r.month, "long")} — ${s.label}: ${v}`}</title>
                  </rect>
                );
              })}
              {i % Math.max(1, Math.ceil(rows.length / 6)) === 0 || i === rows.length - 1 ? (
                <text
                  x={cx + barW / 2}
                  y={height - 8}
                  textAnchor="middle"
                  className="fill-stone-600 text-[11px] dark:fill-stone-400"
                >
                  {monthName(r.month)}
                </text>
              ) : null}
            </g>
          );
        })}
      </svg>
      <ul
        className="flex flex-wrap gap-4 text-xs text-stone-700 dark:text-stone-300"
        aria-label={t("promoters.legend")}
      >
        {series.map((s) => (
          <li key={s.key} className="flex items-center gap-1.5">
            <svg viewBox="0 0 10 10" className="h-3 w-3" aria-hidden="true">
              <rect width="10" height="10" rx="2" className={areaFill(s.key)} />
            </svg>
            {s.label}
          </li>
        ))}
      </ul>
      <details className="text-sm">
        <summary className="cursor-pointer text-stone-600 dark:text-stone-400">
          {t("promoters.showNumbers")}
        </summary>
        <div className="overflow-x-auto">
          <table className="mt-2 w-full text-left">
            <caption className="sr-only">{title}</caption>
            <thead>
              <tr className="text-xs uppercase text-stone-500">
                <th scope="col" className="py-1">
                  {t("promoters.month")}
                </th>
                {series.map((s) => (
                  <th key={s.key} scope="col" className="py-1 text-right">
                    {s.label}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.month}>
                  <th scope="row" className="py-0.5 font-normal">
                    {monthName(r.month, "long")}
                  </th>
                  {series.map((s) => (
                    <td key={s.key} className="py-0.5 text-right tabular-nums">
                      {r.counts[s.key] ?? 0}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </details>
    </figure>
  );
}

/** A funnel as horizontal bars in plain HTML: every number is text, each bar a share of the first step. */
export function Funnel({
  steps,
  label,
}: {
  steps: { key: string; label: string; count: number }[];
  label: string;
}) {
  const first = steps[0]?.count ?? 0;
  return (
    <ol className="space-y-3" aria-label={label}>
      {steps.map((step) => {
        const share = first ? Math.round((step.count / first) * 100) : 0;
        return (
          <li key={step.key} data-testid={`funnel-${step.key}`}>
            <div className="flex items-baseline justify-between gap-3 text-sm">
              <span className="font-medium text-stone-800 dark:text-stone-200">{step.label}</span>
              <span className="tabular-nums text-stone-700 dark:text-stone-300">
                <strong className="text-base" data-testid={`funnel-${step.key}-count`}>
                  {step.count}
                </strong>
                <span className="ml-2 text-xs text-stone-500">{share} %</span>
              </span>
            </div>
            <div
              className="mt-1 h-2.5 rounded-full bg-stone-100 dark:bg-stone-800"
              aria-hidden="true"
            >
              <div
                className="h-2.5 rounded-full bg-brand-600 dark:bg-brand-400"
                style={{ width: `${Math.max(share, step.count ? 2 : 0)}%` }}
              />
            </div>
          </li>
        );
      })}
    </ol>
  );
}

/** A big number with a label, for the summary row. */
export function Stat({
  label,
  value,
  hint,
  testId,
}: {
  label: string;
  value: string | number;
  hint?: string;
  testId?: string;
}) {
  return (
    <div className="rounded-xl border border-stone-200 bg-white p-4 shadow-sm dark:border-stone-800 dark:bg-stone-900">
      <dt className="text-sm text-stone-600 dark:text-stone-400">{label}</dt>
      <dd
        className="mt-1 text-2xl font-bold tabular-nums text-stone-900 dark:text-white"
        data-testid={testId}
      >
        {value}
      </dd>
      {hint ? <dd className="mt-1 text-xs text-stone-500 dark:text-stone-400">{hint}</dd> : null}
    </div>
  );
}
