import { json, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { StoryStatusBadge } from "~/components/advocacy/status-badge.tsx";
import { Container, PageHeader } from "~/components/app-shell.tsx";
import { ButtonLink } from "~/components/ui/button.tsx";
import { Card } from "~/components/ui/card.tsx";
import { EmptyState } from "~/components/ui/empty-state.tsx";
import { policy } from "~/modules/access/policy.ts";
import { listOwnStories } from "~/modules/advocacy/story-queries.server.ts";
import { useTranslation } from "react-i18next";
import { i18nFor, localeOfMatches } from "~/i18n/index.ts";
import { localeOf } from "~/i18n/locale.server.ts";
import { eventDateIn } from "~/modules/advocacy/local-time.ts";
import { requireUser } from "~/utils/auth.server.ts";

export const meta: MetaFunction = ({ matches }) => [
  { title: i18nFor(localeOfMatches(matches)).t("stories.mine.metaTitle") },
];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await requireUser(request, context);
  const stories = await listOwnStories(context.db, user.id);
  const eventDate = eventDateIn(await localeOf(request, context));
  return json({
    stories: stories
      .filter((s) => s.status !== "withdrawn")
      .map((s) => ({
        slug: s.slug,
        title: s.title,
        status: s.status,
        live: s.live_version_id !== null,
        updated: eventDate(s.updated_at),
      })),
    canWrite: policy.writeStory({ id: user.id, role: user.role }),
  });
}

export default function MyStories() {
  const { stories, canWrite } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  return (
    <Container className="max-w-4xl">
      <PageHeader
        title={t("stories.mine.title")}
        description={t("stories.mine.description")}
        actions={
          canWrite ? <ButtonLink to="/stories/new">{t("stories.mine.write")}</ButtonLink> : null
        }
      />
      {stories.length === 0 ? (
        <EmptyState
          title={t("stories.mine.emptyTitle")}
          action={
            canWrite ? (
              <ButtonLink to="/stories/new">{t("stories.mine.startDraft")}</ButtonLink>
            ) : undefined
          }
        >
          {canWrite ? t("stories.mine.emptyWriter") : t("stories.mine.emptyReader")}
        </EmptyState>
      ) : (
        <Card>
          <ul className="divide-y divide-stone-200 dark:divide-stone-800">
            {stories.map((s) => (
              <li
                key={s.slug}
                className="flex flex-col gap-2 px-5 py-4 sm:flex-row sm:items-center sm:justify-between"
              >
                <div>
                  <Link to={`/stories/${s.slug}/edit`} className="font-medium hover:underline">
                    {s.title}
                  </Link>
                  <p className="text-sm text-stone-600 dark:text-stone-400">
                    {t("stories.mine.updated", { date: s.updated })}
                    {s.live ? (
                      <>
                        {" · "}
                        <Link to={`/stories/${s.slug}`} className="underline">
                          {t("stories.mine.inLibrary")}
                        </Link>
                      </>
                    ) : null}
                  </p>
                </div>
                <StoryStatusBadge status={s.status} />
              </li>
            ))}
          </ul>
        </Card>
      )}
    </Container>
  );
}
