import { json, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { LanguageFilter } from "~/components/languages/language-filter.tsx";
import { Container, PageHeader } from "~/components/app-shell.tsx";
import { ListTabs } from "~/components/discussions/list-tabs.tsx";
import { DiscussionSidebar } from "~/components/discussions/sidebar.tsx";
import { NoThreads, ThreadList } from "~/components/discussions/thread-list.tsx";
import { ButtonLink } from "~/components/ui/button.tsx";
import { i18nFor, localeOfMatches } from "~/i18n/index.ts";
import { Pagination } from "~/components/ui/pagination.tsx";
import { languageFilterOf } from "~/modules/languages/filter.server.ts";
import { readListParams } from "~/modules/discussions/list-params.ts";
import { discussionSidebar } from "~/modules/discussions/pages.server.ts";
import { listThreads } from "~/modules/discussions/read.server.ts";
import { listAllSpaces } from "~/modules/discussions/spaces.server.ts";
import { getViewer } from "~/utils/auth.server.ts";
import { forwardSharedCache, sharedWhenAnonymous } from "~/utils/shared-cache.ts";

export const meta: MetaFunction = ({ matches }) => {
  const { t } = i18nFor(localeOfMatches(matches));
  return [
    { title: t("discussions.index.metaTitle") },
    { name: "description", content: t("discussions.index.metaDescription") },
  ];
};

export async function loader({ request, context }: LoaderFunctionArgs) {
  const viewer = await getViewer(request, context);
  const url = new URL(request.url);
  const { tab, period, page } = readListParams(url);
  const language = await languageFilterOf(context.db, viewer?.id ?? null, url);
  const spaces = await listAllSpaces(context.db);
  const [list, sidebar] = await Promise.all([
    listThreads(
      context.db,
      viewer,
      { tab, period, page, languages: language.languages },
      { spaces },
    ),
    discussionSidebar(context.db, viewer, spaces),
  ]);
  return json(
    {
      ...list,
      language,
      sidebar,
      tab,
      period,
      signedIn: Boolean(viewer),
      now: new Date().toISOString(),
    },
    { headers: sharedWhenAnonymous(viewer, ["threads"]) },
  );
}

// Visitors all see the same lists: the server may share them until a thread changes.
export const headers = forwardSharedCache;

export default function DiscussionsIndex() {
  const data = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  const headings: Record<string, string> = {
    latest: t("discussions.index.latestHeading"),
    top: t("discussions.index.topHeading"),
    unanswered: t("discussions.index.unansweredHeading"),
    solved: t("discussions.index.solvedHeading"),
  };
  return (
    <Container>
      <PageHeader
        title={t("discussions.index.title")}
        description={t("discussions.index.description")}
        actions={
          data.signedIn ? (
            <ButtonLink to="/discussions/new">{t("discussions.index.ask")}</ButtonLink>
          ) : (
            <ButtonLink to="/login?redirectTo=%2Fdiscussions%2Fnew">
              {t("discussions.index.signInToAsk")}
            </ButtonLink>
          )
        }
      />
      <div className="grid gap-8 lg:grid-cols-[1fr_17rem]">
        <section aria-labelledby="list-heading" className="min-w-0 space-y-4">
          <ListTabs tab={data.tab} period={data.period} />
          <LanguageFilter filter={data.language} />
          <h2 id="list-heading" className="sr-only">
            {headings[data.tab]}
          </h2>
          <ThreadList
            rows={data.rows}
            now={data.now}
            empty={
              <NoThreads>
                {data.tab === "unanswered"
                  ? t("discussions.index.allAnswered")
                  : t("discussions.index.nothingMatches")}
              </NoThreads>
            }
          />
          <Pagination page={data.page} pageCount={data.pageCount} />
        </section>
        <DiscussionSidebar spaces={data.sidebar.spaces} tags={data.sidebar.tags} />
      </div>
    </Container>
  );
}
