import { io as connect, type Socket } from "socket.io-client";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { contextFor } from "../../app/modules/commands/command.server.ts";
import type { DbHandle } from "../../db/client.ts";
import type { Role } from "../../db/schema.ts";
import { seedTierCatalogue } from "../../db/seed/tiers.ts";
import { loadViewer } from "../../app/modules/viewer/viewer.server.ts";
import { acceptAnswer } from "../../app/modules/discussions/answers.server.ts";
import { hidePost, moveThread } from "../../app/modules/discussions/moderation.server.ts";
import { createReply, createThread } from "../../app/modules/discussions/posts.server.ts";
import { createSpace, type Space } from "../../app/modules/discussions/spaces.server.ts";
import { castVote } from "../../app/modules/discussions/votes.server.ts";
import type { JoinAck } from "../../app/modules/realtime/events.ts";
import { awardPoints } from "../../app/modules/reputation/ledger.server.ts";
import { grantTier, revokeAward } from "../../app/modules/tiers/awards.server.ts";
import { FLOOD_LIMITS } from "../../server/realtime.ts";
import { createTestDb } from "../support/db.ts";
import { insertUser, TEST_PASSWORD } from "../support/factories.ts";
import { startTestServer, TestClient, type TestServer } from "../support/server.ts";

// Live discussion events through the real server's socket.io: every room join
// and every event delivered is checked by the same policy as the pages.

let handle: DbHandle;
let server: TestServer;
type Person = Awaited<ReturnType<typeof insertUser>>;
let advocate: Person, other: Person, manager: Person, prospect: Person;
let open: Space, members: Space, mvp: Space;
let barrier: { threadId: number };
const opened: Socket[] = [];
let ip = 0;

const viewerOf = (p: Person) => loadViewer(handle.db, { id: p.id, role: p.role as Role });

async function cookieOf(person: Person) {
  const c = new TestClient(server.url, { "X-Forwarded-For": `10.71.0.${ip++ & 255}` });
  const res = await c.post("/login?_data=routes%2Flogin", {
    email: person.email,
    password: TEST_PASSWORD,
  });
  expect(res.status).toBe(204);
  return { client: c, cookie: c.cookieHeader() };
}

async function socketFor(person: Person | null) {
  const headers: Record<string, string> = { Origin: server.url };
  if (person) headers.Cookie = (await cookieOf(person)).cookie;
  const s = connect(server.url, {
    transports: ["websocket"],
    extraHeaders: headers,
    reconnection: false,
    forceNew: true,
  });
  opened.push(s);
  await new Promise<void>((resolve, reject) => {
    s.once("connect", () => resolve());
    s.once("connect_error", reject);
  });
  return s;
}

const join = (s: Socket, threadId: unknown) =>
  new Promise<JoinAck>((resolve) => s.emit("thread:join", { threadId }, resolve));

/** Everything a socket receives, in order. */
function recorder(s: Socket) {
  const events: { event: string; payload: any }[] = [];
  s.onAny((event, payload) => events.push({ event, payload }));
  return events;
}

function next(s: Socket, event: string, match: (payload: any) => boolean = () => true) {
  return new Promise<any>((resolve) => {
    const handler = (payload: any) => {
      if (!match(payload)) return;
      s.off(event, handler);
      resolve(payload);
    };
    s.on(event, handler);
  });
}

/**
 * Proof that nothing else is on its way: a reply in the public barrier
 * thread reaches every listed socket, after anything published before it.
 */
async function barrierFor(...sockets: Socket[]) {
  const arrivals = sockets.map((s) =>
    next(s, "post:created", (p) => p.threadId === barrier.threadId),
  );
  await createReply(
    contextFor(handle.db, await viewerOf(manager), { publisher: server.realtime.publisher }),
    { threadId: barrier.threadId, body: "barrier" },
  );
  await Promise.all(arrivals);
}

const eventsFor = (log: { event: string; payload: any }[], threadId: number) =>
  log.filter((e) => e.payload?.threadId === threadId).map((e) => e.event);

async function thread(author: Person, space: Space, title = "A live thread for socket tests") {
  return await createThread(
    contextFor(handle.db, await viewerOf(author), { publisher: server.realtime.publisher }),
    {
      spaceId: space.id,
      kind: "question",
      title,
      body: "Opening post of a live thread.",
      tags: [],
    },
  );
}

beforeAll(async () => {
  handle = await createTestDb();
  await seedTierCatalogue(handle.db);
  server = await startTestServer(handle, { WRITE_RATE_LIMIT_PER_MINUTE: "10000" });
  manager = await insertUser(handle.db, { role: "manager", displayName: "Mona Manager" });
  advocate = await insertUser(handle.db, { role: "advocate", displayName: "Ari Advocate" });
  other = await insertUser(handle.db, { role: "advocate", displayName: "Olu Other" });
  prospect = await insertUser(handle.db, { role: "prospect", displayName: "Pia Prospect" });
  await awardPoints(handle.db, {
    userId: other.id,
    rule: "manual_adjustment",
    amount: 40,
    reason: "Ran the user group",
    source: { type: "user", id: other.id },
    idempotencyKey: `socket-test:${other.id}`,
    awardedBy: manager.id,
  });
  open = await createSpace(contextFor(handle.db, null), {
    slug: "open",
    name: "Open",
    description: "Public",
    colour: "#047857",
    position: 0,
    visibility: "public",
    prospectsMayAsk: true,
  });
  members = await createSpace(contextFor(handle.db, null), {
    slug: "members",
    name: "Members",
    description: "Signed in",
    colour: "#4d7c0f",
    position: 1,
    visibility: "members",
  });
  mvp = await createSpace(contextFor(handle.db, null), {
    slug: "mvp",
    name: "MVP lounge",
    description: "MVPs",
    colour: "#a16207",
    position: 2,
    visibility: "tier",
    minTierRank: 4,
  });
  barrier = await thread(manager, open, "The barrier thread everyone follows");
});
afterEach(() => {
  for (const s of opened.splice(0)) s.close();
});
afterAll(async () => {
  await server.close();
  await handle.close();
});

describe("joining a thread's room", () => {
  it("asks the access policy: visitors join public threads only; bad payloads are refused", async () => {
    const pub = await thread(advocate, open);
    const priv = await thread(advocate, members);
    const visitor = await socketFor(null);
    const ok = await join(visitor, pub.threadId);
    expect(ok).toMatchObject({ ok: true, threadId: pub.threadId });
    expect((ok as { seq: number }).seq).toBeGreaterThan(0);
    expect(await join(visitor, priv.threadId)).toEqual({
      ok: false,
      error: "We could not find that thread.",
    });
    expect(await join(visitor, 999_999)).toMatchObject({ ok: false });
    expect(await join(visitor, "1; drop table")).toMatchObject({ ok: false });
    const extra = await new Promise<JoinAck>((resolve) =>
      visitor.emit("thread:join", { threadId: pub.threadId, room: "user:1" }, resolve),
    );
    expect(extra).toMatchObject({ ok: false });
    const rooms = [...(server.realtime.io.of("/").sockets.get(visitor.id!)?.rooms ?? [])];
    expect(rooms.sort()).toEqual([visitor.id, `thread:${pub.threadId}`].sort());

    // And the members-only thread's events never reach the visitor.
    await join(visitor, barrier.threadId);
    const log = recorder(visitor);
    await createReply(
      contextFor(handle.db, await viewerOf(other), { publisher: server.realtime.publisher }),
      { threadId: priv.threadId, body: "Members only reply" },
    );
    await barrierFor(visitor);
    expect(eventsFor(log, priv.threadId)).toEqual([]);
  });
});

describe("events a thread's readers receive", () => {
  it("delivers a reply after it is committed, to everyone in the room", async () => {
    const t = await thread(advocate, open);
    const a = await socketFor(advocate);
    const v = await socketFor(null);
    await Promise.all([join(a, t.threadId), join(v, t.threadId)]);
    const seen = next(v, "post:created");
    const noted = next(a, "notification:new");
    const response = await (
      await cookieOf(other)
    ).client.post(
      `/t/${t.threadId}/${t.slug}?_data=${encodeURIComponent("routes/t.$id.($slug)")}`,
      {
        intent: "reply",
        body: "Live **reply** from the other tab.",
      },
    );
    expect(response.status).toBe(200);
    const event = await seen;
    expect(event.post.html).toContain("<strong>reply</strong>");
    expect(event.post.author.displayName).toBe("Olu Other");
    // The event left after the commit: the row is there for anyone to read.
    const row = await handle.db
      .selectFrom("posts")
      .select("id")
      .where("id", "=", event.post.id)
      .executeTakeFirst();
    expect(row?.id).toBe(event.post.id);
    // The thread's author is told in their own room.
    const note = await noted;
    expect(note).toMatchObject({
      kind: "reply",
      text: expect.stringContaining("Olu Other replied"),
    });
  });

  it("updates vote counts and moves an accepted answer, with the author's points toast", async () => {
    const t = await thread(advocate, open, "Which schedule for a nightly load?");
    const author = await socketFor(prospect);
    const reader = await socketFor(null);
    await Promise.all([join(reader, t.threadId), join(author, t.threadId)]);
    const r = await createReply(
      contextFor(handle.db, await viewerOf(prospect), { publisher: server.realtime.publisher }),
      { threadId: t.threadId, body: "After close." },
    );
    const votes = next(reader, "post:votes");
    const toast = next(author, "toast");
    await castVote(
      contextFor(handle.db, await viewerOf(other), { publisher: server.realtime.publisher }),
      { postId: r.postId },
    );
    expect(await votes).toMatchObject({ postId: r.postId, voteCount: 1 });
    expect(await toast).toMatchObject({ title: "You earned 5 points" });
    const accepted = next(reader, "thread:accepted");
    await acceptAnswer(
      contextFor(handle.db, await viewerOf(advocate), { publisher: server.realtime.publisher }),
      { threadId: t.threadId, postId: r.postId },
    );
    expect(await accepted).toMatchObject({ postId: r.postId, post: { id: r.postId } });
  });

  it("removes a hidden post live for readers, while moderators keep it, marked", async () => {
    const t = await thread(advocate, open);
    const r = await createReply(
      contextFor(handle.db, await viewerOf(other), { publisher: server.realtime.publisher }),
      { threadId: t.threadId, body: "Spammy reply" },
    );
    const reader = await socketFor(advocate);
    const mod = await socketFor(manager);
    await Promise.all([join(reader, t.threadId), join(mod, t.threadId)]);
    const readerLog = recorder(reader);
    const removed = next(reader, "post:removed");
    const updated = next(mod, "post:updated");
    await hidePost(
      contextFor(handle.db, await viewerOf(manager), { publisher: server.realtime.publisher }),
      { postId: r.postId, reason: "Spam" },
    );
    expect(await removed).toEqual(
      expect.objectContaining({ threadId: t.threadId, postId: r.postId, reason: "hidden" }),
    );
    const forMod = await updated;
    expect(forMod.post).toMatchObject({ id: r.postId, hidden: true, hiddenReason: "Spam" });
    await join(reader, barrier.threadId);
    await barrierFor(reader);
    // Nothing about the hidden post's content ever reached the reader.
    expect(JSON.stringify(readerLog)).not.toContain("Spammy reply");
  });

  it("stops delivering to readers who lose access when a thread moves, live", async () => {
    const t = await thread(manager, members, "A members thread that moves to the MVP lounge");
    const member = await socketFor(advocate);
    const mod = await socketFor(manager);
    await Promise.all([
      join(member, t.threadId),
      join(mod, t.threadId),
      join(member, barrier.threadId),
    ]);
    const memberLog = recorder(member);
    const lost = next(member, "thread:access-lost");
    const moved = next(mod, "thread:moved");
    await moveThread(
      contextFor(handle.db, await viewerOf(manager), { publisher: server.realtime.publisher }),
      { threadId: t.threadId, spaceId: mvp.id, reason: "MVP topic" },
    );
    expect(await lost).toEqual({ threadId: t.threadId });
    expect(await moved).toMatchObject({ space: { slug: "mvp" } });
    const modReply = next(mod, "post:created", (p) => p.threadId === t.threadId);
    await createReply(
      contextFor(handle.db, await viewerOf(manager), { publisher: server.realtime.publisher }),
      { threadId: t.threadId, body: "Secret roadmap reply" },
    );
    await modReply;
    await barrierFor(member);
    expect(eventsFor(memberLog, t.threadId)).toEqual(["thread:access-lost"]);
    expect(JSON.stringify(memberLog)).not.toContain("Secret roadmap reply");
    // Joining again is refused now.
    expect(await join(member, t.threadId)).toMatchObject({ ok: false });
  });

  it("stops delivering to someone whose tier is revoked, once their standing is refreshed", async () => {
    const tiers = await handle.db.selectFrom("tiers").select(["id", "slug"]).execute();
    const mvpTier = tiers.find((t) => t.slug === "mvp")!;
    const star = await insertUser(handle.db, { role: "advocate", displayName: "Sam Star" });
    const grant = await grantTier(contextFor(handle.db, { id: manager.id, role: "manager" }), {
      userId: star.id,
      tierId: mvpTier.id,
      reason: "Outstanding help",
      termStart: new Date(Date.now() - 86_400_000),
      termEnd: new Date(Date.now() + 300 * 86_400_000),
    });
    const t = await thread(manager, mvp, "MVP-only roadmap notes");
    const s = await socketFor(star);
    expect(await join(s, t.threadId)).toMatchObject({ ok: true });
    await join(s, barrier.threadId);
    const log = recorder(s);
    await revokeAward(contextFor(handle.db, { id: manager.id, role: "manager" }), {
      awardId: grant.awardId,
      reason: "Term ended early",
    });
    const lost = next(s, "thread:access-lost");
    server.realtime.publisher.refreshViewer!(star.id);
    expect(await lost).toEqual({ threadId: t.threadId });
    await createReply(
      contextFor(handle.db, await viewerOf(manager), { publisher: server.realtime.publisher }),
      { threadId: t.threadId, body: "After the revocation" },
    );
    await barrierFor(s);
    expect(JSON.stringify(log)).not.toContain("After the revocation");
  });
});

describe("typing and presence", () => {
  it("shows who is typing to the others, never from anonymous sockets", async () => {
    const t = await thread(advocate, open);
    const typist = await socketFor(other);
    const watcher = await socketFor(advocate);
    const visitor = await socketFor(null);
    await Promise.all([
      join(typist, t.threadId),
      join(watcher, t.threadId),
      join(visitor, t.threadId),
    ]);
    await Promise.all([join(watcher, barrier.threadId), join(typist, barrier.threadId)]);
    const typistLog = recorder(typist);
    const watcherLog = recorder(watcher);
    const seen = next(watcher, "thread:typing");
    typist.emit("thread:typing", { threadId: t.threadId });
    expect(await seen).toEqual({
      threadId: t.threadId,
      user: { handle: other.handle, displayName: "Olu Other" },
    });
    visitor.emit("thread:typing", { threadId: t.threadId });
    await barrierFor(watcher, typist);
    expect(watcherLog.filter((e) => e.event === "thread:typing")).toHaveLength(1);
    expect(typistLog.filter((e) => e.event === "thread:typing")).toHaveLength(0);
  });

  it("counts who is reading: people once, visitors per tab", async () => {
    const t = await thread(advocate, open);
    const a1 = await socketFor(advocate);
    const a2 = await socketFor(advocate);
    const m = await socketFor(manager);
    const v1 = await socketFor(null);
    const v2 = await socketFor(null);
    for (const s of [a1, a2, m, v1, v2]) await join(s, t.threadId);
    const presence = await next(
      v1,
      "thread:presence",
      (p) => p.threadId === t.threadId && p.visitors === 2 && p.advocates === 1 && p.staff === 1,
    );
    expect(presence).toEqual({
      threadId: t.threadId,
      advocates: 1,
      staff: 1,
      members: 0,
      visitors: 2,
    });
    v2.close();
    await next(a1, "thread:presence", (p) => p.threadId === t.threadId && p.visitors === 1);
  });
});

describe("flood control", () => {
  it("refuses a flooding socket, then disconnects it", async () => {
    const t = await thread(advocate, open);
    const s = await socketFor(other);
    const refusals: string[] = [];
    const gone = new Promise<string>((resolve) => s.once("disconnect", resolve));
    for (let i = 0; i < FLOOD_LIMITS.burst + FLOOD_LIMITS.refusalsBeforeDisconnect + 5; i += 1)
      s.emit("thread:join", { threadId: t.threadId }, (ack: JoinAck) => {
        if (!ack.ok) refusals.push(ack.error);
      });
    expect(await gone).toBe("io server disconnect");
    expect(refusals[0]).toMatch(/slow down/);
  });
});

describe("catching up after a dropped connection", () => {
  it("returns what changed since the last number seen, as the page would show it", async () => {
    const t = await thread(advocate, open);
    const first = await createReply(
      contextFor(handle.db, await viewerOf(other), { publisher: server.realtime.publisher }),
      { threadId: t.threadId, body: "Seen live" },
    );
    const s = await socketFor(advocate);
    const ack = (await join(s, t.threadId)) as { seq: number };
    s.close();
    // While the connection is down: a new reply, a vote and a hidden reply.
    const missed = await createReply(
      contextFor(handle.db, await viewerOf(manager), { publisher: server.realtime.publisher }),
      { threadId: t.threadId, body: "Missed reply" },
    );
    await castVote(
      contextFor(handle.db, await viewerOf(other), { publisher: server.realtime.publisher }),
      { postId: missed.postId },
    );
    await hidePost(
      contextFor(handle.db, await viewerOf(manager), { publisher: server.realtime.publisher }),
      { postId: first.postId, reason: "Off topic" },
    );
    const again = await socketFor(advocate);
    const rejoin = (await join(again, t.threadId)) as { seq: number };
    expect(rejoin.seq).toBeGreaterThan(ack.seq);
    const { client } = await cookieOf(advocate);
    const changes = await (
      await client.get(
        `/t/${t.threadId}/changes?since=${ack.seq}&_data=${encodeURIComponent("routes/t.$id.changes")}`,
      )
    ).json();
    expect(changes.seq).toBe(rejoin.seq);
    expect(
      changes.posts.map((p: { id: number; voteCount: number }) => [p.id, p.voteCount]),
    ).toEqual([[missed.postId, 1]]);
    expect(changes.removed).toEqual([first.postId]);
    // Nothing after the latest number: nothing to apply twice.
    const none = await (
      await client.get(
        `/t/${t.threadId}/changes?since=${changes.seq}&_data=${encodeURIComponent("routes/t.$id.changes")}`,
      )
    ).json();
    expect(none.posts).toEqual([]);
    expect(none.removed).toEqual([]);
    // A members-only thread's changes are not for visitors.
    const priv = await thread(advocate, members);
    const anon = new TestClient(server.url, { "X-Forwarded-For": "10.72.0.1" });
    expect((await anon.get(`/t/${priv.threadId}/changes?since=0`)).status).toBe(404);
  });
});
