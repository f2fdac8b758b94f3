import { json, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
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
import type { REFERRAL_STAGE_LABELS as STAGE_LABELS } from "~/modules/promoters/labels.ts";
import { AREAS } from "~/modules/reputation/rules.ts";
import { useMoney } from "~/components/manage/formats.ts";
import { i18nFor, localeOfMatches } from "~/i18n/index.ts";
import { useFormats } from "~/i18n/use-formats.ts";
import { requireAllowed } from "~/utils/auth.server.ts";

export const meta: MetaFunction = ({ matches }) => [
  { title: i18nFor(localeOfMatches(matches)).t("manageDashboard.metaTitle") },
];

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
  const { t } = useTranslation();
  const { count } = useFormats();
  const money = useMoney();
  const stageLabels: Record<keyof typeof STAGE_LABELS, string> = {
    submitted: t("manageDashboard.stage.submitted"),
    contacted: t("manageDashboard.stage.contacted"),
    qualified: t("manageDashboard.stage.qualified"),
    won: t("manageDashboard.stage.won"),
    lost: t("manageDashboard.stage.lost"),
  };
  const areaLabels: Record<(typeof AREAS)[number], string> = {
    help: t("manageDashboard.area.help"),
    speaking: t("manageDashboard.area.speaking"),
    stories: t("manageDashboard.area.stories"),
    community: t("manageDashboard.area.community"),
  };
  const funnelLabels: Record<string, string> = {
    promoters: t("manageDashboard.funnel.promoters"),
    invited: t("manageDashboard.funnel.invited"),
    members: t("manageDashboard.funnel.members"),
    advocates: t("manageDashboard.funnel.advocates"),
    contributed: t("manageDashboard.funnel.contributed"),
  };
  const openLabels: Record<string, string> = {
    references: t("manageDashboard.open.references"),
    referrals: t("manageDashboard.open.referrals"),
    promoters: t("manageDashboard.open.promoters"),
  };
  const openItems = data.openItems.map((item) => ({
    ...item,
    label: openLabels[item.key] ?? item.label,
  }));
  const funnel = data.funnel.map((step) => ({
    ...step,
    label: funnelLabels[step.key] ?? step.label,
  }));
  return (
    <div className="space-y-6">
      <section aria-labelledby="summary-heading">
        <h2 id="summary-heading" className="sr-only">
          {t("manageDashboard.summary")}
        </h2>
        <dl className="grid grid-cols-2 gap-4 lg:grid-cols-4">
          <Stat
            label={t("manageDashboard.active30")}
            value={count(data.advocates.active30)}
            hint={t("manageDashboard.active30Hint", {
              active90: data.advocates.active90,
              total: data.advocates.total,
            })}
            testId="active-30"
          />
          <Stat
            label={t("manageDashboard.nps")}
            value={nps.nps === null ? "—" : nps.nps > 0 ? `+${nps.nps}` : nps.nps}
            hint={t("manageDashboard.npsHint", {
              total: nps.total,
              promoters: nps.promoters,
              passives: nps.passives,
              detractors: nps.detractors,
            })}
            testId="nps-overall"
          />
          <Stat
            label={t("manageDashboard.conversion")}
            value={funnelStart ? `${Math.round((funnelEnd / funnelStart) * 100)} %` : "—"}
            hint={t("manageDashboard.conversionHint", { end: funnelEnd, start: funnelStart })}
            testId="promoter-conversion"
          />
          <Stat
            label={t("manageDashboard.revenue")}
            value={money(data.referrals.revenueCents)}
            hint={t("manageDashboard.revenueHint", {
              margin: money(data.referrals.marginCents),
              won: data.referrals.byStage.won,
            })}
            testId="referral-revenue"
          />
        </dl>
      </section>

      <Section title={t("manageDashboard.needsManager")}>
        <OpenItems items={openItems} />
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
          title={t("manageDashboard.funnelTitle")}
          action={
            <Link to="/manage/promoters" className={linkClass}>
              {t("manageDashboard.promotersLink")}
            </Link>
          }
        >
          {funnelStart === 0 ? (
            <EmptyState title={t("manageDashboard.noPromoters")}>
              {t("manageDashboard.noPromotersText")}
            </EmptyState>
          ) : (
            <>
              <Funnel steps={funnel} label={t("manageDashboard.funnelLabel")} />
              <p className="mt-4 text-sm text-stone-600 dark:text-stone-400">
                {t("manageDashboard.funnelNote")}
              </p>
            </>
          )}
        </Section>
        <Section
          title={t("manageDashboard.npsTrend")}
          action={
            <Link to="/manage/promoters" className={linkClass}>
              {t("manageDashboard.responsesLink")}
            </Link>
          }
        >
          <NpsTrendChart points={data.nps.monthly} title={t("manageDashboard.npsTrendChart")} />
        </Section>
      </div>

      <Section title={t("manageDashboard.contributions")}>
        <StackedBars
          rows={data.contributions}
          series={AREAS.map((a) => ({ key: a, label: areaLabels[a] }))}
          title={t("manageDashboard.contributionsChart")}
        />
      </Section>

      <div className="grid gap-6 lg:grid-cols-3">
        <Section title={t("manageDashboard.tiers")}>
          {data.tiers.length === 0 ? (
            <p className="text-sm text-stone-600 dark:text-stone-400">
              {t("manageDashboard.noTiers")}
            </p>
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
          title={t("manageDashboard.references")}
          action={
            <Link to="/manage/references" className={linkClass}>
              {t("manageDashboard.allRequests")}
            </Link>
          }
        >
          <dl className="space-y-2 text-sm">
            {(
              [
                ["queued", t("manageDashboard.reference.queued")],
                ["pending", t("manageDashboard.reference.pending")],
                ["accepted", t("manageDashboard.reference.accepted")],
                ["completed", t("manageDashboard.reference.completed")],
                ["declined", t("manageDashboard.reference.declined")],
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
          title={t("manageDashboard.referrals")}
          action={
            <Link to="/manage/referrals" className={linkClass}>
              {t("manageDashboard.pipeline")}
            </Link>
          }
        >
          <dl className="space-y-2 text-sm">
            {stages.map(([stage, count]) => (
              <div key={stage} className="flex justify-between gap-4">
                <dt>{stageLabels[stage]}</dt>
                <dd className="font-semibold tabular-nums" data-testid={`referrals-${stage}`}>
                  {count}
                </dd>
              </div>
            ))}
          </dl>
        </Section>
      </div>
      <p className="text-sm text-stone-600 dark:text-stone-400">
        {t("manageDashboard.perAdvocate")}{" "}
        <Link to="/manage/advocates" className={linkClass}>
          {t("manageDashboard.perAdvocateLink")}
        </Link>
        {t("manageDashboard.perAdvocateEnd")}
      </p>
    </div>
  );
}
