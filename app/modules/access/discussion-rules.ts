import { holdsPrivilege, type PrivilegeKey } from "./privileges.ts";
import { isSignedIn, isStaff, type Viewer } from "./viewer.ts";

export interface SpaceSubject {
  visibility: "public" | "members" | "tier";
  minTierRank: number | null;
  prospectsMayAsk: boolean;
}

export interface ThreadSubject {
  kind: "question" | "discussion";
  authorId: number;
  space: SpaceSubject;
  lockedAt: Date | string | null;
  hiddenAt: Date | string | null;
  deletedAt: Date | string | null;
}

export interface PostSubject {
  authorId: number;
  hiddenAt: Date | string | null;
  deletedAt: Date | string | null;
}

export const discussionRules = {
  // Discussions: spaces, threads and posts. Pages, lists, search, notifications
  // and socket events all ask these, so a restricted thread never leaks.
  readSpace(viewer: Viewer, space: SpaceSubject): boolean {
    if (space.visibility === "public") return true;
    if (space.visibility === "members") return isSignedIn(viewer);
    return meetsTier(viewer, space.minTierRank);
  },
  startThread(viewer: Viewer, space: SpaceSubject, kind: "question" | "discussion"): boolean {
    if (!isSignedIn(viewer) || !discussionRules.readSpace(viewer, space)) return false;
    if (isStaff(viewer)) return true;
    if (viewer.role === "prospect") return kind === "question" && space.prospectsMayAsk;
    return kind === "question" || canUse(viewer, "start_discussion");
  },
  readThread(viewer: Viewer, thread: ThreadSubject): boolean {
    if (thread.deletedAt) return false;
    if (!discussionRules.readSpace(viewer, thread.space)) return false;
    return !thread.hiddenAt || isStaff(viewer);
  },
  replyToThread(viewer: Viewer, thread: ThreadSubject): boolean {
    if (!isSignedIn(viewer) || !discussionRules.readThread(viewer, thread)) return false;
    if (isStaff(viewer)) return true;
    if (thread.lockedAt) return false;
    // Prospects take part where they may ask, and always in their own questions.
    if (viewer.role === "prospect")
      return thread.space.prospectsMayAsk || thread.authorId === viewer.id;
    return true;
  },
  readPost(viewer: Viewer, thread: ThreadSubject, post: PostSubject): boolean {
    if (!discussionRules.readThread(viewer, thread)) return false;
    return isStaff(viewer) || (!post.hiddenAt && !post.deletedAt);
  },
  /** Authors edit their posts; long-standing members may fix others' (the "edit_others" privilege). */
  editPost(viewer: Viewer, thread: ThreadSubject, post: PostSubject): boolean {
    if (!isSignedIn(viewer) || post.deletedAt || !discussionRules.readThread(viewer, thread))
      return false;
    if (isStaff(viewer)) return true;
    if (post.hiddenAt || thread.lockedAt) return false;
    return post.authorId === viewer.id || canUse(viewer, "edit_others");
  },
  deletePost(viewer: Viewer, thread: ThreadSubject, post: PostSubject): boolean {
    if (!isSignedIn(viewer) || post.deletedAt || !discussionRules.readThread(viewer, thread))
      return false;
    if (isStaff(viewer)) return true;
    return post.authorId === viewer.id && !post.hiddenAt && !thread.lockedAt;
  },
  votePost(viewer: Viewer, thread: ThreadSubject, post: PostSubject): boolean {
    if (!isSignedIn(viewer) || post.authorId === viewer.id) return false;
    if (post.hiddenAt || post.deletedAt || !discussionRules.readThread(viewer, thread))
      return false;
    return canUse(viewer, "vote");
  },
  flagPost(viewer: Viewer, thread: ThreadSubject, post: PostSubject): boolean {
    if (!isSignedIn(viewer) || post.authorId === viewer.id) return false;
    if (post.deletedAt || !discussionRules.readPost(viewer, thread, post)) return false;
    return canUse(viewer, "flag");
  },
  acceptAnswer(viewer: Viewer, thread: ThreadSubject): boolean {
    if (!isSignedIn(viewer) || thread.kind !== "question") return false;
    if (!discussionRules.readThread(viewer, thread)) return false;
    return thread.authorId === viewer.id || isStaff(viewer);
  },
  seeVoteBreakdown(viewer: Viewer): boolean {
    return canUse(viewer, "see_vote_breakdown");
  },
  /** Hide and unhide posts, lock and move threads, work the flag queue, mark replies helpful. */
  moderateDiscussions(viewer: Viewer): boolean {
    return isStaff(viewer);
  },
};

/** Staff always read tier spaces; others once their tier rank is known and high enough. */
function meetsTier(viewer: Viewer, minTierRank: number | null): boolean {
  if (isStaff(viewer)) return true;
  if (!isSignedIn(viewer) || viewer.tierRank === undefined) return false;
  return viewer.tierRank >= (minTierRank ?? 0);
}

function canUse(viewer: Viewer, privilege: PrivilegeKey): boolean {
  return holdsPrivilege(viewer, privilege, viewer?.privilegeThresholds);
}
