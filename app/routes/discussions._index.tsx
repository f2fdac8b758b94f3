import { json, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { Container, PageHeader } from "~/components/app-shell.tsx";
import { ListTabs } from "~/components/discussions/list-tabs.tsx";
import { DiscussionSidebar } from "~/components/discussions/sidebar.tsx";
import { NoThreads, ThreadList } from "~/components/discussions/thread-list.tsx";
import { ButtonLink } from "~/components/ui/button.tsx";
import { Pagination } from "~/components/ui/pagination.tsx";
import { languageFilterOf } from "~/modules/languages/filter.server.ts";
import { readListParams } from "~/modules/discussions/list-params.ts";
import { discussionSidebar } from "~/modules/discussions/pages.server.ts";
import { listThreads } from "~/modules/discussions/read.server.ts";
import { listAllSpaces } from "~/modules/discussions/spaces.server.ts";
import { getViewer } from "~/utils/auth.server.ts";
import { forwardSharedCache, sharedWhenAnonymous } from "~/utils/shared-cache.ts";

export const meta: MetaFunction = () => [
  { title: "Discussions · Limelight" },
  {
    name: "description",
    content:
      "Questions and answers from people who run Northwind Cloud every day: pipelines, dashboards, connectors, SSO and governance.",
  },
];

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

const headings: Record<string, string> = {
  latest: "Latest activity",
  top: "Top threads",
  unanswered: "Questions waiting for an answer",
  solved: "Solved questions",
};

export default function DiscussionsIndex() {
  const data = useLoaderData<typeof loader>();
  return (
    <Container>
      <PageHeader
        title="Discussions"
        description="Peers helping peers: ask what you are stuck on, and read what customers who run Northwind Cloud in production say."
        actions={
          data.signedIn ? (
            <ButtonLink to="/discussions/new">Ask or start a discussion</ButtonLink>
          ) : (
            <ButtonLink to="/login?redirectTo=%2Fdiscussions%2Fnew">Sign in to ask</ButtonLink>
          )
        }
      />
      <div className="grid gap-8 lg:grid-cols-[1fr_17rem]">
        <section aria-labelledby="list-heading" className="min-w-0 space-y-4">
          <ListTabs tab={data.tab} period={data.period} />
          <h2 id="list-heading" className="sr-only">
            {headings[data.tab]}
          </h2>
          <ThreadList
            rows={data.rows}
            now={data.now}
            empty={
              <NoThreads>
                {data.tab === "unanswered"
                  ? "Every question has at least one answer. Nice work, everyone."
                  : "Nothing matches this list yet."}
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
