import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import type { PostView } from "~/modules/realtime/events.ts";
import { PostCard } from "./post-card.tsx";

/** The accepted answer (when there is one), then one page of replies with its links. */
export function ThreadReplies({
  isQuestion,
  locked,
  accepted,
  listed,
  replyCount,
  cursors,
  newElsewhere,
}: {
  isQuestion: boolean;
  locked: boolean;
  accepted: PostView | null;
  listed: PostView[];
  replyCount: number;
  cursors: { older: number | null; newer: number | null };
  newElsewhere: number;
}) {
  const { t } = useTranslation();
  return (
    <>
      {accepted ? (
        <section
          aria-labelledby="accepted-heading"
          className="space-y-2"
          data-testid="accepted-section"
        >
          <h2
            id="accepted-heading"
            className="text-sm font-semibold uppercase tracking-wide text-brand-800 dark:text-brand-300"
          >
            {t("thread.acceptedAnswer")}
          </h2>
          <PostCard post={accepted} accepted />
        </section>
      ) : null}

      <section aria-labelledby="replies-heading" className="space-y-4">
        <h2 id="replies-heading" className="text-lg font-semibold">
          {isQuestion
            ? t("thread.replies.answersHeading", { count: replyCount })
            : t("thread.replies.repliesHeading", { count: replyCount })}
        </h2>
        {cursors.older ? (
          <Link
            to={`?before=${cursors.older}`}
            className="text-sm font-medium text-brand-700 underline dark:text-brand-300"
            rel="prev"
          >
            {isQuestion ? t("thread.replies.earlierAnswers") : t("thread.replies.earlierReplies")}
          </Link>
        ) : null}
        {listed.length ? (
          <ol className="space-y-4" data-testid="replies">
            {listed.map((post) => (
              <li key={post.id}>
                <PostCard post={post} />
              </li>
            ))}
          </ol>
        ) : !accepted ? (
          <p className="rounded-xl border border-dashed border-stone-300 p-6 text-center text-sm text-stone-600 dark:border-stone-700 dark:text-stone-400">
            {locked
              ? isQuestion
                ? t("thread.replies.noAnswersLocked")
                : t("thread.replies.noRepliesLocked")
              : isQuestion
                ? t("thread.replies.noAnswers")
                : t("thread.replies.noReplies")}
          </p>
        ) : null}
        {cursors.newer ? (
          <div className="flex flex-wrap gap-4 text-sm">
            <Link
              to={`?after=${cursors.newer}`}
              className="font-medium text-brand-700 underline dark:text-brand-300"
              rel="next"
            >
              {isQuestion ? t("thread.replies.laterAnswers") : t("thread.replies.laterReplies")}
            </Link>
            <Link to="?last" className="font-medium text-brand-700 underline dark:text-brand-300">
              {t("thread.replies.jumpToNewest")}
            </Link>
          </div>
        ) : null}
        {newElsewhere > 0 ? (
          <p
            role="status"
            className="rounded-lg bg-brand-50 px-4 py-2 text-sm text-brand-900 dark:bg-brand-900/30 dark:text-brand-100"
          >
            {isQuestion
              ? t("thread.replies.newAnswers", { count: newElsewhere })
              : t("thread.replies.newReplies", { count: newElsewhere })}{" "}
            <Link to="?last" className="font-medium underline">
              {t("thread.replies.showNewest")}
            </Link>
          </p>
        ) : null}
      </section>
    </>
  );
}

/** Who is writing a reply right now, read out politely as it changes. */
export function TypingNotice({ text }: { text: string | null }) {
  return (
    <p
      aria-live="polite"
      className="min-h-5 text-sm italic text-stone-600 dark:text-stone-400"
      data-testid="typing"
    >
      {text}
    </p>
  );
}
