import {
  json,
  type LinksFunction,
  type LoaderFunctionArgs,
  type MetaFunction,
} from "@remix-run/node";
import { Form, Link, useLoaderData, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { LanguageFilter } from "~/components/languages/language-filter.tsx";
import { Container, PageHeader } from "~/components/app-shell.tsx";
import codeStyles from "~/components/discussions/code.css?url";
import { SpaceBadge } from "~/components/discussions/space-badge.tsx";
import { fill, slots } from "~/components/discussions/fill.tsx";
import { formatDate, usePageLocale } from "~/components/discussions/time.tsx";
import { i18nFor, localeOfMatches } from "~/i18n/index.ts";
import { Badge } from "~/components/ui/badge.tsx";
import { Button } from "~/components/ui/button.tsx";
import { Card } from "~/components/ui/card.tsx";
import { EmptyState } from "~/components/ui/empty-state.tsx";
import { Pagination } from "~/components/ui/pagination.tsx";
import { languageFilterOf } from "~/modules/languages/filter.server.ts";
import { searchDiscussions } from "~/modules/discussions/search.server.ts";
import { SEARCH_QUERY_MAX } from "~/modules/discussions/validation.ts";
import { pageParam } from "~/utils/params.ts";
import { getViewer } from "~/utils/auth.server.ts";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: codeStyles }];

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => {
  const { t } = i18nFor(localeOfMatches(matches));
  return [
    { title: data?.q ? t("search.metaTitleFor", { q: data.q }) : t("search.metaTitle") },
    { name: "robots", content: "noindex" },
  ];
};

export async function loader({ request, context }: LoaderFunctionArgs) {
  const url = new URL(request.url);
  const q = (url.searchParams.get("q") ?? "").slice(0, SEARCH_QUERY_MAX);
  const viewer = await getViewer(request, context);
  const language = await languageFilterOf(context.db, viewer?.id ?? null, url);
  const result = await searchDiscussions(context.db, viewer, {
    q,
    page: pageParam(url.searchParams.get("page"), 50),
    languages: language.languages,
  });
  return json({ ...result, language });
}

export default function SearchPage() {
  const data = useLoaderData<typeof loader>();
  const navigation = useNavigation();
  const searching = navigation.state === "loading" && navigation.location?.pathname === "/search";
  const { t } = useTranslation();
  const locale = usePageLocale();
  return (
    <Container className="max-w-4xl">
      <PageHeader title={t("search.title")} description={t("search.description")} />
      <Form method="get" role="search" className="flex gap-2">
        <label htmlFor="search-q" className="sr-only">
          {t("search.label")}
        </label>
        <input
          id="search-q"
          name="q"
          type="search"
          defaultValue={data.q}
          maxLength={SEARCH_QUERY_MAX}
          placeholder={t("search.placeholder")}
          className="block w-full rounded-lg border border-stone-300 bg-white px-3 py-2 text-sm text-stone-900 shadow-sm placeholder:text-stone-500 focus:border-brand-600 focus:outline-none focus:ring-2 focus:ring-brand-600/30 dark:border-stone-700 dark:bg-stone-900 dark:text-stone-100"
        />
        <Button type="submit" disabled={searching} className="shrink-0 whitespace-nowrap">
          {t("search.submit")}
        </Button>
        {data.language.asked ? (
          <input type="hidden" name="lang" value={data.language.asked} />
        ) : null}
      </Form>
      <div className="mt-3">
        <LanguageFilter filter={data.language} />
      </div>
      <div className="mt-6" aria-busy={searching}>
        {!data.q ? (
          <EmptyState title={t("search.startTitle")}>
            {fill(t("search.startBody", slots("example")), {
              example: <code>"row level security" -snowflake</code>,
            })}
          </EmptyState>
        ) : data.rows.length === 0 ? (
          <EmptyState title={t("search.noneTitle", { q: data.q })}>
            {fill(t("search.noneBody", slots("link")), {
              link: (
                <Link to="/discussions/new" className="font-medium underline">
                  {t("search.askTheCommunity")}
                </Link>
              ),
            })}
          </EmptyState>
        ) : (
          <>
            <p className="text-sm text-stone-600 dark:text-stone-400" role="status">
              {data.matchedAll
                ? t("search.matchedAll", { total: data.total, q: data.q })
                : t("search.matchedSome", { total: data.total, q: data.q })}
            </p>
            <Card className="mt-3">
              <ol
                className="divide-y divide-stone-200 dark:divide-stone-800"
                aria-label={t("search.results")}
              >
                {data.rows.map((r) => (
                  <li key={r.id} className="px-5 py-4" data-testid="search-result">
                    <div className="flex flex-wrap items-center gap-2">
                      <SpaceBadge space={r.space} />
                      {r.solved ? (
                        <Badge tone="brand">{t("discussions.badges.solved")}</Badge>
                      ) : null}
                      {r.kind === "discussion" ? (
                        <Badge tone="info">{t("discussions.badges.discussion")}</Badge>
                      ) : null}
                    </div>
                    <h2 className="mt-1 font-semibold">
                      <Link
                        to={`/t/${r.id}/${r.slug}${r.postId ? `#post-${r.postId}` : ""}`}
                        className="hover:underline"
                        dangerouslySetInnerHTML={{ __html: r.titleHtml }}
                      />
                    </h2>
                    <p
                      className="mt-1 text-sm text-stone-700 dark:text-stone-300"
                      dangerouslySetInnerHTML={{ __html: r.snippetHtml }}
                    />
                    <p className="mt-1 text-xs text-stone-500 dark:text-stone-400">
                      {r.author.displayName} · {formatDate(r.createdAt, locale)} ·{" "}
                      {t("search.replies", { count: r.replyCount })} ·{" "}
                      {t("thread.votes.count", { count: r.voteCount })}
                    </p>
                  </li>
                ))}
              </ol>
            </Card>
            <Pagination page={data.page} pageCount={data.pageCount} />
          </>
        )}
      </div>
    </Container>
  );
}
