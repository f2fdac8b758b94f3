import { policy } from "../../app/modules/access/policy.ts";
import { loadViewer } from "../../app/modules/viewer/viewer.server.ts";
import { contextFor } from "../../app/modules/commands/command.server.ts";
import { acceptAnswer } from "../../app/modules/discussions/answers.server.ts";
import { flagPost } from "../../app/modules/discussions/flags.server.ts";
import { setHelpful } from "../../app/modules/discussions/moderation.server.ts";
import { createReply, createThread } from "../../app/modules/discussions/posts.server.ts";
import { createSpace } from "../../app/modules/discussions/spaces.server.ts";
import { castVote } from "../../app/modules/discussions/votes.server.ts";
import { getBalance } from "../../app/modules/reputation/ledger.server.ts";
import type { Queryable } from "../client.ts";
import type { Role } from "../schema.ts";
import { SEED_SPACES, SEED_THREADS, type SeedThread } from "./discussion-content.ts";

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** A small deterministic generator, so every demo community gets the same votes. */
function random(seed: number) {
  let state = seed >>> 0 || 1;
  return () => {
    state = (state * 1_664_525 + 1_013_904_223) >>> 0;
    return state / 2 ** 32;
  };
}

type Step =
  | { at: number; kind: "thread"; thread: SeedThread; index: number }
  | { at: number; kind: "reply"; thread: SeedThread; index: number; reply: number }
  | { at: number; kind: "accept"; thread: SeedThread; index: number; reply: number }
  | { at: number; kind: "helpful"; thread: SeedThread; index: number; reply: number }
  | { at: number; kind: "flag"; thread: SeedThread; index: number; reply: number; by: string }
  | { at: number; kind: "vote"; thread: SeedThread; index: number; reply: number | null };

const STAFF = ["morgan", "priya", "jonas"];

/**
 * The demo community's discussions: spaces, threads, replies, votes and
 * accepted answers, replayed in the order they happened through the domain
 * functions, so notifications and reputation follow exactly as they would
 * have (ledger rows carry the historic dates).
 */
export async function seedDiscussions(
  db: Queryable,
  people: Map<string, number>,
  now: Date,
): Promise<void> {
  const spaceIds = new Map<string, number>();
  for (const [position, space] of SEED_SPACES.entries()) {
    const created = await createSpace(contextFor(db, null, { now }), { ...space, position });
    spaceIds.set(space.slug, created.id);
  }

  const roles = new Map<number, Role>();
  const users = await db.selectFrom("users").select(["id", "role"]).execute();
  for (const u of users) roles.set(u.id, u.role);
  const idOf = (handle: string) => {
    const id = people.get(handle);
    if (!id) throw new Error(`Seed content names an unknown person: ${handle}`);
    return id;
  };
  const viewerOf = async (handle: string) => {
    const id = idOf(handle);
    return (await loadViewer(db, { id, role: roles.get(id)! }))!;
  };

  // Every step of every thread on one timeline.
  const steps: Step[] = [];
  const nowMs = now.getTime();
  const latest = nowMs - 10 * 60_000;
  const clamp = (t: number) => Math.min(t, latest);
  SEED_THREADS.forEach((thread, index) => {
    const start = nowMs - thread.daysAgo * DAY;
    steps.push({ at: clamp(start), kind: "thread", thread, index });
    const next = random(index + 7);
    for (let v = 0; v < (thread.votes ?? 0); v += 1)
      steps.push({
        at: clamp(start + (1 + next() * 96) * HOUR),
        kind: "vote",
        thread,
        index,
        reply: null,
      });
    thread.replies.forEach((reply, r) => {
      const at = clamp(start + reply.hoursLater * HOUR);
      steps.push({ at, kind: "reply", thread, index, reply: r });
      for (let v = 0; v < (reply.votes ?? 0); v += 1)
        steps.push({
          at: clamp(at + (0.5 + next() * 120) * HOUR),
          kind: "vote",
          thread,
          index,
          reply: r,
        });
      if (reply.accepted)
        steps.push({
          at: clamp(at + (2 + next() * 20) * HOUR),
          kind: "accept",
          thread,
          index,
          reply: r,
        });
      if (reply.helpful)
        steps.push({
          at: clamp(at + (3 + next() * 30) * HOUR),
          kind: "helpful",
          thread,
          index,
          reply: r,
        });
      for (const by of reply.flaggedBy ?? [])
        steps.push({
          at: clamp(at + (1 + next() * 5) * HOUR),
          kind: "flag",
          thread,
          index,
          reply: r,
          by,
        });
    });
  });
  steps.sort((a, b) => a.at - b.at || order(a) - order(b));

  const spaceOf = (thread: SeedThread) => {
    const space = SEED_SPACES.find((s) => s.slug === thread.space)!;
    return {
      visibility: space.visibility,
      minTierRank: space.minTierRank ?? null,
      prospectsMayAsk: space.prospectsMayAsk ?? false,
    };
  };
  // Balances as they grow, read again for the people a step may have paid.
  const standing = new Map(
    (await db.selectFrom("reputation_balances").select(["user_id", "total"]).execute()).map((b) => [
      b.user_id,
      b.total,
    ]),
  );
  const track = async (...handles: string[]) => {
    for (const handle of handles)
      standing.set(idOf(handle), (await getBalance(db, idOf(handle))).total);
  };
  /** The step, done by this person at that moment, as the product would have done it. */
  const as = async (handle: string, at: Date) =>
    contextFor(db, await viewerOf(handle), { now: at });
  const threadIds = new Map<number, number>();
  const replyIds = new Map<string, number>();
  const votedBy = new Map<number, Set<number>>();
  const pickVoter = random(2026);
  const candidates = [...people.entries()]
    .filter(([, id]) => roles.get(id) !== "prospect")
    .map(([handle]) => handle);

  for (const step of steps) {
    const at = new Date(step.at);
    const { thread } = step;
    if (step.kind === "thread") {
      const created = await createThread(await as(thread.author, at), {
        spaceId: spaceIds.get(thread.space)!,
        kind: thread.kind,
        title: thread.title,
        body: thread.body,
        tags: thread.tags,
      });
      threadIds.set(step.index, created.threadId);
      const opening = await db
        .selectFrom("posts")
        .select("id")
        .where("thread_id", "=", created.threadId)
        .where("is_opening", "=", true)
        .executeTakeFirstOrThrow();
      replyIds.set(`${step.index}:opening`, opening.id);
      continue;
    }
    const threadId = threadIds.get(step.index)!;
    const key = `${step.index}:${step.reply ?? "opening"}`;
    if (step.kind === "reply") {
      const reply = thread.replies[step.reply];
      const created = await createReply(await as(reply.author, at), {
        threadId,
        body: reply.body,
      });
      replyIds.set(key, created.postId);
    } else if (step.kind === "accept") {
      const accepter = thread.acceptedBy ?? thread.author;
      await acceptAnswer(await as(accepter, at), { threadId, postId: replyIds.get(key)! });
      await track(thread.replies[step.reply].author, accepter);
    } else if (step.kind === "helpful") {
      const manager = STAFF[step.index % STAFF.length];
      await setHelpful(await as(manager, at), { postId: replyIds.get(key)!, helpful: true });
      await track(thread.replies[step.reply].author);
    } else if (step.kind === "flag") {
      await flagPost(await as(step.by, at), { postId: replyIds.get(key)!, reason: "off_topic" });
    } else {
      // A vote from someone who could vote at that moment and has not voted on this post yet.
      const postId = replyIds.get(key)!;
      const authorHandle = step.reply === null ? thread.author : thread.replies[step.reply].author;
      const voters = votedBy.get(postId) ?? new Set<number>();
      votedBy.set(postId, voters);
      const eligible = candidates.filter((handle) => {
        const id = idOf(handle);
        if (handle === authorHandle || voters.has(id)) return false;
        const viewer = { id, role: roles.get(id)!, reputation: standing.get(id) ?? 0 };
        return policy.readSpace(viewer, spaceOf(thread)) && policy.hasPrivilege(viewer, "vote");
      });
      if (!eligible.length) continue;
      const handle = eligible[Math.floor(pickVoter() * eligible.length)];
      await castVote(await as(handle, at), { postId });
      await track(authorHandle);
      voters.add(idOf(handle));
    }
  }
}

/** At the same moment, a thread exists before its replies, replies before votes and acceptance. */
function order(step: Step): number {
  return ["thread", "reply", "accept", "helpful", "flag", "vote"].indexOf(step.kind);
}
