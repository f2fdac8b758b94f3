import { json, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { LanguageFilter } from "~/components/languages/language-filter.tsx";
import { Container, PageHeader } from "~/components/app-shell.tsx";
import { ListTabs } from "~/components/discussions/list-tabs.tsx";
import { DiscussionSidebar } from "~/components/discussions/sidebar.tsx";
import { NoThreads, ThreadList } from "~/components/discussions/thread-list.tsx";
import { Badge } from "~/components/ui/badge.tsx";
import { ButtonLink } from "~/components/ui/button.tsx";
import { i18nFor, localeOfMatches } from "~/i18n/index.ts";
import { Pagination } from "~/components/ui/pagination.tsx";
import { languageFilterOf } from "~/modules/languages/filter.server.ts";
import { readListParams } from "~/modules/discussions/list-params.ts";
import { discussionSidebar, postableSpaces } from "~/modules/discussions/pages.server.ts";
import { listThreads } from "~/modules/discussions/read.server.ts";
import { getReadableSpace, listAllSpaces } from "~/modules/discussions/spaces.server.ts";
import { getViewer } from "~/utils/auth.server.ts";
import { forwardSharedCache, sharedWhenAnonymous } from "~/utils/shared-cache.ts";
import { orErrorPage } from "~/utils/http.server.ts";

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const viewer = await getViewer(request, context);
  const space = await orErrorPage(getReadableSpace(context.db, viewer, params.space ?? ""));
  const url = new URL(request.url);
  const { tab, period, page } = readListParams(url);
  const language = await languageFilterOf(context.db, viewer?.id ?? null, url);
  const spaces = await listAllSpaces(context.db);
  const [list, sidebar] = await Promise.all([
    listThreads(
      context.db,
      viewer,
      { tab, period, page, languages: language.languages, spaceId: space.id },
      { spaces },
    ),
    discussionSidebar(context.db, viewer, spaces),
  ]);
  const postable = postableSpaces(viewer, [space])[0] ?? null;
  return json(
    {
      ...list,
      language,
      sidebar,
      tab,
      period,
      space: {
        slug: space.slug,
        name: space.name,
        description: space.description,
        colour: space.colour,
        visibility: space.visibility,
        prospectsMayAsk: space.prospectsMayAsk,
      },
      canPost: Boolean(postable),
      signedIn: Boolean(viewer),
      now: new Date().toISOString(),
    },
    { headers: sharedWhenAnonymous(viewer, ["threads"]) },
  );
}

// Visitors all see the same lists: the server may share them until a thread changes.
export const headers = forwardSharedCache;

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => {
  const { t } = i18nFor(localeOfMatches(matches));
  if (!data) return [{ title: t("discussions.space.notFoundTitle") }];
  const tags = [
    { title: t("discussions.space.metaTitle", { space: data.space.name }) },
    { name: "description", content: data.space.description },
  ];
  if (data.space.visibility !== "public") tags.push({ name: "robots", content: "noindex" });
  return tags;
};

export default function SpacePage() {
  const data = useLoaderData<typeof loader>();
  const { space } = data;
  const { t } = useTranslation();
  return (
    <Container>
      <PageHeader
        title={space.name}
        description={
          <span className="flex flex-col gap-2">
            <span>{space.description}</span>
            <span className="flex flex-wrap gap-2">
              {space.visibility === "members" ? (
                <Badge tone="info">{t("discussions.space.membersOnly")}</Badge>
              ) : space.visibility === "tier" ? (
                <Badge tone="spot">{t("discussions.space.tierOnly")}</Badge>
              ) : (
                <Badge tone="neutral">{t("discussions.space.public")}</Badge>
              )}
              {space.prospectsMayAsk ? (
                <Badge tone="brand">{t("discussions.space.visitorsMayAsk")}</Badge>
              ) : null}
            </span>
          </span>
        }
        actions={
          data.canPost ? (
            <ButtonLink to={`/s/${space.slug}/new`}>{t("discussions.space.newThread")}</ButtonLink>
          ) : !data.signedIn ? (
            <ButtonLink to={`/login?redirectTo=${encodeURIComponent(`/s/${space.slug}/new`)}`}>
              {t("discussions.space.signInToPost")}
            </ButtonLink>
          ) : null
        }
      />
      <div className="grid gap-8 lg:grid-cols-[1fr_17rem]">
        <section
          aria-label={t("discussions.space.threadsIn", { space: space.name })}
          className="min-w-0 space-y-4"
        >
          <ListTabs tab={data.tab} period={data.period} />
          <LanguageFilter filter={data.language} />
          <ThreadList
            rows={data.rows}
            now={data.now}
            showSpace={false}
            empty={
              <NoThreads
                action={
                  data.canPost ? (
                    <ButtonLink to={`/s/${space.slug}/new`}>
                      {t("discussions.space.startFirst")}
                    </ButtonLink>
                  ) : undefined
                }
              />
            }
          />
          <Pagination page={data.page} pageCount={data.pageCount} />
        </section>
        <DiscussionSidebar spaces={data.sidebar.spaces} tags={data.sidebar.tags} />
      </div>
    </Container>
  );
}
