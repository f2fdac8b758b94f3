import type { SerializeFrom } from "@remix-run/node";
import { Link } from "@remix-run/react";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { Avatar } from "~/components/ui/avatar.tsx";
import { Badge } from "~/components/ui/badge.tsx";
import { Card } from "~/components/ui/card.tsx";
import type { recentPublicQuestions } from "~/modules/discussions/read.server.ts";
import type { listAdvocates } from "~/modules/profiles/profiles.server.ts";

type Question = SerializeFrom<Awaited<ReturnType<typeof recentPublicQuestions>>[number]>;
type Advocate = SerializeFrom<Awaited<ReturnType<typeof listAdvocates>>["rows"][number]>;

const linkClass = "text-sm font-medium text-brand-700 underline dark:text-brand-300";

/** A landing section's heading row: title, a line under it, and a link to the whole list. */
export function SectionHeading({
  id,
  title,
  intro,
  link,
}: {
  id?: string;
  title: string;
  intro: ReactNode;
  link?: { to: string; label: string; className?: string };
}) {
  return (
    // On a phone the link goes under the heading, so a longer language never pushes it off the page.
    <div className="flex flex-col gap-2 sm:flex-row sm:items-end sm:justify-between sm:gap-4">
      <div>
        <h2 id={id} className="text-2xl font-bold tracking-tight">
          {title}
        </h2>
        <p className="mt-1 text-stone-600 dark:text-stone-400">{intro}</p>
      </div>
      {link ? (
        <Link to={link.to} className={link.className ?? `shrink-0 whitespace-nowrap ${linkClass}`}>
          {link.label}
        </Link>
      ) : null}
    </div>
  );
}

/** The three steps of "How Limelight works". */
export function HowItWorks() {
  const { t } = useTranslation();
  const steps = [
    { title: t("landing.shareTitle"), body: t("landing.shareBody") },
    { title: t("landing.helpTitle"), body: t("landing.helpBody") },
    { title: t("landing.standingTitle"), body: t("landing.standingBody") },
  ];
  return (
    <section className="mx-auto max-w-6xl px-4 py-16 sm:px-6">
      <h2 className="text-2xl font-bold tracking-tight">{t("landing.howItWorks")}</h2>
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
  );
}

/** The latest public questions, each with its space, whether it is solved and its answers. */
export function RecentQuestions({
  questions,
  threads,
}: {
  questions: Question[];
  threads: number;
}) {
  const { t } = useTranslation();
  return (
    <section className="mx-auto max-w-6xl px-4 pb-16 sm:px-6" aria-labelledby="recent-questions">
      <SectionHeading
        id="recent-questions"
        title={t("landing.recentQuestions")}
        intro={t("landing.recentQuestionsIntro", { count: threads })}
        link={{ to: "/discussions", label: t("landing.allDiscussions"), className: linkClass }}
      />
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
                  {q.solved ? <Badge tone="brand">{t("landing.solved")}</Badge> : null}
                </p>
                <p className="mt-2 font-semibold">{q.title}</p>
                <p className="mt-1 text-sm text-stone-600 dark:text-stone-400">
                  {t("landing.answers", { count: q.replyCount })}
                </p>
              </Card>
            </Link>
          </li>
        ))}
      </ul>
    </section>
  );
}

/** Advocates who said they are open to speaking, as cards. */
export function SpeakingAdvocates({ advocates }: { advocates: Advocate[] }) {
  const { t } = useTranslation();
  return (
    <section className="border-t border-stone-200 bg-white py-16 dark:border-stone-800 dark:bg-stone-900">
      <div className="mx-auto max-w-6xl px-4 sm:px-6">
        <SectionHeading
          title={t("landing.openToSpeaking")}
          intro={t("landing.openToSpeakingIntro")}
          link={{
            to: "/advocates?openTo=open_to_speaking",
            label: t("landing.seeAll"),
            className: `hidden sm:block ${linkClass}`,
          }}
        />
        <ul className="mt-8 grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
          {advocates.map((a) => (
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
  );
}
