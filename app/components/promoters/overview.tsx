import { Form } from "@remix-run/react";
import { Funnel, NpsTrendChart, Stat } from "~/components/promoters/charts.tsx";
import { Button } from "~/components/ui/button.tsx";
import { Card } from "~/components/ui/card.tsx";
import { SelectField } from "~/components/ui/field.tsx";
import {
  PROMOTER_STAGE_LABELS as STAGE_LABELS,
  type PromoterStage,
} from "~/modules/promoters/labels.ts";
import type { FunnelStep } from "~/modules/promoters/pipeline.server.ts";

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
  return (
    <>
      <dl className="grid grid-cols-2 gap-4 lg:grid-cols-4">
        <Stat
          label="NPS"
          value={o.nps === null ? "—" : o.nps > 0 ? `+${o.nps}` : o.nps}
          testId="promoters-nps"
        />
        <Stat label="Promoters" value={o.promoters} hint="Responses scoring 9–10" />
        <Stat label="Passives" value={o.passives} hint="7–8" />
        <Stat label="Detractors" value={o.detractors} hint="0–6" />
      </dl>
      <div className="grid gap-6 lg:grid-cols-2">
        <Card className="p-5">
          <h2 className="mb-3 text-lg font-semibold">NPS by month</h2>
          <NpsTrendChart points={monthly} />
        </Card>
        <Card className="p-5">
          <h2 className="mb-3 text-lg font-semibold">Promoter funnel</h2>
          <Funnel steps={funnel} label="From promoter to first contribution" />
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
  return (
    <Card className="p-4">
      <Form method="get" className="flex flex-wrap items-end gap-3">
        <SelectField label="Stage" name="stage" defaultValue={stage ?? ""} className="min-w-64">
          <option value="">
            Every promoter ({Object.values(counts).reduce((a, b) => a + b, 0)})
          </option>
          {stages.map((s) => (
            <option key={s} value={s}>
              {STAGE_LABELS[s]} ({counts[s]})
            </option>
          ))}
        </SelectField>
        <Button type="submit" variant="secondary">
          Show
        </Button>
      </Form>
    </Card>
  );
}
