import { Link } from "@remix-run/react";
import type { ReactNode } from "react";
import { Badge } from "~/components/ui/badge.tsx";
import { Card } from "~/components/ui/card.tsx";
import { EmptyState } from "~/components/ui/empty-state.tsx";
import { SpaceBadge } from "./space-badge.tsx";
import { TimeAgo } from "./time.tsx";

export interface ThreadListRow {
  id: number;
  kind: "question" | "discussion";
  title: string;
  slug: string;
  tags: string[];
  replyCount: number;
  voteCount: number;
  solved: boolean;
  locked: boolean;
  hidden: boolean;
  createdAt: string;
  lastActivityAt: string;
  excerpt: string;
  author: { handle: string; displayName: string };
  lastReplier: { handle: string; displayName: string } | null;
  space: { slug: string; name: string; colour: string };
}

function Count({ value, label, tone }: { value: number; label: string; tone?: "solved" }) {
  return (
    <div
      className={
        tone === "solved"
          ? "flex w-16 flex-col items-center rounded-lg bg-brand-700 px-2 py-1.5 text-white dark:bg-brand-600"
          : "flex w-16 flex-col items-center rounded-lg px-2 py-1.5 text-stone-700 ring-1 ring-inset ring-stone-200 dark:text-stone-300 dark:ring-stone-700"
      }
    >
      <span className="text-sm font-semibold">{value}</span>
      <span className="text-[11px] leading-tight">{label}</span>
    </div>
  );
}

/** Threads as a list: counts, solved marker, space, tags and who was last active. */
export function ThreadList({
  rows,
  now,
  empty,
  showSpace = true,
}: {
  rows: ThreadListRow[];
  now: string;
  empty: ReactNode;
  showSpace?: boolean;
}) {
  if (!rows.length) return <>{empty}</>;
  return (
    <Card>
      <ul className="divide-y divide-stone-200 dark:divide-stone-800" aria-label="Threads">
        {rows.map((t) => (
          <li key={t.id} className="flex gap-4 px-4 py-4 sm:px-5" data-testid={`thread-${t.id}`}>
            <div className="hidden shrink-0 flex-col gap-2 sm:flex">
              <Count value={t.voteCount} label={t.voteCount === 1 ? "vote" : "votes"} />
              <Count
                value={t.replyCount}
                label={
                  t.kind === "question" ? (t.replyCount === 1 ? "answer" : "answers") : "replies"
                }
                tone={t.solved ? "solved" : undefined}
              />
            </div>
            <div className="min-w-0 flex-1">
              <div className="flex flex-wrap items-center gap-2">
                {t.solved ? (
                  <Badge tone="brand">
                    <span aria-hidden="true">✓</span> Solved
                  </Badge>
                ) : null}
                {t.kind === "discussion" ? <Badge tone="info">Discussion</Badge> : null}
                {t.locked ? <Badge tone="neutral">Locked</Badge> : null}
                {t.hidden ? <Badge tone="danger">Hidden</Badge> : null}
                {showSpace ? <SpaceBadge space={t.space} /> : null}
              </div>
              <h3 className="mt-1 text-base font-semibold text-stone-900 dark:text-stone-100">
                <Link to={`/t/${t.id}/${t.slug}`} className="hover:underline">
                  {t.title}
                </Link>
              </h3>
              {t.excerpt ? (
                <p className="mt-1 line-clamp-2 text-sm text-stone-600 dark:text-stone-400">
                  {t.excerpt}
                </p>
              ) : null}
              <div className="mt-2 flex flex-wrap items-center gap-x-3 gap-y-1 text-xs text-stone-600 dark:text-stone-400">
                {t.tags.map((tag) => (
                  <Link
                    key={tag}
                    to={`/tags/${encodeURIComponent(tag)}`}
                    className="rounded bg-stone-100 px-1.5 py-0.5 font-medium text-stone-700 hover:bg-stone-200 dark:bg-stone-800 dark:text-stone-300 dark:hover:bg-stone-700"
                  >
                    {`#${tag}`}
                  </Link>
                ))}
                <span>
                  <Link to={`/u/${t.author.handle}`} className="font-medium hover:underline">
                    {t.author.displayName}
                  </Link>{" "}
                  {t.kind === "question" ? "asked" : "started"}{" "}
                  <TimeAgo iso={t.createdAt} now={now} />
                </span>
                {t.lastReplier ? (
                  <span>
                    last reply by{" "}
                    <Link to={`/u/${t.lastReplier.handle}`} className="font-medium hover:underline">
                      {t.lastReplier.displayName}
                    </Link>{" "}
                    <TimeAgo iso={t.lastActivityAt} now={now} />
                  </span>
                ) : null}
                <span className="sm:hidden">
                  {`${t.voteCount} ${t.voteCount === 1 ? "vote" : "votes"} · ${t.replyCount} ${t.replyCount === 1 ? "reply" : "replies"}`}
                </span>
              </div>
            </div>
          </li>
        ))}
      </ul>
    </Card>
  );
}

export function NoThreads({ children, action }: { children?: ReactNode; action?: ReactNode }) {
  return (
    <EmptyState title="No threads here yet" action={action}>
      {children ?? "When someone asks or starts a discussion, it shows up here."}
    </EmptyState>
  );
}
