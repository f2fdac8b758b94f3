import { AREA_LABELS, AREAS, type Area } from "./rules.ts";
import { formatsFor } from "../../utils/format.ts";

export interface DailyPoints {
  day: string; // YYYY-MM-DD (UTC)
  area: Area;
  points: number;
}

export interface ChartPoint {
  day: string;
  /** Cumulative points per area up to and including this day. */
  byArea: Record<Area, number>;
  total: number;
}

/** Cumulative reputation per area, one point per day that had activity (plus today). */
export function cumulativeSeries(days: DailyPoints[], today?: string): ChartPoint[] {
  const sorted = [...days].sort((a, b) => a.day.localeCompare(b.day));
  const running = Object.fromEntries(AREAS.map((a) => [a, 0])) as Record<Area, number>;
  const out: ChartPoint[] = [];
  for (const d of sorted) {
    running[d.area] += d.points;
    const last = out[out.length - 1];
    const point = { day: d.day, byArea: { ...running }, total: sum(running) };
    if (last && last.day === d.day) out[out.length - 1] = point;
    else out.push(point);
  }
  if (today && out.length > 0 && out[out.length - 1].day < today)
    out.push({ day: today, byArea: { ...running }, total: sum(running) });
  return out;
}

const sum = (byArea: Record<Area, number>) => AREAS.reduce((n, a) => n + byArea[a], 0);

export interface StackedChart {
  width: number;
  height: number;
  /** One closed path per area, bottom (help) to top (community). */
  areas: { area: Area; path: string }[];
  yTicks: { y: number; label: string }[];
  xTicks: { x: number; label: string }[];
  max: number;
}

const dayMs = (day: string) => Date.parse(`${day}T00:00:00Z`);

/**
 * Lays the series out as stacked areas in a width × height box (with room
 * for axis labels). Negative running totals (after corrections) draw as 0.
 */
export function layoutStackedChart(
  series: ChartPoint[],
  options: { width?: number; height?: number; locale?: string } = {},
): StackedChart {
  const formats = formatsFor(options.locale ?? "en-GB");
  const width = options.width ?? 640;
  const height = options.height ?? 220;
  const pad = { left: 44, right: 12, top: 12, bottom: 28 };
  const innerW = width - pad.left - pad.right;
  const innerH = height - pad.top - pad.bottom;
  const stacks = series.map((p) => {
    let base = 0;
    return AREAS.map((a) => {
      const lower = base;
      base += Math.max(0, p.byArea[a]);
      return [lower, base] as const;
    });
  });
  const rawMax = Math.max(1, ...stacks.map((s) => s[s.length - 1][1]));
  const max = niceCeiling(rawMax);
  const t0 = series.length ? dayMs(series[0].day) : 0;
  const t1 = series.length ? dayMs(series[series.length - 1].day) : 1;
  const span = Math.max(1, t1 - t0);
  const x = (day: string) =>
    series.length === 1 ? pad.left + innerW / 2 : pad.left + ((dayMs(day) - t0) / span) * innerW;
  const y = (v: number) => pad.top + innerH - (v / max) * innerH;
  const r = (n: number) => Math.round(n * 10) / 10;

  const areas = AREAS.map((area, i) => {
    if (series.length === 0) return { area, path: "" };
    // A step chart: points hold until the next day with activity.
    const upper: string[] = [];
    const lower: string[] = [];
    series.forEach((p, j) => {
      const [lo, hi] = stacks[j][i];
      const xj = r(x(p.day));
      if (j > 0) {
        const [plo, phi] = stacks[j - 1][i];
        upper.push(`L${xj},${r(y(phi))}`);
        lower.unshift(`L${xj},${r(y(plo))}`);
      }
      upper.push(`${j === 0 ? "M" : "L"}${xj},${r(y(hi))}`);
      lower.unshift(`L${xj},${r(y(lo))}`);
    });
    if (series.length === 1) {
      const [lo, hi] = stacks[0][i];
      const xa = r(pad.left);
      const xb = r(pad.left + innerW);
      return {
        area,
        path: `M${xa},${r(y(hi))}L${xb},${r(y(hi))}L${xb},${r(y(lo))}L${xa},${r(y(lo))}Z`,
      };
    }
    return { area, path: `${upper.join("")}${lower.join("")}Z` };
  });

  const yTicks = [0, 0.25, 0.5, 0.75, 1].map((f) => ({
    y: r(y(max * f)),
    label: formats.count(Math.round(max * f)),
  }));
  const xTicks: { x: number; label: string }[] = [];
  if (series.length) {
    const count = Math.min(4, series.length);
    for (let k = 0; k < count; k++) {
      const t = count === 1 ? t0 : t0 + ((t1 - t0) * k) / (count - 1);
      const day = new Date(t).toISOString().slice(0, 10);
      xTicks.push({
        x: r(series.length === 1 ? pad.left + innerW / 2 : x(day)),
        label: formats.month(t),
      });
    }
  }
  return { width, height, areas, yTicks, xTicks, max };
}

/** 1, 2, 2.5, 5 × 10ⁿ: axis maxima people read easily. */
export function niceCeiling(value: number): number {
  if (value <= 0) return 1;
  const exp = Math.pow(10, Math.floor(Math.log10(value)));
  for (const step of [1, 2, 2.5, 5, 10]) if (value <= step * exp) return step * exp;
  return 10 * exp;
}

/**
 * Everything the profile's chart prints, ready to render: the stacked
 * areas, the axis labels, the summary sentence and the month-by-month
 * table for assistive technology.
 */
export interface ChartView {
  width: number;
  height: number;
  areas: { area: Area; path: string }[];
  yTicks: { y: number; label: string }[];
  xTicks: { x: number; label: string; anchor: "start" | "middle" | "end" }[];
  /** "From 3 Jan 2026 to 2 Dec 2026, reputation grew to 120 points: …" */
  summary: string;
  /** The first and last day drawn ("2026-11-02"), and the final totals, for a summary in any language. */
  first: string;
  last: string;
  total: number;
  /** The final total of each area, in `AREAS` order. */
  totals: number[];
  /** The running totals at the end of each month: per area (in `AREAS` order), then the total. */
  months: { month: string; byArea: number[]; total: number }[];
}

export function chartView(days: DailyPoints[], today: string, locale = "en-GB"): ChartView | null {
  const series = cumulativeSeries(days, today);
  if (series.length === 0) return null;
  const chart = layoutStackedChart(series, { locale });
  const first = series[0];
  const last = series[series.length - 1];
  const fmt = (day: string) => formatsFor("en-GB").day(`${day}T00:00:00Z`);
  const months = new Map<string, ChartPoint>();
  for (const p of series) months.set(p.day.slice(0, 7), p);
  return {
    width: chart.width,
    height: chart.height,
    areas: chart.areas.filter((a) => a.path),
    yTicks: chart.yTicks,
    xTicks: chart.xTicks.map((t, i) => ({
      ...t,
      anchor: i === 0 ? "start" : i === chart.xTicks.length - 1 ? "end" : "middle",
    })),
    summary: `From ${fmt(first.day)} to ${fmt(last.day)}, reputation grew to ${last.total} points: ${AREAS.map((a) => `${AREA_LABELS[a]} ${last.byArea[a]}`).join(", ")}.`,
    first: first.day,
    last: last.day,
    total: last.total,
    totals: AREAS.map((a) => last.byArea[a]),
    months: [...months.entries()].map(([month, p]) => ({
      month,
      byArea: AREAS.map((a) => p.byArea[a]),
      total: p.total,
    })),
  };
}

const VIEWS_KEPT = 500;
const views = new Map<string, ChartView | null>();

/**
 * The chart for `key` (a person, their ledger's version and the day), laid
 * out on first use and kept, most recently used last: it is the same for
 * every reader, and the layout is the costliest part of the profile's
 * render. The page sends the days, much smaller than the paths drawn from
 * them, and the browser lays them out once as well.
 */
export function chartFor(
  key: string,
  days: DailyPoints[],
  today: string,
  /** The `Intl` locale of the axis labels: one kept layout per language. */
  locale = "en-GB",
): ChartView | null {
  const kept = locale === "en-GB" ? key : `${locale} ${key}`;
  let view = views.get(kept);
  if (view === undefined) view = chartView(days, today, locale);
  else views.delete(kept);
  views.set(kept, view);
  if (views.size > VIEWS_KEPT) views.delete(views.keys().next().value!);
  return view;
}
