import { json, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useOptionalUser } from "~/root.tsx";
import { useTranslation } from "react-i18next";
import {
  HowItWorks,
  RecentQuestions,
  SectionHeading,
  SpeakingAdvocates,
} from "~/components/landing/sections.tsx";
import { buttonClass } from "~/components/ui/button.tsx";
import { Card } from "~/components/ui/card.tsx";
import { EventList } from "~/components/events/event-list.tsx";
import { i18nFor, localeOfMatches } from "~/i18n/index.ts";
import { toEventCard } from "~/modules/events/cards.ts";
import { upcomingNearby } from "~/modules/events/reads.server.ts";
import { getViewer } from "~/utils/auth.server.ts";
import { forwardSharedCache, sharedWhenAnonymous } from "~/utils/shared-cache.ts";
import { communityCounts, listAdvocates } from "~/modules/profiles/profiles.server.ts";
import {
  publicDiscussionCounts,
  recentPublicQuestions,
} from "~/modules/discussions/read.server.ts";

export const meta: MetaFunction = ({ matches }) => {
  const { t } = i18nFor(localeOfMatches(matches));
  return [
    { title: t("landing.metaTitle") },
    { name: "description", content: t("landing.metaDescription") },
    { property: "og:title", content: t("landing.metaTitle") },
    { property: "og:type", content: "website" },
  ];
};

export async function loader({ request, context }: LoaderFunctionArgs) {
  const viewer = await getViewer(request, context);
  const [counts, featured, discussions, questions, upcoming] = await Promise.all([
    communityCounts(context.db),
    listAdvocates(context.db, null, { openTo: "open_to_speaking" }),
    publicDiscussionCounts(context.db),
    recentPublicQuestions(context.db, 4),
    upcomingNearby(context.db, viewer?.id ?? null, NEXT_EVENTS),
  ]);
  return json(
    {
      counts,
      featured: featured.rows.slice(0, 6),
      discussions,
      questions,
      nextEvents: upcoming.map(toEventCard),
    },
    { headers: sharedWhenAnonymous(viewer, ["threads"]) },
  );
}

/** How many upcoming events "What's next" shows. */
const NEXT_EVENTS = 4;

// The landing page is the same for every visitor: shared until a thread changes (or 10 s pass).
export const headers = forwardSharedCache;

export default function Landing() {
  const { counts, featured, discussions, questions, nextEvents } = useLoaderData<typeof loader>();
  const user = useOptionalUser();
  const { t } = useTranslation();
  const stats = [
    { label: t("landing.statAdvocates"), value: counts.advocates },
    { label: t("landing.statAnswered"), value: discussions.solved },
    { label: t("landing.statCompanies"), value: counts.companies },
    { label: t("landing.statIndustries"), value: counts.industries },
  ];
  return (
    <>
      <section className="relative overflow-hidden border-b border-stone-200 bg-white dark:border-stone-800 dark:bg-stone-900">
        <div
          aria-hidden="true"
          className="pointer-events-none absolute -top-40 left-1/2 h-[36rem] w-[36rem] -translate-x-1/2 rounded-full bg-amber-200/50 blur-3xl dark:bg-amber-500/10"
        />
        <div className="relative mx-auto max-w-6xl px-4 py-16 sm:px-6 sm:py-24">
          <p className="text-sm font-semibold uppercase tracking-wider text-brand-700 dark:text-brand-300">
            {t("landing.eyebrow")}
          </p>
          <h1 className="mt-3 max-w-3xl text-4xl font-bold tracking-tight text-stone-900 sm:text-5xl dark:text-white">
            {t("landing.title")}
          </h1>
          <p className="mt-5 max-w-2xl text-lg text-stone-700 dark:text-stone-300">
            {t("landing.intro")}
          </p>
          <div className="mt-8 flex flex-wrap gap-3">
            <Link to="/advocates" className={buttonClass("primary", "lg")}>
              {t("landing.meetAdvocates")}
            </Link>
            {user ? (
              <Link to={`/u/${user.handle}`} className={buttonClass("secondary", "lg")}>
                {t("shell.yourProfile")}
              </Link>
            ) : (
              <Link to="/signup" className={buttonClass("secondary", "lg")}>
                {t("landing.joinCommunity")}
              </Link>
            )}
          </div>
          <dl className="mt-12 grid max-w-3xl grid-cols-2 gap-6 sm:grid-cols-4">
            {stats.map((stat) => (
              <div key={stat.label}>
                <dt className="text-sm text-stone-600 dark:text-stone-400">{stat.label}</dt>
                <dd className="order-first text-3xl font-bold tracking-tight text-stone-900 dark:text-white">
                  {stat.value}
                </dd>
              </div>
            ))}
          </dl>
        </div>
      </section>

      <HowItWorks />

      <section className="mx-auto max-w-6xl px-4 pb-16 sm:px-6" aria-labelledby="whats-next">
        <SectionHeading
          id="whats-next"
          title={t("landing.whatsNext")}
          intro={t("landing.whatsNextIntro")}
          link={{ to: "/chapters", label: t("landing.allChapters") }}
        />
        <div className="mt-6" data-testid="whats-next">
          <EventList
            events={nextEvents}
            empty={t("landing.noEvents")}
            emptyText={t("landing.noEventsText")}
          />
        </div>
      </section>

      {questions.length ? (
        <RecentQuestions questions={questions} threads={discussions.threads} />
      ) : null}

      {featured.length ? <SpeakingAdvocates advocates={featured} /> : null}

      <section className="mx-auto max-w-6xl px-4 py-16 sm:px-6">
        <Card className="grid gap-6 p-8 md:grid-cols-[1fr_2fr] md:items-center">
          <h2 className="text-2xl font-bold tracking-tight">{t("landing.capitalTitle")}</h2>
          <p className="text-stone-700 dark:text-stone-300">{t("landing.capitalBody")}</p>
        </Card>
      </section>
    </>
  );
}
