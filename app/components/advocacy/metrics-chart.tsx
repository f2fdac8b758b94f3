import { useId } from "react";
import { useTranslation } from "react-i18next";
import {
  describeMetric,
  formatMetricValue,
  percentChange,
  type StoryMetric,
} from "~/modules/advocacy/metrics.ts";

const WIDTH = 640;
const ROW = 96;
const TOP = 8;
const LABEL_X = 0;
const TRACK_X = 64;
const TRACK_W = 420;
const BAR_H = 22;
const BEFORE_FILL = "#a8a29e";
const AFTER_FILL = "#059669";

function barWidth(value: number, max: number): number {
  if (max === 0 || value === 0) return 0;
  return Math.max(3, Math.round((Math.abs(value) / max) * TRACK_W));
}

function changeText(metric: StoryMetric, noChange: string): string {
  const change = percentChange(metric);
  if (change === null) return "";
  if (change === 0) return noChange;
  return `${change > 0 ? "+" : "−"}${Math.abs(change)}%`;
}

/**
 * Before/after bars for a story's metrics, one pair per metric, each pair on
 * its own scale (days and dollars do not share an axis). Pure SVG with text
 * labels and a title and description, so it reads without JavaScript, in a
 * screen reader, in the live preview and as a stand-alone image.
 */
export function MetricsChart({
  metrics,
  title,
  standalone = false,
}: {
  metrics: StoryMetric[];
  title: string;
  /** Drawn as its own image file: a white background and fixed text colour. */
  standalone?: boolean;
}) {
  const id = useId();
  const { t } = useTranslation();
  const titleId = `${id}-title`;
  const descId = `${id}-desc`;
  const height = TOP + Math.max(1, metrics.length) * ROW;
  const textFill = standalone ? "#1c1917" : "currentColor";
  const description = metrics.length
    ? metrics.map(describeMetric).join(". ") + "."
    : t("stories.chart.noMetrics");
  return (
    <svg
      xmlns="http://www.w3.org/2000/svg"
      viewBox={`0 0 ${WIDTH} ${height}`}
      width={standalone ? WIDTH : "100%"}
      height={standalone ? height : undefined}
      role="img"
      aria-labelledby={`${titleId} ${descId}`}
      fontFamily="Inter, ui-sans-serif, system-ui, sans-serif"
      data-testid="metrics-chart"
      style={standalone ? undefined : { maxWidth: "100%", height: "auto" }}
    >
      <title id={titleId}>{title}</title>
      <desc id={descId}>{description}</desc>
      {standalone ? <rect width={WIDTH} height={height} fill="#ffffff" /> : null}
      {metrics.length === 0 ? (
        <text x={LABEL_X} y={TOP + 30} fontSize="14" fill={textFill} opacity="0.7">
          {t("stories.chart.empty")}
        </text>
      ) : null}
      {metrics.map((metric, i) => {
        const y = TOP + i * ROW;
        const max = Math.max(Math.abs(metric.before), Math.abs(metric.after));
        const before = barWidth(metric.before, max);
        const after = barWidth(metric.after, max);
        const change = changeText(metric, t("stories.chart.noChange"));
        return (
          <g key={`${metric.label}-${i}`}>
            <text x={LABEL_X} y={y + 16} fontSize="15" fontWeight="600" fill={textFill}>
              {metric.label}
              {change ? (
                <tspan dx="10" fontWeight="700" fill={standalone ? "#047857" : "currentColor"}>
                  {change}
                </tspan>
              ) : null}
            </text>
            <text x={LABEL_X} y={y + 42} fontSize="12" fill={textFill} opacity="0.8">
              {t("stories.chart.before")}
            </text>
            <rect x={TRACK_X} y={y + 27} width={before} height={BAR_H} rx="4" fill={BEFORE_FILL} />
            <text x={TRACK_X + before + 8} y={y + 43} fontSize="13" fill={textFill}>
              {formatMetricValue(metric.before, metric.unit)}
            </text>
            <text x={LABEL_X} y={y + 70} fontSize="12" fill={textFill} opacity="0.8">
              {t("stories.chart.after")}
            </text>
            <rect x={TRACK_X} y={y + 55} width={after} height={BAR_H} rx="4" fill={AFTER_FILL} />
            <text x={TRACK_X + after + 8} y={y + 71} fontSize="13" fontWeight="600" fill={textFill}>
              {formatMetricValue(metric.after, metric.unit)}
            </text>
          </g>
        );
      })}
    </svg>
  );
}
