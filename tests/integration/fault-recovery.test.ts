import { contextFor } from "../../app/modules/commands/command.server.ts";
import { randomBytes, randomUUID } from "node:crypto";
import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { sql } from "kysely";
import pino from "pino";
import { io as connect } from "socket.io-client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDb, type DB, type DbHandle } from "../../db/client.ts";
import { migrateToLatest } from "../../db/migrate.ts";
import { loadViewer } from "../../app/modules/viewer/viewer.server.ts";
import { createThread } from "../../app/modules/discussions/posts.server.ts";
import { createSpace } from "../../app/modules/discussions/spaces.server.ts";
import type { JoinAck } from "../../app/modules/realtime/events.ts";
import { silentPublisher } from "../../app/modules/realtime/publisher.ts";
import { reconcile } from "../../app/modules/reputation/reconcile.server.ts";
import { runSweeps } from "../../server/sweeps.ts";
import { startAppProcess, type AppProcess } from "../support/app-process.ts";
import { insertUser } from "../support/factories.ts";
import { POSTGRES_URL, requirePostgres } from "../support/postgres.ts";
import { TestClient } from "../support/server.ts";
import { startTcpProxy, type TcpProxy } from "../support/tcp-proxy.ts";

// The production server under a write load while its database goes away or
// the server itself is killed. What counts is the outcome: it serves again by
// itself, every write it acknowledged is in the ledger, and every balance
// matches the ledger.

const WRITERS = 3;

/** Waits, within a bound, for something the load makes true; says what did not happen otherwise. */
async function until(condition: () => boolean, what: string, bound = 40_000) {
  for (let waited = 0; !condition(); waited += 50) {
    if (waited > bound) throw new Error(`Gave up waiting: ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

interface Answer {
  phase: string;
  status: number | "refused";
}

/**
 * Managers awarding points by hand, one form after another on each of their
 * connections. An award is acknowledged when the server answers with its
 * success redirect; each carries a unique token that becomes the ledger
 * row's idempotency key.
 */
function startAwardLoad(clients: TestClient[], recipients: string[]) {
  let running = true;
  const phase = { name: "before" };
  const acked: { token: string; phase: string }[] = [];
  const answers: Answer[] = [];
  const loops = clients.map(async (client, i) => {
    for (let n = i; running; n += 1) {
      const token = randomUUID();
      const current = phase.name;
      let status: Answer["status"];
      try {
        const res = await client.post("/manage/reputation", {
          intent: "award",
          handle: recipients[n % recipients.length],
          amount: "3",
          area: "community",
          reason: `Steady help, award ${token}`,
          token,
        });
        await res.arrayBuffer();
        status = res.status;
        if (status === 302 && res.headers.get("location") === "/manage/reputation")
          acked.push({ token, phase: current });
      } catch {
        status = "refused";
      }
      answers.push({ phase: current, status });
      if (status !== 302) await new Promise((r) => setTimeout(r, 50));
    }
  });
  return {
    acked,
    answers,
    ackedIn: (name: string) => acked.filter((a) => a.phase === name).length,
    answersIn: (name: string) => answers.filter((a) => a.phase === name),
    enter(name: string) {
      phase.name = name;
    },
    async stop() {
      running = false;
      await Promise.all(loops);
    },
  };
}

/** What the ledger says about the acknowledged writes, and whether any balance has drifted. */
async function audit(db: DB, tokens: string[]) {
  const keys = tokens.map((t) => `manual:${t}`);
  const found = new Set<string>();
  for (let i = 0; i < keys.length; i += 500) {
    const rows = await db
      .selectFrom("reputation_ledger")
      .select("idempotency_key")
      .where("idempotency_key", "in", keys.slice(i, i + 500))
      .execute();
    for (const row of rows) found.add(row.idempotency_key);
  }
  return {
    lost: keys.filter((k) => !found.has(k)),
    drift: (await reconcile(db)).drift,
  };
}

/** A manager and the advocates they award, each manager connection signed in. */
async function seedPeople(db: DB) {
  const manager = await insertUser(db, { role: "manager" });
  const recipients = [];
  for (let i = 0; i < 3; i += 1)
    recipients.push((await insertUser(db, { role: "advocate" })).handle);
  return { manager, recipients };
}

const signedInClients = (url: string, email: string) =>
  Promise.all(Array.from({ length: WRITERS }, () => new TestClient(url).signIn(email)));

/**
 * Starts the server, puts it under the award load, kills it with SIGKILL,
 * and restarts it on the same address, as a supervisor would (the sessions
 * stay valid). Returns the acknowledged tokens once the restarted server has
 * acknowledged writes of its own, and the restarted server.
 */
async function killAndRestartUnderLoad(
  env: Record<string, string>,
  people: Awaited<ReturnType<typeof seedPeople>>,
  servers: AppProcess[],
) {
  const first = await startAppProcess(env);
  servers.push(first);
  const port = Number(new URL(first.url).port);
  const clients = await signedInClients(first.url, people.manager.email);
  const load = startAwardLoad(clients, people.recipients);
  try {
    await until(() => load.ackedIn("before") >= 6, "awards acknowledged before the kill");
    load.enter("down");
    await first.kill();
    await until(() => load.answersIn("down").length >= WRITERS, "answers while the server is down");
    load.enter("after");
    const second = await startAppProcess(env, { port });
    servers.push(second);
    await until(() => load.ackedIn("after") >= 6, "awards acknowledged after the restart");
    return { acked: load.acked.map((a) => a.token), restarted: second };
  } finally {
    await load.stop();
  }
}

describe("on PostgreSQL", () => {
  const schema = `fault_${randomBytes(4).toString("hex")}`;
  let proxy: TcpProxy;
  let handle: DbHandle;
  let people: Awaited<ReturnType<typeof seedPeople>>;
  const servers: AppProcess[] = [];

  beforeAll(async () => {
    await requirePostgres();
    const target = new URL(POSTGRES_URL);
    proxy = await startTcpProxy(target.hostname, Number(target.port || 5432));
    // The test's own connection goes straight to PostgreSQL, not through the proxy.
    handle = await createDb({ databaseUrl: POSTGRES_URL, schema, poolSize: 4 });
    await migrateToLatest(handle.db, schema);
    people = await seedPeople(handle.db);
  }, 60_000);

  afterAll(async () => {
    for (const server of servers) await server.kill();
    await proxy?.close();
    if (handle) {
      await sql`drop schema if exists ${sql.id(schema)} cascade`.execute(handle.db);
      await handle.close();
    }
  }, 60_000);

  const serverEnv = () => ({
    DATABASE_URL: proxy.url(POSTGRES_URL),
    DATABASE_SCHEMA: schema,
    DATABASE_CONNECT_TIMEOUT_MS: "2000",
  });

  it("rides out the database going away under load, and loses nothing it acknowledged", async () => {
    const server = await startAppProcess(serverEnv());
    servers.push(server);
    const clients = await signedInClients(server.url, people.manager.email);
    // The hourly sweeps meet the same outage, on a handle of their own through the proxy.
    const sweepHandle = await createDb({
      databaseUrl: proxy.url(POSTGRES_URL),
      schema,
      poolSize: 1,
      timeouts: { connectMs: 1000, statementMs: 5000, idleInTransactionMs: 5000 },
    });
    const logger = pino({ level: "silent" });
    const load = startAwardLoad(clients, people.recipients);
    try {
      await until(() => load.ackedIn("before") >= 6, "awards acknowledged before the outage");
      load.enter("outage");
      await proxy.cut();
      await until(() => load.answersIn("outage").length >= 10, "answers during the outage");
      // They report it and carry on.
      expect(await runSweeps(sweepHandle.db, silentPublisher, logger)).toEqual({
        lapsed: 0,
        delivered: 0,
      });
      load.enter("after");
      await proxy.restore();
      await until(
        () => load.ackedIn("after") >= 6,
        "awards acknowledged after the database came back",
      );
      await expect(runSweeps(sweepHandle.db, silentPublisher, logger)).resolves.toBeDefined();
    } finally {
      await load.stop();
      await sweepHandle.close();
    }

    // The same process served throughout: it never exited.
    expect(server.child.exitCode).toBeNull();
    expect(server.child.signalCode).toBeNull();
    // While the database was away, writes were refused as unavailable, never as a crash.
    const outage = load.answersIn("outage").map((a) => a.status);
    expect(outage).toContain(503);
    expect(outage.filter((s) => s !== 503 && s !== 302)).toEqual([]);
    expect(
      await audit(
        handle.db,
        load.acked.map((a) => a.token),
      ),
    ).toEqual({ lost: [], drift: [] });

    // Live discussions work again too: a socket connects and joins a thread.
    const viewer = await loadViewer(handle.db, { id: people.manager.id, role: "manager" });
    const space = await createSpace(contextFor(handle.db, null), {
      slug: "after-the-outage",
      name: "After the outage",
      description: "",
      colour: "#047857",
      position: 0,
      visibility: "public",
    });
    const thread = await createThread(contextFor(handle.db, viewer), {
      spaceId: space.id,
      kind: "discussion",
      title: "Still here after the database restarted",
      body: "Live again.",
      tags: [],
    });
    const socket = connect(server.url, {
      transports: ["websocket"],
      extraHeaders: { Origin: server.url },
      reconnection: false,
      forceNew: true,
    });
    try {
      await new Promise<void>((resolve, reject) => {
        socket.once("connect", () => resolve());
        socket.once("connect_error", reject);
      });
      const ack = await new Promise<JoinAck>((resolve) =>
        socket.emit("thread:join", { threadId: thread.threadId }, resolve),
      );
      expect(ack.ok).toBe(true);
    } finally {
      socket.close();
    }
  }, 60_000);

  it("comes back after the server is killed under load, and loses nothing it acknowledged", async () => {
    await proxy.restore();
    const { acked } = await killAndRestartUnderLoad(serverEnv(), people, servers);
    expect(await audit(handle.db, acked)).toEqual({ lost: [], drift: [] });
  }, 60_000);
});

describe("on the embedded database", () => {
  const dataDir = mkdtempSync(path.join(tmpdir(), "ll-fault-"));
  const pgliteDir = path.join(dataDir, "pglite");
  let people: Awaited<ReturnType<typeof seedPeople>>;
  const servers: AppProcess[] = [];

  beforeAll(async () => {
    // Its own data directory, migrated here: the shared template exists only when the
    // suite itself runs on PGlite, and this case must run on every database.
    mkdirSync(pgliteDir, { recursive: true });
    const handle = await createDb({ dataDir: pgliteDir });
    await migrateToLatest(handle.db);
    people = await seedPeople(handle.db);
    await handle.close();
  });

  afterAll(async () => {
    for (const server of servers) await server.kill();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it("comes back after the server is killed under load, and loses nothing it acknowledged", async () => {
    // The killed process leaves its lock behind; the restarted one sees it is dead and takes over.
    const { acked, restarted } = await killAndRestartUnderLoad(
      { DATA_DIR: dataDir },
      people,
      servers,
    );
    // The embedded database has one owner at a time: stop the server, then look.
    await restarted.stop();
    const handle = await createDb({ dataDir: pgliteDir });
    try {
      expect(await audit(handle.db, acked)).toEqual({ lost: [], drift: [] });
    } finally {
      await handle.close();
    }
  }, 60_000);
});
