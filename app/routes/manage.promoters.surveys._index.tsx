import { json, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ButtonLink } from "~/components/ui/button.tsx";
import { Card } from "~/components/ui/card.tsx";
import { EmptyState } from "~/components/ui/empty-state.tsx";
import { Pagination } from "~/components/ui/pagination.tsx";
import { i18nFor, localeOfMatches } from "~/i18n/index.ts";
import { policy } from "~/modules/access/policy.ts";
import { followUpSummary } from "~/modules/promoters/surveys/follow-ups.server.ts";
import { listSurveys } from "~/modules/promoters/surveys/results.server.ts";
import { requireAllowed } from "~/utils/auth.server.ts";
import { pageParam } from "~/utils/params.ts";

export const meta: MetaFunction = ({ matches }) => [
  { title: i18nFor(localeOfMatches(matches)).t("manageSurveys.metaTitle") },
];

export async function loader({ request, context }: LoaderFunctionArgs) {
  await requireAllowed(request, context, policy.manageSurveys);
  const page = pageParam(new URL(request.url).searchParams.get("page"));
  const [surveys, followUps] = await Promise.all([
    listSurveys(context.db, page),
    followUpSummary(context.db),
  ]);
  return json({ surveys, followUps });
}

const linkClass = "font-medium text-brand-700 underline dark:text-brand-300";

export default function SurveysPage() {
  const { surveys, followUps } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  const audiences: Record<string, string> = {
    contacts: t("manageSurveys.audiences.contacts"),
    members: t("manageSurveys.audiences.members"),
    list: t("manageSurveys.audiences.list"),
  };
  return (
    <div className="space-y-6">
      <p className="text-sm">
        <Link to="/manage/promoters" className={linkClass}>
          {t("promoters.back")}
        </Link>
      </p>
      <div className="flex flex-wrap items-center justify-between gap-3">
        <p className="max-w-2xl text-sm text-stone-600 dark:text-stone-400">
          {t("manageSurveys.intro")}
        </p>
        <div className="flex gap-2">
          <ButtonLink to="/manage/promoters/follow-ups" variant="secondary">
            {t("manageSurveys.followUpsOpen", { open: followUps.open })}
          </ButtonLink>
          <ButtonLink to="/manage/promoters/surveys/new">{t("manageSurveys.new")}</ButtonLink>
        </div>
      </div>
      {surveys.rows.length === 0 ? (
        <EmptyState
          title={t("manageSurveys.noneTitle")}
          action={
            <ButtonLink to="/manage/promoters/surveys/new">
              {t("manageSurveys.createFirst")}
            </ButtonLink>
          }
        >
          {t("manageSurveys.noneBody")}
        </EmptyState>
      ) : (
        <Card className="overflow-x-auto">
          <table className="w-full text-left text-sm">
            <caption className="sr-only">{t("manageSurveys.caption")}</caption>
            <thead className="bg-stone-50 text-xs uppercase text-stone-600 dark:bg-stone-900 dark:text-stone-400">
              <tr>
                <th scope="col" className="px-4 py-2">
                  {t("manageSurveys.colSurvey")}
                </th>
                <th scope="col" className="px-4 py-2">
                  {t("manageSurveys.colSent")}
                </th>
                <th scope="col" className="px-4 py-2">
                  {t("manageSurveys.colRate")}
                </th>
                <th scope="col" className="px-4 py-2">
                  {t("manageSurveys.nps")}
                </th>
              </tr>
            </thead>
            <tbody className="divide-y divide-stone-200 dark:divide-stone-800">
              {surveys.rows.map((s) => (
                <tr key={s.id} data-testid={`survey-${s.id}`}>
                  <td className="px-4 py-3">
                    <Link
                      to={`/manage/promoters/surveys/${s.id}`}
                      className="font-medium hover:underline"
                    >
                      {s.name}
                    </Link>
                    <p className="text-xs text-stone-600 dark:text-stone-400">
                      {audiences[s.audience] ?? s.audience}
                    </p>
                  </td>
                  <td className="px-4 py-3 tabular-nums">
                    {s.sent_at
                      ? t("manageSurveys.sentOn", { sent: s.sent, date: s.sent_at.slice(0, 10) })
                      : t("manageSurveys.scheduled", {
                          when: s.send_at.slice(0, 16).replace("T", " "),
                        })}
                  </td>
                  <td className="px-4 py-3 tabular-nums" data-testid="response-rate">
                    {s.responseRate === null ? "—" : `${s.responseRate}% (${s.answered}/${s.sent})`}
                  </td>
                  <td className="px-4 py-3 tabular-nums font-semibold" data-testid="survey-nps">
                    {s.nps ?? "—"}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </Card>
      )}
      <Pagination page={surveys.page} pageCount={surveys.pageCount} />
    </div>
  );
}
