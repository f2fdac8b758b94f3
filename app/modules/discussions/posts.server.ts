import { sql } from "kysely";
import type { Queryable } from "../../../db/client.ts";
import { inTransaction } from "../../../db/transaction.ts";
import { isStaff, policy, type Viewer } from "../access/policy.ts";
import { loadViewer } from "../viewer/viewer.server.ts";
import { recordAudit } from "../audit/audit.server.ts";
import { reversePoints, reverseSource } from "../reputation/ledger.server.ts";
import {
  ConflictError,
  FieldError,
  ForbiddenError,
  postNotFound,
  SignInRequiredError,
  threadNotFound,
} from "./errors.ts";
import { notify } from "./notifications.server.ts";
import { Outbox } from "./outbox.ts";
import { renderPostBody, MENTIONS_NOTIFIED_MAX, type RenderedBody } from "./render.server.ts";
import { listAllSpaces, spaceSubject } from "./spaces.server.ts";
import {
  bumpThread,
  loadPost,
  loadThread,
  lockThread,
  lockThreadOfPost,
  postSubject,
  threadAccess,
  threadSubject,
  toPostView,
  type PostRow,
  type ThreadState,
} from "./state.server.ts";
import { extractMentions } from "./text.ts";
import { LIMITS, slugify, type NewThreadInput } from "./validation.ts";

export interface WriteOptions {
  /** For seeds: when it happened. */
  at?: Date;
}

function requireViewer(viewer: Viewer): asserts viewer is NonNullable<Viewer> {
  if (!viewer) throw new SignInRequiredError();
}

/** Title weighs most, the opening post next, replies least. */
const searchVector = (weight: "B" | "C", text: string, title?: string) =>
  title
    ? sql<string>`setweight(to_tsvector('english', ${title}), 'A') || setweight(to_tsvector('english', ${text}), ${weight}::"char")`
    : sql<string>`setweight(to_tsvector('english', ${text}), ${weight}::"char")`;

/** Notifies people mentioned in a post (who may read it), skipping those already told. */
async function notifyMentions(
  trx: Queryable,
  outbox: Outbox,
  rendered: RenderedBody,
  context: {
    author: NonNullable<Viewer> & { displayName: string };
    thread: ThreadState;
    post: { id: number; author_id: number; hidden_at: Date | null; deleted_at: Date | null };
    skip: Set<number>;
    at?: Date;
  },
) {
  let sent = 0;
  for (const userId of rendered.mentioned.values()) {
    if (sent >= MENTIONS_NOTIFIED_MAX) break;
    if (userId === context.author.id || context.skip.has(userId)) continue;
    context.skip.add(userId);
    await notify(trx, outbox, {
      userId,
      kind: "mention",
      actor: { id: context.author.id, displayName: context.author.displayName },
      thread: context.thread,
      post: context.post,
      at: context.at,
    });
    sent += 1;
  }
}

async function displayNameOf(trx: Queryable, userId: number): Promise<string> {
  const row = await trx
    .selectFrom("users")
    .select("display_name")
    .where("id", "=", userId)
    .executeTakeFirstOrThrow();
  return row.display_name;
}

/** Opens a thread (question or discussion) in a space with its first post. */
export async function createThread(
  db: Queryable,
  viewer: Viewer,
  input: NewThreadInput & { spaceId: number },
  options: WriteOptions = {},
): Promise<{ threadId: number; slug: string; postId: number; outbox: Outbox }> {
  requireViewer(viewer);
  const at = options.at ?? new Date();
  const outbox = new Outbox();
  return inTransaction(db, async (trx) => {
    const space = (await listAllSpaces(trx)).find((s) => s.id === input.spaceId);
    if (!space || !policy.readSpace(viewer, spaceSubject(space)))
      throw new FieldError("space", "Choose a space you can post in.", 404);
    if (!policy.startThread(viewer, spaceSubject(space), input.kind)) {
      if (viewer.role === "prospect")
        throw new ForbiddenError(
          input.kind === "discussion"
            ? "Discussions are started by verified customers. You can ask a question instead."
            : `Questions from visitors go to a space that welcomes them, such as “Ask the community”.`,
        );
      throw new ForbiddenError(
        "Starting discussions opens up with reputation. You can ask a question meanwhile.",
      );
    }
    const rendered = await renderPostBody(trx, input.body, viewer);
    const thread = await trx
      .insertInto("threads")
      .values({
        space_id: space.id,
        kind: input.kind,
        title: input.title,
        slug: slugify(input.title),
        author_id: viewer.id,
        tags: input.tags.slice(0, LIMITS.tagsMax),
        created_at: at,
        last_activity_at: at,
      })
      .returning(["id", "slug", "change_seq"])
      .executeTakeFirstOrThrow();
    const post = await trx
      .insertInto("posts")
      .values({
        thread_id: thread.id,
        author_id: viewer.id,
        is_opening: true,
        body_md: input.body,
        body_html: rendered.html,
        body_text: rendered.text,
        created_at: at,
        change_seq: Number(thread.change_seq),
        search_vector: searchVector("B", rendered.text, input.title),
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    const state = await lockThread(trx, thread.id);
    await notifyMentions(trx, outbox, rendered, {
      author: { ...viewer, displayName: await displayNameOf(trx, viewer.id) },
      thread: state!,
      post: { id: post.id, author_id: viewer.id, hidden_at: null, deleted_at: null },
      skip: new Set(),
      at,
    });
    // Readable from now on: every process refreshes what lists threads (shared list pages).
    outbox.accessChanged(threadAccess(state!));
    return { threadId: thread.id, slug: thread.slug, postId: post.id, outbox };
  });
}

/** Adds a reply; readers of the thread see it live once it is committed. */
export async function createReply(
  db: Queryable,
  viewer: Viewer,
  threadId: number,
  body: string,
  options: WriteOptions = {},
): Promise<{ postId: number; outbox: Outbox; seq: number }> {
  requireViewer(viewer);
  const at = options.at ?? new Date();
  const outbox = new Outbox();
  return inTransaction(db, async (trx) => {
    const thread = await lockThread(trx, threadId);
    if (!thread || !policy.readThread(viewer, threadSubject(thread))) throw threadNotFound();
    if (!policy.replyToThread(viewer, threadSubject(thread))) {
      if (thread.lockedAt)
        throw new ForbiddenError("This thread is locked: it no longer takes new replies.");
      throw new ForbiddenError("Replies in this space are open to verified customers.");
    }
    const rendered = await renderPostBody(trx, body, viewer);
    const seq = await bumpThread(trx, threadId, {
      reply_count: sql`reply_count + 1`,
      last_activity_at: at,
      last_replier_id: viewer.id,
    });
    const inserted = await trx
      .insertInto("posts")
      .values({
        thread_id: threadId,
        author_id: viewer.id,
        body_md: body,
        body_html: rendered.html,
        body_text: rendered.text,
        created_at: at,
        change_seq: seq,
        search_vector: searchVector("C", rendered.text),
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    const post = (await loadPost(trx, inserted.id))!;
    const author = { ...viewer, displayName: post.author_name };
    const skip = new Set<number>();
    if (thread.authorId !== viewer.id) {
      skip.add(thread.authorId);
      await notify(trx, outbox, {
        userId: thread.authorId,
        kind: "reply",
        actor: { id: viewer.id, displayName: post.author_name },
        thread,
        post,
        at,
      });
    }
    await notifyMentions(trx, outbox, rendered, { author, thread, post, skip, at });
    outbox.toThread(threadAccess(thread), "post:created", {
      threadId,
      seq,
      post: toPostView(post),
      replyCount: thread.replyCount + 1,
    });
    return { postId: post.id, outbox, seq };
  });
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
  outbox: Outbox,
  thread: ThreadState,
  post: PostRow,
  seq: number,
) {
  const view = toPostView(post);
  const access = threadAccess(thread);
  const replyCount = thread.replyCount;
  if (post.deleted_at || post.hidden_at) {
    outbox.toThread(
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
    outbox.toThread(access, "post:updated", { threadId: thread.id, seq, post: view, replyCount });
  }
}

/**
 * Edits a post (and, for the opening post, the thread's title and tags). The
 * version it replaces is kept for moderators; the page shows "edited".
 */
export async function editPost(
  db: Queryable,
  viewer: Viewer,
  postId: number,
  input: { body: string; title?: string; tags?: string[] },
  options: WriteOptions = {},
): Promise<{ changed: boolean; outbox: Outbox }> {
  requireViewer(viewer);
  const at = options.at ?? new Date();
  const outbox = new Outbox();
  return inTransaction(db, async (trx) => {
    const { thread, post } = await lockPostForChange(trx, viewer, postId);
    if (!policy.editPost(viewer, threadSubject(thread), postSubject(post))) {
      if (thread.lockedAt)
        throw new ForbiddenError("This thread is locked: posts can no longer be edited.");
      throw new ForbiddenError("You can only edit your own posts.");
    }
    const retitle = post.is_opening && input.title !== undefined && input.title !== thread.title;
    const retag =
      post.is_opening && input.tags !== undefined && input.tags.join(",") !== thread.tags.join(",");
    if (input.body === post.body_md && !retitle && !retag) return { changed: false, outbox };

    await trx
      .insertInto("post_revisions")
      .values({
        post_id: post.id,
        editor_id: viewer.id,
        title: post.is_opening ? thread.title : null,
        body_md: post.body_md,
        created_at: at,
      })
      .execute();
    const title = retitle ? input.title! : thread.title;
    // Links and mentions are rendered as the author's, whoever fixes the post.
    const author =
      viewer.id === post.author_id
        ? viewer
        : (await loadViewer(trx, { id: post.author_id, role: post.author_role }))!;
    const rendered = await renderPostBody(trx, input.body, author);
    const seq = await bumpThread(
      trx,
      thread.id,
      post.is_opening
        ? { title, slug: slugify(title), tags: input.tags ?? thread.tags, edited_at: at }
        : {},
    );
    await trx
      .updateTable("posts")
      .set({
        body_md: input.body,
        body_html: rendered.html,
        body_text: rendered.text,
        edited_at: at,
        edit_count: sql`edit_count + 1`,
        change_seq: seq,
        search_vector: post.is_opening
          ? searchVector("B", rendered.text, title)
          : searchVector("C", rendered.text),
      })
      .where("id", "=", post.id)
      .execute();
    if (viewer.id !== post.author_id)
      await recordAudit(trx, {
        actorId: viewer.id,
        action: "post.edited",
        subjectType: "post",
        subjectId: post.id,
        details: { threadId: thread.id },
      });
    const updated = (await loadPost(trx, post.id))!;
    const fresh = (await lockThread(trx, thread.id))!;
    // Only people newly mentioned by this edit are told.
    const mentionedBefore = new Set(extractMentions(post.body_md));
    const skip = new Set(
      [...rendered.mentioned].filter(([handle]) => mentionedBefore.has(handle)).map(([, id]) => id),
    );
    await notifyMentions(trx, outbox, rendered, {
      author: { ...author, displayName: updated.author_name },
      thread: fresh,
      post: updated,
      skip,
      at,
    });
    announcePostChange(outbox, fresh, updated, seq);
    return { changed: true, outbox };
  });
}

/** Takes back what a post earned: votes, acceptance and the helpful mark (same transaction). */
export async function reversePostPoints(
  trx: Queryable,
  outbox: Outbox,
  postId: number,
  reason: string,
  by: number,
  at?: Date,
) {
  const entries = await reverseSource(trx, {
    source: { type: "post", id: postId },
    reason,
    reversedBy: by,
    at,
  });
  await trx
    .updateTable("post_votes")
    .set({ award_key: null })
    .where("post_id", "=", postId)
    .execute();
  await trx
    .updateTable("posts")
    .set({ helpful_award_key: null })
    .where("id", "=", postId)
    .execute();
  outbox.award(...entries);
}

/** Clears the thread's accepted answer and takes back its points (when the answer goes away). */
export async function revokeAcceptance(
  trx: Queryable,
  outbox: Outbox,
  thread: ThreadState,
  by: number,
  reason: string,
  at: Date,
): Promise<number | null> {
  const current = await trx
    .updateTable("answer_acceptances")
    .set({ revoked_at: at, revoked_by: by })
    .where("thread_id", "=", thread.id)
    .where("revoked_at", "is", null)
    .returning(["id", "post_id"])
    .executeTakeFirst();
  if (!current) return null;
  for (const key of acceptanceKeys(thread.id, current.post_id, current.id)) {
    outbox.award(await reversePoints(trx, { idempotencyKey: key, reason, reversedBy: by, at }));
  }
  return current.post_id;
}

export const acceptanceKeys = (threadId: number, postId: number, acceptanceId: number) => [
  `accept:${threadId}:${postId}:${acceptanceId}`,
  `accepted-by:${threadId}:${postId}:${acceptanceId}`,
];

/**
 * Soft-deletes a post: it leaves the page for everyone but moderators, the
 * points it earned are reversed in the same transaction, and deleting the
 * opening post removes the thread.
 */
export async function deletePost(
  db: Queryable,
  viewer: Viewer,
  postId: number,
  options: WriteOptions & { reason?: string } = {},
): Promise<{
  outbox: Outbox;
  threadDeleted: boolean;
  thread: { id: number; slug: string; spaceSlug: string };
}> {
  requireViewer(viewer);
  const at = options.at ?? new Date();
  const outbox = new Outbox();
  return inTransaction(db, async (trx) => {
    const { thread, post } = await lockPostForChange(trx, viewer, postId);
    if (post.deleted_at) throw new ConflictError("This post was already deleted.");
    if (!policy.deletePost(viewer, threadSubject(thread), postSubject(post))) {
      if (thread.lockedAt)
        throw new ForbiddenError("This thread is locked: posts can no longer be deleted.");
      throw new ForbiddenError("You can only delete your own posts.");
    }
    await trx
      .updateTable("posts")
      .set({ deleted_at: at, deleted_by: viewer.id })
      .where("id", "=", post.id)
      .execute();
    const reason =
      viewer.id === post.author_id
        ? "The post was deleted by its author."
        : "The post was removed by a moderator.";
    await reversePostPoints(trx, outbox, post.id, reason, viewer.id, at);
    let previousAccepted: number | null = null;
    if (thread.acceptedPostId === post.id) {
      previousAccepted = await revokeAcceptance(trx, outbox, thread, viewer.id, reason, at);
    }
    const wasVisible = !post.hidden_at;
    const seq = await bumpThread(trx, thread.id, {
      ...(post.is_opening ? { deleted_at: at } : {}),
      ...(!post.is_opening && wasVisible ? { reply_count: sql`greatest(reply_count - 1, 0)` } : {}),
      ...(previousAccepted ? { accepted_post_id: null } : {}),
    });
    await trx.updateTable("posts").set({ change_seq: seq }).where("id", "=", post.id).execute();
    if (isStaff(viewer) && viewer.id !== post.author_id)
      await recordAudit(trx, {
        actorId: viewer.id,
        action: post.is_opening ? "thread.deleted" : "post.deleted",
        subjectType: post.is_opening ? "thread" : "post",
        subjectId: post.is_opening ? thread.id : post.id,
        reason: options.reason ?? null,
        details: { threadId: thread.id, postId: post.id },
      });
    const fresh = (await lockThread(trx, thread.id))!;
    if (post.is_opening) {
      outbox.accessChanged(threadAccess(fresh));
    } else {
      if (previousAccepted)
        outbox.toThread(threadAccess(fresh), "thread:accepted", {
          threadId: thread.id,
          seq,
          postId: null,
          previousPostId: previousAccepted,
          post: null,
        });
      announcePostChange(outbox, fresh, (await loadPost(trx, post.id))!, seq);
    }
    return {
      outbox,
      threadDeleted: post.is_opening,
      thread: { id: thread.id, slug: thread.slug, spaceSlug: thread.space.slug },
    };
  });
}
