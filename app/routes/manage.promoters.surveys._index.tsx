import { json, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { ButtonLink } from "~/components/ui/button.tsx";
import { Card } from "~/components/ui/card.tsx";
import { EmptyState } from "~/components/ui/empty-state.tsx";
import { Pagination } from "~/components/ui/pagination.tsx";
import { policy } from "~/modules/access/policy.ts";
import { followUpSummary } from "~/modules/promoters/surveys/follow-ups.server.ts";
import { listSurveys } from "~/modules/promoters/surveys/results.server.ts";
import { AUDIENCES } from "~/modules/promoters/surveys/validation.ts";
import { requireAllowed } from "~/utils/auth.server.ts";
import { pageParam } from "~/utils/params.ts";

export const meta: MetaFunction = () => [{ title: "Surveys · Promoters · Limelight" }];

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
  return (
    <div className="space-y-6">
      <p className="text-sm">
        <Link to="/manage/promoters" className={linkClass}>
          ← Promoters
        </Link>
      </p>
      <div className="flex flex-wrap items-center justify-between gap-3">
        <p className="max-w-2xl text-sm text-stone-600 dark:text-stone-400">
          Surveys go by email, one personal link per person. Answers join the NPS figures like
          imported ones. Nobody is asked twice within 90 days.
        </p>
        <div className="flex gap-2">
          <ButtonLink to="/manage/promoters/follow-ups" variant="secondary">
            Follow-ups ({followUps.open} open)
          </ButtonLink>
          <ButtonLink to="/manage/promoters/surveys/new">New survey</ButtonLink>
        </div>
      </div>
      {surveys.rows.length === 0 ? (
        <EmptyState
          title="No survey yet"
          action={
            <ButtonLink to="/manage/promoters/surveys/new">Create the first survey</ButtonLink>
          }
        >
          Ask your customers how likely they are to recommend you, and meet promoters at the moment
          they say so.
        </EmptyState>
      ) : (
        <Card className="overflow-x-auto">
          <table className="w-full text-left text-sm">
            <caption className="sr-only">Surveys with their response rate and score</caption>
            <thead className="bg-stone-50 text-xs uppercase text-stone-600 dark:bg-stone-900 dark:text-stone-400">
              <tr>
                <th scope="col" className="px-4 py-2">
                  Survey
                </th>
                <th scope="col" className="px-4 py-2">
                  Sent
                </th>
                <th scope="col" className="px-4 py-2">
                  Response rate
                </th>
                <th scope="col" className="px-4 py-2">
                  NPS
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
                      {AUDIENCES[s.audience]}
                    </p>
                  </td>
                  <td className="px-4 py-3 tabular-nums">
                    {s.sent_at
                      ? `${s.sent} on ${s.sent_at.slice(0, 10)}`
                      : `Scheduled ${s.send_at.slice(0, 16).replace("T", " ")} UTC`}
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
