import { describe, expect, it } from "vitest";
import { policy, type SpaceSubject, type ThreadSubject, type Viewer } from "../access/policy.ts";

// The discussion rules of the one access policy, case by case.
const open: SpaceSubject = { visibility: "public", minTierRank: null, prospectsMayAsk: true };
const showcase: SpaceSubject = { visibility: "public", minTierRank: null, prospectsMayAsk: false };
const members: SpaceSubject = { visibility: "members", minTierRank: null, prospectsMayAsk: false };
const mvp: SpaceSubject = { visibility: "tier", minTierRank: 4, prospectsMayAsk: false };

const anonymous: Viewer = null;
const prospect: Viewer = { id: 1, role: "prospect", reputation: 0 };
const newcomer: Viewer = { id: 2, role: "advocate", reputation: 0, tierRank: 1 };
const regular: Viewer = { id: 3, role: "advocate", reputation: 60, tierRank: 2 };
const mvpAdvocate: Viewer = { id: 4, role: "advocate", reputation: 900, tierRank: 4 };
const manager: Viewer = { id: 5, role: "manager" };

const thread = (space: SpaceSubject, overrides: Partial<ThreadSubject> = {}): ThreadSubject => ({
  kind: "question",
  authorId: 3,
  space,
  lockedAt: null,
  hiddenAt: null,
  deletedAt: null,
  ...overrides,
});

describe("reading", () => {
  it("opens public spaces to everyone, members spaces to anyone signed in, tier spaces by rank", () => {
    expect([anonymous, prospect, regular].map((v) => policy.readSpace(v, open))).toEqual([
      true,
      true,
      true,
    ]);
    expect([anonymous, prospect, regular].map((v) => policy.readSpace(v, members))).toEqual([
      false,
      true,
      true,
    ]);
    expect(
      [anonymous, prospect, regular, mvpAdvocate, manager].map((v) => policy.readSpace(v, mvp)),
    ).toEqual([false, false, false, true, true]);
    // Until a viewer's tier is known, tier spaces are for staff only.
    expect(policy.readSpace({ id: 9, role: "advocate", reputation: 5000 }, mvp)).toBe(false);
  });

  it("hides hidden threads from all but moderators, and deleted ones from everyone", () => {
    const hidden = thread(open, { hiddenAt: new Date() });
    expect(policy.readThread(regular, hidden)).toBe(false);
    expect(policy.readThread(manager, hidden)).toBe(true);
    expect(policy.readThread(manager, thread(open, { deletedAt: new Date() }))).toBe(false);
    const post = { authorId: 3, hiddenAt: new Date(), deletedAt: null };
    expect(policy.readPost(regular, thread(open), post)).toBe(false);
    expect(policy.readPost(manager, thread(open), post)).toBe(true);
  });
});

describe("writing", () => {
  it("lets prospects ask only where visitors are welcome, and never start discussions", () => {
    expect(policy.startThread(prospect, open, "question")).toBe(true);
    expect(policy.startThread(prospect, showcase, "question")).toBe(false);
    expect(policy.startThread(prospect, open, "discussion")).toBe(false);
    expect(policy.startThread(anonymous, open, "question")).toBe(false);
    expect(policy.startThread(newcomer, showcase, "discussion")).toBe(true);
    expect(policy.startThread(regular, mvp, "question")).toBe(false);
  });

  it("closes locked threads to everyone but moderators", () => {
    const locked = thread(open, { lockedAt: new Date() });
    expect(policy.replyToThread(regular, locked)).toBe(false);
    expect(policy.replyToThread(manager, locked)).toBe(true);
    expect(policy.editPost(regular, locked, { authorId: 3, hiddenAt: null, deletedAt: null })).toBe(
      false,
    );
  });

  it("lets prospects reply where they may ask and in their own questions", () => {
    expect(policy.replyToThread(prospect, thread(open))).toBe(true);
    expect(policy.replyToThread(prospect, thread(showcase))).toBe(false);
    expect(policy.replyToThread(prospect, thread(showcase, { authorId: 1 }))).toBe(true);
    expect(policy.replyToThread(anonymous, thread(open))).toBe(false);
  });
});

describe("votes, flags and answers", () => {
  const post = { authorId: 3, hiddenAt: null, deletedAt: null };
  it("needs the vote privilege, never on your own post, never on removed posts", () => {
    expect(policy.votePost(newcomer, thread(open), post)).toBe(false);
    expect(policy.votePost(mvpAdvocate, thread(open), post)).toBe(true);
    expect(policy.votePost(regular, thread(open), post)).toBe(false);
    expect(policy.votePost(manager, thread(open), { ...post, deletedAt: new Date() })).toBe(false);
    expect(policy.flagPost(mvpAdvocate, thread(open), post)).toBe(true);
    expect(policy.flagPost(newcomer, thread(open), post)).toBe(false);
  });

  it("lets the asker or a manager accept an answer, on questions only", () => {
    expect(policy.acceptAnswer(regular, thread(open))).toBe(true);
    expect(policy.acceptAnswer(mvpAdvocate, thread(open))).toBe(false);
    expect(policy.acceptAnswer(manager, thread(open))).toBe(true);
    expect(policy.acceptAnswer(regular, thread(open, { kind: "discussion" }))).toBe(false);
  });

  it("shows who voted to moderators and long-standing members only", () => {
    expect(policy.seeVoteBreakdown(manager)).toBe(true);
    expect(policy.seeVoteBreakdown(regular)).toBe(false);
    expect(policy.seeVoteBreakdown({ id: 7, role: "advocate", reputation: 1000 })).toBe(true);
  });
});

describe("editing and deleting", () => {
  const others = { authorId: 2, hiddenAt: null, deletedAt: null };
  it("lets authors edit and delete their own posts, and trusted members fix others'", () => {
    expect(policy.editPost(newcomer, thread(open), others)).toBe(true);
    expect(policy.deletePost(newcomer, thread(open), others)).toBe(true);
    expect(policy.editPost(regular, thread(open), others)).toBe(false);
    const trusted: Viewer = { id: 8, role: "advocate", reputation: 1000 };
    expect(policy.editPost(trusted, thread(open), others)).toBe(true);
    expect(policy.deletePost(trusted, thread(open), others)).toBe(false);
    expect(policy.editPost(trusted, thread(open, { lockedAt: new Date() }), others)).toBe(false);
    expect(policy.deletePost(manager, thread(open), others)).toBe(true);
  });
});
