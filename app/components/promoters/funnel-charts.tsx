import { useId } from "react";
import { useTranslation } from "react-i18next";
import { Card } from "~/components/ui/card.tsx";
import { useMonthName } from "./charts.tsx";
import { useMoney } from "./referral-stage.tsx";

interface Step {
  key: string;
  label: string;
  count: number;
  conversion: number | null;
}
interface Scoped {
  steps: Step[];
  revenueCents: number;
  promotersWhoReferred: number | null;
}

/** The funnel's steps by key, in the page's language (others keep their label). */
function useStepLabel(): (step: { key: string; label: string }) => string {
  const { t } = useTranslation();
  const labels: Record<string, string> = {
    surveyed: t("promoterFunnel.steps.surveyed"),
    answered: t("promoterFunnel.steps.answered"),
    promoter: t("promoterFunnel.steps.promoter"),
    recommended: t("promoterFunnel.steps.recommended"),
    joined: t("promoterFunnel.steps.joined"),
    contributed: t("promoterFunnel.steps.contributed"),
    reference: t("promoterFunnel.steps.reference"),
    referral: t("promoterFunnel.steps.referral"),
    revenue: t("promoterFunnel.steps.revenue"),
  };
  return (step) => labels[step.key] ?? step.label;
}

/** The steps of a cohort as bars (share of the first step), with each step's conversion from the one before. */
export function ConversionFunnel({ funnel, label }: { funnel: Scoped; label: string }) {
  const first = funnel.steps[0]?.count ?? 0;
  const { t } = useTranslation();
  const stepLabel = useStepLabel();
  const formatMoney = useMoney();
  return (
    <ol className="space-y-2.5" aria-label={label}>
      {funnel.steps.map((step, i) => {
        const share = first ? (step.count / first) * 100 : 0;
        return (
          <li key={step.key} data-testid={`promoter-funnel-${step.key}`}>
            <div className="flex items-baseline justify-between gap-3 text-sm">
              <span className="font-medium text-stone-800 dark:text-stone-200">
                {stepLabel(step)}
              </span>
              <span className="tabular-nums text-stone-700 dark:text-stone-300">
                <strong data-testid={`promoter-funnel-${step.key}-count`}>{step.count}</strong>
                {step.key === "revenue" && funnel.revenueCents ? (
                  <span className="ml-1">({formatMoney(funnel.revenueCents)})</span>
                ) : null}
                {i > 0 ? (
                  <span
                    className="ml-2 text-xs text-stone-500"
                    data-testid={`promoter-funnel-${step.key}-conversion`}
                  >
                    {step.conversion === null
                      ? "—"
                      : t("promoterFunnel.ofBefore", { conversion: step.conversion })}
                  </span>
                ) : null}
              </span>
            </div>
            <div
              className="mt-1 h-2 rounded-full bg-stone-100 dark:bg-stone-800"
              aria-hidden="true"
            >
              <div
                className="h-2 rounded-full bg-brand-600 dark:bg-brand-400"
                style={{ width: `${Math.max(share, step.count ? 1.5 : 0)}%` }}
              />
            </div>
          </li>
        );
      })}
    </ol>
  );
}

const SERIES_BASE = [
  { key: "answered", label: "Answered", fill: "fill-stone-400 dark:fill-stone-500" },
  { key: "promoter", label: "Promoters", fill: "fill-brand-600 dark:fill-brand-400" },
  { key: "recommended", label: "Recommended", fill: "fill-sky-600 dark:fill-sky-400" },
  { key: "joined", label: "Joined", fill: "fill-amber-500 dark:fill-amber-400" },
  { key: "referral", label: "Referred", fill: "fill-rose-500 dark:fill-rose-400" },
] as const;

/** Each month's cohort as grouped bars (answered, promoters, recommended, joined, referred), with a table. */
export function FunnelByMonth({ months }: { months: { month: string; funnel: Scoped }[] }) {
  const id = useId();
  const { t } = useTranslation();
  const monthName = useMonthName();
  const seriesLabel: Record<string, string> = {
    answered: t("promoterFunnel.series.answered"),
    promoter: t("promoterFunnel.series.promoter"),
    recommended: t("promoterFunnel.series.recommended"),
    joined: t("promoterFunnel.series.joined"),
    referral: t("promoterFunnel.series.referral"),
  };
  const SERIES = SERIES_BASE.map((s) => ({ ...s, label: seriesLabel[s.key] ?? s.label }));
  const width = 640;
  const height = 220;
  const pad = { left: 32, right: 8, top: 10, bottom: 28 };
  const innerW = width - pad.left - pad.right;
  const innerH = height - pad.top - pad.bottom;
  const value = (f: Scoped, key: string) => f.steps.find((s) => s.key === key)?.count ?? 0;
  const max = Math.max(1, ...months.flatMap((m) => SERIES.map((s) => value(m.funnel, s.key))));
  const step = innerW / Math.max(1, months.length);
  const barW = (step * 0.8) / SERIES.length;
  const title = t("promoterFunnel.byMonthTitle");
  return (
    <figure className="space-y-3">
      <svg
        viewBox={`0 0 ${width} ${height}`}
        role="img"
        aria-labelledby={`${id}-t`}
        className="h-auto w-full"
      >
        <title id={`${id}-t`}>{title}</title>
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
        {months.map((m, i) => {
          const x0 = pad.left + step * i + step * 0.1;
          return (
            <g key={m.month}>
              {SERIES.map((s, j) => {
                const v = value(m.funnel, s.key);
                const h = (v / max) * innerH;
                return v ? (
                  <rect
                    key={s.key}
                    x={x0 + j * barW}
                    y={pad.top + innerH - h}
                    width={barW}
                    height={h}
                    className={s.fill}
                  >
                    <title>{`${monthName(m.month)} — ${s.label}: ${v}`}</title>
                  </rect>
                ) : null;
              })}
              {(months.length - 1 - i) % 2 === 0 ? (
                <text
                  x={x0 + (barW * SERIES.length) / 2}
                  y={height - 8}
                  textAnchor="middle"
                  className="fill-stone-600 text-[11px] dark:fill-stone-400"
                >
                  {monthName(m.month)}
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
        {SERIES.map((s) => (
          <li key={s.key} className="flex items-center gap-1.5">
            <svg viewBox="0 0 10 10" className="h-3 w-3" aria-hidden="true">
              <rect width="10" height="10" rx="2" className={s.fill} />
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
          <table className="mt-2 w-full text-left" data-testid="funnel-by-month">
            <caption className="sr-only">{title}</caption>
            <thead>
              <tr className="text-xs uppercase text-stone-500">
                <th scope="col" className="py-1">
                  {t("promoters.month")}
                </th>
                {SERIES.map((s) => (
                  <th key={s.key} scope="col" className="py-1 text-right">
                    {s.label}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {months.map((m) => (
                <tr key={m.month} data-month={m.month}>
                  <th scope="row" className="py-0.5 font-normal">
                    {monthName(m.month)}
                  </th>
                  {SERIES.map((s) => (
                    <td key={s.key} className="py-0.5 text-right tabular-nums">
                      {value(m.funnel, s.key)}
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

/** The whole promoter funnel on the dashboard: overall or one survey, by month, and the referral share. */
export function PromoterFunnelSection(props: {
  report: {
    overall: Scoped;
    bySurvey: { surveyId: number; funnel: Scoped }[];
    monthly: { month: string; funnel: Scoped }[];
  };
  surveys: { id: number; name: string }[];
  selected: number | null;
  seedShare: number;
}) {
  const chosen = props.report.bySurvey.find((s) => s.surveyId === props.selected);
  const funnel = chosen?.funnel ?? props.report.overall;
  const name = props.surveys.find((s) => s.id === props.selected)?.name;
  const { t } = useTranslation();
  return (
    <Card className="space-y-6 p-5 sm:p-6" data-testid="promoter-funnel">
      <div className="flex flex-wrap items-baseline justify-between gap-4">
        <h2 className="text-lg font-semibold">{t("promoterFunnel.heading")}</h2>
        <form method="get" className="flex items-center gap-2 text-sm">
          <label htmlFor="funnel-survey">{t("promoterFunnel.answersFrom")}</label>
          <select
            id="funnel-survey"
            name="survey"
            defaultValue={chosen ? String(chosen.surveyId) : ""}
            className="rounded-md border border-stone-300 bg-white px-2 py-1 dark:border-stone-700 dark:bg-stone-900"
          >
            <option value="">{t("promoterFunnel.everySurvey")}</option>
            {props.surveys.map((s) => (
              <option key={s.id} value={s.id}>
                {s.name}
              </option>
            ))}
          </select>
          <button
            type="submit"
            className="rounded-md border border-stone-300 px-2 py-1 dark:border-stone-700"
          >
            {t("promoters.show")}
          </button>
        </form>
      </div>
      <dl className="grid gap-4 sm:grid-cols-2">
        <div className="rounded-lg bg-brand-50 p-4 dark:bg-brand-950/40">
          <dt className="text-sm">{t("promoterFunnel.whoReferred")}</dt>
          <dd className="text-2xl font-bold tabular-nums" data-testid="promoters-who-referred">
            {funnel.promotersWhoReferred === null ? "—" : `${funnel.promotersWhoReferred} %`}
          </dd>
        </div>
        <div className="rounded-lg bg-stone-100 p-4 dark:bg-stone-800">
          <dt className="text-sm">{t("promoterFunnel.research")}</dt>
          <dd className="text-2xl font-bold tabular-nums">{props.seedShare} %</dd>
        </div>
      </dl>
      <div className="grid gap-8 lg:grid-cols-2">
        <ConversionFunnel
          funnel={funnel}
          label={name ? t("promoterFunnel.funnelFor", { name }) : t("promoterFunnel.funnelEvery")}
        />
        <FunnelByMonth months={props.report.monthly} />
      </div>
      <p className="text-sm text-stone-600 dark:text-stone-400">{t("promoterFunnel.footnote")}</p>
    </Card>
  );
}
