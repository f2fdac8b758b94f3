import { json, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { Container } from "~/components/app-shell.tsx";
import { Badge } from "~/components/ui/badge.tsx";
import { Card } from "~/components/ui/card.tsx";
import { EmptyState } from "~/components/ui/empty-state.tsx";
import { buttonClass } from "~/components/ui/button.tsx";
import { listChapters } from "~/modules/chapters/chapters.server.ts";
import { countryName, REGIONS } from "~/modules/chapters/countries.ts";
import { useTranslation } from "react-i18next";
import { useRegionName } from "~/components/place-select.tsx";
import { i18nFor, localeOfMatches } from "~/i18n/index.ts";
import { localeOf } from "~/i18n/locale.server.ts";

export const meta: MetaFunction = ({ matches }) => {
  const { t } = i18nFor(localeOfMatches(matches));
  return [
    { title: t("chapters.metaTitle") },
    { name: "description", content: t("chapters.metaDescription") },
  ];
};

export async function loader({ request, context }: LoaderFunctionArgs) {
  const asked = new URL(request.url).searchParams.get("region") ?? "";
  const region = (REGIONS as readonly string[]).includes(asked) ? asked : "";
  const [chapters, locale] = await Promise.all([
    listChapters(context.db, { region: region || undefined }),
    localeOf(request, context),
  ]);
  return json({
    region,
    regions: REGIONS,
    chapters: chapters.map((c) => ({
      ...c,
      countryName: c.country ? countryName(c.country, locale) : null,
    })),
  });
}

export default function Chapters() {
  const { chapters, region, regions } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  const regionName = useRegionName();
  return (
    <Container>
      <div className="flex flex-wrap items-end justify-between gap-4">
        <div>
          <h1 className="text-3xl font-bold tracking-tight text-stone-900 dark:text-white">
            {t("chapters.title")}
          </h1>
          <p className="mt-1 text-stone-600 dark:text-stone-400">{t("chapters.intro")}</p>
        </div>
        <Form method="get" className="flex items-end gap-2">
          <label className="text-sm font-medium text-stone-800 dark:text-stone-200">
            {t("chapters.region")}
            <select
              name="region"
              defaultValue={region}
              className="mt-1 block rounded-lg border border-stone-300 bg-white px-3 py-2 dark:border-stone-700 dark:bg-stone-900"
            >
              <option value="">{t("chapters.allRegions")}</option>
              {regions.map((r) => (
                <option key={r} value={r}>
                  {regionName(r)}
                </option>
              ))}
            </select>
          </label>
          <button type="submit" className={buttonClass("secondary", "md")}>
            {t("chapters.filter")}
          </button>
        </Form>
      </div>
      {chapters.length === 0 ? (
        <div className="mt-8">
          <EmptyState
            title={
              region ? t("chapters.noneIn", { region: regionName(region) }) : t("chapters.none")
            }
          >
            {t("chapters.noneHint")}
          </EmptyState>
        </div>
      ) : (
        <ul className="mt-8 grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
          {chapters.map((c) => (
            <li key={c.id}>
              <Card className="h-full p-5">
                <Link
                  to={`/chapters/${c.slug}`}
                  className="text-lg font-semibold text-stone-900 hover:underline dark:text-white"
                >
                  {c.name}
                </Link>
                <div className="mt-2 flex flex-wrap gap-2">
                  <Badge tone="info">{regionName(c.region)}</Badge>
                  {c.countryName ? <Badge>{c.countryName}</Badge> : null}
                  <Badge>{t("chapters.members", { count: c.memberCount })}</Badge>
                </div>
                <p className="mt-3 line-clamp-3 text-sm text-stone-600 dark:text-stone-400">
                  {c.description}
                </p>
              </Card>
            </li>
          ))}
        </ul>
      )}
    </Container>
  );
}
