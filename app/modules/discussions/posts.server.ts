import { sql } from "kysely";
import { ensure } from "../access/ensure.ts";
import { isStaff, policy } from "../access/policy.ts";
import { loadViewer } from "../viewer/viewer.server.ts";
import { defineCommand } from "../commands/command.server.ts";
import { announceAwards } from "../reputation/ledger.server.ts";
import { ConflictError, FieldError, threadNotFound } from "./errors.ts";
import { notify } from "./notifications.server.ts";
import {
  announceAcceptanceCleared,
  announcePostChange,
  displayNameOf,
  lockPostForChange,
  notifyMentions,
  requireSignIn,
  reversePostPoints,
  revokeAcceptance,
  searchVector,
  type Awarded,
} from "./post-changes.server.ts";
import { renderPostBody } from "./render.server.ts";
import { listAllSpaces, spaceSubject } from "./spaces.server.ts";
import {
  bumpThread,
  loadPost,
  lockThread,
  postSubject,
  threadAccess,
  threadSubject,
  toPostView,
} from "./state.server.ts";
import { extractMentions } from "./text.ts";
import { detectWrittenIn, type WrittenIn } from "../languages/written-in.ts";
import { LIMITS, slugify, type NewThreadInput } from "./validation.ts";

/** Opens a thread (question or discussion) in a space with its first post. */
export const createThread = defineCommand({
  name: "thread.create",
  authorize: (viewer) => requireSignIn(viewer),
  async run(trx, input: NewThreadInput & { spaceId: number }, { viewer, effects, now }) {
    const space = (await listAllSpaces(trx)).find((s) => s.id === input.spaceId);
    if (!space || !policy.readSpace(viewer, spaceSubject(space)))
      throw new FieldError("space", "Choose a space you can post in.", 404);
    ensure("takePartWithConfirmedEmail", viewer);
    ensure("startThread", viewer, spaceSubject(space), input.kind);
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
        language: input.language ?? detectWrittenIn(`${input.title}\n${input.body}`, "en"),
        created_at: now,
        last_activity_at: now,
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
        created_at: now,
        change_seq: Number(thread.change_seq),
        search_vector: searchVector("B", rendered.text, input.title),
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    const state = (await lockThread(trx, thread.id))!;
    // Readable from now on: every process refreshes what lists threads (shared list pages).
    effects.accessChanged(threadAccess(state));
    await notifyMentions(trx, effects, rendered, {
      author: { ...viewer, displayName: await displayNameOf(trx, viewer.id) },
      thread: state,
      post: { id: post.id, author_id: viewer.id, hidden_at: null, deleted_at: null },
      skip: new Set(),
    });
    return { threadId: thread.id, slug: thread.slug, postId: post.id };
  },
});

/** Adds a reply; readers of the thread see it live once it is committed. */
export const createReply = defineCommand({
  name: "post.reply",
  authorize: (viewer) => requireSignIn(viewer),
  async run(trx, input: { threadId: number; body: string }, { viewer, effects, now }) {
    const { threadId, body } = input;
    const thread = await lockThread(trx, threadId);
    if (!thread || !policy.readThread(viewer, threadSubject(thread))) throw threadNotFound();
    ensure("takePartWithConfirmedEmail", viewer);
    ensure("replyToThread", viewer, threadSubject(thread));
    const rendered = await renderPostBody(trx, body, viewer);
    const seq = await bumpThread(trx, threadId, {
      reply_count: sql`reply_count + 1`,
      last_activity_at: now,
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
        created_at: now,
        change_seq: seq,
        search_vector: searchVector("C", rendered.text),
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    const post = (await loadPost(trx, inserted.id))!;
    effects.toThread(threadAccess(thread), "post:created", {
      threadId,
      seq,
      post: toPostView(post),
      replyCount: thread.replyCount + 1,
    });
    const author = { ...viewer, displayName: post.author_name };
    const skip = new Set<number>();
    if (thread.authorId !== viewer.id) {
      skip.add(thread.authorId);
      await notify(trx, effects, {
        userId: thread.authorId,
        kind: "reply",
        actor: { id: viewer.id, displayName: post.author_name },
        thread,
        post,
      });
    }
    await notifyMentions(trx, effects, rendered, { author, thread, post, skip });
    return { postId: post.id, seq };
  },
});

/**
 * Edits a post (and, for the opening post, the thread's title and tags). The
 * version it replaces is kept for moderators; the page shows "edited".
 */
export const editPost = defineCommand({
  name: "post.edit",
  authorize: (viewer) => requireSignIn(viewer),
  async run(
    trx,
    input: { postId: number; body: string; title?: string; tags?: string[]; language?: WrittenIn },
    { viewer, effects, now },
  ) {
    const { thread, post } = await lockPostForChange(trx, viewer, input.postId);
    ensure("editPost", viewer, threadSubject(thread), postSubject(post));
    const retitle = post.is_opening && input.title !== undefined && input.title !== thread.title;
    const retag =
      post.is_opening && input.tags !== undefined && input.tags.join(",") !== thread.tags.join(",");
    // The opening post's writer (or a moderator) corrects the thread's language.
    const relanguage =
      post.is_opening && input.language !== undefined && input.language !== thread.language;
    if (input.body === post.body_md && !retitle && !retag && !relanguage) return { changed: false };

    await trx
      .insertInto("post_revisions")
      .values({
        post_id: post.id,
        editor_id: viewer.id,
        title: post.is_opening ? thread.title : null,
        body_md: post.body_md,
        created_at: now,
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
        ? {
            title,
            slug: slugify(title),
            tags: input.tags ?? thread.tags,
            language: relanguage ? input.language! : thread.language,
            edited_at: now,
          }
        : {},
    );
    await trx
      .updateTable("posts")
      .set({
        body_md: input.body,
        body_html: rendered.html,
        body_text: rendered.text,
        edited_at: now,
        edit_count: sql`edit_count + 1`,
        change_seq: seq,
        search_vector: post.is_opening
          ? searchVector("B", rendered.text, title)
          : searchVector("C", rendered.text),
      })
      .where("id", "=", post.id)
      .execute();
    if (viewer.id !== post.author_id)
      effects.audit({
        actorId: viewer.id,
        action: "post.edited",
        subjectType: "post",
        subjectId: post.id,
        details: { threadId: thread.id },
      });
    const updated = (await loadPost(trx, post.id))!;
    const fresh = (await lockThread(trx, thread.id))!;
    announcePostChange(effects, fresh, updated, seq);
    // Only people newly mentioned by this edit are told.
    const mentionedBefore = new Set(extractMentions(post.body_md));
    const skip = new Set(
      [...rendered.mentioned].filter(([handle]) => mentionedBefore.has(handle)).map(([, id]) => id),
    );
    await notifyMentions(trx, effects, rendered, {
      author: { ...author, displayName: updated.author_name },
      thread: fresh,
      post: updated,
      skip,
    });
    return { changed: true };
  },
});

/**
 * Soft-deletes a post: it leaves the page for everyone but moderators, the
 * points it earned are reversed in the same transaction, and deleting the
 * opening post removes the thread.
 */
export const deletePost = defineCommand({
  name: "post.delete",
  authorize: (viewer) => requireSignIn(viewer),
  async run(trx, input: { postId: number; reason?: string }, { viewer, effects, now }) {
    const { thread, post } = await lockPostForChange(trx, viewer, input.postId);
    if (post.deleted_at) throw new ConflictError("This post was already deleted.");
    ensure("deletePost", viewer, threadSubject(thread), postSubject(post));
    await trx
      .updateTable("posts")
      .set({ deleted_at: now, deleted_by: viewer.id })
      .where("id", "=", post.id)
      .execute();
    const reason =
      viewer.id === post.author_id
        ? "The post was deleted by its author."
        : "The post was removed by a moderator.";
    const awarded: Awarded = await reversePostPoints(trx, {
      postId: post.id,
      reason,
      by: viewer.id,
      at: now,
    });
    let previousAccepted: number | null = null;
    if (thread.acceptedPostId === post.id)
      previousAccepted = await revokeAcceptance(trx, awarded, thread, {
        by: viewer.id,
        reason,
        at: now,
      });
    const wasVisible = !post.hidden_at;
    const seq = await bumpThread(trx, thread.id, {
      ...(post.is_opening ? { deleted_at: now } : {}),
      ...(!post.is_opening && wasVisible ? { reply_count: sql`greatest(reply_count - 1, 0)` } : {}),
      ...(previousAccepted ? { accepted_post_id: null } : {}),
    });
    await trx.updateTable("posts").set({ change_seq: seq }).where("id", "=", post.id).execute();
    if (isStaff(viewer) && viewer.id !== post.author_id)
      effects.audit({
        actorId: viewer.id,
        action: post.is_opening ? "thread.deleted" : "post.deleted",
        subjectType: post.is_opening ? "thread" : "post",
        subjectId: post.is_opening ? thread.id : post.id,
        reason: input.reason ?? null,
        details: { threadId: thread.id, postId: post.id },
      });
    const fresh = (await lockThread(trx, thread.id))!;
    if (post.is_opening) {
      effects.accessChanged(threadAccess(fresh));
    } else {
      if (previousAccepted) announceAcceptanceCleared(effects, fresh, seq, previousAccepted);
      announcePostChange(effects, fresh, (await loadPost(trx, post.id))!, seq);
    }
    announceAwards(effects, ...awarded);
    return {
      threadDeleted: post.is_opening,
      thread: { id: thread.id, slug: thread.slug, spaceSlug: thread.space.slug },
    };
  },
});
