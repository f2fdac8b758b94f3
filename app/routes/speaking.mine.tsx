import { json, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { ApplicationStatusBadge, TalkStatusBadge } from "~/components/advocacy/status-badge.tsx";
import { Container, PageHeader } from "~/components/app-shell.tsx";
import { ButtonLink } from "~/components/ui/button.tsx";
import { Card } from "~/components/ui/card.tsx";
import { EmptyState } from "~/components/ui/empty-state.tsx";
import { formatLabel } from "~/modules/advocacy/formats.ts";
import { listOwnApplications } from "~/modules/advocacy/applications.server.ts";
import { listOwnTalks } from "~/modules/advocacy/talks.server.ts";
import { formatEventDate } from "~/modules/advocacy/time.ts";
import { policy } from "~/modules/access/policy.ts";
import { requireUser } from "~/utils/auth.server.ts";

export const meta: MetaFunction = () => [{ title: "My speaking · Limelight" }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await requireUser(request, context);
  const [applications, talks] = await Promise.all([
    listOwnApplications(context.db, user.id),
    listOwnTalks(context.db, user.id),
  ]);
  const now = Date.now();
  return json({
    applications: applications.map((a) => ({
      ...a,
      date: formatEventDate(a.starts_at, a.time_zone),
    })),
    talks: talks.map((t) => ({
      ...t,
      date: formatEventDate(t.given_at, t.time_zone),
      needsEvidence:
        (t.status === "scheduled" || t.status === "rejected") &&
        new Date(t.given_at).getTime() <= now,
    })),
    isAdvocate: policy.logTalk({ id: user.id, role: user.role }),
  });
}

export default function MySpeaking() {
  const { applications, talks, isAdvocate } = useLoaderData<typeof loader>();
  return (
    <Container className="max-w-4xl">
      <PageHeader
        title="My speaking"
        description="Your applications and talks. Add evidence after each talk so a community manager can verify it."
        actions={
          isAdvocate ? (
            <>
              <ButtonLink to="/speaking" variant="secondary">
                Find opportunities
              </ButtonLink>
              <ButtonLink to="/speaking/talks/new">Log a talk</ButtonLink>
            </>
          ) : null
        }
      />
      <section aria-labelledby="talks-heading" className="space-y-3">
        <h2 id="talks-heading" className="text-lg font-semibold">
          Talks
        </h2>
        {talks.length === 0 ? (
          <EmptyState title="No talks yet">
            Apply to an opportunity, or log a talk you gave somewhere else.
          </EmptyState>
        ) : (
          <Card>
            <ul className="divide-y divide-stone-200 dark:divide-stone-800">
              {talks.map((t) => (
                <li
                  key={t.id}
                  className="flex flex-col gap-2 px-5 py-3 sm:flex-row sm:items-center sm:justify-between"
                >
                  <div>
                    <Link to={`/speaking/talks/${t.id}`} className="font-medium hover:underline">
                      {t.title}
                    </Link>
                    <p className="text-sm text-stone-600 dark:text-stone-400">
                      {t.event_name} · {formatLabel(t.format)} · {t.date}
                    </p>
                  </div>
                  <div className="flex items-center gap-2">
                    {t.needsEvidence ? (
                      <ButtonLink to={`/speaking/talks/${t.id}`} size="sm">
                        Add evidence
                      </ButtonLink>
                    ) : null}
                    <TalkStatusBadge status={t.status} />
                  </div>
                </li>
              ))}
            </ul>
          </Card>
        )}
      </section>
      <section aria-labelledby="applications-heading" className="mt-10 space-y-3">
        <h2 id="applications-heading" className="text-lg font-semibold">
          Applications
        </h2>
        {applications.length === 0 ? (
          <EmptyState title="No applications yet">
            <Link
              to="/speaking"
              className="font-medium text-brand-700 underline dark:text-brand-300"
            >
              Browse open opportunities
            </Link>
          </EmptyState>
        ) : (
          <Card>
            <ul className="divide-y divide-stone-200 dark:divide-stone-800">
              {applications.map((a) => (
                <li key={a.id} className="space-y-1 px-5 py-3">
                  <div className="flex flex-wrap items-center justify-between gap-2">
                    <Link
                      to={`/speaking/${a.opportunity_id}`}
                      className="font-medium hover:underline"
                    >
                      {a.title}
                    </Link>
                    <ApplicationStatusBadge status={a.status} />
                  </div>
                  <p className="text-sm text-stone-600 dark:text-stone-400">
                    {a.event_name} · {a.date}
                  </p>
                  {a.decision_message ? (
                    <p className="text-sm text-stone-700 dark:text-stone-300">
                      <span className="font-medium">From the community team:</span>{" "}
                      {a.decision_message}
                    </p>
                  ) : null}
                </li>
              ))}
            </ul>
          </Card>
        )}
      </section>
    </Container>
  );
}
