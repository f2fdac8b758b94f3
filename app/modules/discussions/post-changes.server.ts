import { sql } from "kysely";
import type { Queryable } from "../../../db/client.ts";
import { ensure } from "../access/ensure.ts";
import { policy, type Viewer } from "../access/policy.ts";
import type { Effects } from "../commands/effects.server.ts";
import {
  reversePoints,
  reverseSource,
  type AwardedEntry,
  type LedgerEntry,
} from "../reputation/ledger.server.ts";
import { postNotFound, SignInRequiredError } from "./errors.ts";
import { notify } from "./notifications.server.ts";
import { MENTIONS_NOTIFIED_MAX, type RenderedBody } from "./render.server.ts";
import {
  loadPost,
  loadThread,
  lockThreadOfPost,
  postSubject,
  threadAccess,
  threadSubject,
  toPostView,
  type PostRow,
  type ThreadState,
} from "./state.server.ts";

/** Points a change earned or took back, announced together once it commits. */
export type Awarded = Array<LedgerEntry | AwardedEntry | null>;

/** Writing anything in discussions needs an account (the sentence differs by what was tried). */
export function requireSignIn(viewer: Viewer, message?: string): void {
  if (!viewer) throw new SignInRequiredError(message);
}

/** Moderation needs an account, then the moderators' rule. */
export function requireModerator(viewer: Viewer): asserts viewer is NonNullable<Viewer> {
  requireSignIn(viewer);
  ensure("moderateDiscussions", viewer);
}

/** Title weighs most, the opening post next, replies least. */
export const searchVector = (weight: "B" | "C", text: string, title?: string) =>
  title
    ? sql<string>`setweight(to_tsvector('english', ${title}), 'A') || setweight(to_tsvector('english', ${text}), ${weight}::"char")`
    : sql<string>`setweight(to_tsvector('english', ${text}), ${weight}::"char")`;

/** Notifies people mentioned in a post (who may read it), skipping those already told. */
export async function notifyMentions(
  trx: Queryable,
  effects: Effects,
  rendered: RenderedBody,
  context: {
    author: NonNullable<Viewer> & { displayName: string };
    thread: ThreadState;
    post: { id: number; author_id: number; hidden_at: Date | null; deleted_at: Date | null };
    skip: Set<number>;
  },
) {
  let sent = 0;
  for (const userId of rendered.mentioned.values()) {
    if (sent >= MENTIONS_NOTIFIED_MAX) break;
    if (userId === context.author.id || context.skip.has(userId)) continue;
    context.skip.add(userId);
    await notify(trx, effects, {
      userId,
      kind: "mention",
      actor: { id: context.author.id, displayName: context.author.displayName },
      thread: context.thread,
      post: context.post,
    });
    sent += 1;
  }
}

export async function displayNameOf(trx: Queryable, userId: number): Promise<string> {
  const row = await trx
    .selectFrom("users")
    .select("display_name")
    .where("id", "=", userId)
    .executeTakeFirstOrThrow();
  return row.display_name;
}

/** The post and its thread, locked, if this viewer may read it. */
export async function lockPostForChange(trx: Queryable, viewer: Viewer, postId: number) {
  const thread = await lockThreadOfPost(trx, postId);
  if (!thread) throw postNotFound();
  const post = await loadPost(trx, postId);
  if (!thread || !post || !policy.readPost(viewer, threadSubject(thread), postSubject(post)))
    throw postNotFound();
  return { thread, post };
}

/** The post and its thread, if this viewer may read it (no lock: for reading). */
export async function findReadablePost(db: Queryable, viewer: Viewer, postId: number) {
  const post = await loadPost(db, postId);
  const thread = post ? await loadThread(db, post.thread_id) : undefined;
  if (!thread || !post || !policy.readPost(viewer, threadSubject(thread), postSubject(post)))
    throw postNotFound();
  return { thread, post };
}

/** The events that tell readers a post changed: moderators see hidden posts, others lose them. */
export function announcePostChange(
  effects: Effects,
  thread: ThreadState,
  post: PostRow,
  seq: number,
) {
  const view = toPostView(post);
  const access = threadAccess(thread);
  const replyCount = thread.replyCount;
  if (post.deleted_at || post.hidden_at) {
    effects.toThread(
      access,
      "post:removed",
      {
        threadId: thread.id,
        seq,
        postId: post.id,
        reason: post.deleted_at ? "deleted" : "hidden",
        replyCount,
      },
      { event: "post:updated", payload: { threadId: thread.id, seq, post: view, replyCount } },
    );
  } else {
    effects.toThread(access, "post:updated", { threadId: thread.id, seq, post: view, replyCount });
  }
}

/** Readers learn the accepted answer went away (its post was removed or hidden). */
export function announceAcceptanceCleared(
  effects: Effects,
  thread: ThreadState,
  seq: number,
  previousPostId: number,
) {
  effects.toThread(threadAccess(thread), "thread:accepted", {
    threadId: thread.id,
    seq,
    postId: null,
    previousPostId,
    post: null,
  });
}

/** Takes back what a post earned: votes, acceptance and the helpful mark (same transaction). */
export async function reversePostPoints(
  trx: Queryable,
  input: { postId: number; reason: string; by: number; at: Date },
): Promise<Awarded> {
  const entries = await reverseSource(trx, {
    source: { type: "post", id: input.postId },
    reason: input.reason,
    reversedBy: input.by,
    at: input.at,
  });
  await trx
    .updateTable("post_votes")
    .set({ award_key: null })
    .where("post_id", "=", input.postId)
    .execute();
  await trx
    .updateTable("posts")
    .set({ helpful_award_key: null })
    .where("id", "=", input.postId)
    .execute();
  return entries;
}

export const acceptanceKeys = (threadId: number, postId: number, acceptanceId: number) => [
  `accept:${threadId}:${postId}:${acceptanceId}`,
  `accepted-by:${threadId}:${postId}:${acceptanceId}`,
];

/**
 * Clears the thread's accepted answer and takes back its points (when the
 * answer goes away); returns the post that was accepted, if any.
 */
export async function revokeAcceptance(
  trx: Queryable,
  awarded: Awarded,
  thread: ThreadState,
  input: { by: number; reason: string; at: Date },
): Promise<number | null> {
  const current = await trx
    .updateTable("answer_acceptances")
    .set({ revoked_at: input.at, revoked_by: input.by })
    .where("thread_id", "=", thread.id)
    .where("revoked_at", "is", null)
    .returning(["id", "post_id"])
    .executeTakeFirst();
  if (!current) return null;
  for (const key of acceptanceKeys(thread.id, current.post_id, current.id)) {
    awarded.push(
      await reversePoints(trx, {
        idempotencyKey: key,
        reason: input.reason,
        reversedBy: input.by,
        at: input.at,
      }),
    );
  }
  return current.post_id;
}
