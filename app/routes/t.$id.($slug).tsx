import {
  json,
  redirect,
  type ActionFunctionArgs,
  type LinksFunction,
  type LoaderFunctionArgs,
  type MetaFunction,
} from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useMemo } from "react";
import { useTranslation } from "react-i18next";
import { Container } from "~/components/app-shell.tsx";
import codeStyles from "~/components/discussions/code.css?url";
import {
  describePresence,
  describeTyping,
  liveThreadInput,
  useLiveThread,
} from "~/components/discussions/live-thread.ts";
import { ModeratorPanel } from "~/components/discussions/moderator-panel.tsx";
import { PostCard } from "~/components/discussions/post-card.tsx";
import { QuestionJsonLd } from "~/components/discussions/question-json-ld.tsx";
import { ReplyArea, ThreadGone } from "~/components/discussions/reply-area.tsx";
import { ThreadContext, useThreadContext } from "~/components/discussions/thread-context.ts";
import { ThreadHeader } from "~/components/discussions/thread-header.tsx";
import { ThreadReplies, TypingNotice } from "~/components/discussions/thread-replies.tsx";
import { usePageLocale } from "~/components/discussions/time.tsx";
import { i18nFor, localeOfMatches } from "~/i18n/index.ts";
import { localeOf } from "~/i18n/locale.server.ts";
import { PRIVILEGES } from "~/modules/access/privileges.ts";
import { acceptAnswer, unacceptAnswer } from "~/modules/discussions/answers.server.ts";
import { flagPost } from "~/modules/discussions/flags.server.ts";
import {
  hidePost,
  moveThread,
  setHelpful,
  setThreadLocked,
  unhidePost,
} from "~/modules/discussions/moderation.server.ts";
import { createReply, deletePost, editPost } from "~/modules/discussions/posts.server.ts";
import { getThreadPage } from "~/modules/discussions/read.server.ts";
import { THREAD_INTENTS } from "~/modules/discussions/thread-intents.ts";
import { threadMetaTags } from "~/modules/discussions/thread-meta.ts";
import { moveTargets, toThreadPageView } from "~/modules/discussions/thread-page.server.ts";
import { recordThreadView } from "~/modules/discussions/thread-views.server.ts";
import { LIMITS, normaliseTags } from "~/modules/discussions/validation.ts";
import { localiseFormErrors } from "~/modules/discussions/validation-messages.ts";
import { castVote, withdrawVote } from "~/modules/discussions/votes.server.ts";
import { getViewer, requireUser } from "~/utils/auth.server.ts";
import { commandContext } from "~/utils/command.server.ts";
import { formErrors, parseIntent } from "~/utils/forms.ts";
import { answerDomainError, orErrorPage } from "~/utils/http.server.ts";
import { idParam, parseId } from "~/utils/params.ts";
import { forwardSharedCache, sharedWhenAnonymous } from "~/utils/shared-cache.ts";
import { redirectWithToast } from "~/utils/toast.server.ts";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: codeStyles }];

// A visitor's page is every visitor's page: the server may share it until the thread changes.
export const headers = forwardSharedCache;

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const threadId = idParam(params.id);
  const viewer = await getViewer(request, context);
  const url = new URL(request.url);
  const page = await orErrorPage(
    getThreadPage(context.db, viewer, threadId, {
      after: parseId(url.searchParams.get("after")),
      before: parseId(url.searchParams.get("before")),
      last: url.searchParams.has("last"),
    }),
  );
  const { thread } = page;
  if (params.slug !== thread.slug) {
    url.searchParams.delete("_data");
    const search = url.searchParams.toString();
    throw redirect(`/t/${thread.id}/${thread.slug}${search ? `?${search}` : ""}`, 301);
  }
  const spaces = await moveTargets(context.db, page);
  const now = new Date();
  // Signed-in readers only: the mail sweep skips replies they have read here.
  if (viewer)
    await recordThreadView(context.db, viewer.id, { id: thread.id, seq: thread.changeSeq }, now);
  const view = toThreadPageView(page, { viewer, spaces, origin: context.env.PUBLIC_URL, now });
  // Why the vote buttons are greyed, in the reader's language (only signed-in readers get one).
  if (view.voteHint && viewer) {
    const { t } = i18nFor(await localeOf(request, context));
    const vote = PRIVILEGES.vote;
    view.voteHint =
      vote.roles && !vote.roles.includes(viewer.role)
        ? t("thread.votes.hintVerified")
        : t("thread.votes.hintReputation", {
            threshold: viewer.privilegeThresholds?.vote ?? vote.defaultThreshold,
          });
  }
  return json(view, { headers: sharedWhenAnonymous(viewer, [`thread:${thread.id}`]) });
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const threadId = idParam(params.id);
  await requireUser(request, context);
  const parsed = parseIntent(await request.formData(), THREAD_INTENTS);
  const { t } = i18nFor(await localeOf(request, context));
  if (!parsed.ok) {
    const refused = localiseFormErrors(parsed, t);
    return formErrors({
      fieldErrors: refused.fieldErrors,
      values: refused.values,
      formError: refused.formError ?? Object.values(refused.fieldErrors)[0],
    });
  }
  const run = await commandContext(request, context);
  const done = (extra: Record<string, unknown> = {}) =>
    json({ ok: true as const, intent: parsed.intent, ...extra });
  try {
    switch (parsed.intent) {
      case "reply": {
        const { postId } = await createReply(run, { threadId, body: parsed.data.body });
        return done({ postId });
      }
      case "edit": {
        const { postId, body, title, tags } = parsed.data;
        await editPost(run, {
          postId,
          body,
          title,
          tags: tags === undefined ? undefined : normaliseTags(tags).slice(0, LIMITS.tagsMax),
        });
        return done();
      }
      case "delete": {
        const result = await deletePost(run, { postId: parsed.data.postId });
        if (result.threadDeleted)
          return redirectWithToast(`/s/${result.thread.spaceSlug}`, {
            kind: "success",
            title: t("thread.deleted"),
          });
        return done();
      }
      case "vote":
        await castVote(run, parsed.data);
        return done();
      case "unvote":
        await withdrawVote(run, parsed.data);
        return done();
      case "accept":
        await acceptAnswer(run, { threadId, postId: parsed.data.postId });
        return done();
      case "unaccept":
        await unacceptAnswer(run, { threadId });
        return done();
      case "flag":
        await flagPost(run, parsed.data);
        return done({ message: t("thread.flag.thanks") });
      case "hide":
        await hidePost(run, parsed.data);
        return done();
      case "unhide":
        await unhidePost(run, parsed.data);
        return done();
      case "lock":
      case "unlock":
        await setThreadLocked(run, {
          threadId,
          locked: parsed.intent === "lock",
          reason: parsed.data.reason,
        });
        return done();
      case "move": {
        const { spaceSlug } = await moveThread(run, { threadId, ...parsed.data });
        return done({ spaceSlug });
      }
      case "helpful":
      case "unhelpful":
        await setHelpful(run, {
          postId: parsed.data.postId,
          helpful: parsed.intent === "helpful",
        });
        return done();
    }
  } catch (error) {
    return answerDomainError(error);
  }
}

export const meta: MetaFunction<typeof loader> = ({ data, matches }) =>
  data
    ? threadMetaTags(data)
    : [{ title: i18nFor(localeOfMatches(matches)).t("thread.notFoundTitle") }];

export default function ThreadPage() {
  const data = useLoaderData<typeof loader>();
  const { thread } = data;
  const input = useMemo(() => liveThreadInput(data), [data]);
  const { state, sendTyping } = useLiveThread(input);
  const context = useThreadContext(data, state);
  const { t } = useTranslation();
  const locale = usePageLocale();

  if (state.gone)
    return (
      <Container className="max-w-3xl">
        <ThreadGone />
      </Container>
    );

  const presence = describePresence(state.presence, t, locale);
  const typing = describeTyping(state.typing, t);
  const listed = state.replies.filter((r) => r.id !== state.acceptedPostId || !state.accepted);
  const isQuestion = thread.kind === "question";

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
        <ThreadHeader
          thread={thread}
          space={{ ...state.space, colour: thread.space.colour }}
          solved={Boolean(state.acceptedPostId)}
          locked={state.locked}
          presence={presence}
          now={data.now}
        />

        <div className="mt-4 space-y-6">
          <PostCard post={state.opening} />

          <ThreadReplies
            isQuestion={isQuestion}
            locked={state.locked}
            accepted={state.accepted}
            listed={listed}
            replyCount={state.replyCount}
            cursors={data.cursors}
            newElsewhere={state.newElsewhere}
          />

          <TypingNotice text={typing} />

          <ReplyArea
            canReply={context.abilities.reply}
            locked={state.locked}
            signedIn={Boolean(data.viewer)}
            isQuestion={isQuestion}
            loginHref={context.loginHref}
            onTyping={sendTyping}
          />

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
