import { json, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { Funnel, NpsTrendChart, Stat, StackedBars } from "~/components/promoters/charts.tsx";
import { PromoterFunnelSection } from "~/components/promoters/funnel-charts.tsx";
import { FollowUpSummary } from "~/components/surveys/follow-up-summary.tsx";
import { DashboardSection as Section, OpenItems } from "~/components/manage/dashboard.tsx";
import { EmptyState } from "~/components/ui/empty-state.tsx";
import { policy } from "~/modules/access/policy.ts";
import { programHealth } from "~/modules/promoters/dashboard.server.ts";
import { promoterFunnelReport } from "~/modules/promoters/funnel.server.ts";
import { SEED_REFERRAL_SHARE } from "~/modules/promoters/funnel.ts";
import { listSurveys } from "~/modules/promoters/surveys/results.server.ts";
import { parseId } from "~/utils/params.ts";
import { followUpSummary } from "~/modules/promoters/surveys/follow-ups.server.ts";
import { formatMoney, REFERRAL_STAGE_LABELS as STAGE_LABELS } from "~/modules/promoters/labels.ts";
import { AREA_LABELS, AREAS } from "~/modules/reputation/rules.ts";
import { requireAllowed } from "~/utils/auth.server.ts";

export const meta: MetaFunction = () => [{ title: "Dashboard · Manage · Limelight" }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  await requireAllowed(request, context, policy.useManagerTools);
  const [health, followUps, promoterFunnel, surveys] = await Promise.all([
    programHealth(context.db),
    followUpSummary(context.db),
    promoterFunnelReport(context.db),
    listSurveys(context.db, 1),
  ]);
  const survey = parseId(new URL(request.url).searchParams.get("survey"));
  return json({
    ...health,
    followUps,
    promoterFunnel,
    surveys: surveys.rows.map((s) => ({ id: s.id, name: s.name })),
    survey,
  });
}

const linkClass = "text-sm font-medium text-brand-700 underline dark:text-brand-300";

export default function ManagerDashboard() {
  const data = useLoaderData<typeof loader>();
  const nps = data.nps.overall;
  const funnelEnd = data.funnel[data.funnel.length - 1]?.count ?? 0;
  const funnelStart = data.funnel[0]?.count ?? 0;
  const stages = Object.entries(data.referrals.byStage) as [keyof typeof STAGE_LABELS, number][];
  return (
    <div className="space-y-6">
      <section aria-labelledby="summary-heading">
        <h2 id="summary-heading" className="sr-only">
          Program health in numbers
        </h2>
        <dl className="grid grid-cols-2 gap-4 lg:grid-cols-4">
          <Stat
            label="Active advocates, 30 days"
            value={data.advocates.active30}
            hint={`${data.advocates.active90} in 90 days · ${data.advocates.total} advocates`}
            testId="active-30"
          />
          <Stat
            label="Net Promoter Score"
            value={nps.nps === null ? "—" : nps.nps > 0 ? `+${nps.nps}` : nps.nps}
            hint={`${nps.total} responses: ${nps.promoters} promoters, ${nps.passives} passives, ${nps.detractors} detractors`}
            testId="nps-overall"
          />
          <Stat
            label="Promoters who contributed"
            value={funnelStart ? `${Math.round((funnelEnd / funnelStart) * 100)} %` : "—"}
            hint={`${funnelEnd} of ${funnelStart} promoters`}
            testId="promoter-conversion"
          />
          <Stat
            label="Revenue from referrals"
            value={formatMoney(data.referrals.revenueCents)}
            hint={`Margin ${formatMoney(data.referrals.marginCents)} · ${data.referrals.byStage.won} won`}
            testId="referral-revenue"
          />
        </dl>
      </section>

      <Section title="Needs a manager">
        <OpenItems items={data.openItems} />
      </Section>

      <FollowUpSummary summary={data.followUps} />

      <PromoterFunnelSection
        report={data.promoterFunnel}
        surveys={data.surveys}
        selected={data.survey}
        seedShare={SEED_REFERRAL_SHARE}
      />

      <div className="grid gap-6 lg:grid-cols-2">
        <Section
          title="From promoter to contributor"
          action={
            <Link to="/manage/promoters" className={linkClass}>
              Promoters
            </Link>
          }
        >
          {funnelStart === 0 ? (
            <EmptyState title="No promoters yet">
              Import survey responses to see the funnel.
            </EmptyState>
          ) : (
            <>
              <Funnel steps={data.funnel} label="Promoter funnel" />
              <p className="mt-4 text-sm text-stone-600 dark:text-stone-400">
                Most people who say they would recommend you never do unless they are asked. The
                last step counts promoters with a first ledger entry or post.
              </p>
            </>
          )}
        </Section>
        <Section
          title="NPS trend"
          action={
            <Link to="/manage/promoters" className={linkClass}>
              Responses
            </Link>
          }
        >
          <NpsTrendChart
            points={data.nps.monthly}
            title="Net Promoter Score by month, last 12 months"
          />
        </Section>
      </div>

      <Section title="Contributions by area">
        <StackedBars
          rows={data.contributions}
          series={AREAS.map((a) => ({ key: a, label: AREA_LABELS[a] }))}
          title="Point-earning contributions per month by area, last 12 months"
        />
      </Section>

      <div className="grid gap-6 lg:grid-cols-3">
        <Section title="Tiers">
          {data.tiers.length === 0 ? (
            <p className="text-sm text-stone-600 dark:text-stone-400">No tiers are defined yet.</p>
          ) : (
            <dl className="space-y-2 text-sm">
              {data.tiers.map((t) => (
                <div key={t.name} className="flex justify-between gap-4">
                  <dt>{t.name}</dt>
                  <dd className="font-semibold tabular-nums" data-testid={`tier-${t.name}`}>
                    {t.count}
                  </dd>
                </div>
              ))}
            </dl>
          )}
        </Section>
        <Section
          title="References"
          action={
            <Link to="/manage/references" className={linkClass}>
              All requests
            </Link>
          }
        >
          <dl className="space-y-2 text-sm">
            {(
              [
                ["queued", "Waiting for room"],
                ["pending", "Waiting for the advocate"],
                ["accepted", "Accepted"],
                ["completed", "Completed"],
                ["declined", "Declined"],
              ] as const
            ).map(([key, label]) => (
              <div key={key} className="flex justify-between gap-4">
                <dt>{label}</dt>
                <dd className="font-semibold tabular-nums" data-testid={`references-${key}`}>
                  {data.references[key] ?? 0}
                </dd>
              </div>
            ))}
          </dl>
        </Section>
        <Section
          title="Referrals"
          action={
            <Link to="/manage/referrals" className={linkClass}>
              Pipeline
            </Link>
          }
        >
          <dl className="space-y-2 text-sm">
            {stages.map(([stage, count]) => (
              <div key={stage} className="flex justify-between gap-4">
                <dt>{STAGE_LABELS[stage]}</dt>
                <dd className="font-semibold tabular-nums" data-testid={`referrals-${stage}`}>
                  {count}
                </dd>
              </div>
            ))}
          </dl>
        </Section>
      </div>
      <p className="text-sm text-stone-600 dark:text-stone-400">
        Each advocate&apos;s contribution, one by one:{" "}
        <Link to="/manage/advocates" className={linkClass}>
          return on relationship
        </Link>
        .
      </p>
    </div>
  );
}
