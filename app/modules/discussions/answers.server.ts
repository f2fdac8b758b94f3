import type { Queryable } from "../../../db/client.ts";
import { ensure } from "../access/ensure.ts";
import { policy, type Viewer } from "../access/policy.ts";
import { defineCommand } from "../commands/command.server.ts";
import { announceAwards, awardPoints } from "../reputation/ledger.server.ts";
import { ConflictError, FieldError, postNotFound, threadNotFound } from "./errors.ts";
import { notify } from "./notifications.server.ts";
import {
  acceptanceKeys,
  displayNameOf,
  requireSignIn,
  revokeAcceptance,
  type Awarded,
} from "./post-changes.server.ts";
import {
  bumpThread,
  loadPost,
  lockThread,
  threadAccess,
  threadSubject,
  toPostView,
} from "./state.server.ts";

async function lockQuestion(trx: Queryable, viewer: Viewer, threadId: number) {
  const thread = await lockThread(trx, threadId);
  if (!thread || !policy.readThread(viewer, threadSubject(thread))) throw threadNotFound();
  if (thread.kind !== "question")
    throw new FieldError("postId", "Only questions have an accepted answer.", 400);
  return thread;
}

/**
 * Marks a reply as the answer to a question (or changes it). The answer's
 * author earns points, the asker a little for closing the loop; a previous
 * acceptance is revoked and its points reversed in the same transaction.
 */
export const acceptAnswer = defineCommand({
  name: "answer.accept",
  authorize: (viewer) => requireSignIn(viewer),
  async run(trx, input: { threadId: number; postId: number }, { viewer, effects, now }) {
    const thread = await lockQuestion(trx, viewer, input.threadId);
    ensure("acceptAnswer", viewer, threadSubject(thread));
    const post = await loadPost(trx, input.postId);
    if (!post || post.thread_id !== thread.id || post.is_opening) throw postNotFound();
    if (post.deleted_at || post.hidden_at)
      throw new ConflictError("That reply was removed, so it cannot be the accepted answer.");
    if (thread.acceptedPostId === post.id) return { changed: false };

    const awarded: Awarded = [];
    const previous = await revokeAcceptance(trx, awarded, thread, {
      by: viewer.id,
      reason: "The asker chose a different answer.",
      at: now,
    });
    const acceptance = await trx
      .insertInto("answer_acceptances")
      .values({ thread_id: thread.id, post_id: post.id, accepted_by: viewer.id, created_at: now })
      .returning("id")
      .executeTakeFirstOrThrow();
    const seq = await bumpThread(trx, thread.id, { accepted_post_id: post.id });
    const [answerKey, askerKey] = acceptanceKeys(thread.id, post.id, acceptance.id);
    const source = { type: "post", id: post.id, title: thread.title };
    // Answering your own question earns nothing; accepting earns the asker a little.
    if (post.author_id !== thread.authorId) {
      awarded.push(
        await awardPoints(trx, {
          userId: post.author_id,
          rule: "answer_accepted",
          source,
          idempotencyKey: answerKey,
          awardedBy: viewer.id,
          at: now,
        }),
      );
      if (viewer.id === thread.authorId)
        awarded.push(
          await awardPoints(trx, {
            userId: thread.authorId,
            rule: "accepted_an_answer",
            source,
            idempotencyKey: askerKey,
            awardedBy: viewer.id,
            at: now,
          }),
        );
    }
    const fresh = (await lockThread(trx, thread.id))!;
    effects.toThread(threadAccess(fresh), "thread:accepted", {
      threadId: thread.id,
      seq,
      postId: post.id,
      previousPostId: previous,
      post: toPostView(post),
    });
    if (post.author_id !== viewer.id)
      await notify(trx, effects, {
        userId: post.author_id,
        role: post.author_role,
        kind: "accepted",
        actor: { id: viewer.id, displayName: await displayNameOf(trx, viewer.id) },
        thread,
        post,
      });
    if (viewer.id !== thread.authorId)
      effects.audit({
        actorId: viewer.id,
        action: "answer.accepted",
        subjectType: "thread",
        subjectId: thread.id,
        details: { postId: post.id, previousPostId: previous },
      });
    announceAwards(effects, ...awarded);
    return { changed: true };
  },
});

/** Clears the accepted answer; its points are reversed. */
export const unacceptAnswer = defineCommand({
  name: "answer.unaccept",
  authorize: (viewer) => requireSignIn(viewer),
  async run(trx, input: { threadId: number }, { viewer, effects, now }) {
    const thread = await lockQuestion(trx, viewer, input.threadId);
    ensure("acceptAnswer", viewer, threadSubject(thread));
    if (!thread.acceptedPostId) return { changed: false };
    const awarded: Awarded = [];
    const previous = await revokeAcceptance(trx, awarded, thread, {
      by: viewer.id,
      reason: "The answer is no longer marked as accepted.",
      at: now,
    });
    const seq = await bumpThread(trx, thread.id, { accepted_post_id: null });
    const fresh = (await lockThread(trx, thread.id))!;
    effects.toThread(threadAccess(fresh), "thread:accepted", {
      threadId: thread.id,
      seq,
      postId: null,
      previousPostId: previous,
      post: null,
    });
    announceAwards(effects, ...awarded);
    return { changed: true };
  },
});
