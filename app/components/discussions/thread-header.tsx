import { Link } from "@remix-run/react";
import { Badge } from "~/components/ui/badge.tsx";
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
  return (
    <>
      <nav aria-label="Breadcrumb" className="text-sm text-stone-600 dark:text-stone-400">
        <Link to="/discussions" className="hover:underline">
          Discussions
        </Link>{" "}
        <span aria-hidden="true">›</span> <SpaceBadge space={space} />
      </nav>
      <header className="mt-3">
        <h1 className="text-2xl font-bold tracking-tight text-stone-900 sm:text-3xl dark:text-white">
          {thread.title}
        </h1>
        <div className="mt-2 flex flex-wrap items-center gap-2 text-sm text-stone-600 dark:text-stone-400">
          <Badge tone={isQuestion ? "neutral" : "info"}>
            {isQuestion ? "Question" : "Discussion"}
          </Badge>
          {solved ? (
            <Badge tone="brand">
              <span aria-hidden="true">✓</span> Solved
            </Badge>
          ) : null}
          {locked ? <Badge tone="neutral">Locked</Badge> : null}
          {thread.hidden ? <Badge tone="danger">Hidden from members</Badge> : null}
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
            Asked <TimeAgo iso={thread.createdAt} now={now} />
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
