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
  CREDIT_LABELS,
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

export const meta: MetaFunction = () => [
  { title: "One question · Limelight" },
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
  return (
    <Container className="max-w-2xl py-8">
      <Card className="space-y-6 p-5 sm:p-8">
        {tokenError ? (
          <Callout tone="warning" title="This link cannot be used" data-testid="survey-refused">
            <p>{tokenError}</p>
          </Callout>
        ) : actionData?.published ? (
          <SharePanel {...actionData.published} />
        ) : step === "invalid" || !link ? (
          <Callout tone="warning" title="This link cannot be used" data-testid="survey-refused">
            <p>This survey link is not valid. It may have been replaced by a newer one.</p>
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
                Thank you for your answer.
              </p>
              <h1 className="text-2xl font-semibold">Would you say that in public?</h1>
              <p className="text-sm text-stone-600 dark:text-stone-400">
                Peers deciding whether to use the product trust other customers more than us. If you
                are happy to, publish a short recommendation. It is entirely up to you.
              </p>
            </div>
            <RecommendForm
              field={recommend.field}
              formError={recommend.formError}
              credits={CREDIT_LABELS}
              industries={TESTIMONIAL_INDUSTRIES}
              productAreas={TESTIMONIAL_PRODUCT_AREAS}
              busy={busy}
            />
          </>
        ) : step === "passive" ? (
          <>
            <h1 className="text-2xl font-semibold">Thank you for your answer</h1>
            <ImprovementQuestion
              field={improve.field("improvement")}
              formError={improve.formError}
              busy={busy}
            />
          </>
        ) : step === "detractor" ? (
          <Callout tone="info" title="Thank you for telling us" data-testid="survey-thanks">
            <p>
              We are sorry it is not better. Someone from the team will get in touch within a few
              days to understand what went wrong and what we can fix.
            </p>
          </Callout>
        ) : (
          <Callout tone="success" title="Thank you" data-testid="survey-thanks">
            <p>Your answer is recorded. There is nothing more to do.</p>
          </Callout>
        )}
      </Card>
    </Container>
  );
}
