import type { TFunction } from "i18next";
import { useCallback, useEffect, useReducer, useRef } from "react";
import { useSocket } from "~/components/realtime.tsx";
import { DEFAULT_LOCALE, FORMAT_TAGS, type Locale } from "~/i18n/index.ts";
import type { JoinAck, PostView, Presence, ThreadEventPayload } from "~/modules/realtime/events.ts";

export interface LiveThreadInput {
  threadId: number;
  seq: number;
  opening: PostView;
  accepted: PostView | null;
  replies: PostView[];
  acceptedPostId: number | null;
  locked: boolean;
  replyCount: number;
  space: { slug: string; name: string };
  /** This page shows the newest replies, so new ones are appended here. */
  onLastPage: boolean;
}

/** What the live thread starts from: the page as the loader gave it. */
export function liveThreadInput(data: {
  thread: {
    id: number;
    seq: number;
    acceptedPostId: number | null;
    locked: boolean;
    replyCount: number;
    space: { slug: string; name: string };
  };
  opening: PostView;
  accepted: PostView | null;
  replies: PostView[];
  cursors: { newer: unknown };
}): LiveThreadInput {
  const { thread } = data;
  return {
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
  };
}

interface Typing {
  handle: string;
  displayName: string;
  until: number;
}

export interface LiveThreadState extends LiveThreadInput {
  /** Replies that arrived but belong to a later page. */
  newElsewhere: number;
  /** The thread went away for this person (hidden, moved, deleted). */
  gone: boolean;
  presence: Presence | null;
  typing: Typing[];
  /** The first and last reply ids this page covers (its window in the thread). */
  firstId: number | null;
  lastId: number | null;
}

type Changes = {
  seq: number;
  complete: boolean;
  thread: {
    acceptedPostId: number | null;
    locked: boolean;
    replyCount: number;
    space: { slug: string; name: string };
  };
  posts: PostView[];
  removed: number[];
};

type Action =
  | { type: "reset"; input: LiveThreadInput }
  | { type: "upsert"; post: PostView; seq: number; created: boolean; replyCount?: number }
  | { type: "remove"; postId: number; seq: number; replyCount?: number }
  | { type: "votes"; postId: number; voteCount: number; seq: number }
  | { type: "accepted"; postId: number | null; post: PostView | null; seq: number }
  | { type: "locked"; locked: boolean; seq: number }
  | { type: "moved"; space: { slug: string; name: string }; seq: number }
  | { type: "sync"; changes: Changes }
  | { type: "gone" }
  | { type: "presence"; presence: Presence }
  | { type: "typing"; typing: Omit<Typing, "until"> }
  | { type: "tick"; now: number };

function initial(input: LiveThreadInput): LiveThreadState {
  return {
    ...input,
    newElsewhere: 0,
    gone: false,
    presence: null,
    typing: [],
    firstId: input.replies[0]?.id ?? null,
    lastId: input.replies[input.replies.length - 1]?.id ?? null,
  };
}

const newer = (incoming: PostView, current: PostView | undefined | null) =>
  !current || incoming.seq >= current.seq;

function inWindow(state: LiveThreadState, id: number): boolean {
  if (state.onLastPage) return state.firstId === null || id >= state.firstId;
  return (
    state.firstId !== null && state.lastId !== null && id >= state.firstId && id <= state.lastId
  );
}

function upsert(state: LiveThreadState, post: PostView, created: boolean): LiveThreadState {
  if (post.isOpening) return newer(post, state.opening) ? { ...state, opening: post } : state;
  let next = state;
  if (state.accepted?.id === post.id && newer(post, state.accepted))
    next = { ...next, accepted: post };
  const index = state.replies.findIndex((r) => r.id === post.id);
  if (index >= 0) {
    if (!newer(post, state.replies[index])) return next;
    const replies = state.replies.slice();
    replies[index] = post;
    return { ...next, replies };
  }
  if (inWindow(state, post.id)) {
    const replies = [...state.replies, post].sort((a, b) => a.id - b.id);
    return { ...next, replies, lastId: Math.max(state.lastId ?? 0, post.id) };
  }
  if (created && !state.onLastPage) return { ...next, newElsewhere: next.newElsewhere + 1 };
  return next;
}

function withSeq(state: LiveThreadState, seq: number): LiveThreadState {
  return seq > state.seq ? { ...state, seq } : state;
}

function reducer(state: LiveThreadState, action: Action): LiveThreadState {
  switch (action.type) {
    case "reset": {
      // Fresh loader data, keeping anything live that is newer than it.
      let next = { ...initial(action.input), presence: state.presence, typing: state.typing };
      const live = [state.opening, state.accepted, ...state.replies].filter((p): p is PostView =>
        Boolean(p),
      );
      for (const post of live) {
        const known = [next.opening, next.accepted, ...next.replies].find((p) => p?.id === post.id);
        if (known && post.seq > known.seq) next = upsert(next, post, false);
        if (!known && next.onLastPage && post.id > (next.lastId ?? 0))
          next = upsert(next, post, false);
      }
      return withSeq(next, state.seq);
    }
    case "upsert": {
      const next = upsert(state, action.post, action.created);
      const replyCount = action.seq >= state.seq ? action.replyCount : undefined;
      return withSeq(replyCount === undefined ? next : { ...next, replyCount }, action.seq);
    }
    case "remove": {
      const replies = state.replies.filter((r) => r.id !== action.postId);
      const accepted = state.accepted?.id === action.postId ? null : state.accepted;
      const replyCount =
        action.replyCount !== undefined && action.seq >= state.seq
          ? action.replyCount
          : state.replyCount;
      return withSeq({ ...state, replies, accepted, replyCount }, action.seq);
    }
    case "votes": {
      const apply = (p: PostView | null) =>
        p && p.id === action.postId && action.seq >= p.seq
          ? { ...p, voteCount: action.voteCount, seq: action.seq }
          : p;
      return withSeq(
        {
          ...state,
          opening: apply(state.opening)!,
          accepted: apply(state.accepted),
          replies: state.replies.map((r) => apply(r)!),
        },
        action.seq,
      );
    }
    case "accepted": {
      const post = action.post ?? state.replies.find((r) => r.id === action.postId) ?? null;
      return withSeq(
        { ...state, acceptedPostId: action.postId, accepted: action.postId ? post : null },
        action.seq,
      );
    }
    case "locked":
      return withSeq({ ...state, locked: action.locked }, action.seq);
    case "moved":
      return withSeq({ ...state, space: action.space }, action.seq);
    case "sync": {
      const { changes } = action;
      let next: LiveThreadState = state;
      for (const id of changes.removed)
        next = reducer(next, { type: "remove", postId: id, seq: 0 });
      for (const post of changes.posts) next = upsert(next, post, post.id > (state.lastId ?? 0));
      if (changes.thread.acceptedPostId !== next.acceptedPostId) {
        const post =
          changes.posts.find((p) => p.id === changes.thread.acceptedPostId) ??
          next.replies.find((r) => r.id === changes.thread.acceptedPostId) ??
          null;
        next = { ...next, acceptedPostId: changes.thread.acceptedPostId, accepted: post };
      }
      next = {
        ...next,
        locked: changes.thread.locked,
        space: changes.thread.space,
        replyCount: changes.thread.replyCount,
      };
      return withSeq(next, changes.seq);
    }
    case "gone":
      return { ...state, gone: true };
    case "presence":
      return { ...state, presence: action.presence };
    case "typing": {
      const others = state.typing.filter((t) => t.handle !== action.typing.handle);
      return { ...state, typing: [...others, { ...action.typing, until: Date.now() + 4_000 }] };
    }
    case "tick": {
      const typing = state.typing.filter((t) => t.until > action.now);
      return typing.length === state.typing.length ? state : { ...state, typing };
    }
  }
}

/**
 * A thread page that stays current: it joins the thread's room, applies live
 * events, and after a dropped connection fetches what it missed since the
 * last change it saw (posts come whole, so nothing is lost or doubled).
 */
export function useLiveThread(input: LiveThreadInput) {
  const [state, dispatch] = useReducer(reducer, input, initial);
  const socket = useSocket();
  const seqRef = useRef(state.seq);
  seqRef.current = state.seq;
  const { threadId } = input;

  // New loader data (after an action or a navigation within the thread).
  const firstRender = useRef(true);
  useEffect(() => {
    if (firstRender.current) {
      firstRender.current = false;
      return;
    }
    dispatch({ type: "reset", input });
  }, [input]);

  const catchUp = useCallback(async () => {
    for (let round = 0; round < 5; round += 1) {
      const response = await fetch(`/t/${threadId}/changes?since=${seqRef.current}`, {
        headers: { Accept: "application/json" },
      });
      if (response.status === 404) return dispatch({ type: "gone" });
      if (!response.ok) return;
      const changes = (await response.json()) as Changes;
      dispatch({ type: "sync", changes });
      seqRef.current = Math.max(seqRef.current, changes.seq);
      if (changes.complete) return;
    }
  }, [threadId]);

  useEffect(() => {
    if (!socket) return;
    const join = () =>
      socket.emit("thread:join", { threadId }, (ack: JoinAck) => {
        if (!ack?.ok) return dispatch({ type: "gone" });
        if (ack.presence) dispatch({ type: "presence", presence: ack.presence });
        if (ack.seq > seqRef.current) void catchUp();
      });
    const mine = (payload: { threadId: number }) => payload?.threadId === threadId;
    const handlers: Record<string, (payload: any) => void> = {
      "post:created": (p: ThreadEventPayload<"post:created">) =>
        mine(p) &&
        dispatch({
          type: "upsert",
          post: p.post,
          seq: p.seq,
          created: true,
          replyCount: p.replyCount,
        }),
      "post:updated": (p: ThreadEventPayload<"post:updated">) =>
        mine(p) &&
        dispatch({
          type: "upsert",
          post: p.post,
          seq: p.seq,
          created: false,
          replyCount: p.replyCount,
        }),
      "post:removed": (p: ThreadEventPayload<"post:removed">) =>
        mine(p) &&
        dispatch({ type: "remove", postId: p.postId, seq: p.seq, replyCount: p.replyCount }),
      "post:votes": (p: ThreadEventPayload<"post:votes">) =>
        mine(p) &&
        dispatch({ type: "votes", postId: p.postId, voteCount: p.voteCount, seq: p.seq }),
      "thread:accepted": (p: ThreadEventPayload<"thread:accepted">) =>
        mine(p) && dispatch({ type: "accepted", postId: p.postId, post: p.post, seq: p.seq }),
      "thread:locked": (p: ThreadEventPayload<"thread:locked">) =>
        mine(p) && dispatch({ type: "locked", locked: p.locked, seq: p.seq }),
      "thread:moved": (p: ThreadEventPayload<"thread:moved">) =>
        mine(p) && dispatch({ type: "moved", space: p.space, seq: p.seq }),
      "thread:typing": (p: ThreadEventPayload<"thread:typing">) =>
        mine(p) && dispatch({ type: "typing", typing: p.user }),
      "thread:presence": (p: ThreadEventPayload<"thread:presence">) =>
        mine(p) && dispatch({ type: "presence", presence: p }),
      "thread:access-lost": (p: ThreadEventPayload<"thread:access-lost">) =>
        mine(p) && dispatch({ type: "gone" }),
    };
    for (const [event, handler] of Object.entries(handlers)) socket.on(event, handler);
    socket.on("connect", join);
    if (socket.connected) join();
    return () => {
      for (const [event, handler] of Object.entries(handlers)) socket.off(event, handler);
      socket.off("connect", join);
      if (socket.connected) socket.emit("thread:leave", { threadId });
    };
  }, [socket, threadId, catchUp]);

  // Typing indicators fade on their own.
  const typingCount = state.typing.length;
  useEffect(() => {
    if (!typingCount) return;
    const timer = setInterval(() => dispatch({ type: "tick", now: Date.now() }), 1_000);
    return () => clearInterval(timer);
  }, [typingCount]);

  const lastTyping = useRef(0);
  const sendTyping = useCallback(() => {
    const now = Date.now();
    if (!socket?.connected || now - lastTyping.current < 2_500) return;
    lastTyping.current = now;
    socket.emit("thread:typing", { threadId });
  }, [socket, threadId]);

  return { state, sendTyping };
}

/** "3 advocates, 1 member and 5 visitors are reading" (or null when it is only you). */
export function describePresence(
  p: Presence | null,
  t: TFunction,
  locale: Locale = DEFAULT_LOCALE,
): string | null {
  if (!p) return null;
  const parts: string[] = [];
  if (p.advocates > 0) parts.push(t("thread.presence.advocates", { count: p.advocates }));
  if (p.staff > 0) parts.push(t("thread.presence.staff", { count: p.staff }));
  if (p.members > 0) parts.push(t("thread.presence.members", { count: p.members }));
  if (p.visitors > 0) parts.push(t("thread.presence.visitors", { count: p.visitors }));
  const total = p.advocates + p.staff + p.members + p.visitors;
  if (!parts.length || total < 1) return null;
  const list = new Intl.ListFormat(FORMAT_TAGS[locale], { type: "conjunction" }).format(parts);
  return t("thread.presence.reading", { list, total });
}

/** "Catie is typing…", "Catie and Tomás are typing…", "3 people are typing…". */
export function describeTyping(typing: { displayName: string }[], t: TFunction): string | null {
  if (!typing.length) return null;
  const first = (name: string) => name.split(/\s+/)[0];
  if (typing.length === 1) return t("thread.typing.one", { name: first(typing[0].displayName) });
  if (typing.length === 2)
    return t("thread.typing.two", {
      first: first(typing[0].displayName),
      second: first(typing[1].displayName),
    });
  return t("thread.typing.many", { count: typing.length });
}
