import { sql } from "kysely";
import type { Queryable } from "../../../db/client.ts";
import { allowed, ensure, refusal } from "../access/ensure.ts";
import type { Viewer } from "../access/policy.ts";
import { defineCommand } from "../commands/command.server.ts";
import { announceAwards, awardPoints, reversePoints } from "../reputation/ledger.server.ts";
import { ConflictError, ForbiddenError } from "./errors.ts";
import { notifyPointsEarned } from "./notifications.server.ts";
import { findReadablePost, lockPostForChange, requireSignIn } from "./post-changes.server.ts";
import { bumpThreadAndPost, postSubject, threadAccess, threadSubject } from "./state.server.ts";

export interface VoteResult {
  postId: number;
  voteCount: number;
  voted: boolean;
}

/**
 * One upvote per person per post. The author earns points through the
 * ledger (its anti-gaming rules apply); a second vote by the same person
 * changes nothing.
 */
export const castVote = defineCommand({
  name: "post.vote",
  authorize: (viewer) => requireSignIn(viewer, "Sign in to vote."),
  async run(trx, { postId }: { postId: number }, { viewer, effects, now }): Promise<VoteResult> {
    const { thread, post } = await lockPostForChange(trx, viewer, postId);
    if (post.deleted_at)
      throw new ConflictError("This post was deleted: it can no longer be voted on.");
    if (post.hidden_at)
      throw new ConflictError("This post is hidden: it can no longer be voted on.");
    ensure("takePartWithConfirmedEmail", viewer);
    ensure("votePost", viewer, threadSubject(thread), postSubject(post));
    const vote = await trx
      .insertInto("post_votes")
      .values({ post_id: post.id, voter_id: viewer.id, created_at: now })
      .onConflict((oc) => oc.columns(["post_id", "voter_id"]).doNothing())
      .returning("id")
      .executeTakeFirst();
    if (!vote) return { postId, voteCount: post.vote_count, voted: true };

    const { seq, voteCount } = await bumpThreadAndPost(
      trx,
      thread.id,
      post.id,
      post.is_opening ? { vote_count: sql`vote_count + 1` } : {},
      { vote_count: sql`vote_count + 1` },
    );
    effects.toThread(threadAccess(thread), "post:votes", {
      threadId: thread.id,
      seq,
      postId: post.id,
      voteCount,
    });
    const key = `vote:${vote.id}`;
    const entry = await awardPoints(trx, {
      userId: post.author_id,
      rule: post.is_opening ? "post_upvoted" : "reply_upvoted",
      source: { type: "post", id: post.id, title: thread.title },
      idempotencyKey: key,
      awardedBy: viewer.id,
      at: now,
    });
    if (entry) {
      await trx
        .updateTable("post_votes")
        .set({ award_key: key })
        .where("id", "=", vote.id)
        .execute();
      await notifyPointsEarned(trx, effects, thread, post, entry);
      announceAwards(effects, entry);
    }
    return { postId, voteCount, voted: true };
  },
});

/** Takes a vote back; the points it earned are reversed in the same transaction. */
export const withdrawVote = defineCommand({
  name: "post.unvote",
  authorize: (viewer) => requireSignIn(viewer, "Sign in to vote."),
  async run(trx, { postId }: { postId: number }, { viewer, effects, now }): Promise<VoteResult> {
    const { thread, post } = await lockPostForChange(trx, viewer, postId);
    if (post.deleted_at) throw new ConflictError("This post was deleted: its votes are closed.");
    const vote = await trx
      .deleteFrom("post_votes")
      .where("post_id", "=", post.id)
      .where("voter_id", "=", viewer!.id)
      .returning(["id", "award_key"])
      .executeTakeFirst();
    if (!vote) return { postId, voteCount: post.vote_count, voted: false };
    const { seq, voteCount } = await bumpThreadAndPost(
      trx,
      thread.id,
      post.id,
      post.is_opening ? { vote_count: sql`greatest(vote_count - 1, 0)` } : {},
      { vote_count: sql`greatest(vote_count - 1, 0)` },
    );
    effects.toThread(threadAccess(thread), "post:votes", {
      threadId: thread.id,
      seq,
      postId: post.id,
      voteCount,
    });
    if (vote.award_key)
      announceAwards(
        effects,
        await reversePoints(trx, {
          idempotencyKey: vote.award_key,
          reason: "The vote was withdrawn.",
          reversedBy: viewer!.id,
          at: now,
        }),
      );
    return { postId, voteCount, voted: false };
  },
});

/** Who voted on a post, for moderators and people with the vote-breakdown privilege. */
export async function listVoters(db: Queryable, viewer: Viewer, postId: number) {
  // A breakdown is a privilege, not a sign-in: visitors are refused like members (403).
  if (!allowed("seeVoteBreakdown", viewer))
    throw new ForbiddenError(refusal("seeVoteBreakdown", viewer, []).message);
  await findReadablePost(db, viewer, postId);
  return db
    .selectFrom("post_votes")
    .innerJoin("users", "users.id", "post_votes.voter_id")
    .select(["users.handle", "users.display_name", "post_votes.created_at"])
    .where("post_votes.post_id", "=", postId)
    .orderBy("post_votes.id")
    .execute();
}
