import { contextFor } from "../../app/modules/commands/command.server.ts";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "../../db/client.ts";
import type { Role } from "../../db/schema.ts";
import { loadViewer } from "../../app/modules/viewer/viewer.server.ts";
import { createReply, createThread } from "../../app/modules/discussions/posts.server.ts";
import { createSpace } from "../../app/modules/discussions/spaces.server.ts";
import { awardPoints } from "../../app/modules/reputation/ledger.server.ts";
import { createTestDb } from "../support/db.ts";
import { insertUser } from "../support/factories.ts";
import { startTestServer, TestClient, type TestServer } from "../support/server.ts";

// Pages full of text outside ASCII, through the real built server, signed in
// and anonymous. The server renderer writes the document in 2 KB pieces; a
// character whose bytes fall across the end of a piece must arrive whole:
// no NUL bytes and no replacement characters that the data does not hold.

let handle: DbHandle;
let server: TestServer;
type Person = Awaited<ReturnType<typeof insertUser>>;
let asker: Person, helper: Person;
let threadPath = "";

// Two-, three- and four-byte characters, in runs of every length so that
// some of them straddle each 2 KB boundary of the page at every offset.
const WORDS = [
  "Zoë",
  "naïve café",
  "Straße",
  "日本語の質問",
  "▲▼",
  "Ωμέγα",
  "🚀 launch",
  "€ 12,50",
];
const text = (n: number) =>
  Array.from({ length: n }, (_, i) => WORDS[(i * 7 + n) % WORDS.length]).join(" ");

const client = (n: number) => new TestClient(server.url, { "X-Forwarded-For": `10.72.0.${n}` });

async function fetchBytes(path: string, c: TestClient) {
  const res = await c.get(path);
  return { status: res.status, bytes: Buffer.from(await res.arrayBuffer()) };
}

function expectClean(path: string, bytes: Buffer) {
  expect(bytes.includes(0), `a NUL byte in ${path}`).toBe(false);
  const html = bytes.toString("utf8");
  expect(html.includes("\uFFFD"), `bytes that are not UTF-8 in ${path}`).toBe(false);
  // The data did reach the page, whole.
  expect(html, path).toContain("Ωμέγα Straße 🚀");
}

// Thirty-odd writes and a server start: slow on a busy machine.
beforeAll(async () => {
  handle = await createTestDb();
  server = await startTestServer(handle, { WRITE_RATE_LIMIT_PER_MINUTE: "10000" });
  asker = await insertUser(handle.db, { role: "advocate", displayName: "Zoë Øster 日本語の質問" });
  helper = await insertUser(handle.db, { role: "advocate", displayName: "Ωμέγα Straße 🚀" });
  const manager = await insertUser(handle.db, { role: "manager", displayName: "Mårten ▲ Manager" });
  const space = await createSpace(contextFor(handle.db, null), {
    slug: "ask",
    name: "Ask the community · 日本語の質問",
    description: "Questions welcome — naïve ones too",
    colour: "#047857",
    position: 0,
    visibility: "public",
  });
  const askerViewer = await loadViewer(handle.db, { id: asker.id, role: asker.role as Role });
  const helperViewer = await loadViewer(handle.db, { id: helper.id, role: helper.role as Role });
  const { threadId } = await createThread(contextFor(handle.db, askerViewer), {
    spaceId: space.id,
    kind: "question",
    title: `Café exports: ${text(6)}`,
    body: text(40),
    tags: ["exports"],
  });
  for (let n = 1; n <= 20; n += 1)
    await createReply(contextFor(handle.db, n % 2 ? helperViewer : askerViewer), {
      threadId,
      body: text(n * 3),
    });
  const thread = await handle.db
    .selectFrom("threads")
    .select("slug")
    .where("id", "=", threadId)
    .executeTakeFirstOrThrow();
  threadPath = `/t/${threadId}/${thread.slug}`;
  for (let n = 1; n <= 12; n += 1)
    await awardPoints(handle.db, {
      userId: helper.id,
      rule: "manual_adjustment",
      amount: n,
      reason: text((n % 9) + 1),
      source: { type: "user", id: helper.id },
      idempotencyKey: `multibyte:${helper.id}:${n}`,
      awardedBy: manager.id,
    });
}, 180_000);

afterAll(async () => {
  await server?.close();
  await handle?.close();
});

describe("pages with text outside ASCII", () => {
  const pages = () => [threadPath, `/u/${helper.handle}`, "/leaderboard"];

  it("arrive whole for anonymous visitors", async () => {
    for (const path of pages()) {
      const { status, bytes } = await fetchBytes(path, client(1));
      expect(status, path).toBe(200);
      expectClean(path, bytes);
    }
  });

  it("arrive whole for a signed-in reader", async () => {
    const reader = await client(2).signIn(asker.email);
    for (const path of pages()) {
      const { status, bytes } = await fetchBytes(path, reader);
      expect(status, path).toBe(200);
      expectClean(path, bytes);
    }
  });
});
