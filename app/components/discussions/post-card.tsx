import { Link } from "@remix-run/react";
import { useId, useState } from "react";
import { useTranslation } from "react-i18next";
import { Avatar } from "~/components/ui/avatar.tsx";
import { Badge } from "~/components/ui/badge.tsx";
import { Button, buttonClass } from "~/components/ui/button.tsx";
import { SelectField, TextField } from "~/components/ui/field.tsx";
import { FORMAT_TAGS } from "~/i18n/index.ts";
import { FLAG_REASONS, LIMITS } from "~/modules/discussions/validation.ts";
import type { PostView } from "~/modules/realtime/events.ts";
import { cn } from "~/utils/cn.ts";
import { dateTimeFormat } from "~/utils/format.ts";
import {
  AcceptButton,
  ActionPanel,
  HelpfulButton,
  IntentForm,
  LazyList,
  PostEditor,
  ReasonForm,
  VoteButton,
} from "./post-actions.tsx";
import { useThread } from "./thread-context.ts";
import { formatDate, TimeAgo, usePageLocale } from "./time.tsx";

/** The badge beside an author's name: verified customers and the community team stand out. */
const roleBadge: Record<string, { label: "advocate" | "team"; tone: "brand" | "spot" } | null> = {
  advocate: { label: "advocate", tone: "brand" },
  manager: { label: "team", tone: "spot" },
  admin: { label: "team", tone: "spot" },
  prospect: null,
};

/** One post: votes, body, author, and the actions this person may take. */
export function PostCard({ post, accepted = false }: { post: PostView; accepted?: boolean }) {
  const thread = useThread();
  const [editing, setEditing] = useState(false);
  const bodyId = useId();
  const own = thread.viewerId === post.author.id;
  const canEdit = String(post.id) in thread.sources;
  const isAccepted = thread.acceptedPostId === post.id;
  const role = roleBadge[post.author.role];
  const { t } = useTranslation();
  const locale = usePageLocale();
  const roleLabels = { advocate: t("thread.role.advocate"), team: t("thread.role.team") };
  const flagReasons: Record<(typeof FLAG_REASONS)[number], string> = {
    spam: t("thread.flag.reasons.spam"),
    rude: t("thread.flag.reasons.rude"),
    off_topic: t("thread.flag.reasons.offTopic"),
    needs_review: t("thread.flag.reasons.needsReview"),
    other: t("thread.flag.reasons.other"),
  };
  // English keeps the browser's own UTC stamp; other languages their own date and time.
  const replacedAt = (iso: string) =>
    locale === "en"
      ? new Date(iso).toUTCString()
      : dateTimeFormat(FORMAT_TAGS[locale], {
          dateStyle: "medium",
          timeStyle: "short",
          timeZone: "UTC",
        }).format(new Date(iso));
  return (
    <article
      id={`post-${post.id}`}
      data-testid={post.isOpening ? "opening-post" : accepted ? "accepted-answer" : "reply"}
      data-post-id={post.id}
      aria-labelledby={`${bodyId}-author`}
      className={cn(
        "post-card",
        accepted ? "post-card-accepted" : "post-card-plain",
        post.hidden &&
          "border-dashed border-red-300 bg-red-50/40 dark:border-red-800 dark:bg-red-950/20",
      )}
    >
      <div className="flex gap-4">
        <div className="flex shrink-0 flex-col items-center gap-2">
          <VoteButton post={post} />
          {isAccepted ? (
            <span
              className="flex h-8 w-8 items-center justify-center rounded-full bg-brand-700 text-white"
              title={t("thread.acceptedAnswer")}
            >
              <span aria-hidden="true">✓</span>
              <span className="sr-only">{t("thread.acceptedAnswer")}</span>
            </span>
          ) : null}
        </div>
        <div className="min-w-0 flex-1">
          <header className="flex flex-wrap items-center gap-x-2 gap-y-1 text-sm">
            <Avatar name={post.author.displayName} handle={post.author.handle} size="sm" />
            <Link
              id={`${bodyId}-author`}
              to={`/u/${post.author.handle}`}
              className="font-semibold text-stone-900 hover:underline dark:text-stone-100"
            >
              {post.author.displayName}
            </Link>
            {role ? <Badge tone={role.tone}>{roleLabels[role.label]}</Badge> : null}
            {post.author.id === thread.authorId && !post.isOpening ? (
              <Badge tone="neutral">
                {thread.kind === "question" ? t("thread.asker") : t("thread.starter")}
              </Badge>
            ) : null}
            <span className="text-stone-500 dark:text-stone-400">
              <TimeAgo iso={post.createdAt} now={thread.now} />
            </span>
            {post.editedAt ? (
              <span
                className="text-xs text-stone-500 dark:text-stone-400"
                title={t("thread.editedOn", { date: formatDate(post.editedAt, locale) })}
              >
                {t("thread.edited")}
              </span>
            ) : null}
            {accepted ? <Badge tone="brand">{t("thread.acceptedAnswer")}</Badge> : null}
            {post.helpful ? <Badge tone="spot">{t("thread.markedHelpful")}</Badge> : null}
            {post.hidden ? (
              <Badge tone="danger">
                {post.hiddenReason
                  ? t("thread.hiddenBecause", { reason: post.hiddenReason })
                  : t("thread.hidden")}
              </Badge>
            ) : null}
          </header>
          {editing ? (
            <div className="mt-3">
              <PostEditor post={post} onClose={() => setEditing(false)} />
            </div>
          ) : (
            <div
              className="prose-ll mt-3 break-words"
              data-testid="post-body"
              dangerouslySetInnerHTML={{ __html: post.html }}
            />
          )}
          <footer className="mt-3 flex flex-wrap items-center gap-1">
            {thread.abilities.reply ? (
              <button
                type="button"
                className="post-action"
                onClick={(e) => {
                  const body =
                    (
                      e.currentTarget
                        .closest("article")
                        ?.querySelector("[data-testid=post-body]") as HTMLElement | null
                    )?.innerText ?? "";
                  thread.quote(post, body);
                }}
              >
                {t("thread.actions.quote")}
              </button>
            ) : null}
            {!post.isOpening &&
            thread.kind === "question" &&
            thread.abilities.accept &&
            !post.hidden ? (
              <AcceptButton post={post} accepted={isAccepted} />
            ) : null}
            {canEdit && !editing ? (
              <button type="button" onClick={() => setEditing(true)} className="post-action">
                {t("thread.actions.edit")}
              </button>
            ) : null}
            {thread.deletable.has(post.id) ? (
              <ActionPanel label={t("thread.actions.delete")} tone="danger">
                {(close) => (
                  <IntentForm intent="delete" postId={post.id} onDone={close}>
                    {({ busy }) => (
                      <>
                        <p className="text-sm">
                          {post.isOpening
                            ? t("thread.delete.confirmThread")
                            : t("thread.delete.confirmReply")}
                        </p>
                        <div className="flex flex-wrap gap-2">
                          <Button type="submit" size="sm" variant="danger" disabled={busy}>
                            {t("thread.delete.yes")}
                          </Button>
                          <Button size="sm" variant="ghost" onClick={close}>
                            {t("thread.delete.keep")}
                          </Button>
                        </div>
                      </>
                    )}
                  </IntentForm>
                )}
              </ActionPanel>
            ) : null}
            {thread.signedIn && !own && thread.abilities.flag && !post.hidden ? (
              <ActionPanel label={t("thread.actions.flag")}>
                {(close) => (
                  <IntentForm intent="flag" postId={post.id} onDone={close}>
                    {({ busy, field }) => (
                      <>
                        <SelectField label={t("thread.flag.what")} {...field("reason")}>
                          <option value="" disabled>
                            {t("thread.flag.choose")}
                          </option>
                          {FLAG_REASONS.map((r) => (
                            <option key={r} value={r}>
                              {flagReasons[r]}
                            </option>
                          ))}
                        </SelectField>
                        <TextField
                          label={t("thread.flag.note")}
                          {...field("note")}
                          maxLength={LIMITS.flagNoteMax}
                        />
                        <Button type="submit" size="sm" disabled={busy}>
                          {t("thread.flag.send")}
                        </Button>
                      </>
                    )}
                  </IntentForm>
                )}
              </ActionPanel>
            ) : null}
            {thread.abilities.moderate ? (
              <>
                {post.hidden ? (
                  <ActionPanel label={t("thread.actions.unhide")}>
                    {(close) => (
                      <ReasonForm
                        intent="unhide"
                        postId={post.id}
                        label={t("thread.moderation.whyUnhide")}
                        submit={t("thread.actions.unhide")}
                        onDone={close}
                      />
                    )}
                  </ActionPanel>
                ) : (
                  <ActionPanel
                    label={t("thread.actions.hide")}
                    tone="danger"
                    testId={`hide-${post.id}`}
                  >
                    {(close) => (
                      <ReasonForm
                        intent="hide"
                        postId={post.id}
                        label={t("thread.moderation.whyHide")}
                        submit={t("thread.moderation.hidePost")}
                        onDone={close}
                        danger
                      />
                    )}
                  </ActionPanel>
                )}
                {!post.isOpening && !post.hidden ? <HelpfulButton post={post} /> : null}
                {post.editedAt ? (
                  <ActionPanel label={t("thread.actions.history")}>
                    {() => (
                      <LazyList
                        url={`/t/${thread.threadId}/revisions?post=${post.id}`}
                        render={(data: {
                          revisions: {
                            id: number;
                            title: string | null;
                            bodyMd: string;
                            createdAt: string;
                            editor: string;
                          }[];
                        }) =>
                          data.revisions.length ? (
                            <ol className="max-h-72 space-y-3 overflow-y-auto text-xs">
                              {data.revisions.map((r) => (
                                <li key={r.id}>
                                  <p className="font-medium">
                                    {t("thread.history.replaced", {
                                      date: replacedAt(r.createdAt),
                                      editor: r.editor,
                                    })}
                                  </p>
                                  {r.title ? <p className="italic">{r.title}</p> : null}
                                  <pre className="mt-1 whitespace-pre-wrap rounded bg-stone-100 p-2 dark:bg-stone-800">
                                    {r.bodyMd}
                                  </pre>
                                </li>
                              ))}
                            </ol>
                          ) : (
                            <p className="text-xs">{t("thread.history.none")}</p>
                          )
                        }
                      />
                    )}
                  </ActionPanel>
                ) : null}
              </>
            ) : null}
            {thread.abilities.seeVotes && post.voteCount > 0 ? (
              <ActionPanel label={t("thread.actions.voters")}>
                {() => (
                  <LazyList
                    url={`/t/${thread.threadId}/voters?post=${post.id}`}
                    render={(data: { voters: { handle: string; displayName: string }[] }) => (
                      <ul
                        className="max-h-60 space-y-1 overflow-y-auto text-sm"
                        aria-label={t("thread.votes.whoVoted")}
                      >
                        {data.voters.map((v) => (
                          <li key={v.handle}>
                            <Link to={`/u/${v.handle}`} className="hover:underline">
                              {v.displayName}
                            </Link>
                          </li>
                        ))}
                      </ul>
                    )}
                  />
                )}
              </ActionPanel>
            ) : null}
            <a
              href={`#post-${post.id}`}
              className={buttonClass("ghost", "sm", "ml-auto px-2 py-1 text-xs text-stone-500")}
              aria-label={t("thread.actions.link")}
            >
              #
            </a>
          </footer>
        </div>
      </div>
    </article>
  );
}
