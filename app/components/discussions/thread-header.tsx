import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { Badge } from "~/components/ui/badge.tsx";
import { fill, slots } from "./fill.tsx";
import { SpaceBadge } from "./space-badge.tsx";
import { TimeAgo } from "./time.tsx";

/** Breadcrumb, title, badges and who else is reading, at the top of a thread. */
export function ThreadHeader({
  thread,
  space,
  solved,
  locked,
  presence,
  now,
}: {
  thread: {
    kind: "question" | "discussion";
    title: string;
    tags: string[];
    hidden: boolean;
    createdAt: string;
  };
  space: { slug: string; name: string; colour: string };
  solved: boolean;
  locked: boolean;
  presence: string | null;
  now: string;
}) {
  const isQuestion = thread.kind === "question";
  const { t } = useTranslation();
  return (
    <>
      <nav
        aria-label={t("thread.breadcrumb")}
        className="text-sm text-stone-600 dark:text-stone-400"
      >
        <Link to="/discussions" className="hover:underline">
          {t("discussions.index.title")}
        </Link>{" "}
        <span aria-hidden="true">›</span> <SpaceBadge space={space} />
      </nav>
      <header className="mt-3">
        <h1 className="text-2xl font-bold tracking-tight text-stone-900 sm:text-3xl dark:text-white">
          {thread.title}
        </h1>
        <div className="mt-2 flex flex-wrap items-center gap-2 text-sm text-stone-600 dark:text-stone-400">
          <Badge tone={isQuestion ? "neutral" : "info"}>
            {isQuestion ? t("discussions.badges.question") : t("discussions.badges.discussion")}
          </Badge>
          {solved ? (
            <Badge tone="brand">
              <span aria-hidden="true">✓</span> {t("discussions.badges.solved")}
            </Badge>
          ) : null}
          {locked ? <Badge tone="neutral">{t("discussions.badges.locked")}</Badge> : null}
          {thread.hidden ? <Badge tone="danger">{t("thread.hiddenFromMembers")}</Badge> : null}
          {thread.tags.map((tag) => (
            <Link
              key={tag}
              to={`/tags/${encodeURIComponent(tag)}`}
              className="rounded bg-stone-100 px-1.5 py-0.5 text-xs font-medium text-stone-700 hover:bg-stone-200 dark:bg-stone-800 dark:text-stone-300"
            >
              {`#${tag}`}
            </Link>
          ))}
          <span>
            {fill(
              isQuestion
                ? t("thread.askedAt", slots("time"))
                : t("thread.startedAt", slots("time")),
              { time: <TimeAgo iso={thread.createdAt} now={now} /> },
            )}
          </span>
        </div>
        <p
          aria-live="polite"
          className="mt-2 min-h-5 text-sm text-brand-800 dark:text-brand-300"
          data-testid="presence"
        >
          {presence ? (
            <>
              <span
                aria-hidden="true"
                className="mr-1.5 inline-block h-2 w-2 rounded-full bg-brand-500"
              />
              {presence}
            </>
          ) : null}
        </p>
      </header>
    </>
  );
}
