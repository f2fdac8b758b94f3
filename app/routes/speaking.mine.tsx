import { json, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { ApplicationStatusBadge, TalkStatusBadge } from "~/components/advocacy/status-badge.tsx";
import { Container, PageHeader } from "~/components/app-shell.tsx";
import { ButtonLink } from "~/components/ui/button.tsx";
import { Card } from "~/components/ui/card.tsx";
import { EmptyState } from "~/components/ui/empty-state.tsx";
import { talkFormatLabel } from "~/components/advocacy/labels.ts";
import { listOwnApplications } from "~/modules/advocacy/applications.server.ts";
import { listOwnTalks } from "~/modules/advocacy/talks.server.ts";
import { eventDateIn } from "~/modules/advocacy/local-time.ts";
import { useTranslation } from "react-i18next";
import { i18nFor, localeOfMatches } from "~/i18n/index.ts";
import { localeOf } from "~/i18n/locale.server.ts";
import { policy } from "~/modules/access/policy.ts";
import { requireUser } from "~/utils/auth.server.ts";

export const meta: MetaFunction = ({ matches }) => [
  { title: i18nFor(localeOfMatches(matches)).t("speaking.mine.metaTitle") },
];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await requireUser(request, context);
  const [applications, talks] = await Promise.all([
    listOwnApplications(context.db, user.id),
    listOwnTalks(context.db, user.id),
  ]);
  const now = Date.now();
  const eventDate = eventDateIn(await localeOf(request, context));
  return json({
    applications: applications.map((a) => ({
      ...a,
      date: eventDate(a.starts_at, a.time_zone),
    })),
    talks: talks.map((t) => ({
      ...t,
      date: eventDate(t.given_at, t.time_zone),
      needsEvidence:
        (t.status === "scheduled" || t.status === "rejected") &&
        new Date(t.given_at).getTime() <= now,
    })),
    isAdvocate: policy.logTalk({ id: user.id, role: user.role }),
  });
}

export default function MySpeaking() {
  const { applications, talks, isAdvocate } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  return (
    <Container className="max-w-4xl">
      <PageHeader
        title={t("speaking.mine.title")}
        description={t("speaking.mine.description")}
        actions={
          isAdvocate ? (
            <>
              <ButtonLink to="/speaking" variant="secondary">
                {t("speaking.mine.find")}
              </ButtonLink>
              <ButtonLink to="/speaking/talks/new">{t("speaking.mine.logTalk")}</ButtonLink>
            </>
          ) : null
        }
      />
      <section aria-labelledby="talks-heading" className="space-y-3">
        <h2 id="talks-heading" className="text-lg font-semibold">
          {t("speaking.mine.talks")}
        </h2>
        {talks.length === 0 ? (
          <EmptyState title={t("speaking.mine.noTalks")}>
            {t("speaking.mine.noTalksBody")}
          </EmptyState>
        ) : (
          <Card>
            <ul className="divide-y divide-stone-200 dark:divide-stone-800">
              {talks.map((talk) => (
                <li
                  key={talk.id}
                  className="flex flex-col gap-2 px-5 py-3 sm:flex-row sm:items-center sm:justify-between"
                >
                  <div>
                    <Link to={`/speaking/talks/${talk.id}`} className="font-medium hover:underline">
                      {talk.title}
                    </Link>
                    <p className="text-sm text-stone-600 dark:text-stone-400">
                      {talk.event_name} · {talkFormatLabel(t, talk.format)} · {talk.date}
                    </p>
                  </div>
                  <div className="flex items-center gap-2">
                    {talk.needsEvidence ? (
                      <ButtonLink to={`/speaking/talks/${talk.id}`} size="sm">
                        {t("speaking.mine.addEvidence")}
                      </ButtonLink>
                    ) : null}
                    <TalkStatusBadge status={talk.status} />
                  </div>
                </li>
              ))}
            </ul>
          </Card>
        )}
      </section>
      <section aria-labelledby="applications-heading" className="mt-10 space-y-3">
        <h2 id="applications-heading" className="text-lg font-semibold">
          {t("speaking.mine.applications")}
        </h2>
        {applications.length === 0 ? (
          <EmptyState title={t("speaking.mine.noApplications")}>
            <Link
              to="/speaking"
              className="font-medium text-brand-700 underline dark:text-brand-300"
            >
              {t("speaking.mine.browse")}
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
                      <span className="font-medium">{t("speaking.apply.fromTeam")}</span>{" "}
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
