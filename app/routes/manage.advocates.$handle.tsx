import { json, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { Stat } from "~/components/promoters/charts.tsx";
import { money, ReferralStageBadge } from "~/components/promoters/referral-stage.tsx";
import { Card } from "~/components/ui/card.tsx";
import { EmptyState } from "~/components/ui/empty-state.tsx";
import { policy } from "~/modules/access/policy.ts";
import { NotFoundError } from "~/modules/auth/errors.ts";
import { formatShare, WHOLE_SHARE } from "~/modules/promoters/credit-shares.ts";
import { advocateReturn } from "~/modules/promoters/dashboard.server.ts";
import { requireAllowed } from "~/utils/auth.server.ts";
import { notFound } from "~/utils/http.server.ts";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${data?.advocate.display_name ?? "Advocate"} · Return on relationship · Limelight` },
];

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
  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <div>
          <p className="text-sm">
            <Link
              to="/manage/advocates"
              className="font-medium text-brand-700 underline dark:text-brand-300"
            >
              ← Every advocate
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
              ? ` · verified customer since ${new Date(a.verified_customer_at).toLocaleDateString("en-GB", { month: "long", year: "numeric" })}`
              : ""}
          </p>
        </div>
        <a
          href={`/manage/advocates/${a.handle}/export`}
          download
          className="text-sm font-medium text-brand-700 underline dark:text-brand-300"
        >
          Export as CSV
        </a>
      </div>
      <dl className="grid grid-cols-2 gap-4 lg:grid-cols-4">
        <Stat
          label="References given"
          value={data.references.completed}
          hint={`${data.references.helpful} found helpful · ${data.references.pending} waiting`}
          testId="ror-references"
        />
        <Stat
          label="Referrals"
          value={data.referrals.total}
          hint={`${data.referrals.byStage.won} won · ${data.referrals.byStage.lost} lost`}
          testId="ror-referrals"
        />
        <Stat
          label="Revenue from referrals"
          value={money(data.referrals.revenueCents)}
          hint={`Margin ${money(data.referrals.marginCents)}`}
          testId="ror-revenue"
        />
        <Stat
          label="Reputation"
          value={data.reputation.total.toLocaleString("en-GB")}
          hint="Recognition, never cash"
          testId="ror-reputation"
        />
        <Stat label="Verified talks" value={data.talks} testId="ror-talks" />
        <Stat label="Published stories" value={data.stories} testId="ror-stories" />
        <Stat label="Accepted answers" value={data.answers} testId="ror-answers" />
        <Stat
          label="Points from references"
          value={data.referencePoints.toLocaleString("en-GB")}
          testId="ror-reference-points"
        />
      </dl>
      <Card className="p-5">
        <h3 className="mb-3 text-lg font-semibold">Referrals and their stages</h3>
        {data.referrals.list.length === 0 ? (
          <EmptyState title="No referrals yet" />
        ) : (
          <div className="overflow-x-auto">
            <table className="w-full text-left text-sm">
              <caption className="sr-only">Referrals by {a.display_name}</caption>
              <thead className="text-xs uppercase text-stone-600 dark:text-stone-400">
                <tr>
                  <th scope="col" className="py-2">
                    Company
                  </th>
                  <th scope="col" className="py-2">
                    Stage
                  </th>
                  <th scope="col" className="py-2 text-right">
                    Revenue
                  </th>
                  <th scope="col" className="py-2 text-right">
                    Margin
                  </th>
                  <th scope="col" className="py-2 text-right">
                    Referred
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
                          · {formatShare(f.share_bp)} credited
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
                    <td className="py-2 text-right">
                      {new Date(f.created_at).toLocaleDateString("en-GB", {
                        day: "numeric",
                        month: "short",
                        year: "numeric",
                      })}
                    </td>
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
