import { sql } from "kysely";
import type { Queryable } from "../../../db/client.ts";
import { inTransaction } from "../../../db/transaction.ts";
import { policy, type Viewer } from "../access/policy.ts";
import { awardPoints, reversePoints } from "../reputation/ledger.server.ts";
import { ConflictError, ForbiddenError, SignInRequiredError } from "./errors.ts";
import { notify } from "./notifications.server.ts";
import { Outbox } from "./outbox.ts";
import { findReadablePost, lockPostForChange, type WriteOptions } from "./posts.server.ts";
import { bumpThreadAndPost, postSubject, threadAccess, threadSubject } from "./state.server.ts";

export interface VoteResult {
  postId: number;
  voteCount: number;
  voted: boolean;
  outbox: Outbox;
}

/**
 * One upvote per person per post. The author earns points through the
 * ledger (its anti-gaming rules apply); a second vote by the same person
 * changes nothing.
 */
export async function castVote(
  db: Queryable,
  viewer: Viewer,
  postId: number,
  options: WriteOptions = {},
): Promise<VoteResult> {
  if (!viewer) throw new SignInRequiredError("Sign in to vote.");
  const at = options.at ?? new Date();
  const outbox = new Outbox();
  return inTransaction(db, async (trx) => {
    const { thread, post } = await lockPostForChange(trx, viewer, postId);
    if (post.deleted_at)
      throw new ConflictError("This post was deleted: it can no longer be voted on.");
    if (post.hidden_at)
      throw new ConflictError("This post is hidden: it can no longer be voted on.");
    if (post.author_id === viewer.id) throw new ForbiddenError("You cannot vote on your own post.");
    if (!policy.votePost(viewer, threadSubject(thread), postSubject(post)))
      throw new ForbiddenError(
        viewer.role === "prospect"
          ? "Voting opens once you have earned some reputation by taking part."
          : "Voting opens once you have earned 15 reputation points.",
      );
    const vote = await trx
      .insertInto("post_votes")
      .values({ post_id: post.id, voter_id: viewer.id, created_at: at })
      .onConflict((oc) => oc.columns(["post_id", "voter_id"]).doNothing())
      .returning("id")
      .executeTakeFirst();
    if (!vote) return { postId, voteCount: post.vote_count, voted: true, outbox };

    const { seq, voteCount } = await bumpThreadAndPost(
      trx,
      thread.id,
      post.id,
      post.is_opening ? { vote_count: sql`vote_count + 1` } : {},
      { vote_count: sql`vote_count + 1` },
    );
    const key = `vote:${vote.id}`;
    const entry = await awardPoints(trx, {
      userId: post.author_id,
      rule: post.is_opening ? "post_upvoted" : "reply_upvoted",
      source: { type: "post", id: post.id, title: thread.title },
      idempotencyKey: key,
      awardedBy: viewer.id,
      at,
    });
    if (entry) {
      await trx
        .updateTable("post_votes")
        .set({ award_key: key })
        .where("id", "=", vote.id)
        .execute();
      outbox.award(entry);
      if (entry.amount > 0)
        await notify(trx, outbox, {
          userId: post.author_id,
          role: post.author_role,
          kind: "points",
          actor: null,
          thread,
          post,
          data: { amount: entry.amount, rule: entry.rule },
          at,
        });
    }
    outbox.toThread(threadAccess(thread), "post:votes", {
      threadId: thread.id,
      seq,
      postId: post.id,
      voteCount: voteCount,
    });
    return { postId, voteCount: voteCount, voted: true, outbox };
  });
}

/** Takes a vote back; the points it earned are reversed in the same transaction. */
export async function withdrawVote(
  db: Queryable,
  viewer: Viewer,
  postId: number,
  options: WriteOptions = {},
): Promise<VoteResult> {
  if (!viewer) throw new SignInRequiredError("Sign in to vote.");
  const at = options.at ?? new Date();
  const outbox = new Outbox();
  return inTransaction(db, async (trx) => {
    const { thread, post } = await lockPostForChange(trx, viewer, postId);
    if (post.deleted_at) throw new ConflictError("This post was deleted: its votes are closed.");
    const vote = await trx
      .deleteFrom("post_votes")
      .where("post_id", "=", post.id)
      .where("voter_id", "=", viewer.id)
      .returning(["id", "award_key"])
      .executeTakeFirst();
    if (!vote) return { postId, voteCount: post.vote_count, voted: false, outbox };
    const { seq, voteCount } = await bumpThreadAndPost(
      trx,
      thread.id,
      post.id,
      post.is_opening ? { vote_count: sql`greatest(vote_count - 1, 0)` } : {},
      { vote_count: sql`greatest(vote_count - 1, 0)` },
    );
    if (vote.award_key)
      outbox.award(
        await reversePoints(trx, {
          idempotencyKey: vote.award_key,
          reason: "The vote was withdrawn.",
          reversedBy: viewer.id,
          at,
        }),
      );
    outbox.toThread(threadAccess(thread), "post:votes", {
      threadId: thread.id,
      seq,
      postId: post.id,
      voteCount: voteCount,
    });
    return { postId, voteCount: voteCount, voted: false, outbox };
  });
}

/** Who voted on a post, for moderators and people with the vote-breakdown privilege. */
export async function listVoters(db: Queryable, viewer: Viewer, postId: number) {
  if (!policy.seeVoteBreakdown(viewer))
    throw new ForbiddenError("Vote breakdowns are open to moderators and long-standing members.");
  await findReadablePost(db, viewer, postId);
  return db
    .selectFrom("post_votes")
    .innerJoin("users", "users.id", "post_votes.voter_id")
    .select(["users.handle", "users.display_name", "post_votes.created_at"])
    .where("post_votes.post_id", "=", postId)
    .orderBy("post_votes.id")
    .execute();
}
