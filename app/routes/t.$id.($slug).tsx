import {
  json,
  redirect,
  type ActionFunctionArgs,
  type LinksFunction,
  type LoaderFunctionArgs,
  type MetaFunction,
} from "@remix-run/node";
import { Link, useFetcher, useLoaderData } from "@remix-run/react";
import { useCallback, useEffect, useMemo, useRef } from "react";
import { z } from "zod";
import { Container } from "~/components/app-shell.tsx";
import codeStyles from "~/components/discussions/code.css?url";
import {
  describePresence,
  describeTyping,
  useLiveThread,
} from "~/components/discussions/live-thread.ts";
import { MarkdownHelp } from "~/components/discussions/markdown-help.tsx";
import {
  PostCard,
  ThreadContext,
  type ThreadContextValue,
} from "~/components/discussions/post-card.tsx";
import { SpaceBadge } from "~/components/discussions/space-badge.tsx";
import { TimeAgo } from "~/components/discussions/time.tsx";
import { useNonce } from "~/components/nonce.ts";
import { Badge } from "~/components/ui/badge.tsx";
import { Button, ButtonLink } from "~/components/ui/button.tsx";
import { Card } from "~/components/ui/card.tsx";
import { FormError, SelectField, TextAreaField, TextField } from "~/components/ui/field.tsx";
import { NotFoundError } from "~/modules/auth/errors.ts";
import { acceptAnswer, unacceptAnswer } from "~/modules/discussions/answers.server.ts";
import {
  hidePost,
  flagPost,
  moveThread,
  setHelpful,
  setThreadLocked,
  unhidePost,
} from "~/modules/discussions/moderation.server.ts";
import type { Outbox } from "~/modules/discussions/outbox.ts";
import { createReply, deletePost, editPost } from "~/modules/discussions/posts.server.ts";
import { getThreadPage } from "~/modules/discussions/read.server.ts";
import { listAllSpaces } from "~/modules/discussions/spaces.server.ts";
import { excerpt, htmlToText, quoteMarkdown } from "~/modules/discussions/text.ts";
import {
  bodySchema,
  FLAG_REASONS,
  idParam,
  LIMITS,
  normaliseTags,
  reasonSchema,
  titleSchema,
} from "~/modules/discussions/validation.ts";
import { castVote, withdrawVote } from "~/modules/discussions/votes.server.ts";
import type { PostView } from "~/modules/realtime/events.ts";
import { getViewer, requireUser } from "~/utils/auth.server.ts";
import { formErrors, parseForm } from "~/utils/forms.ts";
import { answerDomainError, notFound } from "~/utils/http.server.ts";
import { forwardSharedCache, sharedWhenAnonymous } from "~/utils/shared-cache.ts";
import { redirectWithToast } from "~/utils/toast.server.ts";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: codeStyles }];

// A visitor's page is every visitor's page: the server may share it until the thread changes.
export const headers = forwardSharedCache;

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const threadId = idParam(params.id);
  if (!threadId) throw notFound("We could not find that thread.");
  const viewer = await getViewer(request, context);
  const url = new URL(request.url);
  let page;
  try {
    page = await getThreadPage(context.db, viewer, threadId, {
      after: idParam(url.searchParams.get("after")),
      before: idParam(url.searchParams.get("before")),
      last: url.searchParams.has("last"),
    });
  } catch (error) {
    if (error instanceof NotFoundError) throw notFound(error.message);
    throw error;
  }
  const { thread } = page;
  if (params.slug !== thread.slug) {
    url.searchParams.delete("_data");
    const search = url.searchParams.toString();
    throw redirect(`/t/${thread.id}/${thread.slug}${search ? `?${search}` : ""}`, 301);
  }
  const spaces = page.abilities.moderate
    ? (await listAllSpaces(context.db)).map((s) => ({ id: s.id, name: s.name }))
    : [];
  return json(
    {
      thread: {
        id: thread.id,
        kind: thread.kind,
        title: thread.title,
        slug: thread.slug,
        tags: thread.tags,
        authorId: thread.authorId,
        replyCount: thread.replyCount,
        acceptedPostId: thread.acceptedPostId,
        locked: thread.lockedAt !== null,
        hidden: thread.hiddenAt !== null,
        createdAt: thread.createdAt.toISOString(),
        space: {
          id: thread.space.id,
          slug: thread.space.slug,
          name: thread.space.name,
          colour: thread.space.colour,
          visibility: thread.space.visibility,
        },
        seq: thread.changeSeq,
      },
      opening: page.opening,
      accepted: page.accepted,
      replies: page.replies,
      cursors: page.cursors,
      viewerVotes: page.viewerVotes,
      abilities: page.abilities,
      sources: page.sources,
      deletable: page.deletable,
      spaces,
      viewer: viewer ? { id: viewer.id } : null,
      description: excerpt(htmlToText(page.opening.html), 160),
      canonical: `${context.env.PUBLIC_URL}/t/${thread.id}/${thread.slug}`,
      now: new Date().toISOString(),
    },
    { headers: sharedWhenAnonymous(viewer, [`thread:${thread.id}`]) },
  );
}

const postId = z.coerce.number().int().positive();
const ActionSchema = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("reply"), body: bodySchema }),
  z.object({
    intent: z.literal("edit"),
    postId,
    body: bodySchema,
    title: titleSchema.optional(),
    tags: z.string().max(300).optional(),
  }),
  z.object({ intent: z.literal("delete"), postId }),
  z.object({ intent: z.literal("vote"), postId }),
  z.object({ intent: z.literal("unvote"), postId }),
  z.object({ intent: z.literal("accept"), postId }),
  z.object({ intent: z.literal("unaccept") }),
  z.object({
    intent: z.literal("flag"),
    postId,
    reason: z.enum(FLAG_REASONS, { errorMap: () => ({ message: "Choose a reason." }) }),
    note: z
      .string()
      .trim()
      .max(LIMITS.flagNoteMax, "Keep the note under 500 characters.")
      .optional(),
  }),
  z.object({ intent: z.literal("hide"), postId, reason: reasonSchema }),
  z.object({ intent: z.literal("unhide"), postId, reason: reasonSchema }),
  z.object({ intent: z.literal("lock"), reason: reasonSchema }),
  z.object({ intent: z.literal("unlock"), reason: reasonSchema }),
  z.object({
    intent: z.literal("move"),
    spaceId: z.coerce.number({ invalid_type_error: "Choose a space." }).int().positive(),
    reason: reasonSchema,
  }),
  z.object({ intent: z.literal("helpful"), postId }),
  z.object({ intent: z.literal("unhelpful"), postId }),
]);

export async function action({ request, context, params }: ActionFunctionArgs) {
  const threadId = idParam(params.id);
  if (!threadId) throw notFound("We could not find that thread.");
  await requireUser(request, context);
  const viewer = await getViewer(request, context);
  const parsed = parseForm(ActionSchema, await request.formData());
  if (!parsed.ok)
    return formErrors({
      fieldErrors: parsed.fieldErrors,
      formError: Object.values(parsed.fieldErrors)[0],
    });
  const input = parsed.data;
  const { db } = context;
  const done = (outbox: Outbox, extra: Record<string, unknown> = {}) => {
    outbox.deliver(context.realtime);
    return json({ ok: true as const, intent: input.intent, ...extra });
  };
  try {
    switch (input.intent) {
      case "reply": {
        const result = await createReply(db, viewer, threadId, input.body);
        return done(result.outbox, { postId: result.postId });
      }
      case "edit": {
        const result = await editPost(db, viewer, input.postId, {
          body: input.body,
          title: input.title,
          tags:
            input.tags === undefined
              ? undefined
              : normaliseTags(input.tags).slice(0, LIMITS.tagsMax),
        });
        return done(result.outbox);
      }
      case "delete": {
        const result = await deletePost(db, viewer, input.postId);
        if (result.threadDeleted) {
          result.outbox.deliver(context.realtime);
          return redirectWithToast(`/s/${result.thread.spaceSlug}`, {
            kind: "success",
            title: "The thread was deleted",
          });
        }
        return done(result.outbox);
      }
      case "vote":
        return done((await castVote(db, viewer, input.postId)).outbox);
      case "unvote":
        return done((await withdrawVote(db, viewer, input.postId)).outbox);
      case "accept":
        return done((await acceptAnswer(db, viewer, threadId, input.postId)).outbox);
      case "unaccept":
        return done((await unacceptAnswer(db, viewer, threadId)).outbox);
      case "flag":
        await flagPost(db, viewer, input.postId, { reason: input.reason, note: input.note });
        return json({
          ok: true as const,
          intent: input.intent,
          message: "Thanks: a moderator will look at it.",
        });
      case "hide":
        return done((await hidePost(db, viewer, input.postId, input.reason)).outbox);
      case "unhide":
        return done((await unhidePost(db, viewer, input.postId, input.reason)).outbox);
      case "lock":
      case "unlock":
        return done(
          (await setThreadLocked(db, viewer, threadId, input.intent === "lock", input.reason))
            .outbox,
        );
      case "move": {
        const result = await moveThread(db, viewer, threadId, input.spaceId, input.reason);
        return done(result.outbox, { spaceSlug: result.spaceSlug });
      }
      case "helpful":
      case "unhelpful":
        return done(
          (await setHelpful(db, viewer, input.postId, input.intent === "helpful")).outbox,
        );
    }
  } catch (error) {
    return answerDomainError(error);
  }
}

export const meta: MetaFunction<typeof loader> = ({ data }) => {
  if (!data) return [{ title: "Thread not found · Limelight" }];
  const { thread, description, canonical } = data;
  const tags: Record<string, string>[] = [
    { title: `${thread.title} · ${thread.space.name} · Limelight` },
    { name: "description", content: description },
    { property: "og:type", content: "article" },
    { property: "og:title", content: thread.title },
    { property: "og:description", content: description },
    { property: "og:url", content: canonical },
    { property: "og:site_name", content: "Limelight" },
    { name: "twitter:card", content: "summary" },
    { name: "twitter:title", content: thread.title },
    { name: "twitter:description", content: description },
    { tagName: "link", rel: "canonical", href: canonical },
  ];
  if (thread.space.visibility !== "public" || thread.hidden)
    tags.push({ name: "robots", content: "noindex" });
  return tags;
};

/** schema.org QAPage for questions, so search engines show the accepted answer. */
function QuestionJsonLd({
  thread,
  opening,
  accepted,
  replies,
  canonical,
}: {
  thread: { title: string; replyCount: number; createdAt: string };
  opening: PostView;
  accepted: PostView | null;
  replies: PostView[];
  canonical: string;
}) {
  const nonce = useNonce();
  const answer = (p: PostView) => ({
    "@type": "Answer",
    text: excerpt(htmlToText(p.html), 1_000),
    upvoteCount: p.voteCount,
    dateCreated: p.createdAt,
    url: `${canonical}#post-${p.id}`,
    author: { "@type": "Person", name: p.author.displayName, url: `/u/${p.author.handle}` },
  });
  const data = {
    "@context": "https://schema.org",
    "@type": "QAPage",
    mainEntity: {
      "@type": "Question",
      name: thread.title,
      text: excerpt(htmlToText(opening.html), 1_000),
      answerCount: thread.replyCount,
      upvoteCount: opening.voteCount,
      dateCreated: opening.createdAt,
      author: {
        "@type": "Person",
        name: opening.author.displayName,
        url: `/u/${opening.author.handle}`,
      },
      ...(accepted ? { acceptedAnswer: answer(accepted) } : {}),
      suggestedAnswer: replies
        .filter((r) => r.id !== accepted?.id)
        .slice(0, 10)
        .map(answer),
    },
  };
  return (
    <script
      type="application/ld+json"
      nonce={nonce}
      suppressHydrationWarning
      dangerouslySetInnerHTML={{ __html: JSON.stringify(data).replace(/</g, "\\u003c") }}
    />
  );
}

function ReplyBox({ onTyping }: { onTyping: () => void }) {
  const fetcher = useFetcher<{
    ok?: boolean;
    intent?: string;
    formError?: string;
    fieldErrors?: Record<string, string>;
  }>();
  const formRef = useRef<HTMLFormElement>(null);
  const posted = fetcher.state === "idle" && fetcher.data?.ok && fetcher.data.intent === "reply";
  useEffect(() => {
    if (posted) formRef.current?.reset();
  }, [posted, fetcher.data]);
  return (
    <fetcher.Form method="post" ref={formRef} className="space-y-3">
      <input type="hidden" name="intent" value="reply" />
      <FormError message={fetcher.data?.fieldErrors ? null : fetcher.data?.formError} />
      <TextAreaField
        data-reply-box=""
        label="Your reply"
        name="body"
        rows={6}
        maxLength={LIMITS.bodyMax}
        error={fetcher.data?.fieldErrors?.body}
        onInput={onTyping}
        hint={<MarkdownHelp />}
      />
      <div className="flex justify-end">
        <Button type="submit" disabled={fetcher.state !== "idle"}>
          {fetcher.state !== "idle" ? "Posting…" : "Post reply"}
        </Button>
      </div>
    </fetcher.Form>
  );
}

function ModeratorPanel({
  spaces,
  currentSpaceId,
  locked,
}: {
  spaces: { id: number; name: string }[];
  currentSpaceId: number;
  locked: boolean;
}) {
  const lock = useFetcher<{
    ok?: boolean;
    formError?: string;
    fieldErrors?: Record<string, string>;
  }>();
  const move = useFetcher<{
    ok?: boolean;
    formError?: string;
    fieldErrors?: Record<string, string>;
  }>();
  return (
    <Card className="p-5">
      <h2 className="text-sm font-semibold uppercase tracking-wide text-stone-600 dark:text-stone-400">
        Moderation
      </h2>
      <div className="mt-4 grid gap-6 md:grid-cols-2">
        <lock.Form method="post" className="space-y-3">
          <input type="hidden" name="intent" value={locked ? "unlock" : "lock"} />
          <FormError message={lock.data?.formError} />
          <TextField
            label={locked ? "Why unlock it?" : "Why lock it?"}
            name="reason"
            required
            maxLength={LIMITS.reasonMax}
            error={lock.data?.fieldErrors?.reason}
          />
          <Button type="submit" size="sm" variant="secondary" disabled={lock.state !== "idle"}>
            {locked ? "Unlock thread" : "Lock thread"}
          </Button>
        </lock.Form>
        <move.Form method="post" className="space-y-3">
          <input type="hidden" name="intent" value="move" />
          <FormError message={move.data?.formError} />
          <SelectField
            label="Move to space"
            name="spaceId"
            defaultValue=""
            error={move.data?.fieldErrors?.spaceId}
          >
            <option value="" disabled>
              Choose a space
            </option>
            {spaces
              .filter((s) => s.id !== currentSpaceId)
              .map((s) => (
                <option key={s.id} value={s.id}>
                  {s.name}
                </option>
              ))}
          </SelectField>
          <TextField
            label="Why move it?"
            name="reason"
            required
            maxLength={LIMITS.reasonMax}
            error={move.data?.fieldErrors?.reason}
          />
          <Button type="submit" size="sm" variant="secondary" disabled={move.state !== "idle"}>
            Move thread
          </Button>
        </move.Form>
      </div>
    </Card>
  );
}

export default function ThreadPage() {
  const data = useLoaderData<typeof loader>();
  const { thread } = data;
  const input = useMemo(
    () => ({
      threadId: thread.id,
      seq: thread.seq,
      opening: data.opening,
      accepted: data.accepted,
      replies: data.replies,
      acceptedPostId: thread.acceptedPostId,
      locked: thread.locked,
      replyCount: thread.replyCount,
      space: { slug: thread.space.slug, name: thread.space.name },
      onLastPage: data.cursors.newer === null,
    }),
    [data, thread],
  );
  const { state, sendTyping } = useLiveThread(input);
  const voted = useMemo(() => new Set(data.viewerVotes), [data.viewerVotes]);
  const deletable = useMemo(() => new Set(data.deletable), [data.deletable]);
  const quote = useCallback((post: PostView, text: string) => {
    const box = document.querySelector<HTMLTextAreaElement>("textarea[data-reply-box]");
    if (!box) return;
    const addition = quoteMarkdown(post.author.handle, text.trim());
    box.value = box.value ? `${box.value.trimEnd()}\n\n${addition}` : addition;
    box.focus();
    box.setSelectionRange(box.value.length, box.value.length);
  }, []);

  const context: ThreadContextValue = {
    threadId: thread.id,
    kind: thread.kind,
    title: thread.title,
    tags: thread.tags,
    authorId: thread.authorId,
    viewerId: data.viewer?.id ?? null,
    signedIn: Boolean(data.viewer),
    now: data.now,
    acceptedPostId: state.acceptedPostId,
    abilities: {
      ...data.abilities,
      reply: data.abilities.reply && (!state.locked || data.abilities.moderate),
    },
    voted,
    sources: data.sources,
    deletable,
    quote,
    loginHref: `/login?redirectTo=${encodeURIComponent(`/t/${thread.id}/${thread.slug}`)}`,
  };

  if (state.gone)
    return (
      <Container className="max-w-3xl">
        <Card className="p-8 text-center" role="status">
          <h1 className="text-xl font-semibold">This thread is no longer available to you</h1>
          <p className="mt-2 text-stone-600 dark:text-stone-400">
            It was moved, hidden or deleted while you were reading.
          </p>
          <ButtonLink to="/discussions" className="mt-6">
            Back to discussions
          </ButtonLink>
        </Card>
      </Container>
    );

  const presence = describePresence(state.presence);
  const typing = describeTyping(state.typing);
  const listed = state.replies.filter((r) => r.id !== state.acceptedPostId || !state.accepted);
  const isQuestion = thread.kind === "question";
  const replyWord = isQuestion ? "answer" : "reply";

  return (
    <ThreadContext.Provider value={context}>
      <Container className="max-w-4xl">
        {isQuestion ? (
          <QuestionJsonLd
            thread={thread}
            opening={state.opening}
            accepted={state.accepted}
            replies={state.replies}
            canonical={data.canonical}
          />
        ) : null}
        <nav aria-label="Breadcrumb" className="text-sm text-stone-600 dark:text-stone-400">
          <Link to="/discussions" className="hover:underline">
            Discussions
          </Link>{" "}
          <span aria-hidden="true">›</span>{" "}
          <SpaceBadge space={{ ...state.space, colour: thread.space.colour }} />
        </nav>
        <header className="mt-3">
          <h1 className="text-2xl font-bold tracking-tight text-stone-900 sm:text-3xl dark:text-white">
            {thread.title}
          </h1>
          <div className="mt-2 flex flex-wrap items-center gap-2 text-sm text-stone-600 dark:text-stone-400">
            <Badge tone={isQuestion ? "neutral" : "info"}>
              {isQuestion ? "Question" : "Discussion"}
            </Badge>
            {state.acceptedPostId ? (
              <Badge tone="brand">
                <span aria-hidden="true">✓</span> Solved
              </Badge>
            ) : null}
            {state.locked ? <Badge tone="neutral">Locked</Badge> : null}
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
              Asked <TimeAgo iso={thread.createdAt} now={data.now} />
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

        <div className="mt-4 space-y-6">
          <PostCard post={state.opening} />

          {state.accepted ? (
            <section
              aria-labelledby="accepted-heading"
              className="space-y-2"
              data-testid="accepted-section"
            >
              <h2
                id="accepted-heading"
                className="text-sm font-semibold uppercase tracking-wide text-brand-800 dark:text-brand-300"
              >
                Accepted answer
              </h2>
              <PostCard post={state.accepted} accepted />
            </section>
          ) : null}

          <section aria-labelledby="replies-heading" className="space-y-4">
            <h2 id="replies-heading" className="text-lg font-semibold">
              {`${state.replyCount} ${state.replyCount === 1 ? replyWord : `${replyWord}s`}`}
            </h2>
            {data.cursors.older ? (
              <Link
                to={`?before=${data.cursors.older}`}
                className="text-sm font-medium text-brand-700 underline dark:text-brand-300"
                rel="prev"
              >
                ← Earlier {replyWord}s
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
            ) : !state.accepted ? (
              <p className="rounded-xl border border-dashed border-stone-300 p-6 text-center text-sm text-stone-600 dark:border-stone-700 dark:text-stone-400">
                {isQuestion
                  ? "No answers yet. Know the answer? Help a peer out."
                  : "No replies yet. Start the conversation."}
              </p>
            ) : null}
            {data.cursors.newer ? (
              <div className="flex flex-wrap gap-4 text-sm">
                <Link
                  to={`?after=${data.cursors.newer}`}
                  className="font-medium text-brand-700 underline dark:text-brand-300"
                  rel="next"
                >
                  Later {replyWord}s →
                </Link>
                <Link
                  to="?last"
                  className="font-medium text-brand-700 underline dark:text-brand-300"
                >
                  Jump to the newest
                </Link>
              </div>
            ) : null}
            {state.newElsewhere > 0 ? (
              <p
                role="status"
                className="rounded-lg bg-brand-50 px-4 py-2 text-sm text-brand-900 dark:bg-brand-900/30 dark:text-brand-100"
              >
                {state.newElsewhere} new {state.newElsewhere === 1 ? replyWord : `${replyWord}s`}{" "}
                since you opened this page.{" "}
                <Link to="?last" className="font-medium underline">
                  Show the newest
                </Link>
              </p>
            ) : null}
          </section>

          <p
            aria-live="polite"
            className="min-h-5 text-sm italic text-stone-600 dark:text-stone-400"
            data-testid="typing"
          >
            {typing}
          </p>

          <section aria-label="Reply">
            {context.abilities.reply ? (
              <Card className="p-5">
                <ReplyBox onTyping={sendTyping} />
              </Card>
            ) : state.locked ? (
              <Card className="p-5 text-sm text-stone-700 dark:text-stone-300">
                This thread is locked: it no longer takes new {replyWord}s.
              </Card>
            ) : !data.viewer ? (
              <Card className="flex flex-wrap items-center justify-between gap-3 p-5 text-sm">
                <span>
                  Sign in to {isQuestion ? "answer" : "reply"}, vote or ask your own question.
                </span>
                <ButtonLink to={context.loginHref} size="sm">
                  Sign in
                </ButtonLink>
              </Card>
            ) : (
              <Card className="p-5 text-sm text-stone-700 dark:text-stone-300">
                Replies in this space are open to verified customers.
              </Card>
            )}
          </section>

          {data.abilities.moderate ? (
            <ModeratorPanel
              spaces={data.spaces}
              currentSpaceId={thread.space.id}
              locked={state.locked}
            />
          ) : null}
        </div>
      </Container>
    </ThreadContext.Provider>
  );
}
