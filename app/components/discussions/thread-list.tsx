import { Link } from "@remix-run/react";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { Badge } from "~/components/ui/badge.tsx";
import { Card } from "~/components/ui/card.tsx";
import { EmptyState } from "~/components/ui/empty-state.tsx";
import { fill, slots } from "./fill.tsx";
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
          ? "flex min-w-16 flex-col items-center rounded-lg bg-brand-700 px-2 py-1.5 text-white dark:bg-brand-600"
          : "flex min-w-16 flex-col items-center rounded-lg px-2 py-1.5 text-stone-700 ring-1 ring-inset ring-stone-200 dark:text-stone-300 dark:ring-stone-700"
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
  const { t } = useTranslation();
  if (!rows.length) return <>{empty}</>;
  return (
    <Card>
      <ul
        className="divide-y divide-stone-200 dark:divide-stone-800"
        aria-label={t("discussions.list.label")}
      >
        {rows.map((row) => (
          <li
            key={row.id}
            className="flex gap-4 px-4 py-4 sm:px-5"
            data-testid={`thread-${row.id}`}
          >
            <div className="hidden shrink-0 flex-col gap-2 sm:flex">
              <Count
                value={row.voteCount}
                label={t("discussions.list.votesLabel", { count: row.voteCount })}
              />
              <Count
                value={row.replyCount}
                label={
                  row.kind === "question"
                    ? t("discussions.list.answersLabel", { count: row.replyCount })
                    : t("discussions.list.repliesLabel")
                }
                tone={row.solved ? "solved" : undefined}
              />
            </div>
            <div className="min-w-0 flex-1">
              <div className="flex flex-wrap items-center gap-2">
                {row.solved ? (
                  <Badge tone="brand">
                    <span aria-hidden="true">✓</span> {t("discussions.badges.solved")}
                  </Badge>
                ) : null}
                {row.kind === "discussion" ? (
                  <Badge tone="info">{t("discussions.badges.discussion")}</Badge>
                ) : null}
                {row.locked ? <Badge tone="neutral">{t("discussions.badges.locked")}</Badge> : null}
                {row.hidden ? <Badge tone="danger">{t("discussions.badges.hidden")}</Badge> : null}
                {showSpace ? <SpaceBadge space={row.space} /> : null}
              </div>
              <h3 className="mt-1 text-base font-semibold text-stone-900 dark:text-stone-100">
                <Link to={`/t/${row.id}/${row.slug}`} className="hover:underline">
                  {row.title}
                </Link>
              </h3>
              {row.excerpt ? (
                <p className="mt-1 line-clamp-2 text-sm text-stone-600 dark:text-stone-400">
                  {row.excerpt}
                </p>
              ) : null}
              <div className="mt-2 flex flex-wrap items-center gap-x-3 gap-y-1 text-xs text-stone-600 dark:text-stone-400">
                {row.tags.map((tag) => (
                  <Link
                    key={tag}
                    to={`/tags/${encodeURIComponent(tag)}`}
                    className="rounded bg-stone-100 px-1.5 py-0.5 font-medium text-stone-700 hover:bg-stone-200 dark:bg-stone-800 dark:text-stone-300 dark:hover:bg-stone-700"
                  >
                    {`#${tag}`}
                  </Link>
                ))}
                <span>
                  {fill(
                    row.kind === "question"
                      ? t("discussions.list.asked", slots("author", "time"))
                      : t("discussions.list.started", slots("author", "time")),
                    {
                      author: (
                        <Link
                          to={`/u/${row.author.handle}`}
                          className="font-medium hover:underline"
                        >
                          {row.author.displayName}
                        </Link>
                      ),
                      time: <TimeAgo iso={row.createdAt} now={now} />,
                    },
                  )}
                </span>
                {row.lastReplier ? (
                  <span>
                    {fill(t("discussions.list.lastReply", slots("name", "time")), {
                      name: (
                        <Link
                          to={`/u/${row.lastReplier.handle}`}
                          className="font-medium hover:underline"
                        >
                          {row.lastReplier.displayName}
                        </Link>
                      ),
                      time: <TimeAgo iso={row.lastActivityAt} now={now} />,
                    })}
                  </span>
                ) : null}
                <span className="sm:hidden">
                  {t("discussions.list.counts", { votes: row.voteCount, replies: row.replyCount })}
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
  const { t } = useTranslation();
  return (
    <EmptyState title={t("discussions.empty.title")} action={action}>
      {children ?? t("discussions.empty.body")}
    </EmptyState>
  );
}
