import { Form } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { Funnel, NpsTrendChart, Stat } from "~/components/promoters/charts.tsx";
import { Button } from "~/components/ui/button.tsx";
import { Card } from "~/components/ui/card.tsx";
import { SelectField } from "~/components/ui/field.tsx";
import type { PromoterStage } from "~/modules/promoters/labels.ts";
import type { FunnelStep } from "~/modules/promoters/pipeline.server.ts";
import { usePipelineLabel, useStageLabels } from "./use-labels.ts";

type Overall = { nps: number | null; promoters: number; passives: number; detractors: number };

/** NPS, its trend and the promoter funnel, above the list. */
export function PromotersOverview({
  overall,
  monthly,
  funnel,
}: {
  overall: Overall;
  monthly: Parameters<typeof NpsTrendChart>[0]["points"];
  funnel: FunnelStep[];
}) {
  const o = overall;
  const { t } = useTranslation();
  const stepLabel = usePipelineLabel();
  return (
    <>
      <dl className="grid grid-cols-2 gap-4 lg:grid-cols-4">
        <Stat
          label={t("promoters.nps")}
          value={o.nps === null ? "—" : o.nps > 0 ? `+${o.nps}` : o.nps}
          testId="promoters-nps"
        />
        <Stat
          label={t("promoters.promoters")}
          value={o.promoters}
          hint={t("promoters.promotersHint")}
        />
        <Stat label={t("promoters.passives")} value={o.passives} hint="7–8" />
        <Stat label={t("promoters.detractors")} value={o.detractors} hint="0–6" />
      </dl>
      <div className="grid gap-6 lg:grid-cols-2">
        <Card className="p-5">
          <h2 className="mb-3 text-lg font-semibold">{t("promoters.npsByMonth")}</h2>
          <NpsTrendChart points={monthly} title={t("promoters.npsByMonth")} />
        </Card>
        <Card className="p-5">
          <h2 className="mb-3 text-lg font-semibold">{t("promoters.funnelTitle")}</h2>
          <Funnel
            steps={funnel.map((step) => ({ ...step, label: stepLabel(step) }))}
            label={t("promoters.funnelLabel")}
          />
        </Card>
      </div>
    </>
  );
}

/** Which stage of promoters to list. */
export function StageFilter({
  stage,
  stages,
  counts,
}: {
  stage: PromoterStage | null;
  stages: PromoterStage[];
  counts: Record<PromoterStage, number>;
}) {
  const { t } = useTranslation();
  const labels = useStageLabels();
  return (
    <Card className="p-4">
      <Form method="get" className="flex flex-wrap items-end gap-3">
        <SelectField
          label={t("promoters.stage")}
          name="stage"
          defaultValue={stage ?? ""}
          className="min-w-64"
        >
          <option value="">
            {t("promoters.everyPromoter", {
              total: Object.values(counts).reduce((a, b) => a + b, 0),
            })}
          </option>
          {stages.map((s) => (
            <option key={s} value={s}>
              {t("promoters.withCount", { label: labels[s], total: counts[s] })}
            </option>
          ))}
        </SelectField>
        <Button type="submit" variant="secondary">
          {t("promoters.show")}
        </Button>
      </Form>
    </Card>
  );
}
