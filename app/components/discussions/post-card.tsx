import { Link } from "@remix-run/react";
import { useId, useState } from "react";
import { Avatar } from "~/components/ui/avatar.tsx";
import { Badge } from "~/components/ui/badge.tsx";
import { Button, buttonClass } from "~/components/ui/button.tsx";
import { SelectField, TextField } from "~/components/ui/field.tsx";
import { FLAG_REASON_LABELS, FLAG_REASONS, LIMITS } from "~/modules/discussions/validation.ts";
import type { PostView } from "~/modules/realtime/events.ts";
import { cn } from "~/utils/cn.ts";
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
import { formatDate, TimeAgo } from "./time.tsx";

/** The badge beside an author's name: verified customers and the community team stand out. */
const roleBadge: Record<string, { label: string; tone: "brand" | "spot" } | null> = {
  advocate: { label: "Verified customer", tone: "brand" },
  manager: { label: "Community team", tone: "spot" },
  admin: { label: "Community team", tone: "spot" },
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
              title="Accepted answer"
            >
              <span aria-hidden="true">✓</span>
              <span className="sr-only">Accepted answer</span>
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
            {role ? <Badge tone={role.tone}>{role.label}</Badge> : null}
            {post.author.id === thread.authorId && !post.isOpening ? (
              <Badge tone="neutral">{thread.kind === "question" ? "Asker" : "Started it"}</Badge>
            ) : null}
            <span className="text-stone-500 dark:text-stone-400">
              <TimeAgo iso={post.createdAt} now={thread.now} />
            </span>
            {post.editedAt ? (
              <span
                className="text-xs text-stone-500 dark:text-stone-400"
                title={`Edited ${formatDate(post.editedAt)}`}
              >
                · edited
              </span>
            ) : null}
            {accepted ? <Badge tone="brand">Accepted answer</Badge> : null}
            {post.helpful ? <Badge tone="spot">Marked helpful</Badge> : null}
            {post.hidden ? (
              <Badge tone="danger">
                {post.hiddenReason ? `Hidden: ${post.hiddenReason}` : "Hidden"}
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
                Quote
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
                Edit
              </button>
            ) : null}
            {thread.deletable.has(post.id) ? (
              <ActionPanel label="Delete" tone="danger">
                {(close) => (
                  <IntentForm intent="delete" postId={post.id} onDone={close}>
                    {({ busy }) => (
                      <>
                        <p className="text-sm">
                          {post.isOpening
                            ? "Delete the whole thread? Replies go with it, and points it earned are taken back."
                            : "Delete this reply? Points it earned are taken back."}
                        </p>
                        <div className="flex gap-2">
                          <Button type="submit" size="sm" variant="danger" disabled={busy}>
                            Yes, delete
                          </Button>
                          <Button size="sm" variant="ghost" onClick={close}>
                            Keep it
                          </Button>
                        </div>
                      </>
                    )}
                  </IntentForm>
                )}
              </ActionPanel>
            ) : null}
            {thread.signedIn && !own && thread.abilities.flag && !post.hidden ? (
              <ActionPanel label="Flag">
                {(close) => (
                  <IntentForm intent="flag" postId={post.id} onDone={close}>
                    {({ busy, field }) => (
                      <>
                        <SelectField label="What is wrong?" {...field("reason")}>
                          <option value="" disabled>
                            Choose a reason
                          </option>
                          {FLAG_REASONS.map((r) => (
                            <option key={r} value={r}>
                              {FLAG_REASON_LABELS[r]}
                            </option>
                          ))}
                        </SelectField>
                        <TextField
                          label="Note for the moderators (optional)"
                          {...field("note")}
                          maxLength={LIMITS.flagNoteMax}
                        />
                        <Button type="submit" size="sm" disabled={busy}>
                          Send flag
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
                  <ActionPanel label="Unhide">
                    {(close) => (
                      <ReasonForm
                        intent="unhide"
                        postId={post.id}
                        label="Why unhide it?"
                        submit="Unhide"
                        onDone={close}
                      />
                    )}
                  </ActionPanel>
                ) : (
                  <ActionPanel label="Hide" tone="danger" testId={`hide-${post.id}`}>
                    {(close) => (
                      <ReasonForm
                        intent="hide"
                        postId={post.id}
                        label="Why hide it? (audit log)"
                        submit="Hide post"
                        onDone={close}
                        danger
                      />
                    )}
                  </ActionPanel>
                )}
                {!post.isOpening && !post.hidden ? <HelpfulButton post={post} /> : null}
                {post.editedAt ? (
                  <ActionPanel label="History">
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
                                    Replaced {new Date(r.createdAt).toUTCString()} by {r.editor}
                                  </p>
                                  {r.title ? <p className="italic">{r.title}</p> : null}
                                  <pre className="mt-1 whitespace-pre-wrap rounded bg-stone-100 p-2 dark:bg-stone-800">
                                    {r.bodyMd}
                                  </pre>
                                </li>
                              ))}
                            </ol>
                          ) : (
                            <p className="text-xs">No earlier versions.</p>
                          )
                        }
                      />
                    )}
                  </ActionPanel>
                ) : null}
              </>
            ) : null}
            {thread.abilities.seeVotes && post.voteCount > 0 ? (
              <ActionPanel label="Voters">
                {() => (
                  <LazyList
                    url={`/t/${thread.threadId}/voters?post=${post.id}`}
                    render={(data: { voters: { handle: string; displayName: string }[] }) => (
                      <ul
                        className="max-h-60 space-y-1 overflow-y-auto text-sm"
                        aria-label="Who voted"
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
              aria-label="Link to this post"
            >
              #
            </a>
          </footer>
        </div>
      </div>
    </article>
  );
}
