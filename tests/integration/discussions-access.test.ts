import { io as connect, type Socket } from "socket.io-client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "../../db/client.ts";
import { contextFor } from "../../app/modules/commands/command.server.ts";
import { loadViewer } from "../../app/modules/viewer/viewer.server.ts";
import { acceptAnswer } from "../../app/modules/discussions/answers.server.ts";
import { hidePost } from "../../app/modules/discussions/moderation.server.ts";
import { createReply, createThread, editPost } from "../../app/modules/discussions/posts.server.ts";
import { createSpace } from "../../app/modules/discussions/spaces.server.ts";
import type { JoinAck } from "../../app/modules/realtime/events.ts";
import { createTestDb } from "../support/db.ts";
import { insertUser, TEST_PASSWORD } from "../support/factories.ts";
import { startTestServer, TestClient, type TestServer } from "../support/server.ts";

/**
 * The leak matrix for discussions: every role against every channel that
 * returns discussion content. Each thread carries a unique marker; the
 * table below (not the policy under test) says who may see which marker.
 * Refusals look like "nothing here" (404), never 500, never the marker.
 */

type Who = "anonymous" | "prospect" | "advocate" | "manager";
const EVERYONE: Who[] = ["anonymous", "prospect", "advocate", "manager"];
type Case = "public" | "members" | "tier" | "hiddenThread";
const READERS: Record<Case, Who[]> = {
  public: EVERYONE,
  members: ["prospect", "advocate", "manager"],
  tier: ["manager"],
  hiddenThread: ["manager"],
};
/** A reply hidden by a moderator inside the public thread. */
const HIDDEN_REPLY_READERS: Who[] = ["manager"];
const marker = (c: Case | "hiddenReply") => `LKD${c.toUpperCase()}MARK`;
const TAG = "leakmatrix";

let handle: DbHandle;
let server: TestServer;
const people = {} as Record<Who, Awaited<ReturnType<typeof insertUser>> | null>;
const clients = {} as Record<Who, TestClient>;
const threads = {} as Record<Case, { threadId: number; slug: string; postId: number }>;
let hiddenReplyId = 0;
let ip = 0;
const THREAD_ROUTE = encodeURIComponent("routes/t.$id.($slug)");

beforeAll(async () => {
  handle = await createTestDb();
  server = await startTestServer(handle, { WRITE_RATE_LIMIT_PER_MINUTE: "10000" });
  people.anonymous = null;
  people.prospect = await insertUser(handle.db, { role: "prospect" });
  people.advocate = await insertUser(handle.db, { role: "advocate" });
  people.manager = await insertUser(handle.db, { role: "manager" });
  const manager = await loadViewer(handle.db, { id: people.manager.id, role: "manager" });
  const spaces = {
    public: await createSpace(contextFor(handle.db, null), {
      slug: "lk-public",
      name: "Public space",
      description: "",
      colour: "#047857",
      position: 0,
      visibility: "public",
    }),
    members: await createSpace(contextFor(handle.db, null), {
      slug: "lk-members",
      name: "Members space",
      description: "",
      colour: "#4d7c0f",
      position: 1,
      visibility: "members",
    }),
    tier: await createSpace(contextFor(handle.db, null), {
      slug: "lk-mvp",
      name: "MVP space",
      description: "",
      colour: "#a16207",
      position: 2,
      visibility: "tier",
      minTierRank: 4,
    }),
  };
  const cases: [Case, keyof typeof spaces][] = [
    ["public", "public"],
    ["members", "members"],
    ["tier", "tier"],
    ["hiddenThread", "public"],
  ];
  for (const [c, space] of cases) {
    const created = await createThread(
      contextFor(handle.db, manager, { publisher: server.realtime.publisher }),
      {
        spaceId: spaces[space].id,
        kind: "question",
        title: `Question ${marker(c)} about connectors`,
        body: `Body of ${marker(c)} with more words for search.`,
        tags: [TAG],
      },
    );
    threads[c] = created;
    const reply = await createReply(
      contextFor(handle.db, manager, { publisher: server.realtime.publisher }),
      { threadId: created.threadId, body: `Answer ${marker(c)}` },
    );
    await acceptAnswer(contextFor(handle.db, manager, { publisher: server.realtime.publisher }), {
      threadId: created.threadId,
      postId: reply.postId,
    });
  }
  await hidePost(contextFor(handle.db, manager, { publisher: server.realtime.publisher }), {
    postId: threads.hiddenThread.postId,
    reason: "Matrix: hidden thread",
  });
  const hidden = await createReply(
    contextFor(handle.db, manager, { publisher: server.realtime.publisher }),
    {
      threadId: threads.public.threadId,
      body: `Reply ${marker("hiddenReply")} that a moderator hides`,
    },
  );
  await hidePost(contextFor(handle.db, manager, { publisher: server.realtime.publisher }), {
    postId: hidden.postId,
    reason: "Matrix: hidden reply",
  });
  hiddenReplyId = hidden.postId;

  // A notification for everyone signed in, about every thread (as if they had
  // been mentioned before the thread moved or was hidden).
  for (const who of ["prospect", "advocate", "manager"] as const)
    for (const c of Object.keys(threads) as Case[])
      await handle.db
        .insertInto("notifications")
        .values({
          user_id: people[who]!.id,
          kind: "mention",
          actor_id: people.manager.id,
          thread_id: threads[c].threadId,
          post_id: threads[c].postId,
        })
        .execute();

  for (const who of EVERYONE) {
    const c = new TestClient(server.url, { "X-Forwarded-For": `10.81.0.${ip++}` });
    if (people[who]) {
      const res = await c.post("/login?_data=routes%2Flogin", {
        email: people[who]!.email,
        password: TEST_PASSWORD,
      });
      expect(res.status).toBe(204);
    }
    clients[who] = c;
  }
});
afterAll(async () => {
  await server.close();
  await handle.close();
});

const cases = Object.keys(READERS) as Case[];
const url = (c: Case) => `/t/${threads[c].threadId}/${threads[c].slug}`;

function expectMarkers(body: string, who: Who, only?: Case[]) {
  for (const c of only ?? cases) {
    if (READERS[c].includes(who)) expect(body, `${who} should see ${c}`).toContain(marker(c));
    else expect(body, `${who} must not see ${c}`).not.toContain(marker(c));
  }
}

describe.each(EVERYONE)("%s", (who) => {
  it("reads thread pages (HTML and loader data) only where allowed, with the right meta tags", async () => {
    for (const c of cases) {
      const page = await clients[who].get(url(c));
      const data = await clients[who].get(`${url(c)}?_data=${THREAD_ROUTE}`);
      const html = await page.text();
      const json = await data.text();
      if (READERS[c].includes(who)) {
        expect(page.status).toBe(200);
        expect(data.status).toBe(200);
        expect(html).toContain(marker(c));
        expect(json).toContain(marker(c));
        expect(html).toContain(`<meta property="og:title" content="Question ${marker(c)}`);
        const noindex = html.includes('<meta name="robots" content="noindex"/>');
        expect(noindex, `${c} robots`).toBe(c !== "public");
      } else {
        expect(page.status).toBe(404);
        expect(data.status).toBe(404);
        expect(html).not.toContain(marker(c));
        expect(json).not.toContain(marker(c));
      }
      // The hidden reply inside the public thread.
      if (c === "public") {
        const sees = HIDDEN_REPLY_READERS.includes(who);
        expect(html.includes(marker("hiddenReply"))).toBe(sees);
        expect(json.includes(marker("hiddenReply"))).toBe(sees);
      }
    }
  });

  it("sees only readable threads in every list, tab and tag page", async () => {
    for (const path of [
      "/discussions",
      "/discussions?tab=top&period=all",
      "/discussions?tab=solved",
      `/tags/${TAG}`,
      `/tags/${TAG}?tab=solved`,
    ]) {
      const body = await (await clients[who].get(path)).text();
      expectMarkers(body, who);
      expect(body).not.toContain(marker("hiddenReply"));
    }
    const data = await (
      await clients[who].get(
        `/discussions?_data=${encodeURIComponent("routes/discussions._index")}`,
      )
    ).text();
    expectMarkers(data, who);
    const spacePages: [string, Case][] = [
      ["/s/lk-members", "members"],
      ["/s/lk-mvp", "tier"],
    ];
    for (const [path, c] of spacePages) {
      const res = await clients[who].get(path);
      expect(res.status).toBe(READERS[c].includes(who) ? 200 : 404);
    }
  });

  it("finds only readable threads and replies in search", async () => {
    const res = await clients[who].get(`/search?q=${encodeURIComponent("connectors")}`);
    expectMarkers(await res.text(), who);
    const reply = await (
      await clients[who].get(`/search?q=${marker("hiddenReply")}&_data=routes%2Fsearch`)
    ).json();
    expect(reply.rows.length > 0).toBe(HIDDEN_REPLY_READERS.includes(who));
  });

  it("catches up only on readable threads, without hidden content", async () => {
    for (const c of cases) {
      const res = await clients[who].get(
        `/t/${threads[c].threadId}/changes?since=0&_data=${encodeURIComponent("routes/t.$id.changes")}`,
      );
      expect(res.status).toBe(READERS[c].includes(who) ? 200 : 404);
      const body = await res.text();
      if (c === "public")
        expect(body.includes(marker("hiddenReply"))).toBe(HIDDEN_REPLY_READERS.includes(who));
      else if (!READERS[c].includes(who)) expect(body).not.toContain(marker(c));
    }
  });

  it("joins socket rooms only for readable threads", async () => {
    const headers: Record<string, string> = { Origin: server.url };
    if (people[who]) headers.Cookie = clients[who].cookieHeader();
    const s: Socket = connect(server.url, {
      transports: ["websocket"],
      extraHeaders: headers,
      reconnection: false,
      forceNew: true,
    });
    try {
      await new Promise<void>((resolve, reject) => {
        s.once("connect", () => resolve());
        s.once("connect_error", reject);
      });
      for (const c of cases) {
        const ack = await new Promise<JoinAck>((resolve) =>
          s.emit("thread:join", { threadId: threads[c].threadId }, resolve),
        );
        expect(ack.ok, `${who} joining ${c}`).toBe(READERS[c].includes(who));
      }

      // The events those rooms carry: a reply in every thread, and an edit of the
      // hidden reply (readers may be in its room, but must not get its words).
      const received: { event: string; payload: unknown }[] = [];
      s.onAny((event, payload) => received.push({ event, payload }));
      const manager = await loadViewer(handle.db, { id: people.manager!.id, role: "manager" });
      const live = (c: Case | "edited") => `LKDLIVE${c.toUpperCase()}${who.toUpperCase()}`;
      for (const c of cases)
        await createReply(
          contextFor(handle.db, manager, { publisher: server.realtime.publisher }),
          { threadId: threads[c].threadId, body: live(c) },
        );
      await editPost(contextFor(handle.db, manager, { publisher: server.realtime.publisher }), {
        postId: hiddenReplyId,
        body: `Reply ${marker("hiddenReply")} edited: ${live("edited")}`,
      });
      // A last reply in the public thread: once it arrives, everything before it has too.
      const last = new Promise<void>((resolve) =>
        s.on("post:created", (p: { post: { html: string } }) => {
          if (p.post.html.includes("LKDLIVEBARRIER")) resolve();
        }),
      );
      await createReply(contextFor(handle.db, manager, { publisher: server.realtime.publisher }), {
        threadId: threads.public.threadId,
        body: `LKDLIVEBARRIER${who}`,
      });
      await last;
      const text = JSON.stringify(received);
      for (const c of cases)
        expect(text.includes(live(c)), `${who} receiving ${c}`).toBe(READERS[c].includes(who));
      expect(text.includes(live("edited"))).toBe(HIDDEN_REPLY_READERS.includes(who));
      // Readers of the public thread learn only that the hidden reply is gone.
      const removal = received.find(
        (e) =>
          e.event === "post:removed" && (e.payload as { postId: number }).postId === hiddenReplyId,
      );
      expect(Boolean(removal)).toBe(!HIDDEN_REPLY_READERS.includes(who));
    } finally {
      s.close();
    }
  });

  it("lists notifications and counts unread only for threads still readable", async () => {
    if (!people[who]) {
      expect((await clients[who].get("/notifications")).status).toBe(302);
      return;
    }
    const page = await (await clients[who].get("/notifications")).text();
    expectMarkers(page, who);
    const root = await (await clients[who].get("/discussions?_data=root")).json();
    expect(root.unreadNotifications).toBe(cases.filter((c) => READERS[c].includes(who)).length);
  });

  it("sees who voted and earlier versions only as a moderator", async () => {
    const post = threads.public.postId;
    const voters = await clients[who].get(`/t/${threads.public.threadId}/voters?post=${post}`);
    const revisions = await clients[who].get(
      `/t/${threads.public.threadId}/revisions?post=${post}`,
    );
    const staff = who === "manager";
    expect(voters.status).toBe(staff ? 200 : 403);
    expect(revisions.status).toBe(staff ? 200 : who === "anonymous" ? 401 : 403);
  });
});

describe("the viewer of a thread page", () => {
  it("gets only what it may do, never more", async () => {
    const data = async (who: Who) =>
      (await (await clients[who].get(`${url("public")}?_data=${THREAD_ROUTE}`)).json()) as {
        abilities: Record<string, boolean>;
        sources: Record<string, string>;
        spaces: unknown[];
      };
    const anon = await data("anonymous");
    expect(Object.values(anon.abilities).every((v) => v === false)).toBe(true);
    expect(anon.sources).toEqual({});
    expect(anon.spaces).toEqual([]);
    const advocate = await data("advocate");
    expect(advocate.abilities).toMatchObject({ reply: true, moderate: false, seeVotes: false });
    expect(advocate.sources).toEqual({});
    const manager = await data("manager");
    expect(manager.abilities).toMatchObject({ reply: true, moderate: true, seeVotes: true });
    expect(manager.spaces.length).toBe(3);
  });
});
