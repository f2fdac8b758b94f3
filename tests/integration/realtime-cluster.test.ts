import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import path from "node:path";
import { sql } from "kysely";
import { createClient } from "redis";
import { io as connect, type Socket } from "socket.io-client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDb, type DbHandle } from "../../db/client.ts";
import { migrateToLatest } from "../../db/migrate.ts";
import { contextFor } from "../../app/modules/commands/command.server.ts";
import { loadViewer } from "../../app/modules/viewer/viewer.server.ts";
import { createThread } from "../../app/modules/discussions/posts.server.ts";
import { createSpace } from "../../app/modules/discussions/spaces.server.ts";
import type { JoinAck } from "../../app/modules/realtime/events.ts";
import { insertUser, TEST_PASSWORD } from "../support/factories.ts";
import { POSTGRES_URL, requirePostgres } from "../support/postgres.ts";
import { freePort, stopGroup } from "../support/processes.ts";
import { TestClient } from "../support/server.ts";

/**
 * Two real server processes on one PostgreSQL database and one Redis: a
 * reply posted through process A reaches a socket connected to process B.
 * PostgreSQL and Redis are required; when either is missing the test fails
 * and says what to start.
 */

const DATABASE_URL = POSTGRES_URL;
const REDIS_URL = process.env.REDIS_URL ?? "redis://127.0.0.1:6379";
const schema = `cluster_${randomBytes(4).toString("hex")}`;
const processes: ChildProcess[] = [];
const output: string[] = [];
let handle: DbHandle | undefined;
let a: string, b: string;

async function requireRedis() {
  const client = createClient({
    url: REDIS_URL,
    socket: { connectTimeout: 3000, reconnectStrategy: false },
  });
  client.on("error", () => undefined);
  try {
    await client.connect();
    await client.ping();
  } catch (error) {
    throw new Error(
      `Redis is not reachable at ${REDIS_URL} (${(error as Error).message}). Start it (e.g. \`service redis-server start\` or \`redis-server --daemonize yes\`) or point REDIS_URL at one.`,
    );
  } finally {
    if (client.isOpen) await client.quit();
  }
}

/** `npx tsx server/index.ts` in production mode, as an operator would start it. */
async function startProcess(name: string): Promise<string> {
  const port = await freePort();
  const child = spawn("npx", ["tsx", "server/index.ts"], {
    cwd: path.resolve(import.meta.dirname, "../.."),
    env: {
      PATH: process.env.PATH ?? "",
      HOME: process.env.HOME ?? "",
      NODE_ENV: "production",
      BUILD_DIR: process.env.BUILD_DIR ?? "build",
      PORT: String(port),
      HOST: "127.0.0.1",
      DATABASE_URL,
      DATABASE_SCHEMA: schema,
      REDIS_URL,
      SEED_ON_START: "false",
      COOKIE_SECURE: "false",
      LOG_LEVEL: "warn",
      WRITE_RATE_LIMIT_PER_MINUTE: "1000",
      // Long enough that only a change heard from the other process can refresh a shared page.
      PAGE_CACHE_TTL_MS: "600000",
    },
    stdio: ["ignore", "pipe", "pipe"],
    // Its own process group, so npx, tsx and the server stop together.
    detached: true,
  });
  processes.push(child);
  child.stdout!.on("data", (d) => output.push(`[${name}] ${d}`));
  child.stderr!.on("data", (d) => output.push(`[${name}] ${d}`));
  const url = `http://127.0.0.1:${port}`;
  for (let attempt = 0; attempt < 240; attempt += 1) {
    if (child.exitCode !== null)
      throw new Error(`Server ${name} exited (${child.exitCode}):\n${output.join("")}`);
    try {
      if ((await fetch(`${url}/healthz`)).ok) return url;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`Server ${name} did not become healthy:\n${output.join("")}`);
}

beforeAll(async () => {
  await requirePostgres();
  await requireRedis();
  handle = await createDb({ databaseUrl: DATABASE_URL, schema, poolSize: 4 });
  await migrateToLatest(handle.db, schema);
  // One after the other: each migrates (nothing left to do) and opens its Redis adapter.
  a = await startProcess("A");
  b = await startProcess("B");
}, 120_000);

afterAll(async () => {
  await Promise.all(processes.map((child) => stopGroup(child.pid!)));
  if (handle) {
    await sql`drop schema if exists ${sql.id(schema)} cascade`.execute(handle.db);
    await handle.close();
  }
}, 60_000);

function socketTo(url: string) {
  return connect(url, {
    transports: ["websocket"],
    extraHeaders: { Origin: url },
    reconnection: false,
    forceNew: true,
  });
}

describe("two processes behind one Redis", () => {
  it("deliver a reply posted through A to a reader connected to B, and nothing restricted", async () => {
    const db = handle!.db;
    const author = await insertUser(db, { role: "advocate", displayName: "Ada Author" });
    const replier = await insertUser(db, { role: "advocate", displayName: "Rui Replier" });
    const viewer = await loadViewer(db, { id: author.id, role: "advocate" });
    const open = await createSpace(contextFor(db, null), {
      slug: "open",
      name: "Open",
      description: "",
      colour: "#047857",
      position: 0,
      visibility: "public",
    });
    const members = await createSpace(contextFor(db, null), {
      slug: "members",
      name: "Members",
      description: "",
      colour: "#4d7c0f",
      position: 1,
      visibility: "members",
    });
    const thread = await createThread(contextFor(db, viewer), {
      spaceId: open.id,
      kind: "question",
      title: "Does this reach the other process?",
      body: "Posted through A, read through B.",
      tags: [],
    });
    const privateThread = await createThread(contextFor(db, viewer), {
      spaceId: members.id,
      kind: "discussion",
      title: "Members only, on both processes",
      body: "Not for visitors.",
      tags: [],
    });

    const reader: Socket = socketTo(b);
    try {
      await new Promise<void>((resolve, reject) => {
        reader.once("connect", () => resolve());
        reader.once("connect_error", reject);
      });
      const ack = await new Promise<JoinAck>((resolve) =>
        reader.emit("thread:join", { threadId: thread.threadId }, resolve),
      );
      expect(ack.ok).toBe(true);
      const received: { event: string; payload: any }[] = [];
      reader.onAny((event, payload) => received.push({ event, payload }));
      const arrived = new Promise<any>((resolve) =>
        reader.on("post:created", (p) => p.threadId === thread.threadId && resolve(p)),
      );

      const client = new TestClient(a, { "X-Forwarded-For": "10.90.0.1" });
      const login = await client.post("/login?_data=routes%2Flogin", {
        email: replier.email,
        password: TEST_PASSWORD,
      });
      expect(login.status).toBe(204);
      const route = encodeURIComponent("routes/t.$id.($slug)");
      // First a reply in the members-only thread (the visitor on B must not get it), then the public one.
      expect(
        (
          await client.post(`/t/${privateThread.threadId}/${privateThread.slug}?_data=${route}`, {
            intent: "reply",
            body: "Members-only words through A",
          })
        ).status,
      ).toBe(200);
      expect(
        (
          await client.post(`/t/${thread.threadId}/${thread.slug}?_data=${route}`, {
            intent: "reply",
            body: "Yes, it **does**: sent through A.",
          })
        ).status,
      ).toBe(200);
      const event = await arrived;
      expect(event.post.html).toContain("<strong>does</strong>");
      expect(event.post.author.displayName).toBe("Rui Replier");
      expect(JSON.stringify(received)).not.toContain("Members-only words");
    } finally {
      reader.close();
    }
  });

  it("refresh B's shared copy of a visitor's page when the thread changes through A", async () => {
    const db = handle!.db;
    const author = await insertUser(db, { role: "advocate", displayName: "Cai Cached" });
    const viewer = await loadViewer(db, { id: author.id, role: "advocate" });
    const space = await db
      .selectFrom("spaces")
      .select("id")
      .where("slug", "=", "open")
      .executeTakeFirstOrThrow();
    const thread = await createThread(contextFor(db, viewer), {
      spaceId: space.id,
      kind: "question",
      title: "Is a cached page refreshed on the other process?",
      body: "Read through B, answered through A.",
      tags: [],
    });
    const page = `/t/${thread.threadId}/${thread.slug}`;
    const visitor = new TestClient(b, { "X-Forwarded-For": "10.90.0.2" });
    await visitor.get(page);
    const cached = await visitor.get(page);
    expect(cached.headers.get("Limelight-Cache")).toBe("hit");

    const client = await new TestClient(a, { "X-Forwarded-For": "10.90.0.3" }).signIn(author.email);
    const route = encodeURIComponent("routes/t.$id.($slug)");
    const posted = await client.post(`${page}?_data=${route}`, {
      intent: "reply",
      body: "Answered through process A.",
    });
    expect(posted.status).toBe(200);
    // The change travels through Redis; B drops its copy as soon as it hears of it.
    let body = "";
    for (let i = 0; i < 40 && !body.includes("Answered through process A."); i += 1) {
      if (i) await new Promise((r) => setTimeout(r, 50));
      body = await (await visitor.get(page)).text();
    }
    expect(body).toContain("Answered through process A.");
  });
});
