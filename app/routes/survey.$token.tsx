import {
  json,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
} from "@remix-run/node";
import { useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { Container } from "~/components/app-shell.tsx";
import { ImprovementQuestion, SharePanel } from "~/components/surveys/after-answer.tsx";
import { RecommendForm } from "~/components/surveys/recommend-form.tsx";
import { ScoreQuestion } from "~/components/surveys/score-question.tsx";
import { Callout } from "~/components/ui/callout.tsx";
import { Card } from "~/components/ui/card.tsx";
import {
  answerImprovement,
  answerSurvey,
  declineRecommendation,
  findSurveyLink,
} from "~/modules/promoters/surveys/answer.server.ts";
import { AnswerSchema, ImprovementSchema } from "~/modules/promoters/surveys/validation.ts";
import { publishRecommendation } from "~/modules/testimonials/testimonials.server.ts";
import {
  draftFromComment,
  RecommendationSchema,
  TESTIMONIAL_INDUSTRIES,
  TESTIMONIAL_PRODUCT_AREAS,
} from "~/modules/testimonials/validation.ts";
import { commandContext } from "~/utils/command.server.ts";
import { formFields, type ActionError } from "~/utils/form-fields.ts";
import { invalidForm, parseIntent } from "~/utils/forms.ts";
import { answerDomainError } from "~/utils/http.server.ts";
import { z } from "zod";
import { useTranslation } from "react-i18next";
import { i18nFor, localeOfMatches } from "~/i18n/index.ts";

export const meta: MetaFunction = ({ matches }) => [
  { title: i18nFor(localeOfMatches(matches)).t("survey.metaTitle") },
  // The address is a personal secret: keep it out of search engines and referrers.
  { name: "robots", content: "noindex" },
  { name: "referrer", content: "no-referrer" },
];

type Step = "invalid" | "question" | "promoter" | "passive" | "detractor" | "done";

export async function loader({ params, context }: LoaderFunctionArgs) {
  const link = await findSurveyLink(context.db, params.token ?? "");
  if (!link) return json({ step: "invalid" as Step, link: null }, { status: 404 });
  const step: Step = !link.answeredAt
    ? "question"
    : link.momentDoneAt
      ? "done"
      : (link.category ?? "done");
  return json({
    step,
    link: {
      question: link.question,
      followUp: link.followUp,
      name: link.name,
      company: link.company,
      draft: draftFromComment(link.comment),
      category: link.category,
    },
  });
}

const schemas = {
  answer: AnswerSchema,
  recommend: RecommendationSchema,
  decline: z.object({}),
  improve: ImprovementSchema,
  skip: z.object({}),
};

type Published = {
  published: { pageUrl: string; share: { linkedin: string; x: string }; hasAccount: boolean };
};

export async function action({ request, context, params }: ActionFunctionArgs) {
  const token = params.token ?? "";
  const parsed = parseIntent(await request.formData(), schemas);
  if (!parsed.ok) return invalidForm(parsed);
  const ctx = await commandContext(request, context);
  try {
    switch (parsed.intent) {
      case "answer":
        await answerSurvey(ctx, {
          token,
          score: Number(parsed.data.score),
          comment: parsed.data.comment,
        });
        break;
      case "recommend":
        return json<Published>({
          published: await publishRecommendation(ctx, { ...parsed.data, token }),
        });
      case "decline":
        await declineRecommendation(ctx, { token });
        break;
      case "improve":
        await answerImprovement(ctx, { token, improvement: parsed.data.improvement });
        break;
      case "skip":
        await answerImprovement(ctx, { token, improvement: null });
        break;
    }
  } catch (error) {
    return answerDomainError(error, Object.fromEntries(Object.entries(parsed.data)));
  }
  return json({ ok: true });
}

export default function SurveyAnswerPage() {
  const { step, link } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>() as
    (ActionError & Partial<Published>) | undefined;
  const busy = useNavigation().state === "submitting";
  const answer = formFields<typeof AnswerSchema>(actionData);
  const recommend = formFields<typeof RecommendationSchema>(actionData, {
    body: link?.draft,
    name: link?.name,
    company: link?.company,
  });
  const improve = formFields<typeof ImprovementSchema>(actionData);
  const tokenError = actionData?.fieldErrors?.token;
  const { t } = useTranslation();
  const credits = {
    name: t("survey.credit.name"),
    title: t("survey.credit.title"),
    company: t("survey.credit.company"),
    initials: t("survey.credit.initials"),
  };
  return (
    <Container className="max-w-2xl py-8">
      <Card className="space-y-6 p-5 sm:p-8">
        {tokenError ? (
          <Callout tone="warning" title={t("survey.refused")} data-testid="survey-refused">
            <p>{tokenError}</p>
          </Callout>
        ) : actionData?.published ? (
          <SharePanel {...actionData.published} />
        ) : step === "invalid" || !link ? (
          <Callout tone="warning" title={t("survey.refused")} data-testid="survey-refused">
            <p>{t("survey.invalid")}</p>
          </Callout>
        ) : step === "question" ? (
          <ScoreQuestion
            question={link.question}
            followUp={link.followUp}
            score={answer.field("score")}
            comment={answer.field("comment")}
            formError={answer.formError}
            busy={busy}
          />
        ) : step === "promoter" ? (
          <>
            <div className="space-y-2">
              <p className="text-sm text-stone-600 dark:text-stone-400">
                {t("survey.thanksAnswer")}
              </p>
              <h1 className="text-2xl font-semibold">{t("survey.public")}</h1>
              <p className="text-sm text-stone-600 dark:text-stone-400">{t("survey.publicBody")}</p>
            </div>
            <RecommendForm
              field={recommend.field}
              formError={recommend.formError}
              credits={credits}
              industries={TESTIMONIAL_INDUSTRIES}
              productAreas={TESTIMONIAL_PRODUCT_AREAS}
              busy={busy}
            />
          </>
        ) : step === "passive" ? (
          <>
            <h1 className="text-2xl font-semibold">{t("survey.thanksTitle")}</h1>
            <ImprovementQuestion
              field={improve.field("improvement")}
              formError={improve.formError}
              busy={busy}
            />
          </>
        ) : step === "detractor" ? (
          <Callout tone="info" title={t("survey.toldUs")} data-testid="survey-thanks">
            <p>{t("survey.sorry")}</p>
          </Callout>
        ) : (
          <Callout tone="success" title={t("survey.thanks")} data-testid="survey-thanks">
            <p>{t("survey.recorded")}</p>
          </Callout>
        )}
      </Card>
    </Container>
  );
}
