import { json, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { Stat } from "~/components/promoters/charts.tsx";
import { ReferralStageBadge } from "~/components/promoters/referral-stage.tsx";
import { useTranslation } from "react-i18next";
import { useMoney } from "~/components/manage/formats.ts";
import { i18nFor, localeOfMatches } from "~/i18n/index.ts";
import { useFormats } from "~/i18n/use-formats.ts";
import { Card } from "~/components/ui/card.tsx";
import { EmptyState } from "~/components/ui/empty-state.tsx";
import { policy } from "~/modules/access/policy.ts";
import { NotFoundError } from "~/modules/auth/errors.ts";
import { formatShare, WHOLE_SHARE } from "~/modules/promoters/credit-shares.ts";
import { advocateReturn } from "~/modules/promoters/dashboard.server.ts";
import { requireAllowed } from "~/utils/auth.server.ts";
import { notFound } from "~/utils/http.server.ts";

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => {
  const { t } = i18nFor(localeOfMatches(matches));
  return [
    {
      title: t("manageAdvocates.advocateMetaTitle", {
        name: data?.advocate.display_name ?? t("manageAdvocates.advocate"),
      }),
    },
  ];
};

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  await requireAllowed(request, context, policy.managePromoters);
  try {
    return json(await advocateReturn(context.db, params.handle ?? ""));
  } catch (error) {
    if (error instanceof NotFoundError) throw notFound(error.message);
    throw error;
  }
}

export default function AdvocateReturnPage() {
  const data = useLoaderData<typeof loader>();
  const a = data.advocate;
  const { t } = useTranslation();
  const formats = useFormats();
  const money = useMoney();
  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <div>
          <p className="text-sm">
            <Link
              to="/manage/advocates"
              className="font-medium text-brand-700 underline dark:text-brand-300"
            >
              {t("manageAdvocates.back")}
            </Link>
          </p>
          <h2 className="mt-2 text-xl font-semibold">
            <Link to={`/u/${a.handle}`} className="hover:underline">
              {a.display_name}
            </Link>
          </h2>
          <p className="text-sm text-stone-600 dark:text-stone-400">
            {[a.company, a.industry].filter(Boolean).join(" · ")}
            {a.verified_customer_at
              ? ` · ${t("manageAdvocates.verifiedSince", { date: formats.longMonth(a.verified_customer_at) })}`
              : ""}
          </p>
        </div>
        <a
          href={`/manage/advocates/${a.handle}/export`}
          download
          className="text-sm font-medium text-brand-700 underline dark:text-brand-300"
        >
          {t("manageAdvocates.export")}
        </a>
      </div>
      <dl className="grid grid-cols-2 gap-4 lg:grid-cols-4">
        <Stat
          label={t("manageAdvocates.referencesGiven")}
          value={data.references.completed}
          hint={t("manageAdvocates.referencesHint", {
            helpful: data.references.helpful,
            pending: data.references.pending,
          })}
          testId="ror-references"
        />
        <Stat
          label={t("manageAdvocates.referrals")}
          value={data.referrals.total}
          hint={t("manageAdvocates.referralsHint", {
            won: data.referrals.byStage.won,
            lost: data.referrals.byStage.lost,
          })}
          testId="ror-referrals"
        />
        <Stat
          label={t("manageAdvocates.revenueFromReferrals")}
          value={money(data.referrals.revenueCents)}
          hint={t("manageAdvocates.marginHint", { margin: money(data.referrals.marginCents) })}
          testId="ror-revenue"
        />
        <Stat
          label={t("manageAdvocates.reputation")}
          value={formats.count(data.reputation.total)}
          hint={t("manageAdvocates.reputationHint")}
          testId="ror-reputation"
        />
        <Stat label={t("manageAdvocates.verifiedTalks")} value={data.talks} testId="ror-talks" />
        <Stat
          label={t("manageAdvocates.publishedStories")}
          value={data.stories}
          testId="ror-stories"
        />
        <Stat
          label={t("manageAdvocates.acceptedAnswers")}
          value={data.answers}
          testId="ror-answers"
        />
        <Stat
          label={t("manageAdvocates.referencePoints")}
          value={formats.count(data.referencePoints)}
          testId="ror-reference-points"
        />
      </dl>
      <Card className="p-5">
        <h3 className="mb-3 text-lg font-semibold">{t("manageAdvocates.referralStages")}</h3>
        {data.referrals.list.length === 0 ? (
          <EmptyState title={t("manageAdvocates.noReferrals")} />
        ) : (
          <div className="overflow-x-auto">
            <table className="w-full text-left text-sm">
              <caption className="sr-only">
                {t("manageAdvocates.referralsBy", { name: a.display_name })}
              </caption>
              <thead className="text-xs uppercase text-stone-600 dark:text-stone-400">
                <tr>
                  <th scope="col" className="py-2">
                    {t("manageAdvocates.company")}
                  </th>
                  <th scope="col" className="py-2">
                    {t("manageAdvocates.stage")}
                  </th>
                  <th scope="col" className="py-2 text-right">
                    {t("manageAdvocates.revenue")}
                  </th>
                  <th scope="col" className="py-2 text-right">
                    {t("manageAdvocates.margin")}
                  </th>
                  <th scope="col" className="py-2 text-right">
                    {t("manageAdvocates.referred")}
                  </th>
                </tr>
              </thead>
              <tbody className="divide-y divide-stone-200 dark:divide-stone-800">
                {data.referrals.list.map((f) => (
                  <tr key={f.id}>
                    <td className="py-2">
                      {f.company} <span className="text-stone-500">· {f.contact_name}</span>
                      {f.share_bp !== null && f.share_bp < WHOLE_SHARE ? (
                        <span className="ml-1 text-stone-500" data-testid={`ror-share-${f.id}`}>
                          · {t("manageAdvocates.credited", { share: formatShare(f.share_bp) })}
                        </span>
                      ) : null}
                    </td>
                    <td className="py-2">
                      <ReferralStageBadge stage={f.stage} />
                    </td>
                    <td className="py-2 text-right tabular-nums">
                      {money(f.revenue_cents === null ? null : Number(f.revenue_cents))}
                    </td>
                    <td className="py-2 text-right tabular-nums">
                      {money(f.margin_cents === null ? null : Number(f.margin_cents))}
                    </td>
                    <td className="py-2 text-right">{formats.day(f.created_at)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </Card>
    </div>
  );
}
