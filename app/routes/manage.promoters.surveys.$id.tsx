import {
  json,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
} from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { BackLink } from "~/components/ui/back-link.tsx";
import { Stat } from "~/components/promoters/charts.tsx";
import { Badge } from "~/components/ui/badge.tsx";
import { Button } from "~/components/ui/button.tsx";
import { Card } from "~/components/ui/card.tsx";
import { FormError } from "~/components/ui/field.tsx";
import { Pagination } from "~/components/ui/pagination.tsx";
import { policy } from "~/modules/access/policy.ts";
import { classifyScore } from "~/modules/promoters/nps.ts";
import { getSurvey } from "~/modules/promoters/surveys/results.server.ts";
import { resendSurveyInvitation } from "~/modules/promoters/surveys/sending.server.ts";
import { requireAllowed } from "~/utils/auth.server.ts";
import { commandContext } from "~/utils/command.server.ts";
import { invalidForm, parseForm } from "~/utils/forms.ts";
import { answerDomainError, notFound } from "~/utils/http.server.ts";
import { idParam, MAX_ID, pageParam } from "~/utils/params.ts";
import { redirectWithToast } from "~/utils/toast.server.ts";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${data?.survey.name ?? "Survey"} · Surveys · Limelight` },
];

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  await requireAllowed(request, context, policy.manageSurveys);
  const page = pageParam(new URL(request.url).searchParams.get("page"));
  const found = await getSurvey(context.db, idParam(params.id), page);
  if (!found) throw notFound("We could not find that survey.");
  return json(found);
}

const ResendSchema = z.object({ recipientId: z.coerce.number().int().positive().max(MAX_ID) });

export async function action({ request, context, params }: ActionFunctionArgs) {
  await requireAllowed(request, context, policy.manageSurveys);
  const parsed = parseForm(ResendSchema, await request.formData());
  if (!parsed.ok) return invalidForm(parsed);
  try {
    await resendSurveyInvitation(await commandContext(request, context), parsed.data);
  } catch (error) {
    return answerDomainError(error);
  }
  return redirectWithToast(`/manage/promoters/surveys/${idParam(params.id)}`, {
    kind: "success",
    title: "Sent again, with a new link",
  });
}

const tone = { promoter: "brand", passive: "neutral", detractor: "danger" } as const;

export default function SurveyDetail() {
  const { survey, figures, recipients } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  return (
    <div className="space-y-6">
      <BackLink to="/manage/promoters/surveys">Surveys</BackLink>
      <div>
        <h2 className="text-xl font-semibold">{survey.name}</h2>
        <p className="text-sm text-stone-600 dark:text-stone-400">“{survey.question}”</p>
      </div>
      <dl className="grid grid-cols-2 gap-4 lg:grid-cols-4">
        <Stat
          label="Sent"
          value={figures.sent}
          hint={`${figures.recipients} in the audience`}
          testId="survey-sent"
        />
        <Stat
          label="Response rate"
          value={figures.responseRate === null ? "—" : `${figures.responseRate}%`}
          hint={`${figures.answered} answered`}
          testId="survey-rate"
        />
        <Stat label="NPS" value={figures.nps ?? "—"} testId="survey-score" />
        <Stat
          label="Promoters · passives · detractors"
          value={`${figures.promoters} · ${figures.passives} · ${figures.detractors}`}
          testId="survey-split"
        />
      </dl>
      <FormError message={actionData?.formError} />
      <Card className="overflow-x-auto">
        <table className="w-full text-left text-sm">
          <caption className="sr-only">Recipients and their answers</caption>
          <thead className="bg-stone-50 text-xs uppercase text-stone-600 dark:bg-stone-900 dark:text-stone-400">
            <tr>
              <th scope="col" className="px-4 py-2">
                Person
              </th>
              <th scope="col" className="px-4 py-2">
                Answer
              </th>
              <th scope="col" className="px-4 py-2">
                <span className="sr-only">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody className="divide-y divide-stone-200 dark:divide-stone-800">
            {recipients.rows.map((r) => (
              <tr key={r.id}>
                <td className="px-4 py-3">
                  <p className="font-medium">{r.name || r.email}</p>
                  <p className="text-xs text-stone-600 dark:text-stone-400">
                    {r.email}
                    {r.company ? ` · ${r.company}` : ""}
                  </p>
                </td>
                <td className="px-4 py-3">
                  {r.score === null ? (
                    <span className="text-stone-600 dark:text-stone-400">
                      {r.sent_at
                        ? `Sent ${r.sent_at.slice(0, 10)}, no answer yet`
                        : "Not sent (surveyed recently)"}
                    </span>
                  ) : (
                    <div className="space-y-1">
                      <Badge tone={tone[classifyScore(r.score)]}>{r.score}</Badge>{" "}
                      {r.comment ? <span>“{r.comment}”</span> : null}
                      {r.improvement ? (
                        <p className="text-xs">What would make it a 10: “{r.improvement}”</p>
                      ) : null}
                    </div>
                  )}
                </td>
                <td className="px-4 py-3 text-right">
                  {r.sent_at && r.score === null ? (
                    <Form method="post">
                      <input type="hidden" name="recipientId" value={r.id} />
                      <Button type="submit" size="sm" variant="secondary">
                        Send again
                      </Button>
                    </Form>
                  ) : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </Card>
      <Pagination page={recipients.page} pageCount={recipients.pageCount} />
    </div>
  );
}
