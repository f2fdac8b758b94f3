import { Link, useFetcher } from "@remix-run/react";
import { createContext, useContext, useEffect, useId, useState, type ReactNode } from "react";
import { Avatar } from "~/components/ui/avatar.tsx";
import { Badge } from "~/components/ui/badge.tsx";
import { Button, buttonClass } from "~/components/ui/button.tsx";
import { FormError, SelectField, TextAreaField, TextField } from "~/components/ui/field.tsx";
import type { z } from "zod";
import type { THREAD_INTENTS, ThreadIntent } from "~/modules/discussions/thread-intents.ts";
import { FLAG_REASON_LABELS, FLAG_REASONS, LIMITS } from "~/modules/discussions/validation.ts";
import type { PostView } from "~/modules/realtime/events.ts";
import { cn } from "~/utils/cn.ts";
import { formFields, type FieldProps } from "~/utils/form-fields.ts";
import { formatDate, TimeAgo } from "./time.tsx";

export interface ThreadContextValue {
  threadId: number;
  kind: "question" | "discussion";
  title: string;
  tags: string[];
  authorId: number;
  viewerId: number | null;
  signedIn: boolean;
  now: string;
  acceptedPostId: number | null;
  abilities: {
    reply: boolean;
    accept: boolean;
    moderate: boolean;
    seeVotes: boolean;
    vote: boolean;
    flag: boolean;
  };
  voted: Set<number>;
  sources: Record<string, string>;
  /** Posts this viewer may delete (their own; any, for moderators). */
  deletable: Set<number>;
  quote: (post: PostView, text: string) => void;
  loginHref: string;
}

export const ThreadContext = createContext<ThreadContextValue | null>(null);
const useThread = () => useContext(ThreadContext)!;

type ActionData = {
  ok?: boolean;
  intent?: string;
  formError?: string;
  fieldErrors?: Record<string, string>;
};

/** The badge beside an author's name: verified customers and the community team stand out. */
const roleBadge: Record<string, { label: string; tone: "brand" | "spot" } | null> = {
  advocate: { label: "Verified customer", tone: "brand" },
  manager: { label: "Community team", tone: "spot" },
  admin: { label: "Community team", tone: "spot" },
  prospect: null,
};

const voteBox = "vote-box";
const voteLabel = (post: PostView) =>
  `${post.voteCount} ${post.voteCount === 1 ? "vote" : "votes"}`;

function VoteButton({ post }: { post: PostView }) {
  const thread = useThread();
  const box = voteBox;
  const label = voteLabel(post);
  if (!thread.signedIn)
    return (
      <Link
        to={thread.loginHref}
        className={cn(box, "vote-box-idle")}
        aria-label={`${label}. Sign in to vote`}
      >
        <span aria-hidden="true">▲</span>
        <span data-testid="vote-count">{post.voteCount}</span>
      </Link>
    );
  return <MemberVoteButton post={post} />;
}

function MemberVoteButton({ post }: { post: PostView }) {
  const thread = useThread();
  const fetcher = useFetcher<ActionData>();
  const own = thread.viewerId === post.author.id;
  const pendingIntent = fetcher.formData?.get("intent");
  const voted = pendingIntent ? pendingIntent === "vote" : thread.voted.has(post.id);
  const box = voteBox;
  const label = voteLabel(post);
  const disabled = own || !thread.abilities.vote || post.hidden;
  return (
    <fetcher.Form method="post">
      <input type="hidden" name="intent" value={voted ? "unvote" : "vote"} />
      <input type="hidden" name="postId" value={post.id} />
      <button
        type="submit"
        disabled={disabled}
        aria-pressed={voted}
        aria-label={
          own
            ? `${label} (your post)`
            : !thread.abilities.vote
              ? `${label}. Voting opens at 15 reputation`
              : voted
                ? `${label}. Withdraw your upvote`
                : `${label}. Upvote`
        }
        title={own ? "You cannot vote on your own post" : undefined}
        className={cn(
          box,
          voted ? "vote-box-on" : "vote-box-idle",
          "disabled:cursor-not-allowed disabled:opacity-70",
        )}
      >
        <span aria-hidden="true">▲</span>
        <span data-testid="vote-count">{post.voteCount}</span>
      </button>
      {fetcher.data?.formError ? (
        <p role="alert" className="mt-1 w-24 text-xs text-red-700 dark:text-red-400">
          {fetcher.data.formError}
        </p>
      ) : null}
    </fetcher.Form>
  );
}

/** A disclosure with a small form inside (flag, hide, delete confirmation). */
function ActionPanel({
  label,
  children,
  tone = "ghost",
  testId,
}: {
  label: string;
  children: (close: () => void) => ReactNode;
  tone?: "ghost" | "danger";
  testId?: string;
}) {
  const [open, setOpen] = useState(false);
  return (
    <details
      className="group relative"
      open={open}
      onToggle={(e) => setOpen((e.target as HTMLDetailsElement).open)}
      data-testid={testId}
    >
      <summary
        className={cn(
          "cursor-pointer list-none",
          tone === "danger" ? "post-action-danger" : "post-action",
        )}
      >
        {label}
      </summary>
      {open ? (
        <div className="absolute right-0 z-20 mt-1 w-72 rounded-xl border border-stone-200 bg-white p-4 shadow-lg dark:border-stone-700 dark:bg-stone-900">
          {children(() => setOpen(false))}
        </div>
      ) : null}
    </details>
  );
}

type IntentField<K extends ThreadIntent> = (
  name: keyof z.input<(typeof THREAD_INTENTS)[K]> & string,
) => FieldProps;

function IntentForm<K extends ThreadIntent>({
  intent,
  postId,
  saved,
  children,
  onDone,
}: {
  intent: K;
  postId?: number;
  /** What the fields show before anything is typed (the post being edited). */
  saved?: Partial<Record<keyof z.input<(typeof THREAD_INTENTS)[K]> & string, string>>;
  children: (state: { busy: boolean; field: IntentField<K> }) => ReactNode;
  onDone?: () => void;
}) {
  const fetcher = useFetcher<ActionData>();
  const done = fetcher.state === "idle" && fetcher.data?.ok;
  useEffect(() => {
    if (done) onDone?.();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [done]);
  const form = formFields<z.ZodTypeAny>(fetcher.data, saved);
  const field = form.field as IntentField<K>;
  const { formError } = form;
  return (
    <fetcher.Form method="post" className="space-y-3">
      <input type="hidden" name="intent" value={intent} />
      {postId ? <input type="hidden" name="postId" value={postId} /> : null}
      <FormError message={formError} />
      {children({ busy: fetcher.state !== "idle", field })}
    </fetcher.Form>
  );
}

function ReasonForm({
  intent,
  postId,
  label,
  submit,
  onDone,
  danger,
}: {
  intent: "hide" | "unhide";
  postId?: number;
  label: string;
  submit: string;
  onDone?: () => void;
  danger?: boolean;
}) {
  return (
    <IntentForm intent={intent} postId={postId} onDone={onDone}>
      {({ busy, field }) => (
        <>
          <TextField label={label} {...field("reason")} required maxLength={LIMITS.reasonMax} />
          <Button type="submit" size="sm" variant={danger ? "danger" : "primary"} disabled={busy}>
            {submit}
          </Button>
        </>
      )}
    </IntentForm>
  );
}

function LazyList({ url, render }: { url: string; render: (data: any) => ReactNode }) {
  const fetcher = useFetcher();
  useEffect(() => {
    if (fetcher.state === "idle" && !fetcher.data) fetcher.load(url);
  }, [fetcher, url]);
  if (!fetcher.data) return <p className="text-xs text-stone-600 dark:text-stone-400">Loading…</p>;
  return <>{render(fetcher.data)}</>;
}

function PostEditor({ post, onClose }: { post: PostView; onClose: () => void }) {
  const thread = useThread();
  const source = thread.sources[String(post.id)] ?? "";
  return (
    <IntentForm
      intent="edit"
      postId={post.id}
      onDone={onClose}
      saved={{ title: thread.title, tags: thread.tags.join(", "), body: source }}
    >
      {({ busy, field }) => (
        <>
          {post.isOpening ? (
            <>
              <TextField label="Title" {...field("title")} maxLength={LIMITS.titleMax} />
              <TextField label="Tags" {...field("tags")} />
            </>
          ) : null}
          <TextAreaField label="Edit post" {...field("body")} rows={8} maxLength={LIMITS.bodyMax} />
          <div className="flex gap-2">
            <Button type="submit" size="sm" disabled={busy}>
              Save changes
            </Button>
            <Button size="sm" variant="ghost" onClick={onClose}>
              Cancel
            </Button>
          </div>
        </>
      )}
    </IntentForm>
  );
}

function AcceptButton({ post, accepted }: { post: PostView; accepted: boolean }) {
  const fetcher = useFetcher<ActionData>();
  return (
    <fetcher.Form method="post">
      <input type="hidden" name="intent" value={accepted ? "unaccept" : "accept"} />
      <input type="hidden" name="postId" value={post.id} />
      <button
        type="submit"
        disabled={fetcher.state !== "idle"}
        className={cn(accepted ? "post-action" : "post-action-brand")}
      >
        {accepted ? "Unaccept" : "Accept this answer"}
      </button>
      {fetcher.data?.formError ? (
        <span role="alert" className="ml-2 text-xs text-red-700 dark:text-red-400">
          {fetcher.data.formError}
        </span>
      ) : null}
    </fetcher.Form>
  );
}

function HelpfulButton({ post }: { post: PostView }) {
  const fetcher = useFetcher<ActionData>();
  return (
    <fetcher.Form method="post">
      <input type="hidden" name="intent" value={post.helpful ? "unhelpful" : "helpful"} />
      <input type="hidden" name="postId" value={post.id} />
      <button
        type="submit"
        disabled={fetcher.state !== "idle"}
        className="rounded-md px-2 py-1 text-xs font-medium text-amber-800 hover:bg-amber-50 dark:text-amber-300 dark:hover:bg-amber-950"
      >
        {post.helpful ? "Remove helpful mark" : "Mark helpful"}
      </button>
    </fetcher.Form>
  );
}

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
