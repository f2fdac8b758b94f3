import { json, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData, useNavigation, useSubmit } from "@remix-run/react";
import { LanguageFilter } from "~/components/languages/language-filter.tsx";
import { Container, PageHeader } from "~/components/app-shell.tsx";
import { Badge } from "~/components/ui/badge.tsx";
import { Button, ButtonLink, buttonClass } from "~/components/ui/button.tsx";
import { Card } from "~/components/ui/card.tsx";
import { EmptyState } from "~/components/ui/empty-state.tsx";
import { SelectField, TextField } from "~/components/ui/field.tsx";
import { Pagination } from "~/components/ui/pagination.tsx";
import { languageFilterOf } from "~/modules/languages/filter.server.ts";
import { policy } from "~/modules/access/policy.ts";
import { PRODUCT_AREAS, STORY_INDUSTRIES } from "~/modules/advocacy/formats.ts";
import { formatMetricValue, headlineMetric, percentChange } from "~/modules/advocacy/metrics.ts";
import { listPublishedStories, storyFacets } from "~/modules/advocacy/story-queries.server.ts";
import { getViewer } from "~/utils/auth.server.ts";
import { industryLabel, productAreaLabel } from "~/components/advocacy/labels.ts";
import { useTranslation } from "react-i18next";
import { i18nFor, localeOfMatches } from "~/i18n/index.ts";
import { localeOf } from "~/i18n/locale.server.ts";
import { eventDateIn } from "~/modules/advocacy/local-time.ts";

export const meta: MetaFunction = ({ matches }) => {
  const { t } = i18nFor(localeOfMatches(matches));
  return [
    { title: t("stories.library.metaTitle") },
    { name: "description", content: t("stories.library.metaDescription") },
    { property: "og:title", content: t("stories.library.metaTitle") },
    { property: "og:type", content: "website" },
  ];
};

export async function loader({ request, context }: LoaderFunctionArgs) {
  const viewer = await getViewer(request, context);
  const url = new URL(request.url);
  const q = url.searchParams.get("q")?.slice(0, 100) ?? "";
  const industryParam = url.searchParams.get("industry") ?? "";
  const areaParam = url.searchParams.get("area") ?? "";
  const industry = (STORY_INDUSTRIES as readonly string[]).includes(industryParam)
    ? industryParam
    : "";
  const area = (PRODUCT_AREAS as readonly string[]).includes(areaParam) ? areaParam : "";
  const page = Number(url.searchParams.get("page") ?? "1") || 1;
  const language = await languageFilterOf(context.db, viewer?.id ?? null, url);
  const eventDate = eventDateIn(await localeOf(request, context));
  const [result, facets] = await Promise.all([
    listPublishedStories(context.db, {
      q,
      industry: industry || undefined,
      productArea: area || undefined,
      languages: language.languages,
      page,
    }),
    storyFacets(context.db),
  ]);
  return json({
    ...result,
    language,
    rows: result.rows.map((s) => {
      const headline = headlineMetric(s.metrics);
      return {
        slug: s.slug,
        title: s.title,
        company: s.company,
        industry: s.industry,
        product_area: s.product_area,
        pull_quote: s.pull_quote,
        author_name: s.author_name,
        published: eventDate(s.published_at),
        headline: headline
          ? {
              label: headline.label,
              before: formatMetricValue(headline.before, headline.unit),
              after: formatMetricValue(headline.after, headline.unit),
              change: percentChange(headline),
            }
          : null,
      };
    }),
    facets,
    filters: { q, industry, area },
    canWrite: policy.writeStory(viewer),
    canReview: policy.reviewStory(viewer),
  });
}

export default function StoryLibrary() {
  const data = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  const submit = useSubmit();
  const navigation = useNavigation();
  const searching = navigation.state === "loading" && navigation.location?.pathname === "/stories";
  const { filters } = data;
  const filtered = Boolean(filters.q || filters.industry || filters.area);
  return (
    <Container>
      <PageHeader
        title={t("stories.library.title")}
        description={t("stories.library.description")}
        actions={
          <>
            {data.canWrite ? (
              <>
                <ButtonLink to="/stories/mine" variant="secondary">
                  {t("stories.library.myStories")}
                </ButtonLink>
                <ButtonLink to="/stories/new">{t("stories.library.write")}</ButtonLink>
              </>
            ) : null}
            {data.canReview ? (
              <ButtonLink to="/manage/stories">{t("stories.library.reviewQueue")}</ButtonLink>
            ) : null}
          </>
        }
      />
      <Card className="p-4 sm:p-5">
        <Form
          method="get"
          role="search"
          className="grid gap-4 md:grid-cols-[2fr_1fr_1fr_auto] md:items-end"
          onChange={(e) => {
            if ((e.target as HTMLElement).tagName === "SELECT") submit(e.currentTarget);
          }}
        >
          <TextField
            label={t("stories.library.search")}
            name="q"
            type="search"
            defaultValue={filters.q}
            placeholder={t("stories.library.searchPlaceholder")}
          />
          <SelectField
            label={t("stories.library.industry")}
            name="industry"
            defaultValue={filters.industry}
          >
            <option value="">{t("stories.library.allIndustries")}</option>
            {data.facets.industries.map((i) => (
              <option key={i} value={i}>
                {industryLabel(t, i)}
              </option>
            ))}
          </SelectField>
          <SelectField
            label={t("stories.library.productArea")}
            name="area"
            defaultValue={filters.area}
          >
            <option value="">{t("stories.library.allProductAreas")}</option>
            {data.facets.productAreas.map((a) => (
              <option key={a} value={a}>
                {productAreaLabel(t, a)}
              </option>
            ))}
          </SelectField>
          <Button type="submit">
            {searching ? t("stories.library.searching") : t("stories.library.searchButton")}
          </Button>
          {data.language.asked ? (
            <input type="hidden" name="lang" value={data.language.asked} />
          ) : null}
        </Form>
        <div className="mt-4">
          <LanguageFilter filter={data.language} />
        </div>
      </Card>
      <div
        className="mt-6 flex items-center justify-between text-sm text-stone-600 dark:text-stone-400"
        aria-live="polite"
      >
        <p>
          {filtered
            ? t("stories.library.countMatch", { count: data.total })
            : t("stories.library.count", { count: data.total })}
        </p>
        {filtered ? (
          <Link to="/stories" className="font-medium text-brand-700 underline dark:text-brand-300">
            {t("stories.library.clearFilters")}
          </Link>
        ) : null}
      </div>
      {data.rows.length === 0 ? (
        <div className="mt-6">
          <EmptyState
            title={filtered ? t("stories.library.noMatchTitle") : t("stories.library.noneTitle")}
            action={
              filtered ? (
                <Link to="/stories" className={buttonClass("secondary")}>
                  {t("stories.library.showAll")}
                </Link>
              ) : undefined
            }
          >
            {filtered ? t("stories.library.noMatchBody") : t("stories.library.noneBody")}
          </EmptyState>
        </div>
      ) : (
        <ul
          className={`mt-4 grid gap-5 sm:grid-cols-2 lg:grid-cols-3 ${searching ? "opacity-60" : ""}`}
        >
          {data.rows.map((s) => (
            <li key={s.slug} className="min-w-0">
              <Card
                className="flex h-full flex-col p-5 transition-shadow hover:shadow-md"
                data-testid="story-card"
              >
                <div className="flex flex-wrap gap-1.5">
                  {s.industry ? <Badge tone="info">{industryLabel(t, s.industry)}</Badge> : null}
                  {s.product_area ? <Badge>{productAreaLabel(t, s.product_area)}</Badge> : null}
                </div>
                {s.headline ? (
                  <div className="mt-4 rounded-lg bg-brand-50 px-4 py-3 dark:bg-brand-900/30">
                    <p className="text-xs font-medium uppercase tracking-wide text-brand-800 dark:text-brand-200">
                      {s.headline.label}
                    </p>
                    <p className="mt-1 text-lg font-bold text-stone-900 dark:text-white">
                      {s.headline.before} → {s.headline.after}
                      {s.headline.change !== null && s.headline.change !== 0 ? (
                        <span className="ml-2 text-sm font-semibold text-brand-700 dark:text-brand-300">
                          {s.headline.change > 0 ? "+" : "−"}
                          {Math.abs(s.headline.change)}%
                        </span>
                      ) : null}
                    </p>
                  </div>
                ) : null}
                <h2 className="mt-4 text-lg font-semibold leading-snug">
                  <Link to={`/stories/${s.slug}`} className="hover:underline">
                    {s.title}
                  </Link>
                </h2>
                {s.pull_quote ? (
                  <p className="mt-2 line-clamp-3 text-sm italic text-stone-700 dark:text-stone-300">
                    “{s.pull_quote}”
                  </p>
                ) : null}
                <p className="mt-auto pt-4 text-sm text-stone-600 dark:text-stone-400">
                  {s.author_name}
                  {s.company ? ` · ${s.company}` : ""}
                </p>
              </Card>
            </li>
          ))}
        </ul>
      )}
      <Pagination page={data.page} pageCount={data.pageCount} />
    </Container>
  );
}
