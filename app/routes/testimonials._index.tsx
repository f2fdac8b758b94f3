import {
  json,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
} from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { Container, PageHeader } from "~/components/app-shell.tsx";
import { TestimonialCard } from "~/components/surveys/testimonial-card.tsx";
import { Button } from "~/components/ui/button.tsx";
import { EmptyState } from "~/components/ui/empty-state.tsx";
import { FormError, SelectField } from "~/components/ui/field.tsx";
import { Pagination } from "~/components/ui/pagination.tsx";
import { policy } from "~/modules/access/policy.ts";
import {
  listWall,
  startCaseStudyFromTestimonial,
} from "~/modules/testimonials/testimonials.server.ts";
import {
  TESTIMONIAL_INDUSTRIES,
  TESTIMONIAL_PRODUCT_AREAS,
} from "~/modules/testimonials/validation.ts";
import { getViewer, requireAllowed } from "~/utils/auth.server.ts";
import { commandContext } from "~/utils/command.server.ts";
import type { ActionError } from "~/utils/form-fields.ts";
import { invalidForm, parseIntent } from "~/utils/forms.ts";
import { answerDomainError } from "~/utils/http.server.ts";
import { MAX_ID, pageParam } from "~/utils/params.ts";
import { redirectWithToast } from "~/utils/toast.server.ts";
import { industryLabel, productAreaLabel } from "~/components/advocacy/labels.ts";
import { useTranslation } from "react-i18next";
import { i18nFor, localeOfMatches } from "~/i18n/index.ts";
import { localeOf } from "~/i18n/locale.server.ts";

export const meta: MetaFunction = ({ matches }) => {
  const { t } = i18nFor(localeOfMatches(matches));
  return [
    { title: t("testimonials.wall.metaTitle") },
    { name: "description", content: t("testimonials.wall.metaDescription") },
  ];
};

export async function loader({ request, context }: LoaderFunctionArgs) {
  const viewer = await getViewer(request, context);
  if (!policy.readTestimonials(viewer))
    throw new Response(
      i18nFor(await localeOf(request, context)).t("testimonials.wall.notAvailable"),
      {
        status: 403,
      },
    );
  const url = new URL(request.url);
  const pick = (name: string, list: readonly string[]) => {
    const v = url.searchParams.get(name) ?? "";
    return list.includes(v) ? v : "";
  };
  const industry = pick("industry", TESTIMONIAL_INDUSTRIES);
  const productArea = pick("area", TESTIMONIAL_PRODUCT_AREAS);
  const wall = await listWall(context.db, {
    industry,
    productArea,
    page: pageParam(url.searchParams.get("page")),
  });
  return json({ wall, industry, productArea, canStartStory: policy.manageTestimonials(viewer) });
}

export async function action({ request, context }: ActionFunctionArgs) {
  const parsed = parseIntent(await request.formData(), {
    startStory: z.object({ id: z.coerce.number().int().positive().max(MAX_ID) }),
  });
  if (!parsed.ok) return invalidForm(parsed);
  await requireAllowed(request, context, policy.manageTestimonials);
  const { t } = i18nFor(await localeOf(request, context));
  try {
    const story = await startCaseStudyFromTestimonial(
      await commandContext(request, context),
      parsed.data,
    );
    return redirectWithToast(`/manage/stories/${story.id}`, {
      kind: "success",
      title: t("testimonials.wall.started"),
      description: t("testimonials.wall.startedBody"),
    });
  } catch (error) {
    return answerDomainError(error);
  }
}

export default function TestimonialWall() {
  const { wall, industry, productArea, canStartStory } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>() as ActionError | undefined;
  const { t } = useTranslation();
  return (
    <Container>
      <PageHeader
        title={t("testimonials.wall.title")}
        description={t("testimonials.wall.description")}
      />
      <Form method="get" className="mb-6 flex flex-wrap items-end gap-3">
        <SelectField
          label={t("testimonials.wall.industry")}
          name="industry"
          defaultValue={industry}
        >
          <option value="">{t("testimonials.wall.allIndustries")}</option>
          {TESTIMONIAL_INDUSTRIES.map((i) => (
            <option key={i} value={i}>
              {industryLabel(t, i)}
            </option>
          ))}
        </SelectField>
        <SelectField
          label={t("testimonials.wall.productArea")}
          name="area"
          defaultValue={productArea}
        >
          <option value="">{t("testimonials.wall.allAreas")}</option>
          {TESTIMONIAL_PRODUCT_AREAS.map((a) => (
            <option key={a} value={a}>
              {productAreaLabel(t, a)}
            </option>
          ))}
        </SelectField>
        <Button type="submit" variant="secondary">
          {t("testimonials.wall.filter")}
        </Button>
      </Form>
      <div className="mb-4">
        <FormError message={actionData?.formError} />
      </div>
      {wall.rows.length === 0 ? (
        <EmptyState title={t("testimonials.wall.empty")}>
          {industry || productArea
            ? t("testimonials.wall.emptyFiltered")
            : t("testimonials.wall.emptyBody")}
        </EmptyState>
      ) : (
        <ul className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
          {wall.rows.map((row) => (
            <li key={row.id}>
              <TestimonialCard t={row} canStartStory={canStartStory} />
            </li>
          ))}
        </ul>
      )}
      <div className="mt-6">
        <Pagination page={wall.page} pageCount={wall.pageCount} />
      </div>
    </Container>
  );
}
