import { io as connect, type Socket } from "socket.io-client";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { contextFor } from "../../app/modules/commands/command.server.ts";
import type { DbHandle } from "../../db/client.ts";
import type { Role } from "../../db/schema.ts";
import { seedTierCatalogue } from "../../db/seed/tiers.ts";
import { loadViewer } from "../../app/modules/viewer/viewer.server.ts";
import { createReply, createThread } from "../../app/modules/discussions/posts.server.ts";
import { createSpace } from "../../app/modules/discussions/spaces.server.ts";
import { castVote } from "../../app/modules/discussions/votes.server.ts";
import { grantTier } from "../../app/modules/tiers/awards.server.ts";
import { createTestDb } from "../support/db.ts";
import { insertUser, TEST_PASSWORD } from "../support/factories.ts";
import { startTestServer, TestClient, type TestServer } from "../support/server.ts";

/**
 * The leak test for tier-gated discussion spaces ("MVP lounge", minimum
 * tier rank 4): every role against the space and thread pages, their loader
 * data and meta tags, the thread's side pages, the discussion list, search,
 * notifications and socket rooms with the events they carry. Markers in the
 * title, opening post and replies may appear only for MVPs and staff.
 */

const DAY = 86_400_000;
type Who =
  "anonymous" | "prospect" | "member" | "contributor" | "champion" | "mvp" | "manager" | "admin";
const EVERYONE: Who[] = [
  "anonymous",
  "prospect",
  "member",
  "contributor",
  "champion",
  "mvp",
  "manager",
  "admin",
];
const READERS: Who[] = ["mvp", "manager", "admin"];
const MARKERS = {
  title: "LKMLOUNGETITLEX",
  body: "LKMLOUNGEBODYX",
  reply: "LKMLOUNGEREPLYX",
  live: "LKMLOUNGELIVEX",
};

let handle: DbHandle;
let server: TestServer;
const clients = new Map<Who, TestClient>();
const people = new Map<Who, { id: number; role: Role; handle: string; email: string }>();
let thread: { id: number; slug: string };
const sockets: Socket[] = [];

let ip = 0;
async function signIn(email: string) {
  const c = new TestClient(server.url, { "X-Forwarded-For": `10.78.0.${ip++}` });
  const res = await c.post("/login?_data=routes%2Flogin", { email, password: TEST_PASSWORD });
  expect(res.status).toBe(204);
  return c;
}

const viewerOf = async (who: Who) => {
  const p = people.get(who)!;
  return loadViewer(handle.db, { id: p.id, role: p.role });
};

beforeAll(async () => {
  handle = await createTestDb();
  await seedTierCatalogue(handle.db);
  server = await startTestServer(handle);
  const tiers = new Map(
    (await handle.db.selectFrom("tiers").select(["id", "slug"]).execute()).map((t) => [
      t.slug,
      t.id,
    ]),
  );
  const roles: Record<Exclude<Who, "anonymous">, Role> = {
    prospect: "prospect",
    member: "advocate",
    contributor: "advocate",
    champion: "advocate",
    mvp: "advocate",
    manager: "manager",
    admin: "admin",
  };
  for (const [who, role] of Object.entries(roles) as [Exclude<Who, "anonymous">, Role][]) {
    const u = await insertUser(handle.db, { role });
    people.set(who, { id: u.id, role, handle: u.handle, email: u.email });
  }
  for (const who of ["contributor", "champion"] as const)
    await handle.db
      .insertInto("tier_automatic_holdings")
      .values({ user_id: people.get(who)!.id, tier_id: tiers.get(who)!, since: new Date() })
      .execute();
  await grantTier(contextFor(handle.db, { id: people.get("manager")!.id, role: "manager" }), {
    userId: people.get("mvp")!.id,
    tierId: tiers.get("mvp")!,
    reason: "Matrix MVP",
    termStart: new Date(Date.now() - DAY),
    termEnd: new Date(Date.now() + 300 * DAY),
  });

  const lounge = await createSpace(contextFor(handle.db, null), {
    slug: "matrix-lounge",
    name: "Matrix lounge",
    description: "For MVPs and the team.",
    colour: "#a16207",
    position: 99,
    visibility: "tier",
    minTierRank: 4,
  });
  const opened = await createThread(
    contextFor(handle.db, await viewerOf("mvp"), { publisher: server.realtime.publisher }),
    {
      spaceId: lounge.id,
      kind: "question",
      title: `${MARKERS.title} preview runs`,
      body: `Opening post with ${MARKERS.body} in it.`,
      tags: ["roadmap"],
    },
  );
  thread = { id: opened.threadId, slug: opened.slug };
  // An upvote in the lounge earns the MVP points: a ledger line whose source is the lounge post.
  await castVote(
    contextFor(handle.db, await viewerOf("admin"), { publisher: server.realtime.publisher }),
    { postId: opened.postId },
  );
  // A manager replies and mentions a Member, who may not read the lounge.
  await createReply(
    contextFor(handle.db, await viewerOf("manager"), { publisher: server.realtime.publisher }),
    {
      threadId: thread.id,
      body: `Thanks! ${MARKERS.reply} — and @${people.get("member")!.handle}, you will see this at GA.`,
    },
  );

  clients.set("anonymous", new TestClient(server.url, { "X-Forwarded-For": "10.78.1.1" }));
  for (const who of EVERYONE.filter((w) => w !== "anonymous"))
    clients.set(who, await signIn(people.get(who)!.email));
});

afterEach(() => {
  for (const s of sockets.splice(0)) s.close();
});

afterAll(async () => {
  await server.close();
  await handle.close();
});

const client = (who: Who) => clients.get(who)!;
const reads = (who: Who) => READERS.includes(who);

function expectNoLeaks(who: Who, text: string, where: string, except: string[] = []) {
  if (reads(who)) return;
  for (const m of Object.values(MARKERS).filter((m) => !except.includes(m)))
    expect(text, `${where}: ${who} must not see ${m}`).not.toContain(m);
}

describe.each(EVERYONE)("as %s", (who) => {
  it("the space page and its loader data open only for MVPs and staff (404 otherwise)", async () => {
    for (const path of ["/s/matrix-lounge", "/s/matrix-lounge?_data=routes%2Fs.%24space._index"]) {
      const res = await client(who).get(path);
      const text = await res.text();
      expect(res.status, path).toBe(reads(who) ? 200 : 404);
      expectNoLeaks(who, text, path);
      if (reads(who)) expect(text).toContain(MARKERS.title);
    }
  });

  it("the thread page, its loader data and its meta tags open only for MVPs and staff", async () => {
    const page = await client(who).get(`/t/${thread.id}/${thread.slug}`);
    const html = await page.text();
    expect(page.status).toBe(reads(who) ? 200 : 404);
    expectNoLeaks(who, html, "thread page");
    const ogTitle = /<meta property="og:title" content="([^"]*)"/.exec(html)?.[1] ?? "";
    const title = /<title>([^<]*)<\/title>/.exec(html)?.[1] ?? "";
    if (reads(who)) {
      expect(html).toContain(MARKERS.body);
      expect(html).toContain(MARKERS.reply);
      expect(`${ogTitle} ${title}`).toContain(MARKERS.title);
    }
    const data = await client(who).get(
      `/t/${thread.id}/${thread.slug}?_data=${encodeURIComponent("routes/t.$id.($slug)")}`,
    );
    expect(data.status).toBe(reads(who) ? 200 : 404);
    expectNoLeaks(who, await data.text(), "thread data");
  });

  it("the thread's side pages (changes, revisions, voters) refuse with 403 or 404, never 500", async () => {
    for (const [path, route] of [
      [`/t/${thread.id}/changes`, "routes/t.$id.changes"],
      [`/t/${thread.id}/revisions`, "routes/t.$id.revisions"],
      [`/t/${thread.id}/voters`, "routes/t.$id.voters"],
    ]) {
      for (const url of [path, `${path}?_data=${encodeURIComponent(route)}`]) {
        const res = await client(who).get(url);
        expect(res.status, url).toBeLessThan(500);
        if (!reads(who)) expect([302, 204, 400, 403, 404], url).toContain(res.status);
        expectNoLeaks(who, await res.text(), url);
      }
    }
  });

  it("the discussion list and its loader data list the thread only for MVPs and staff", async () => {
    for (const path of ["/discussions", "/discussions?_data=routes%2Fdiscussions._index"]) {
      const res = await client(who).get(path);
      expect(res.status, path).toBe(200);
      const text = await res.text();
      expectNoLeaks(who, text, path);
      expect(text.includes(MARKERS.title), path).toBe(reads(who));
    }
  });

  it("search finds the thread only for MVPs and staff", async () => {
    // The page repeats the words searched for; everything else must stay hidden.
    for (const [term, path] of [
      [MARKERS.body, `/search?q=${MARKERS.body}`],
      [MARKERS.body, `/search?q=${MARKERS.body}&_data=routes%2Fsearch`],
      [MARKERS.reply, `/search?q=${MARKERS.reply}&_data=routes%2Fsearch`],
    ]) {
      const res = await client(who).get(path);
      expect(res.status, path).toBe(200);
      const text = await res.text();
      expectNoLeaks(who, text, path, [term]);
      expect(text.includes(MARKERS.title), path).toBe(reads(who));
    }
  });

  it("the MVP's public profile history and ledger exports do not name the lounge thread to others", async () => {
    const mvp = people.get("mvp")!;
    const ledger = await handle.db
      .selectFrom("reputation_ledger")
      .select("source_type")
      .where("user_id", "=", mvp.id)
      .execute();
    expect(ledger.map((l) => l.source_type)).toContain("post");
    for (const path of [
      `/u/${mvp.handle}`,
      `/u/${mvp.handle}?_data=${encodeURIComponent("routes/u.$handle")}`,
      `/u/${mvp.handle}/ledger.json`,
      `/u/${mvp.handle}/ledger.csv`,
    ]) {
      const res = await client(who).get(path);
      expect(res.status, path).toBeLessThan(500);
      const text = await res.text();
      expectNoLeaks(who, text, path);
      // Those who may read the lounge see the line linked to its thread.
      if (reads(who) && path === `/u/${mvp.handle}`) expect(text).toContain(MARKERS.title);
    }
  });

  it("notifications carry the thread only to those who may read it", async () => {
    if (who === "anonymous") {
      const res = await client(who).get("/notifications?_data=routes%2Fnotifications");
      expect([204, 302]).toContain(res.status);
      return;
    }
    for (const path of ["/notifications", "/notifications?_data=routes%2Fnotifications"]) {
      const res = await client(who).get(path);
      expect(res.status, path).toBe(200);
      expectNoLeaks(who, await res.text(), path);
    }
    const stored = await handle.db
      .selectFrom("notifications")
      .select("kind")
      .where("user_id", "=", people.get(who)!.id)
      .where("thread_id", "=", thread.id)
      .execute();
    // The Member was mentioned in the lounge, but may not read it: no notification at all.
    if (!reads(who)) expect(stored).toEqual([]);
    if (who === "mvp") expect(stored.map((n) => n.kind)).toContain("reply");
  });
});

function socketFor(who: Who) {
  const headers: Record<string, string> = { Origin: server.url };
  const cookie = client(who).cookieHeader();
  if (cookie) headers.Cookie = cookie;
  const s = connect(server.url, {
    transports: ["websocket"],
    extraHeaders: headers,
    reconnection: false,
    forceNew: true,
  });
  sockets.push(s);
  const events: { event: string; payload: unknown }[] = [];
  s.onAny((event, payload) => events.push({ event, payload }));
  return new Promise<{ socket: Socket; events: typeof events }>((resolve, reject) => {
    s.once("connect", () => resolve({ socket: s, events }));
    s.once("connect_error", reject);
  });
}

const join = (s: Socket, threadId: number) =>
  new Promise<{ ok: boolean }>((resolve) => s.emit("thread:join", { threadId }, resolve));

const next = (s: Socket, event: string) =>
  new Promise<any>((resolve) => s.once(event, (payload: unknown) => resolve(payload)));

/** A personal event sent after the thread event: once it arrives, anything sent before it has too. */
async function barrier(who: Who, s: Socket) {
  const id = people.get(who)?.id;
  if (!id) {
    // Anonymous sockets have no personal room; ask the server for a round trip instead.
    await join(s, 2_147_483_000);
    return;
  }
  const done = next(s, "matrix:barrier");
  server.realtime.publisher.toUser(id, "matrix:barrier", {});
  await done;
}

describe("socket rooms of a tier-gated thread", () => {
  it("lets only MVPs and staff join, and delivers live replies only to them", async () => {
    const connected = new Map<Who, Awaited<ReturnType<typeof socketFor>>>();
    for (const who of EVERYONE) connected.set(who, await socketFor(who));
    for (const who of EVERYONE) {
      const answer = await join(connected.get(who)!.socket, thread.id);
      expect(answer.ok, `${who} joins the lounge thread`).toBe(reads(who));
      expectNoLeaks(who, JSON.stringify(answer), `${who}'s join answer`);
    }
    const arrivals = READERS.map((who) => next(connected.get(who)!.socket, "post:created"));
    await createReply(
      contextFor(handle.db, await viewerOf("admin"), { publisher: server.realtime.publisher }),
      { threadId: thread.id, body: `Live: ${MARKERS.live}` },
    );
    for (const payload of await Promise.all(arrivals))
      expect(JSON.stringify(payload)).toContain(MARKERS.live);
    for (const who of EVERYONE.filter((w) => !reads(w))) {
      const { socket, events } = connected.get(who)!;
      await barrier(who, socket);
      expectNoLeaks(who, JSON.stringify(events), `${who}'s socket events`);
      expect(events.map((e) => e.event)).not.toContain("post:created");
    }
  });

  it("follows a tier change live: a revoked MVP leaves the room, a new one may join", async () => {
    const mvp = await socketFor("mvp");
    const member = await socketFor("member");
    expect((await join(mvp.socket, thread.id)).ok).toBe(true);
    expect((await join(member.socket, thread.id)).ok).toBe(false);

    const award = await handle.db
      .selectFrom("tier_awards")
      .select("id")
      .where("user_id", "=", people.get("mvp")!.id)
      .where("status", "=", "active")
      .executeTakeFirstOrThrow();
    const lost = next(mvp.socket, "thread:access-lost");
    const revoke = await client("manager").post(
      "/manage/tiers?index&_data=routes%2Fmanage.tiers._index",
      { intent: "revoke", awardId: String(award.id), reason: "Stepping back this year." },
    );
    expect(revoke.status).toBe(204);
    expect(await lost).toEqual({ threadId: thread.id });

    const tiers = await handle.db.selectFrom("tiers").select(["id", "slug"]).execute();
    const granted = next(member.socket, "toast");
    const grant = await client("manager").post(
      "/manage/tiers?index&_data=routes%2Fmanage.tiers._index",
      {
        intent: "grant",
        handle: people.get("member")!.handle,
        tierId: String(tiers.find((t) => t.slug === "mvp")!.id),
        termStart: new Date().toISOString().slice(0, 10),
        termEnd: new Date(Date.now() + 365 * DAY).toISOString().slice(0, 10),
        reason: "Welcome to the lounge.",
      },
    );
    expect(grant.status).toBe(204);
    await granted;
    // The toast and the reload of the person's standing on their sockets leave together; the
    // join is let in as soon as the reload has read the new award.
    await expect.poll(async () => (await join(member.socket, thread.id)).ok).toBe(true);

    const arrived = next(member.socket, "post:created");
    await createReply(
      contextFor(handle.db, await viewerOf("manager"), { publisher: server.realtime.publisher }),
      { threadId: thread.id, body: `After the change: ${MARKERS.live}` },
    );
    expect(JSON.stringify(await arrived)).toContain(MARKERS.live);
    await barrier("mvp", mvp.socket);
    expect(mvp.events.filter((e) => e.event === "post:created")).toEqual([]);
  });
});
