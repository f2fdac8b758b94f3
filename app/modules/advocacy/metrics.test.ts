import { describe, expect, it } from "vitest";
import {
  describeMetric,
  formatMetricValue,
  headlineMetric,
  parseMetricNumber,
  percentChange,
  readMetricRows,
  validateMetrics,
} from "./metrics.ts";

describe("metric numbers", () => {
  it("reads plain, decimal and thousands-separated numbers", () => {
    expect(parseMetricNumber("14")).toBe(14);
    expect(parseMetricNumber(" 3.5 ")).toBe(3.5);
    expect(parseMetricNumber("1,200")).toBe(1200);
    expect(parseMetricNumber("-12")).toBe(-12);
  });

  it("refuses text, blanks and infinities", () => {
    for (const bad of ["", "fourteen", "14 days", "1e400", "Infinity", "12..3", "NaN"])
      expect(parseMetricNumber(bad), bad).toBeNull();
  });
});

describe("metrics table", () => {
  it("keeps complete rows in order and ignores rows left empty", () => {
    const { rows, errors } = readMetricRows({
      "metric-0-label": "Onboarding time",
      "metric-0-before": "14",
      "metric-0-after": "3",
      "metric-0-unit": "days",
      "metric-1-label": "",
      "metric-1-before": "",
      "metric-1-after": "",
      "metric-1-unit": "",
      "metric-2-label": "On-time delivery",
      "metric-2-before": "88",
      "metric-2-after": "94",
      "metric-2-unit": "%",
    });
    expect(errors).toEqual({});
    expect(rows).toEqual([
      { label: "Onboarding time", before: 14, after: 3, unit: "days" },
      { label: "On-time delivery", before: 88, after: 94, unit: "%" },
    ]);
  });

  it("puts a message next to each bad cell: not a number, no unit, no label", () => {
    const { rows, errors } = readMetricRows({
      "metric-0-label": "Weekly reporting",
      "metric-0-before": "a lot",
      "metric-0-after": "1",
      "metric-0-unit": "",
      "metric-1-label": "",
      "metric-1-before": "5",
      "metric-1-after": "2",
      "metric-1-unit": "hours",
    });
    expect(rows).toEqual([]);
    expect(Object.keys(errors).sort()).toEqual([
      "metric-0-before",
      "metric-0-unit",
      "metric-1-label",
    ]);
    expect(errors["metric-0-before"]).toMatch(/number/);
    expect(errors["metric-0-unit"]).toMatch(/unit/);
  });

  it("refuses more than six metrics", () => {
    const values: Record<string, string> = {};
    for (let i = 0; i < 7; i++) {
      values[`metric-${i}-label`] = `M${i}`;
      values[`metric-${i}-before`] = "1";
      values[`metric-${i}-after`] = "2";
      values[`metric-${i}-unit`] = "x";
    }
    expect(readMetricRows(values).errors.metrics).toMatch(/at most 6/);
  });

  it("validates metrics given as data the same way", () => {
    expect(
      validateMetrics([{ label: "Cost", before: "lots", after: 3, unit: "$k" }]).errors,
    ).toEqual({
      "metric-0-before": expect.stringMatching(/number/),
    });
    expect(validateMetrics("nope").errors.metrics).toBeTruthy();
  });
});

describe("describing a metric", () => {
  it("gives the change in percent, or none when it started at zero", () => {
    expect(percentChange({ before: 14, after: 3 })).toBe(-79);
    expect(percentChange({ before: 88, after: 94 })).toBe(7);
    expect(percentChange({ before: 0, after: 5 })).toBeNull();
    expect(percentChange({ before: 600, after: 2 })).toBe(-99.7);
    expect(percentChange({ before: 600, after: 0 })).toBe(-100);
  });

  it("reads naturally for units, percentages and currencies", () => {
    expect(formatMetricValue(14, "days")).toBe("14 days");
    expect(formatMetricValue(1, "hours")).toBe("1 hour");
    expect(formatMetricValue(1, "kWh")).toBe("1 kWh");
    expect(formatMetricValue(94, "%")).toBe("94%");
    expect(formatMetricValue(310, "$")).toBe("$310");
    expect(formatMetricValue(310, "$k")).toBe("$310k");
    expect(formatMetricValue(1.5, "€M")).toBe("€1.5M");
    expect(describeMetric({ label: "Onboarding time", before: 14, after: 3, unit: "days" })).toBe(
      "Onboarding time: 14 days → 3 days (−79%)",
    );
  });

  it("leads with the first row", () => {
    expect(headlineMetric([])).toBeNull();
    expect(headlineMetric([{ label: "A", before: 1, after: 2, unit: "x" }])?.label).toBe("A");
  });
});
