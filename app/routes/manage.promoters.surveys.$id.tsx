import {
  json,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
} from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { BackLink } from "~/components/ui/back-link.tsx";
import { Stat } from "~/components/promoters/charts.tsx";
import { Badge } from "~/components/ui/badge.tsx";
import { Button } from "~/components/ui/button.tsx";
import { Card } from "~/components/ui/card.tsx";
import { FormError } from "~/components/ui/field.tsx";
import { Pagination } from "~/components/ui/pagination.tsx";
import { i18nFor, localeOfMatches } from "~/i18n/index.ts";
import { localeOf } from "~/i18n/locale.server.ts";
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

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => {
  const { t } = i18nFor(localeOfMatches(matches));
  return [
    {
      title: t("manageSurveys.detailMetaTitle", {
        name: data?.survey.name ?? t("manageSurveys.fallback"),
      }),
    },
  ];
};

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  await requireAllowed(request, context, policy.manageSurveys);
  const page = pageParam(new URL(request.url).searchParams.get("page"));
  const found = await getSurvey(context.db, idParam(params.id), page);
  if (!found) throw notFound(i18nFor(await localeOf(request, context)).t("manageSurveys.notFound"));
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
    title: i18nFor(await localeOf(request, context)).t("manageSurveys.resent"),
  });
}

const tone = { promoter: "brand", passive: "neutral", detractor: "danger" } as const;

export default function SurveyDetail() {
  const { survey, figures, recipients } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation();
  return (
    <div className="space-y-6">
      <BackLink to="/manage/promoters/surveys">{t("manageSurveys.back")}</BackLink>
      <div>
        <h2 className="text-xl font-semibold">{survey.name}</h2>
        <p className="text-sm text-stone-600 dark:text-stone-400">“{survey.question}”</p>
      </div>
      <dl className="grid grid-cols-2 gap-4 lg:grid-cols-4">
        <Stat
          label={t("manageSurveys.statSent")}
          value={figures.sent}
          hint={t("manageSurveys.inAudience", { recipients: figures.recipients })}
          testId="survey-sent"
        />
        <Stat
          label={t("manageSurveys.statRate")}
          value={figures.responseRate === null ? "—" : `${figures.responseRate}%`}
          hint={t("manageSurveys.answered", { answered: figures.answered })}
          testId="survey-rate"
        />
        <Stat label={t("manageSurveys.nps")} value={figures.nps ?? "—"} testId="survey-score" />
        <Stat
          label={t("manageSurveys.statSplit")}
          value={`${figures.promoters} · ${figures.passives} · ${figures.detractors}`}
          testId="survey-split"
        />
      </dl>
      <FormError message={actionData?.formError} />
      <Card className="overflow-x-auto">
        <table className="w-full text-left text-sm">
          <caption className="sr-only">{t("manageSurveys.recipientsCaption")}</caption>
          <thead className="bg-stone-50 text-xs uppercase text-stone-600 dark:bg-stone-900 dark:text-stone-400">
            <tr>
              <th scope="col" className="px-4 py-2">
                {t("manageSurveys.colPerson")}
              </th>
              <th scope="col" className="px-4 py-2">
                {t("manageSurveys.colAnswer")}
              </th>
              <th scope="col" className="px-4 py-2">
                <span className="sr-only">{t("manageSurveys.colActions")}</span>
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
                        ? t("manageSurveys.sentNoAnswer", { date: r.sent_at.slice(0, 10) })
                        : t("manageSurveys.notSent")}
                    </span>
                  ) : (
                    <div className="space-y-1">
                      <Badge tone={tone[classifyScore(r.score)]}>{r.score}</Badge>{" "}
                      {r.comment ? <span>“{r.comment}”</span> : null}
                      {r.improvement ? (
                        <p className="text-xs">
                          {t("manageSurveys.improvement", { text: r.improvement })}
                        </p>
                      ) : null}
                    </div>
                  )}
                </td>
                <td className="px-4 py-3 text-right">
                  {r.sent_at && r.score === null ? (
                    <Form method="post">
                      <input type="hidden" name="recipientId" value={r.id} />
                      <Button type="submit" size="sm" variant="secondary">
                        {t("manageSurveys.sendAgain")}
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
