import { json, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { StoryStatusBadge } from "~/components/advocacy/status-badge.tsx";
import { Container, PageHeader } from "~/components/app-shell.tsx";
import { ButtonLink } from "~/components/ui/button.tsx";
import { Card } from "~/components/ui/card.tsx";
import { EmptyState } from "~/components/ui/empty-state.tsx";
import { policy } from "~/modules/access/policy.ts";
import { listOwnStories } from "~/modules/advocacy/story-queries.server.ts";
import { formatEventDate } from "~/modules/advocacy/time.ts";
import { requireUser } from "~/utils/auth.server.ts";

export const meta: MetaFunction = () => [{ title: "My stories · Limelight" }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await requireUser(request, context);
  const stories = await listOwnStories(context.db, user.id);
  return json({
    stories: stories
      .filter((s) => s.status !== "withdrawn")
      .map((s) => ({
        slug: s.slug,
        title: s.title,
        status: s.status,
        live: s.live_version_id !== null,
        updated: formatEventDate(s.updated_at),
      })),
    canWrite: policy.writeStory({ id: user.id, role: user.role }),
  });
}

export default function MyStories() {
  const { stories, canWrite } = useLoaderData<typeof loader>();
  return (
    <Container className="max-w-4xl">
      <PageHeader
        title="My stories"
        description="Drafts, stories in review and the ones in the library."
        actions={canWrite ? <ButtonLink to="/stories/new">Write your story</ButtonLink> : null}
      />
      {stories.length === 0 ? (
        <EmptyState
          title="No stories yet"
          action={canWrite ? <ButtonLink to="/stories/new">Start a draft</ButtonLink> : undefined}
        >
          {canWrite
            ? "Your story helps someone who is where you were a year ago — and it builds your name."
            : "Customer stories are written by verified customers."}
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
                    Updated {s.updated}
                    {s.live ? (
                      <>
                        {" · "}
                        <Link to={`/stories/${s.slug}`} className="underline">
                          in the library
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
