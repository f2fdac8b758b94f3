import { sql } from "kysely";
import type { Queryable } from "../../../db/client.ts";
import { policy, type Viewer } from "../access/policy.ts";
import { defineCommand } from "../commands/command.server.ts";
import { announceAwards, awardPoints, reversePoints } from "../reputation/ledger.server.ts";
import { ConflictError, FieldError, threadNotFound } from "./errors.ts";
import { resolveFlags } from "./flags.server.ts";
import { notifyPointsEarned } from "./notifications.server.ts";
import {
  announceAcceptanceCleared,
  announcePostChange,
  findReadablePost,
  lockPostForChange,
  requireModerator,
  reversePostPoints,
  revokeAcceptance,
  type Awarded,
} from "./post-changes.server.ts";
import { listAllSpaces } from "./spaces.server.ts";
import {
  bumpThread,
  loadPost,
  lockThread,
  threadAccess,
  threadSubject,
  type PostRow,
} from "./state.server.ts";

/**
 * Hides a post from everyone but moderators, live. Points it earned are
 * reversed; hiding the opening post hides the whole thread.
 */
export const hidePost = defineCommand({
  name: "post.hide",
  authorize: (viewer) => requireModerator(viewer),
  async run(trx, input: { postId: number; reason: string }, { viewer, effects, now }) {
    const moderator = viewer!;
    const { reason } = input;
    const { thread, post } = await lockPostForChange(trx, viewer, input.postId);
    if (post.deleted_at) throw new ConflictError("This post was deleted.");
    if (post.hidden_at) throw new ConflictError("This post is already hidden.");
    await trx
      .updateTable("posts")
      .set({ hidden_at: now, hidden_by: moderator.id, hidden_reason: reason })
      .where("id", "=", post.id)
      .execute();
    const awarded = await reversePostPoints(trx, {
      postId: post.id,
      reason: `Hidden by a moderator: ${reason}`,
      by: moderator.id,
      at: now,
    });
    let previousAccepted: number | null = null;
    if (thread.acceptedPostId === post.id)
      previousAccepted = await revokeAcceptance(trx, awarded, thread, {
        by: moderator.id,
        reason: `The answer was hidden by a moderator: ${reason}`,
        at: now,
      });
    const seq = await bumpThread(trx, thread.id, {
      ...(post.is_opening
        ? { hidden_at: now }
        : { reply_count: sql`greatest(reply_count - 1, 0)` }),
      ...(previousAccepted ? { accepted_post_id: null } : {}),
    });
    await trx.updateTable("posts").set({ change_seq: seq }).where("id", "=", post.id).execute();
    const flags = await resolveFlags(trx, post.id, moderator.id, "hidden", now);
    effects.audit({
      actorId: moderator.id,
      action: post.is_opening ? "thread.hidden" : "post.hidden",
      subjectType: post.is_opening ? "thread" : "post",
      subjectId: post.is_opening ? thread.id : post.id,
      reason,
      details: { threadId: thread.id, postId: post.id, flagsResolved: flags },
    });
    const fresh = (await lockThread(trx, thread.id))!;
    if (post.is_opening) effects.accessChanged(threadAccess(fresh));
    if (previousAccepted) announceAcceptanceCleared(effects, fresh, seq, previousAccepted);
    announcePostChange(effects, fresh, (await loadPost(trx, post.id))!, seq);
    announceAwards(effects, ...awarded);
    return {};
  },
});

/** Restores a hidden post; the votes it still holds earn their points again. */
export const unhidePost = defineCommand({
  name: "post.unhide",
  authorize: (viewer) => requireModerator(viewer),
  async run(trx, input: { postId: number; reason: string }, { viewer, effects, now }) {
    const moderator = viewer!;
    const { thread, post } = await lockPostForChange(trx, viewer, input.postId);
    if (post.deleted_at) throw new ConflictError("This post was deleted.");
    if (!post.hidden_at) throw new ConflictError("This post is not hidden.");
    await trx
      .updateTable("posts")
      .set({ hidden_at: null, hidden_by: null, hidden_reason: null })
      .where("id", "=", post.id)
      .execute();
    const seq = await bumpThread(
      trx,
      thread.id,
      post.is_opening ? { hidden_at: null } : { reply_count: sql`reply_count + 1` },
    );
    await trx.updateTable("posts").set({ change_seq: seq }).where("id", "=", post.id).execute();
    const awarded = await restorePostPoints(trx, { ...post, hidden_at: null }, thread.title, now);
    effects.audit({
      actorId: moderator.id,
      action: post.is_opening ? "thread.unhidden" : "post.unhidden",
      subjectType: post.is_opening ? "thread" : "post",
      subjectId: post.is_opening ? thread.id : post.id,
      reason: input.reason,
      details: { threadId: thread.id, postId: post.id },
    });
    const fresh = (await lockThread(trx, thread.id))!;
    announcePostChange(effects, fresh, (await loadPost(trx, post.id))!, seq);
    announceAwards(effects, ...awarded);
    return {};
  },
});

/** Votes and the helpful mark a restored post still holds earn again, under fresh keys. */
async function restorePostPoints(
  trx: Queryable,
  post: PostRow,
  title: string,
  at: Date,
): Promise<Awarded> {
  const awarded: Awarded = [];
  const stamp = at.getTime();
  const votes = await trx
    .selectFrom("post_votes")
    .select(["id", "voter_id"])
    .where("post_id", "=", post.id)
    .where("award_key", "is", null)
    .orderBy("id")
    .execute();
  for (const vote of votes) {
    if (vote.voter_id === post.author_id) continue;
    const key = `vote:${vote.id}:restored:${stamp}`;
    const entry = await awardPoints(trx, {
      userId: post.author_id,
      rule: post.is_opening ? "post_upvoted" : "reply_upvoted",
      source: { type: "post", id: post.id, title },
      idempotencyKey: key,
      awardedBy: vote.voter_id,
      at,
    });
    if (entry) {
      await trx
        .updateTable("post_votes")
        .set({ award_key: key })
        .where("id", "=", vote.id)
        .execute();
      awarded.push(entry);
    }
  }
  const helpful = await trx
    .selectFrom("posts")
    .select(["helpful_at", "helpful_by", "helpful_award_key"])
    .where("id", "=", post.id)
    .executeTakeFirstOrThrow();
  if (helpful.helpful_at && !helpful.helpful_award_key) {
    const key = `helpful:${post.id}:restored:${stamp}`;
    const entry = await awardPoints(trx, {
      userId: post.author_id,
      rule: "reply_marked_helpful",
      source: { type: "post", id: post.id, title },
      idempotencyKey: key,
      awardedBy: helpful.helpful_by,
      at,
    });
    if (entry) {
      await trx
        .updateTable("posts")
        .set({ helpful_award_key: key })
        .where("id", "=", post.id)
        .execute();
      awarded.push(entry);
    }
  }
  return awarded;
}

/** Locks or unlocks a thread: no new replies or edits, except by moderators. */
export const setThreadLocked = defineCommand({
  name: "thread.lock",
  authorize: (viewer) => requireModerator(viewer),
  async run(
    trx,
    input: { threadId: number; locked: boolean; reason: string },
    { viewer, effects, now },
  ) {
    const moderator = viewer!;
    const { locked } = input;
    const thread = await lockThread(trx, input.threadId);
    if (!thread || !policy.readThread(viewer, threadSubject(thread))) throw threadNotFound();
    if (Boolean(thread.lockedAt) === locked)
      throw new ConflictError(
        locked ? "This thread is already locked." : "This thread is not locked.",
      );
    const seq = await bumpThread(trx, thread.id, {
      locked_at: locked ? now : null,
      locked_by: locked ? moderator.id : null,
    });
    effects.audit({
      actorId: moderator.id,
      action: locked ? "thread.locked" : "thread.unlocked",
      subjectType: "thread",
      subjectId: thread.id,
      reason: input.reason,
    });
    const fresh = (await lockThread(trx, thread.id))!;
    effects.toThread(threadAccess(fresh), "thread:locked", { threadId: thread.id, seq, locked });
    return {};
  },
});

/** Moves a thread to another space; readers who may not follow it there lose it, live. */
export const moveThread = defineCommand({
  name: "thread.move",
  authorize: (viewer) => requireModerator(viewer),
  async run(
    trx,
    input: { threadId: number; spaceId: number; reason: string },
    { viewer, effects },
  ) {
    const moderator = viewer!;
    const thread = await lockThread(trx, input.threadId);
    if (!thread || !policy.readThread(viewer, threadSubject(thread))) throw threadNotFound();
    const target = (await listAllSpaces(trx)).find((s) => s.id === input.spaceId);
    if (!target) throw new FieldError("spaceId", "Choose a space to move the thread to.");
    if (target.id === thread.space.id)
      throw new FieldError("spaceId", "The thread is already in that space.", 409);
    const seq = await bumpThread(trx, thread.id, { space_id: target.id });
    effects.audit({
      actorId: moderator.id,
      action: "thread.moved",
      subjectType: "thread",
      subjectId: thread.id,
      reason: input.reason,
      details: { from: thread.space.slug, to: target.slug },
    });
    const fresh = (await lockThread(trx, thread.id))!;
    effects.accessChanged(threadAccess(fresh));
    effects.toThread(threadAccess(fresh), "thread:moved", {
      threadId: thread.id,
      seq,
      space: { slug: target.slug, name: target.name },
    });
    return { spaceSlug: target.slug };
  },
});

/** A manager marks a reply as especially helpful (or takes the mark back); its author earns points. */
export const setHelpful = defineCommand({
  name: "post.helpful",
  authorize: (viewer) => requireModerator(viewer),
  async run(trx, input: { postId: number; helpful: boolean }, { viewer, effects, now }) {
    const moderator = viewer!;
    const { helpful } = input;
    const { thread, post } = await lockPostForChange(trx, viewer, input.postId);
    if (post.is_opening) throw new FieldError("postId", "Only replies can be marked helpful.");
    if (post.deleted_at || post.hidden_at)
      throw new ConflictError("This reply was removed, so it cannot be marked helpful.");
    if (Boolean(post.helpful_at) === helpful)
      throw new ConflictError(
        helpful ? "This reply is already marked helpful." : "This reply is not marked helpful.",
      );
    const current = await trx
      .selectFrom("posts")
      .select("helpful_award_key")
      .where("id", "=", post.id)
      .executeTakeFirstOrThrow();
    const awarded: Awarded = [];
    let key: string | null = null;
    let earned: { amount: number; rule: string } | null = null;
    if (helpful && post.author_id !== moderator.id) {
      key = `helpful:${post.id}:${now.getTime()}`;
      const entry = await awardPoints(trx, {
        userId: post.author_id,
        rule: "reply_marked_helpful",
        source: { type: "post", id: post.id, title: thread.title },
        idempotencyKey: key,
        awardedBy: moderator.id,
        at: now,
      });
      awarded.push(entry);
      earned = entry;
    } else if (!helpful && current.helpful_award_key) {
      awarded.push(
        await reversePoints(trx, {
          idempotencyKey: current.helpful_award_key,
          reason: "The helpful mark was taken back.",
          reversedBy: moderator.id,
          at: now,
        }),
      );
    }
    const seq = await bumpThread(trx, thread.id);
    await trx
      .updateTable("posts")
      .set({
        helpful_at: helpful ? now : null,
        helpful_by: helpful ? moderator.id : null,
        helpful_award_key: key,
        change_seq: seq,
      })
      .where("id", "=", post.id)
      .execute();
    effects.audit({
      actorId: moderator.id,
      action: helpful ? "post.marked_helpful" : "post.unmarked_helpful",
      subjectType: "post",
      subjectId: post.id,
      details: { threadId: thread.id },
    });
    const fresh = (await lockThread(trx, thread.id))!;
    announcePostChange(effects, fresh, (await loadPost(trx, post.id))!, seq);
    await notifyPointsEarned(trx, effects, thread, post, earned);
    announceAwards(effects, ...awarded);
    return {};
  },
});

/** Earlier versions of a post, newest first, for moderators. */
export async function listRevisions(db: Queryable, viewer: Viewer, postId: number) {
  requireModerator(viewer);
  await findReadablePost(db, viewer, postId);
  return db
    .selectFrom("post_revisions")
    .innerJoin("users", "users.id", "post_revisions.editor_id")
    .select([
      "post_revisions.id",
      "post_revisions.title",
      "post_revisions.body_md",
      "post_revisions.created_at",
      "users.handle as editor_handle",
      "users.display_name as editor_name",
    ])
    .where("post_revisions.post_id", "=", postId)
    .orderBy("post_revisions.id", "desc")
    .execute();
}
