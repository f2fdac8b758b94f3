import { createContext, useCallback, useContext, useMemo } from "react";
import { quoteMarkdown } from "~/modules/discussions/text.ts";
import type { PostView } from "~/modules/realtime/events.ts";

/** What every post card on a thread page knows about the thread and the reader. */
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
  /** Why the vote buttons are greyed ("You can vote at 15 reputation"), when they are. */
  voteHint: string | null;
  voted: Set<number>;
  sources: Record<string, string>;
  /** Posts this viewer may delete (their own; any, for moderators). */
  deletable: Set<number>;
  quote: (post: PostView, text: string) => void;
  loginHref: string;
}

export const ThreadContext = createContext<ThreadContextValue | null>(null);
export const useThread = () => useContext(ThreadContext)!;

/** What the thread page's loader gives the posts on it (the parts they read). */
export interface ThreadPageData {
  thread: {
    id: number;
    kind: "question" | "discussion";
    title: string;
    slug: string;
    tags: string[];
    authorId: number;
  };
  viewer: { id: number } | null;
  now: string;
  abilities: ThreadContextValue["abilities"];
  voteHint: string | null;
  viewerVotes: number[];
  sources: Record<string, string>;
  deletable: number[];
}

/** Adds a quote of a post to the reply box, and puts the cursor after it. */
function quoteIntoReply(post: PostView, text: string) {
  const box = document.querySelector<HTMLTextAreaElement>("textarea[data-reply-box]");
  if (!box) return;
  const addition = quoteMarkdown(post.author.handle, text.trim());
  box.value = box.value ? `${box.value.trimEnd()}\n\n${addition}` : addition;
  box.focus();
  box.setSelectionRange(box.value.length, box.value.length);
}

/** The context every post card on a thread page reads, from the loader's data and the live state. */
export function useThreadContext(
  data: ThreadPageData,
  live: { acceptedPostId: number | null; locked: boolean },
): ThreadContextValue {
  const { thread } = data;
  const voted = useMemo(() => new Set(data.viewerVotes), [data.viewerVotes]);
  const deletable = useMemo(() => new Set(data.deletable), [data.deletable]);
  const quote = useCallback(quoteIntoReply, []);
  return {
    threadId: thread.id,
    kind: thread.kind,
    title: thread.title,
    tags: thread.tags,
    authorId: thread.authorId,
    viewerId: data.viewer?.id ?? null,
    signedIn: Boolean(data.viewer),
    now: data.now,
    acceptedPostId: live.acceptedPostId,
    abilities: {
      ...data.abilities,
      reply: data.abilities.reply && (!live.locked || data.abilities.moderate),
    },
    voteHint: data.voteHint,
    voted,
    sources: data.sources,
    deletable,
    quote,
    loginHref: `/login?redirectTo=${encodeURIComponent(`/t/${thread.id}/${thread.slug}`)}`,
  };
}
