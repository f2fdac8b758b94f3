import { json, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useOptionalUser } from "~/root.tsx";
import { Avatar } from "~/components/ui/avatar.tsx";
import { Badge } from "~/components/ui/badge.tsx";
import { buttonClass } from "~/components/ui/button.tsx";
import { Card } from "~/components/ui/card.tsx";
import { EventList } from "~/components/events/event-list.tsx";
import { toEventCard } from "~/modules/events/cards.ts";
import { listEvents } from "~/modules/events/reads.server.ts";
import { getViewer } from "~/utils/auth.server.ts";
import { forwardSharedCache, sharedWhenAnonymous } from "~/utils/shared-cache.ts";
import { communityCounts, listAdvocates } from "~/modules/profiles/profiles.server.ts";
import {
  publicDiscussionCounts,
  recentPublicQuestions,
} from "~/modules/discussions/read.server.ts";

export const meta: MetaFunction = () => [
  { title: "Limelight — hear it from customers who have done it" },
  {
    name: "description",
    content:
      "Limelight is the community where customers share what they built, help their peers and grow their own reputation. Browse real stories and ask real users — no sales pitch.",
  },
  { property: "og:title", content: "Limelight — hear it from customers who have done it" },
  { property: "og:type", content: "website" },
];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const viewer = await getViewer(request, context);
  const [counts, featured, discussions, questions, upcoming] = await Promise.all([
    communityCounts(context.db),
    listAdvocates(context.db, null, { openTo: "open_to_speaking" }),
    publicDiscussionCounts(context.db),
    recentPublicQuestions(context.db, 4),
    listEvents(context.db, { when: "upcoming", limit: NEXT_EVENTS }),
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

const steps = [
  {
    title: "Share your story",
    body: "Write how your team got results, with the numbers to back it. Your profile shows your talks, stories and the help you gave.",
  },
  {
    title: "Help your peers",
    body: "Answer questions from people who are where you were a year ago. Every accepted answer and upvote is recorded and explained.",
  },
  {
    title: "Earn standing, not prizes",
    body: "Reputation opens status and early access — roadmap briefings, early releases, the MVP award. It is never bought, traded or cashed in.",
  },
];

export default function Landing() {
  const { counts, featured, discussions, questions, nextEvents } = useLoaderData<typeof loader>();
  const user = useOptionalUser();
  return (
    <>
      <section className="relative overflow-hidden border-b border-stone-200 bg-white dark:border-stone-800 dark:bg-stone-900">
        <div
          aria-hidden="true"
          className="pointer-events-none absolute -top-40 left-1/2 h-[36rem] w-[36rem] -translate-x-1/2 rounded-full bg-amber-200/50 blur-3xl dark:bg-amber-500/10"
        />
        <div className="relative mx-auto max-w-6xl px-4 py-16 sm:px-6 sm:py-24">
          <p className="text-sm font-semibold uppercase tracking-wider text-brand-700 dark:text-brand-300">
            The customer community
          </p>
          <h1 className="mt-3 max-w-3xl text-4xl font-bold tracking-tight text-stone-900 sm:text-5xl dark:text-white">
            Hear it from customers who have already done it.
          </h1>
          <p className="mt-5 max-w-2xl text-lg text-stone-700 dark:text-stone-300">
            Limelight is where the people who use the product every day tell their stories, answer
            their peers and build their own reputation. Browse what they say, ask them anything, or
            find someone in your industry to talk to — no sales pitch.
          </p>
          <div className="mt-8 flex flex-wrap gap-3">
            <Link to="/advocates" className={buttonClass("primary", "lg")}>
              Meet the advocates
            </Link>
            {user ? (
              <Link to={`/u/${user.handle}`} className={buttonClass("secondary", "lg")}>
                Your profile
              </Link>
            ) : (
              <Link to="/signup" className={buttonClass("secondary", "lg")}>
                Join the community
              </Link>
            )}
          </div>
          <dl className="mt-12 grid max-w-3xl grid-cols-2 gap-6 sm:grid-cols-4">
            {[
              { label: "verified advocates", value: counts.advocates },
              { label: "questions answered", value: discussions.solved },
              { label: "companies", value: counts.companies },
              { label: "industries", value: counts.industries },
            ].map((stat) => (
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

      <section className="mx-auto max-w-6xl px-4 py-16 sm:px-6">
        <h2 className="text-2xl font-bold tracking-tight">How Limelight works</h2>
        <div className="mt-8 grid gap-6 md:grid-cols-3">
          {steps.map((step, i) => (
            <Card key={step.title} className="p-6">
              <span className="inline-flex h-8 w-8 items-center justify-center rounded-full bg-amber-100 font-semibold text-amber-900 dark:bg-amber-900/40 dark:text-amber-200">
                {i + 1}
              </span>
              <h3 className="mt-4 text-lg font-semibold">{step.title}</h3>
              <p className="mt-2 text-stone-700 dark:text-stone-300">{step.body}</p>
            </Card>
          ))}
        </div>
      </section>

      <section className="mx-auto max-w-6xl px-4 pb-16 sm:px-6" aria-labelledby="whats-next">
        <div className="flex items-end justify-between gap-4">
          <div>
            <h2 id="whats-next" className="text-2xl font-bold tracking-tight">
              What&apos;s next
            </h2>
            <p className="mt-1 text-stone-600 dark:text-stone-400">
              Meetups, webinars and user-group sessions run by the community&apos;s chapters. Times
              are where each event happens.
            </p>
          </div>
          <Link
            to="/chapters"
            className="shrink-0 whitespace-nowrap text-sm font-medium text-brand-700 underline dark:text-brand-300"
          >
            All chapters
          </Link>
        </div>
        <div className="mt-6" data-testid="whats-next">
          <EventList
            events={nextEvents}
            empty="No events coming up"
            emptyText="Chapters post their meetups and webinars here. Join a chapter to hear about the next one first."
          />
        </div>
      </section>

      {questions.length ? (
        <section
          className="mx-auto max-w-6xl px-4 pb-16 sm:px-6"
          aria-labelledby="recent-questions"
        >
          <div className="flex items-end justify-between gap-4">
            <div>
              <h2 id="recent-questions" className="text-2xl font-bold tracking-tight">
                Recent questions
              </h2>
              <p className="mt-1 text-stone-600 dark:text-stone-400">
                {discussions.threads} discussions so far, answered by people who run it every day.
              </p>
            </div>
            <Link
              to="/discussions"
              className="text-sm font-medium text-brand-700 underline dark:text-brand-300"
            >
              All discussions
            </Link>
          </div>
          <ul className="mt-6 grid gap-4 sm:grid-cols-2">
            {questions.map((q) => (
              <li key={q.id}>
                <Link to={`/t/${q.id}/${q.slug}`} className="block h-full">
                  <Card className="h-full p-5 transition-shadow hover:shadow-md">
                    <p className="flex items-center gap-2 text-xs font-medium text-stone-600 dark:text-stone-400">
                      <span
                        aria-hidden="true"
                        className="h-2.5 w-2.5 rounded-sm"
                        style={{ backgroundColor: q.space.colour }}
                      />
                      {q.space.name}
                      {q.solved ? <Badge tone="brand">Solved</Badge> : null}
                    </p>
                    <p className="mt-2 font-semibold">{q.title}</p>
                    <p className="mt-1 text-sm text-stone-600 dark:text-stone-400">
                      {q.replyCount === 1 ? "1 answer" : `${q.replyCount} answers`}
                    </p>
                  </Card>
                </Link>
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      {featured.length ? (
        <section className="border-t border-stone-200 bg-white py-16 dark:border-stone-800 dark:bg-stone-900">
          <div className="mx-auto max-w-6xl px-4 sm:px-6">
            <div className="flex items-end justify-between gap-4">
              <div>
                <h2 className="text-2xl font-bold tracking-tight">Advocates open to speaking</h2>
                <p className="mt-1 text-stone-600 dark:text-stone-400">
                  Customers happy to tell their story on stage, on a webinar or on a call.
                </p>
              </div>
              <Link
                to="/advocates?openTo=open_to_speaking"
                className="hidden text-sm font-medium text-brand-700 underline sm:block dark:text-brand-300"
              >
                See all
              </Link>
            </div>
            <ul className="mt-8 grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
              {featured.map((a) => (
                <li key={a.id} className="min-w-0">
                  <Link to={`/u/${a.handle}`} className="block h-full">
                    <Card className="h-full p-5 transition-shadow hover:shadow-md">
                      <div className="flex items-center gap-3">
                        <Avatar name={a.display_name} handle={a.handle} />
                        <div className="min-w-0">
                          <p className="font-semibold">{a.display_name}</p>
                          <p className="truncate text-sm text-stone-600 dark:text-stone-400">
                            {a.company}
                          </p>
                        </div>
                      </div>
                      <p className="mt-3 line-clamp-2 text-sm text-stone-700 dark:text-stone-300">
                        {a.headline}
                      </p>
                      <div className="mt-3">
                        <Badge tone="brand">{a.industry}</Badge>
                      </div>
                    </Card>
                  </Link>
                </li>
              ))}
            </ul>
          </div>
        </section>
      ) : null}

      <section className="mx-auto max-w-6xl px-4 py-16 sm:px-6">
        <Card className="grid gap-6 p-8 md:grid-cols-[1fr_2fr] md:items-center">
          <h2 className="text-2xl font-bold tracking-tight">
            Points are social capital, never cash
          </h2>
          <p className="text-stone-700 dark:text-stone-300">
            Reputation on Limelight measures help given to other people: a talk delivered, a story
            published, an answer that solved someone&apos;s problem. Every point is explained line
            by line on the advocate&apos;s profile. There is no rewards store — points open status
            and access, and they can never be bought, traded or redeemed.
          </p>
        </Card>
      </section>
    </>
  );
}
