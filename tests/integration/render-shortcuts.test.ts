import { readdirSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { contextFor } from "../../app/modules/commands/command.server.ts";
import { createReply, createThread } from "../../app/modules/discussions/posts.server.ts";
import { createSpace } from "../../app/modules/discussions/spaces.server.ts";
import { loadViewer } from "../../app/modules/viewer/viewer.server.ts";
import type { DbHandle } from "../../db/client.ts";
import type { Role } from "../../db/schema.ts";
import { createTestDb } from "../support/db.ts";
import { insertUser } from "../support/factories.ts";
import { startTestServer, TestClient, type TestServer } from "../support/server.ts";

// Work a rendered page no longer repeats on every request, through the real
// built server: static files are served only for the names the build holds,
// and a reader's view of a thread is written once per change of the thread.

let handle: DbHandle;
let server: TestServer;
type Person = Awaited<ReturnType<typeof insertUser>>;
let asker: Person, reader: Person;
let threadId = 0;
let threadPath = "";

beforeAll(async () => {
  handle = await createTestDb();
  server = await startTestServer(handle, { WRITE_RATE_LIMIT_PER_MINUTE: "10000" });
  asker = await insertUser(handle.db, { role: "advocate" });
  reader = await insertUser(handle.db, { role: "advocate" });
  const space = await createSpace(contextFor(handle.db, null), {
    slug: "ask",
    name: "Ask the community",
    description: "Questions welcome",
    colour: "#047857",
    position: 0,
    visibility: "public",
  });
  const askerViewer = await loadViewer(handle.db, { id: asker.id, role: asker.role as Role });
  ({ threadId } = await createThread(contextFor(handle.db, askerViewer), {
    spaceId: space.id,
    kind: "question",
    title: "How do we export the quarterly numbers?",
    body: "We need them as CSV for the board.",
    tags: ["exports"],
  }));
  const thread = await handle.db
    .selectFrom("threads")
    .select("slug")
    .where("id", "=", threadId)
    .executeTakeFirstOrThrow();
  threadPath = `/t/${threadId}/${thread.slug}`;
}, 120_000);

afterAll(async () => {
  await server?.close();
  await handle?.close();
});

const client = (n: number) => new TestClient(server.url, { "X-Forwarded-For": `10.73.0.${n}` });

describe("static files", () => {
  it("are served for the names the build holds, hashed assets as before", async () => {
    const clientDir = path.resolve(process.env.BUILD_DIR ?? "build", "client");
    const favicon = await client(1).get("/favicon.svg");
    expect(favicon.status).toBe(200);
    expect(favicon.headers.get("content-type")).toContain("image/svg+xml");
    expect(await favicon.text()).toContain("<svg");
    const asset = readdirSync(path.join(clientDir, "assets")).find((f) => f.endsWith(".js"));
    const res = await client(1).get(`/assets/${asset}`);
    expect(res.status).toBe(200);
    expect(res.headers.get("cache-control")).toContain("immutable");
  });

  it("leave every other address to the pages, missing files included", async () => {
    const page = await client(1).get(`/u/${asker.handle}`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain(asker.handle);
    const missing = await client(1).get("/nothing-here.svg");
    expect(missing.status).toBe(404);
    expect(missing.headers.get("content-type")).toContain("text/html");
  });
});

describe("a reader's view of a thread", () => {
  const seenAt = async () =>
    (
      await handle.db
        .selectFrom("thread_views")
        .select("seen_at")
        .where("user_id", "=", reader.id)
        .where("thread_id", "=", threadId)
        .executeTakeFirst()
    )?.seen_at;

  it("is written on the first visit and again only after the thread changed", async () => {
    const tab = await client(2).signIn(reader.email);
    expect(await seenAt()).toBeUndefined();
    expect((await tab.get(threadPath)).status).toBe(200);
    const first = await seenAt();
    expect(first).toBeInstanceOf(Date);

    // Reloading the unchanged thread writes nothing.
    expect((await tab.get(threadPath)).status).toBe(200);
    expect(await seenAt()).toEqual(first);

    // A reply changes the thread: the next visit is written, later than the first.
    const askerViewer = await loadViewer(handle.db, { id: asker.id, role: asker.role as Role });
    await createReply(contextFor(handle.db, askerViewer), {
      threadId,
      body: "Found it: Reports, then Export.",
    });
    expect((await tab.get(threadPath)).status).toBe(200);
    const second = await seenAt();
    expect(second!.getTime()).toBeGreaterThan(first!.getTime());
  });

  it("is not written for anonymous visitors", async () => {
    const before = await handle.db
      .selectFrom("thread_views")
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .executeTakeFirstOrThrow();
    expect((await client(3).get(threadPath)).status).toBe(200);
    const after = await handle.db
      .selectFrom("thread_views")
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .executeTakeFirstOrThrow();
    expect(Number(after.n)).toBe(Number(before.n));
  });
});
