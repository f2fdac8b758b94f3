import { Link, useFetcher } from "@remix-run/react";
import type { TFunction } from "i18next";
import { useEffect, useState, type ReactNode } from "react";
import { useTranslation } from "react-i18next";
import type { z } from "zod";
import { Button } from "~/components/ui/button.tsx";
import { FormError, TextAreaField, TextField } from "~/components/ui/field.tsx";
import type { THREAD_INTENTS, ThreadIntent } from "~/modules/discussions/thread-intents.ts";
import { LIMITS } from "~/modules/discussions/validation.ts";
import type { PostView } from "~/modules/realtime/events.ts";
import { cn } from "~/utils/cn.ts";
import { formFields, type FieldProps } from "~/utils/form-fields.ts";
import { useThread } from "./thread-context.ts";

// The controls on a post card: its vote box, its small forms and their panels.

export type ActionData = {
  ok?: boolean;
  intent?: string;
  formError?: string;
  fieldErrors?: Record<string, string>;
};

const voteBox = "vote-box";
const voteLabel = (post: PostView, t: TFunction) =>
  t("thread.votes.count", { count: post.voteCount });

export function VoteButton({ post }: { post: PostView }) {
  const thread = useThread();
  const { t } = useTranslation();
  const box = voteBox;
  const label = voteLabel(post, t);
  if (!thread.signedIn)
    return (
      <Link
        to={thread.loginHref}
        className={cn(box, "vote-box-idle")}
        aria-label={t("thread.votes.signInToVote", { label })}
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
  const { t } = useTranslation();
  const own = thread.viewerId === post.author.id;
  const pendingIntent = fetcher.formData?.get("intent");
  const voted = pendingIntent ? pendingIntent === "vote" : thread.voted.has(post.id);
  const box = voteBox;
  const label = voteLabel(post, t);
  const disabled = own || !thread.abilities.vote || post.hidden;
  const hint = !own && !thread.abilities.vote ? thread.voteHint : null;
  const hintId = `vote-hint-${post.id}`;
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
            ? t("thread.votes.ownPost", { label })
            : hint
              ? label
              : voted
                ? t("thread.votes.withdraw", { label })
                : t("thread.votes.upvote", { label })
        }
        aria-describedby={hint ? hintId : undefined}
        title={own ? t("thread.votes.cannotVoteOwn") : undefined}
        className={cn(
          box,
          voted ? "vote-box-on" : "vote-box-idle",
          "disabled:cursor-not-allowed disabled:opacity-70",
        )}
      >
        <span aria-hidden="true">▲</span>
        <span data-testid="vote-count">{post.voteCount}</span>
      </button>
      {hint ? (
        <p
          id={hintId}
          data-testid="vote-hint"
          className="mt-1 w-16 hyphens-auto break-words text-center text-xs leading-tight text-stone-600 dark:text-stone-400"
        >
          {hint}
        </p>
      ) : null}
      {fetcher.data?.formError ? (
        <p role="alert" className="mt-1 w-24 text-xs text-red-700 dark:text-red-400">
          {fetcher.data.formError}
        </p>
      ) : null}
    </fetcher.Form>
  );
}

/** A disclosure with a small form inside (flag, hide, delete confirmation). */
export function ActionPanel({
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

export function IntentForm<K extends ThreadIntent>({
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

export function ReasonForm({
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

export function LazyList({ url, render }: { url: string; render: (data: any) => ReactNode }) {
  const fetcher = useFetcher();
  const { t } = useTranslation();
  useEffect(() => {
    if (fetcher.state === "idle" && !fetcher.data) fetcher.load(url);
  }, [fetcher, url]);
  if (!fetcher.data)
    return <p className="text-xs text-stone-600 dark:text-stone-400">{t("thread.loading")}</p>;
  return <>{render(fetcher.data)}</>;
}

export function PostEditor({ post, onClose }: { post: PostView; onClose: () => void }) {
  const thread = useThread();
  const source = thread.sources[String(post.id)] ?? "";
  const { t } = useTranslation();
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
              <TextField
                label={t("composer.title")}
                {...field("title")}
                maxLength={LIMITS.titleMax}
              />
              <TextField label={t("composer.tags")} {...field("tags")} />
            </>
          ) : null}
          <TextAreaField
            label={t("thread.edit.label")}
            {...field("body")}
            rows={8}
            maxLength={LIMITS.bodyMax}
          />
          <div className="flex flex-wrap gap-2">
            <Button type="submit" size="sm" disabled={busy}>
              {t("thread.edit.save")}
            </Button>
            <Button size="sm" variant="ghost" onClick={onClose}>
              {t("composer.cancel")}
            </Button>
          </div>
        </>
      )}
    </IntentForm>
  );
}

export function AcceptButton({ post, accepted }: { post: PostView; accepted: boolean }) {
  const fetcher = useFetcher<ActionData>();
  const { t } = useTranslation();
  return (
    <fetcher.Form method="post">
      <input type="hidden" name="intent" value={accepted ? "unaccept" : "accept"} />
      <input type="hidden" name="postId" value={post.id} />
      <button
        type="submit"
        disabled={fetcher.state !== "idle"}
        className={cn(accepted ? "post-action" : "post-action-brand")}
      >
        {accepted ? t("thread.actions.unaccept") : t("thread.actions.accept")}
      </button>
      {fetcher.data?.formError ? (
        <span role="alert" className="ml-2 text-xs text-red-700 dark:text-red-400">
          {fetcher.data.formError}
        </span>
      ) : null}
    </fetcher.Form>
  );
}

export function HelpfulButton({ post }: { post: PostView }) {
  const fetcher = useFetcher<ActionData>();
  const { t } = useTranslation();
  return (
    <fetcher.Form method="post">
      <input type="hidden" name="intent" value={post.helpful ? "unhelpful" : "helpful"} />
      <input type="hidden" name="postId" value={post.id} />
      <button
        type="submit"
        disabled={fetcher.state !== "idle"}
        className="rounded-md px-2 py-1 text-xs font-medium text-amber-800 hover:bg-amber-50 dark:text-amber-300 dark:hover:bg-amber-950"
      >
        {post.helpful ? t("thread.actions.unmarkHelpful") : t("thread.actions.markHelpful")}
      </button>
    </fetcher.Form>
  );
}
