import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "../../db/client.ts";
import type { Role } from "../../db/schema.ts";
import { contextFor } from "../../app/modules/commands/command.server.ts";
import { loadViewer } from "../../app/modules/viewer/viewer.server.ts";
import { createThread } from "../../app/modules/discussions/posts.server.ts";
import { createSpace, type Space } from "../../app/modules/discussions/spaces.server.ts";
import { awardPoints } from "../../app/modules/reputation/ledger.server.ts";
import { createTestDb } from "../support/db.ts";
import { insertUser } from "../support/factories.ts";
import { startTestServer, TestClient, type TestServer } from "../support/server.ts";

// The shared cache of anonymous pages in the real server: a question page is
// rendered once for every visitor, and any change made through the site
// (a reply, a vote, a move to a members-only space) is on the next visit.

let handle: DbHandle;
let server: TestServer;
type Person = Awaited<ReturnType<typeof insertUser>>;
let asker: Person, helper: Person, manager: Person;
let ask: Space, lounge: Space;

const THREAD_ROUTE = encodeURIComponent("routes/t.$id.($slug)");
let ip = 0;
const client = () => new TestClient(server.url, { "X-Forwarded-For": `10.71.0.${ip++ & 255}` });

const signIn = (person: Person) => client().signIn(person.email);

async function visit(path: string, c = client()) {
  const res = await c.get(path);
  return { status: res.status, cache: res.headers.get("Limelight-Cache"), body: await res.text() };
}

async function newQuestion(title: string) {
  const viewer = await loadViewer(handle.db, { id: asker.id, role: asker.role as Role });
  const { threadId } = await createThread(contextFor(handle.db, viewer), {
    spaceId: ask.id,
    kind: "question",
    title,
    body: "Our nightly export stalls at 2 a.m. What do others do?",
    tags: ["exports"],
  });
  const thread = await handle.db
    .selectFrom("threads")
    .select("slug")
    .where("id", "=", threadId)
    .executeTakeFirstOrThrow();
  return { id: threadId, path: `/t/${threadId}/${thread.slug}` };
}

beforeAll(async () => {
  handle = await createTestDb();
  server = await startTestServer(handle, {
    PAGE_CACHE_TTL_MS: "600000",
    WRITE_RATE_LIMIT_PER_MINUTE: "10000",
  });
  manager = await insertUser(handle.db, { role: "manager", displayName: "Morgan Manager" });
  asker = await insertUser(handle.db, { role: "advocate", displayName: "Asha Asker" });
  helper = await insertUser(handle.db, { role: "advocate", displayName: "Hugo Helper" });
  await awardPoints(handle.db, {
    userId: helper.id,
    rule: "manual_adjustment",
    amount: 50,
    reason: "Helped at the user group",
    source: { type: "user", id: helper.id },
    idempotencyKey: `page-cache-give:${helper.id}`,
    awardedBy: manager.id,
  });
  ask = await createSpace(contextFor(handle.db, null), {
    slug: "ask",
    name: "Ask the community",
    description: "Questions welcome",
    colour: "#047857",
    position: 0,
    visibility: "public",
  });
  lounge = await createSpace(contextFor(handle.db, null), {
    slug: "lounge",
    name: "Advocates' lounge",
    description: "Members only",
    colour: "#4d7c0f",
    position: 1,
    visibility: "members",
  });
});
afterAll(async () => {
  await server.close();
  await handle.close();
});

describe("anonymous question pages", () => {
  it("are rendered once and shared, while signed-in readers get their own page", async () => {
    const { path } = await newQuestion("How do you schedule nightly exports?");
    const first = await visit(path);
    expect(first.status).toBe(200);
    expect(first.cache).toBe("miss");
    const second = await visit(path);
    expect(second.cache).toBe("hit");
    expect(second.body).toContain("How do you schedule nightly exports?");
    const signInPrompt = /Sign in to (<!-- -->)?answer/;
    expect(second.body).toMatch(signInPrompt);

    const mine = await visit(path, await signIn(helper));
    expect(mine.cache).toBeNull();
    expect(mine.body).toContain("Hugo Helper");
    expect(mine.body).not.toMatch(signInPrompt);
    // The signed-in page was not shared either.
    expect((await visit(path)).body).not.toContain("Hugo Helper");
  });

  it("show a reply posted through the site on the very next visit", async () => {
    const { path } = await newQuestion("Which retry policy do you use for exports?");
    await visit(path);
    expect((await visit(path)).cache).toBe("hit");
    const helperClient = await signIn(helper);
    const posted = await helperClient.post(`${path}?_data=${THREAD_ROUTE}`, {
      intent: "reply",
      body: "Exponential back-off with a cap of six attempts.",
    });
    expect(posted.status).toBe(200);
    const after = await visit(path);
    expect(after.cache).toBe("miss");
    expect(after.body).toContain("Exponential back-off with a cap of six attempts.");
    expect((await visit(path)).cache).toBe("hit");
  });

  it("show a vote on the very next visit", async () => {
    const { id, path } = await newQuestion("Do you keep exports for thirty days?");
    const opening = await handle.db
      .selectFrom("posts")
      .select("id")
      .where("thread_id", "=", id)
      .where("is_opening", "=", true)
      .executeTakeFirstOrThrow();
    const votes = (body: string) => body.match(/data-testid="vote-count">(\d+)</)?.[1] ?? "missing";
    expect(votes((await visit(path)).body)).toBe("0");
    const voted = await (
      await signIn(helper)
    ).post(`${path}?_data=${THREAD_ROUTE}`, {
      intent: "vote",
      postId: String(opening.id),
    });
    expect(voted.status).toBe(200);
    expect(votes((await visit(path)).body)).toBe("1");
  });

  it("are gone for visitors as soon as a moderator moves the thread to a members-only space", async () => {
    const { path } = await newQuestion("Can we talk about the roadmap here?");
    await visit(path);
    expect((await visit(path)).cache).toBe("hit");
    const moved = await (
      await signIn(manager)
    ).post(`${path}?_data=${THREAD_ROUTE}`, {
      intent: "move",
      spaceId: String(lounge.id),
      reason: "Roadmap talk belongs with members",
    });
    expect(moved.status).toBe(200);
    const after = await visit(path);
    expect(after.status).toBe(404);
    expect(after.body).not.toContain("Can we talk about the roadmap here?");
  });

  it("are not answered from the cache to a visitor carrying a message to show", async () => {
    const { path } = await newQuestion("Where do export logs go?");
    await visit(path);
    const c = client();
    c.cookies.set("ll_toast", "anything");
    expect((await visit(path, c)).cache).toBeNull();
  });
});

describe("anonymous lists and the landing page", () => {
  it("are shared, and show a thread's new activity on the next visit", async () => {
    const { path } = await newQuestion("Which warehouse sizes do you run exports on?");
    const lists = ["/", "/discussions", "/s/ask"];
    for (const list of lists) {
      await visit(list);
      expect((await visit(list)).cache, list).toBe("hit");
    }
    const mine = await visit("/discussions", await signIn(helper));
    expect(mine.cache).toBeNull();

    const posted = await (
      await signIn(helper)
    ).post(`${path}?_data=${THREAD_ROUTE}`, {
      intent: "reply",
      body: "Medium, and we scale up for month end.",
    });
    expect(posted.status).toBe(200);
    for (const list of lists) {
      const after = await visit(list);
      expect(after.cache, list).toBe("miss");
      expect(after.body, list).toContain("Which warehouse sizes do you run exports on?");
    }
    // The reply's author shows as the latest to reply in the lists.
    expect((await visit("/discussions")).body).toContain("Hugo Helper");
  });

  it("show a thread started through the site on the next visit", async () => {
    await visit("/discussions");
    expect((await visit("/discussions")).cache).toBe("hit");
    const started = await (
      await signIn(asker)
    ).post("/s/ask/new", {
      kind: "question",
      title: "Has anyone moved exports to the new scheduler?",
      body: "Curious how it went.",
      tags: "exports",
    });
    expect(started.status).toBe(302);
    const after = await visit("/discussions");
    expect(after.cache).toBe("miss");
    expect(after.body).toContain("Has anyone moved exports to the new scheduler?");
  });
});
