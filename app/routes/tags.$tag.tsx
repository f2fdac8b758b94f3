import { json, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { LanguageFilter } from "~/components/languages/language-filter.tsx";
import { Container, PageHeader } from "~/components/app-shell.tsx";
import { ListTabs } from "~/components/discussions/list-tabs.tsx";
import { DiscussionSidebar } from "~/components/discussions/sidebar.tsx";
import { NoThreads, ThreadList } from "~/components/discussions/thread-list.tsx";
import { Pagination } from "~/components/ui/pagination.tsx";
import { languageFilterOf } from "~/modules/languages/filter.server.ts";
import { i18nFor, localeOfMatches } from "~/i18n/index.ts";
import { readListParams } from "~/modules/discussions/list-params.ts";
import { discussionSidebar } from "~/modules/discussions/pages.server.ts";
import { listThreads } from "~/modules/discussions/read.server.ts";
import { listAllSpaces } from "~/modules/discussions/spaces.server.ts";
import { normaliseTags } from "~/modules/discussions/validation.ts";
import { getViewer } from "~/utils/auth.server.ts";
import { notFound } from "~/utils/http.server.ts";

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const [tag] = normaliseTags(params.tag ?? "");
  if (!tag || tag.length > 30) throw notFound("We could not find that tag.");
  const viewer = await getViewer(request, context);
  const url = new URL(request.url);
  const { tab, period, page } = readListParams(url);
  const language = await languageFilterOf(context.db, viewer?.id ?? null, url);
  const spaces = await listAllSpaces(context.db);
  const [list, sidebar] = await Promise.all([
    listThreads(
      context.db,
      viewer,
      { tab, period, page, languages: language.languages, tag },
      { spaces },
    ),
    discussionSidebar(context.db, viewer, spaces),
  ]);
  return json({ ...list, language, sidebar, tab, period, tag, now: new Date().toISOString() });
}

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => {
  const { t } = i18nFor(localeOfMatches(matches));
  return [
    {
      title: data
        ? t("discussions.tag.metaTitle", { tag: data.tag })
        : t("discussions.tag.notFoundTitle"),
    },
    {
      name: "description",
      content: data ? t("discussions.tag.metaDescription", { tag: data.tag }) : "",
    },
  ];
};

export default function TagPage() {
  const data = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  return (
    <Container>
      <PageHeader
        title={`#${data.tag}`}
        description={t("discussions.tag.description", { tag: data.tag })}
      />
      <div className="grid gap-8 lg:grid-cols-[1fr_17rem]">
        <section
          aria-label={t("discussions.tag.threadsTagged", { tag: data.tag })}
          className="min-w-0 space-y-4"
        >
          <ListTabs tab={data.tab} period={data.period} />
          <LanguageFilter filter={data.language} />
          <ThreadList
            rows={data.rows}
            now={data.now}
            empty={<NoThreads>{t("discussions.tag.empty")}</NoThreads>}
          />
          <Pagination page={data.page} pageCount={data.pageCount} />
        </section>
        <DiscussionSidebar spaces={data.sidebar.spaces} tags={data.sidebar.tags} />
      </div>
    </Container>
  );
}
