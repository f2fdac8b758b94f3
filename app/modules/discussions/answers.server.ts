import type { Queryable } from "../../../db/client.ts";
import { inTransaction } from "../../../db/transaction.ts";
import { policy, type Viewer } from "../access/policy.ts";
import { recordAudit } from "../audit/audit.server.ts";
import { awardPoints } from "../reputation/ledger.server.ts";
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
import { acceptanceKeys, revokeAcceptance, type WriteOptions } from "./posts.server.ts";
import {
  bumpThread,
  loadPost,
  lockThread,
  threadAccess,
  threadSubject,
  toPostView,
} from "./state.server.ts";

async function lockQuestion(trx: Queryable, viewer: NonNullable<Viewer>, threadId: number) {
  const thread = await lockThread(trx, threadId);
  if (!thread || !policy.readThread(viewer, threadSubject(thread))) throw threadNotFound();
  if (thread.kind !== "question")
    throw new FieldError("postId", "Only questions have an accepted answer.", 400);
  if (!policy.acceptAnswer(viewer, threadSubject(thread)))
    throw new ForbiddenError(
      "Only the person who asked (or a community manager) can choose the accepted answer.",
    );
  return thread;
}

/**
 * Marks a reply as the answer to a question (or changes it). The answer's
 * author earns points, the asker a little for closing the loop; a previous
 * acceptance is revoked and its points reversed in the same transaction.
 */
export async function acceptAnswer(
  db: Queryable,
  viewer: Viewer,
  threadId: number,
  postId: number,
  options: WriteOptions = {},
): Promise<{ outbox: Outbox; changed: boolean }> {
  if (!viewer) throw new SignInRequiredError();
  const at = options.at ?? new Date();
  const outbox = new Outbox();
  return inTransaction(db, async (trx) => {
    const thread = await lockQuestion(trx, viewer, threadId);
    const post = await loadPost(trx, postId);
    if (!post || post.thread_id !== thread.id || post.is_opening) throw postNotFound();
    if (post.deleted_at || post.hidden_at)
      throw new ConflictError("That reply was removed, so it cannot be the accepted answer.");
    if (thread.acceptedPostId === post.id) return { outbox, changed: false };

    const previous = await revokeAcceptance(
      trx,
      outbox,
      thread,
      viewer.id,
      "The asker chose a different answer.",
      at,
    );
    const acceptance = await trx
      .insertInto("answer_acceptances")
      .values({ thread_id: thread.id, post_id: post.id, accepted_by: viewer.id, created_at: at })
      .returning("id")
      .executeTakeFirstOrThrow();
    const seq = await bumpThread(trx, thread.id, { accepted_post_id: post.id });
    const [answerKey, askerKey] = acceptanceKeys(thread.id, post.id, acceptance.id);
    const source = { type: "post", id: post.id, title: thread.title };
    // Answering your own question earns nothing; accepting earns the asker a little.
    if (post.author_id !== thread.authorId) {
      const answerEntry = await awardPoints(trx, {
        userId: post.author_id,
        rule: "answer_accepted",
        source,
        idempotencyKey: answerKey,
        awardedBy: viewer.id,
        at,
      });
      outbox.award(answerEntry);
      if (viewer.id === thread.authorId)
        outbox.award(
          await awardPoints(trx, {
            userId: thread.authorId,
            rule: "accepted_an_answer",
            source,
            idempotencyKey: askerKey,
            awardedBy: viewer.id,
            at,
          }),
        );
    }
    if (post.author_id !== viewer.id)
      await notify(trx, outbox, {
        userId: post.author_id,
        role: post.author_role,
        kind: "accepted",
        actor: {
          id: viewer.id,
          displayName: (
            await trx
              .selectFrom("users")
              .select("display_name")
              .where("id", "=", viewer.id)
              .executeTakeFirstOrThrow()
          ).display_name,
        },
        thread,
        post,
        at,
      });
    if (viewer.id !== thread.authorId)
      await recordAudit(trx, {
        actorId: viewer.id,
        action: "answer.accepted",
        subjectType: "thread",
        subjectId: thread.id,
        details: { postId: post.id, previousPostId: previous },
      });
    const fresh = (await lockThread(trx, thread.id))!;
    outbox.toThread(threadAccess(fresh), "thread:accepted", {
      threadId: thread.id,
      seq,
      postId: post.id,
      previousPostId: previous,
      post: toPostView(post),
    });
    return { outbox, changed: true };
  });
}

/** Clears the accepted answer; its points are reversed. */
export async function unacceptAnswer(
  db: Queryable,
  viewer: Viewer,
  threadId: number,
  options: WriteOptions = {},
): Promise<{ outbox: Outbox; changed: boolean }> {
  if (!viewer) throw new SignInRequiredError();
  const at = options.at ?? new Date();
  const outbox = new Outbox();
  return inTransaction(db, async (trx) => {
    const thread = await lockQuestion(trx, viewer, threadId);
    if (!thread.acceptedPostId) return { outbox, changed: false };
    const previous = await revokeAcceptance(
      trx,
      outbox,
      thread,
      viewer.id,
      "The answer is no longer marked as accepted.",
      at,
    );
    const seq = await bumpThread(trx, thread.id, { accepted_post_id: null });
    const fresh = (await lockThread(trx, thread.id))!;
    outbox.toThread(threadAccess(fresh), "thread:accepted", {
      threadId: thread.id,
      seq,
      postId: null,
      previousPostId: previous,
      post: null,
    });
    return { outbox, changed: true };
  });
}
