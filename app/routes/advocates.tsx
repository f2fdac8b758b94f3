import { json, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData, useNavigation, useSubmit } from "@remix-run/react";
import { Container, PageHeader } from "~/components/app-shell.tsx";
import { Avatar } from "~/components/ui/avatar.tsx";
import { Badge } from "~/components/ui/badge.tsx";
import { Button, buttonClass } from "~/components/ui/button.tsx";
import { Card } from "~/components/ui/card.tsx";
import { EmptyState } from "~/components/ui/empty-state.tsx";
import { SelectField, TextField } from "~/components/ui/field.tsx";
import { Pagination } from "~/components/ui/pagination.tsx";
import { PlaceSelect } from "~/components/place-select.tsx";
import { parsePlace, placeValue } from "~/modules/profiles/location.ts";
import { directoryFacets, listAdvocates, placeFacets } from "~/modules/profiles/profiles.server.ts";
import { OPEN_TO, type OpenToKey } from "~/modules/profiles/open-to.ts";
import { getViewer } from "~/utils/auth.server.ts";
import { useTranslation } from "react-i18next";
import { useOpenToLabels } from "~/components/profile/open-to-labels.ts";
import { i18nFor, localeOfMatches } from "~/i18n/index.ts";
import { localeOf } from "~/i18n/locale.server.ts";

export const meta: MetaFunction = ({ matches }) => {
  const { t } = i18nFor(localeOfMatches(matches));
  return [
    { title: t("people.metaTitle") },
    { name: "description", content: t("people.metaDescription") },
  ];
};

const openToKeys = new Set<string>(OPEN_TO.map((o) => o.key));

export async function loader({ request, context }: LoaderFunctionArgs) {
  const viewer = await getViewer(request, context);
  const url = new URL(request.url);
  const q = url.searchParams.get("q")?.slice(0, 100) ?? "";
  const industry = url.searchParams.get("industry") ?? "";
  const tag = url.searchParams.get("tag") ?? "";
  const openToParam = url.searchParams.get("openTo") ?? "";
  const openTo = openToKeys.has(openToParam) ? (openToParam as OpenToKey) : undefined;
  const place = parsePlace(url.searchParams.get("place"));
  const page = Number(url.searchParams.get("page") ?? "1") || 1;
  const [result, facets, countries] = await Promise.all([
    listAdvocates(context.db, viewer, {
      q,
      industry: industry || undefined,
      tag: tag || undefined,
      openTo,
      place: place ?? undefined,
      page,
      locale: await localeOf(request, context),
    }),
    directoryFacets(context.db, viewer),
    placeFacets(context.db, viewer),
  ]);
  return json({
    ...result,
    facets: { ...facets, countries },
    filters: { q, industry, tag, openTo: openTo ?? "", place: placeValue(place) },
  });
}

export default function AdvocatesDirectory() {
  const { rows, total, page, pageCount, facets, filters } = useLoaderData<typeof loader>();
  const navigation = useNavigation();
  const submit = useSubmit();
  const { t } = useTranslation();
  const openTo = useOpenToLabels();
  const searching =
    navigation.state === "loading" && navigation.location?.pathname === "/advocates";
  const filtered = Boolean(
    filters.q || filters.industry || filters.tag || filters.openTo || filters.place,
  );
  return (
    <Container>
      <PageHeader title={t("people.title")} description={t("people.intro")} />
      <Card className="p-4 sm:p-5">
        <Form
          // The fields start from the address; a new address (Clear filters, a tag link, Back)
          // must show its own filters, not what was chosen before.
          key={JSON.stringify(filters)}
          method="get"
          role="search"
          className="grid gap-4 sm:grid-cols-2 md:grid-cols-[2fr_1fr_1fr_1fr_1fr_auto] md:items-end"
          onChange={(e) => {
            // Filters apply as soon as they change; the text box waits for Enter or the button.
            if ((e.target as HTMLElement).tagName === "SELECT") submit(e.currentTarget);
          }}
        >
          <TextField
            label={t("people.search")}
            name="q"
            type="search"
            defaultValue={filters.q}
            placeholder={t("people.searchPlaceholder")}
          />
          <SelectField label={t("people.industry")} name="industry" defaultValue={filters.industry}>
            <option value="">{t("people.allIndustries")}</option>
            {facets.industries.map((i) => (
              <option key={i} value={i}>
                {i}
              </option>
            ))}
          </SelectField>
          <SelectField label={t("people.expertise")} name="tag" defaultValue={filters.tag}>
            <option value="">{t("people.anyExpertise")}</option>
            {facets.tags.map((tag) => (
              <option key={tag} value={tag}>
                {tag}
              </option>
            ))}
          </SelectField>
          <SelectField label={t("people.openTo")} name="openTo" defaultValue={filters.openTo}>
            <option value="">{t("people.anything")}</option>
            {OPEN_TO.map((o) => (
              <option key={o.key} value={o.key}>
                {openTo.label[o.key]}
              </option>
            ))}
          </SelectField>
          <PlaceSelect value={filters.place} countries={facets.countries} />
          <Button type="submit">{searching ? t("people.searching") : t("people.search")}</Button>
        </Form>
      </Card>

      <div
        className="mt-6 flex items-center justify-between text-sm text-stone-600 dark:text-stone-400"
        aria-live="polite"
      >
        <p>
          {filtered
            ? t("people.countFiltered", { count: total })
            : t("people.count", { count: total })}
        </p>
        {filtered ? (
          <Link
            to="/advocates"
            className="font-medium text-brand-700 underline dark:text-brand-300"
          >
            {t("people.clearFilters")}
          </Link>
        ) : null}
      </div>

      {rows.length === 0 ? (
        <div className="mt-6">
          <EmptyState
            title={t("people.noneTitle")}
            action={
              <Link to="/advocates" className={buttonClass("secondary")}>
                {t("people.showEveryone")}
              </Link>
            }
          >
            {filters.place ? t("people.noneThere") : t("people.noneHint")}
          </EmptyState>
        </div>
      ) : (
        <ul
          className={`mt-4 grid gap-4 sm:grid-cols-2 lg:grid-cols-3 ${searching ? "opacity-60" : ""}`}
        >
          {rows.map((a) => (
            <li key={a.id} className="min-w-0">
              <Card className="flex h-full flex-col p-5 transition-shadow hover:shadow-md">
                <div className="flex items-start gap-3">
                  <Avatar name={a.display_name} handle={a.handle} />
                  <div className="min-w-0">
                    <h2 className="font-semibold">
                      <Link to={`/u/${a.handle}`} className="hover:underline">
                        {a.display_name}
                      </Link>
                    </h2>
                    <p className="truncate text-sm text-stone-600 dark:text-stone-400">
                      {[a.job_title, a.company].filter(Boolean).join(" · ")}
                    </p>
                  </div>
                </div>
                {a.headline ? (
                  <p className="mt-3 line-clamp-2 text-sm text-stone-700 dark:text-stone-300">
                    {a.headline}
                  </p>
                ) : null}
                <div className="mt-auto pt-4">
                  <p className="text-xs text-stone-500 dark:text-stone-400">
                    {[a.industry, a.place || a.location].filter(Boolean).join(" · ")}
                  </p>
                  <ul className="mt-2 flex flex-wrap gap-1.5">
                    {a.expertise.slice(0, 3).map((tag) => (
                      <li key={tag}>
                        <Badge>{tag}</Badge>
                      </li>
                    ))}
                    {OPEN_TO.filter((o) => a[o.key]).map((o) => (
                      <li key={o.key}>
                        <Badge tone="spot">{openTo.badge[o.key]}</Badge>
                      </li>
                    ))}
                  </ul>
                </div>
              </Card>
            </li>
          ))}
        </ul>
      )}
      <Pagination page={page} pageCount={pageCount} />
    </Container>
  );
}
