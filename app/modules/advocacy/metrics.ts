import type { StoryMetric } from "../../../db/tables/advocacy.ts";

export type { StoryMetric };

export const MAX_METRICS = 6;
const FIELDS = ["label", "before", "after", "unit"] as const;

/** Form field name of one cell of the metrics table: metric-0-label, metric-0-before, … */
export const metricField = (index: number, field: (typeof FIELDS)[number]) =>
  `metric-${index}-${field}`;

/** "1,200", " 14 ", "3.5" → a number; anything else (text, "", Infinity) → null. */
export function parseMetricNumber(text: string): number | null {
  const cleaned = text.trim().replace(/(\d),(?=\d{3}\b)/g, "$1");
  if (!/^[-+]?(\d+(\.\d*)?|\.\d+)$/.test(cleaned)) return null;
  const value = Number(cleaned);
  return Number.isFinite(value) ? value : null;
}

export interface MetricRowsResult {
  rows: StoryMetric[];
  /** Messages keyed by the field they belong to (metric-1-unit …). */
  errors: Record<string, string>;
}

/**
 * Reads the metrics table from submitted fields. A row left completely empty
 * is ignored; a row partly filled in must be complete: a label, two numbers
 * and a unit.
 */
export function readMetricRows(values: Record<string, unknown>): MetricRowsResult {
  const indexes = new Set<number>();
  for (const key of Object.keys(values)) {
    const m = /^metric-(\d{1,2})-(label|before|after|unit)$/.exec(key);
    if (m) indexes.add(Number(m[1]));
  }
  const rows: StoryMetric[] = [];
  const errors: Record<string, string> = {};
  for (const i of [...indexes].sort((a, b) => a - b)) {
    const cell = (f: (typeof FIELDS)[number]) => String(values[metricField(i, f)] ?? "").trim();
    const raw = {
      label: cell("label"),
      before: cell("before"),
      after: cell("after"),
      unit: cell("unit"),
    };
    if (!raw.label && !raw.before && !raw.after && !raw.unit) continue;
    let ok = true;
    if (!raw.label) {
      errors[metricField(i, "label")] = "Name what you measured, e.g. “Onboarding time”.";
      ok = false;
    } else if (raw.label.length > 60) {
      errors[metricField(i, "label")] = "Keep the metric name under 60 characters.";
      ok = false;
    }
    const before = parseMetricNumber(raw.before);
    const after = parseMetricNumber(raw.after);
    if (before === null) {
      errors[metricField(i, "before")] = "Enter the value before as a number, e.g. 14.";
      ok = false;
    }
    if (after === null) {
      errors[metricField(i, "after")] = "Enter the value after as a number, e.g. 3.";
      ok = false;
    }
    if (!raw.unit) {
      errors[metricField(i, "unit")] = "Give a unit, e.g. days, %, hours or $k.";
      ok = false;
    } else if (raw.unit.length > 20) {
      errors[metricField(i, "unit")] = "Keep the unit under 20 characters.";
      ok = false;
    }
    if (ok) rows.push({ label: raw.label, before: before!, after: after!, unit: raw.unit });
  }
  if (rows.length > MAX_METRICS) {
    errors.metrics = `Choose at most ${MAX_METRICS} metrics; the first one is the headline.`;
  }
  return { rows, errors };
}

/** Checks metrics that arrive as data (seed, API) rather than as form fields. */
export function validateMetrics(metrics: unknown): MetricRowsResult {
  if (!Array.isArray(metrics)) return { rows: [], errors: { metrics: "Metrics must be a list." } };
  const values: Record<string, string> = {};
  metrics.forEach((m: Record<string, unknown>, i) => {
    for (const f of FIELDS) {
      const v = m?.[f];
      values[metricField(i, f)] = v === undefined || v === null ? "" : String(v);
    }
  });
  return readMetricRows(values);
}

/** Relative change from before to after, in percent (rounded); null when before is 0. */
export function percentChange(metric: Pick<StoryMetric, "before" | "after">): number | null {
  if (metric.before === 0) return null;
  const change = ((metric.after - metric.before) / Math.abs(metric.before)) * 100;
  // 600 → 2 is not "−100%": keep a decimal when rounding would say "all of it".
  if (Math.abs(change) > 99 && Math.abs(change) < 100) return Math.round(change * 10) / 10;
  return Math.round(change);
}

const numberFormats = new Map<string, Intl.NumberFormat>();

/** One number format per locale, made on first use: "1,234.5" in en-US, "1234,5" in es. */
function numberFormatFor(locale: string): Intl.NumberFormat {
  let format = numberFormats.get(locale);
  if (!format) {
    format = new Intl.NumberFormat(locale, { maximumFractionDigits: 2 });
    numberFormats.set(locale, format);
  }
  return format;
}

/**
 * "14 days", "94%", "$310k" (a unit that starts with a currency sign goes in front),
 * with the number written as the page's language writes it (`locale` is an `Intl`
 * locale such as "zh-Hans" or "es"; US English by default, as the story cards are).
 */
export function formatMetricValue(value: number, unit: string, locale = "en-US"): string {
  const numberFormat = numberFormatFor(locale);
  const n = numberFormat.format(value);
  // "1 hour", not "1 hours", for plain plural English units.
  if (locale.startsWith("en") && Math.abs(value) === 1 && /^[a-z]{3,}s$/i.test(unit))
    unit = unit.slice(0, -1);
  if (unit === "%") return `${n}%`;
  const currency = /^([$€£¥])(.{0,3})$/.exec(unit);
  if (currency)
    return `${value < 0 ? "−" : ""}${currency[1]}${numberFormat.format(Math.abs(value))}${currency[2]}`;
  return `${n} ${unit}`;
}

/** "Onboarding time: 14 days → 3 days (−79%)" — the line a card or a screen reader gets. */
export function describeMetric(metric: StoryMetric): string {
  return describeMetricIn(metric, "en-US");
}

/** `describeMetric` with its numbers in an `Intl` locale ("12.500" in Spanish, "12,500" in English). */
export function describeMetricIn(metric: StoryMetric, locale: string): string {
  const change = percentChange(metric);
  const changeText =
    change === null ? "" : ` (${change > 0 ? "+" : change < 0 ? "−" : "±"}${Math.abs(change)}%)`;
  return `${metric.label}: ${formatMetricValue(metric.before, metric.unit, locale)} → ${formatMetricValue(
    metric.after,
    metric.unit,
    locale,
  )}${changeText}`;
}

/** The metric a story leads with: the first row. */
export function headlineMetric(metrics: StoryMetric[]): StoryMetric | null {
  return metrics[0] ?? null;
}
