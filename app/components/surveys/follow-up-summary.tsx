import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { Card } from "~/components/ui/card.tsx";

/** The dashboard's view of closing the loop with detractors. */
export function FollowUpSummary(props: {
  summary: { open: number; overdue: number; closed: number; medianHoursToClose: number | null };
}) {
  const { summary } = props;
  const { t } = useTranslation();
  const cell = "rounded-lg border border-stone-200 px-4 py-3 dark:border-stone-800";
  return (
    <Card className="p-5 sm:p-6" data-testid="follow-ups-card">
      <div className="mb-4 flex items-baseline justify-between gap-4">
        <h2 className="text-lg font-semibold">{t("survey.followUp.summaryTitle")}</h2>
        <Link
          to="/manage/promoters/follow-ups"
          className="text-sm font-medium text-brand-700 underline dark:text-brand-300"
        >
          {t("survey.followUp.summaryLink")}
        </Link>
      </div>
      <dl className="grid grid-cols-3 gap-3 text-sm">
        <div className={cell}>
          <dt className="text-stone-600 dark:text-stone-400">{t("survey.followUp.open")}</dt>
          <dd className="text-2xl font-semibold tabular-nums" data-testid="follow-ups-open">
            {summary.open}
          </dd>
        </div>
        <div className={cell}>
          <dt className="text-stone-600 dark:text-stone-400">
            {t("survey.followUp.overdueCount")}
          </dt>
          <dd className="text-2xl font-semibold tabular-nums">{summary.overdue}</dd>
        </div>
        <div className={cell}>
          <dt className="text-stone-600 dark:text-stone-400">{t("survey.followUp.median")}</dt>
          <dd className="text-2xl font-semibold tabular-nums" data-testid="follow-ups-median">
            {summary.medianHoursToClose === null
              ? "—"
              : t("survey.followUp.hours", { hours: summary.medianHoursToClose })}
          </dd>
        </div>
      </dl>
    </Card>
  );
}
