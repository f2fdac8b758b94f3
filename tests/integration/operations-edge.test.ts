import { randomBytes } from "node:crypto";
import { Socket } from "node:net";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDb, type DbHandle } from "../../db/client.ts";
import { migrateToLatest } from "../../db/migrate.ts";
import { createTestDb } from "../support/db.ts";
import { POSTGRES_URL, requirePostgres } from "../support/postgres.ts";
import { startTestServer, type TestServer } from "../support/server.ts";
import { startTcpProxy, type TcpProxy } from "../support/tcp-proxy.ts";

// The edge of the server: probes that answer whatever the database does,
// and bodies refused from their headers before they are read.

/** Sends raw HTTP and collects the answer until the server closes the connection. */
async function rawRequest(
  url: string,
  head: string[],
  bodyChunk: string,
): Promise<{ answer: string; closed: boolean }> {
  const { hostname, port } = new URL(url);
  const socket = new Socket();
  await new Promise<void>((resolve) => socket.connect(Number(port), hostname, resolve));
  let answer = "";
  socket.on("data", (chunk) => (answer += chunk.toString()));
  socket.on("error", () => undefined);
  const closed = new Promise<boolean>((resolve) => socket.on("close", () => resolve(true)));
  socket.write([...head, "", ""].join("\r\n"));
  socket.write(bodyChunk);
  return { closed: await closed, answer };
}

describe("request bodies", () => {
  let handle: DbHandle;
  let server: TestServer;
  beforeAll(async () => {
    handle = await createTestDb();
    server = await startTestServer(handle);
  });
  afterAll(async () => {
    await server.close();
    await handle.close();
  });

  const head = (path: string, length: number, type = "application/x-www-form-urlencoded") => [
    `POST ${path} HTTP/1.1`,
    `Host: ${new URL(server.url).host}`,
    `Origin: ${server.url}`,
    `Content-Type: ${type}`,
    `Content-Length: ${length}`,
  ];

  it("refuses a 300 MB sign-in from its headers, having read a sliver of it, with 413 and a reason", async () => {
    // 64 KB of the announced 300 MB are sent; the answer comes and the connection closes anyway.
    const { answer, closed } = await rawRequest(
      server.url,
      head("/login", 300 * 1024 * 1024),
      "email=a%40example.test&password=" + "x".repeat(64 * 1024),
    );
    expect(closed).toBe(true);
    expect(answer).toMatch(/^HTTP\/1\.1 413 /);
    expect(answer).toContain("A form can be at most 1 MB; this request was 300.0 MB.");
  });

  it("gives its reason in the language the browser asks for", async () => {
    const { answer } = await rawRequest(
      server.url,
      [...head("/login", 3 * 1024 * 1024), "Accept-Language: zh-CN,zh;q=0.9"],
      "email=x",
    );
    expect(answer).toMatch(/^HTTP\/1\.1 413 /);
    expect(answer).toContain('<html lang="zh-Hans">');
    expect(answer).toContain("内容太大，无法发送");
    expect(answer).toContain("表单最多 1 MB；此请求为 3.0 MB。");
    expect(answer).not.toContain("too large");
  });

  it("answers data requests in JSON", async () => {
    const { answer } = await rawRequest(
      server.url,
      head("/login?_data=routes%2Flogin", 2 * 1024 * 1024),
      "password=x",
    );
    expect(answer).toMatch(/^HTTP\/1\.1 413 /);
    expect(JSON.parse(answer.slice(answer.indexOf("\r\n\r\n") + 4))).toEqual({
      error: "A form can be at most 1 MB; this request was 2.0 MB. Send less at once.",
    });
  });

  it("lets the NPS import take its larger files, and no more", async () => {
    const send = (bytes: number) =>
      fetch(`${server.url}/manage/promoters/import`, {
        method: "POST",
        headers: { Origin: server.url, "Content-Type": "application/x-www-form-urlencoded" },
        body: "csv=" + "x".repeat(bytes),
      });
    // Past the edge (3 MB is within the import's limit): the page itself asks for a sign-in.
    const within = await send(3 * 1024 * 1024);
    expect(within.status).not.toBe(413);
    expect(within.status).toBeLessThan(500);
    const beyond = await rawRequest(
      server.url,
      head("/manage/promoters/import", 5 * 1024 * 1024),
      "csv=x",
    );
    expect(beyond.answer).toMatch(/^HTTP\/1\.1 413 /);
    expect(beyond.answer).toContain("An NPS import can be at most 4 MB");
  });

  it("refuses a body of undeclared length with 411", async () => {
    const { answer } = await rawRequest(
      server.url,
      [
        "POST /login HTTP/1.1",
        `Host: ${new URL(server.url).host}`,
        `Origin: ${server.url}`,
        "Content-Type: application/x-www-form-urlencoded",
        "Transfer-Encoding: chunked",
      ],
      "5\r\nemail\r\n",
    );
    expect(answer).toMatch(/^HTTP\/1\.1 411 /);
    expect(answer).toContain("Send the request with a Content-Length header.");
  });
});

describe("probes and 503s on PostgreSQL behind a proxy", () => {
  const schema = `edge_${randomBytes(4).toString("hex")}`;
  let proxy: TcpProxy;
  let handle: DbHandle;
  let server: TestServer;
  /** Each time the app decided the database was away (false) or back (true). */
  const availability: boolean[] = [];

  beforeAll(async () => {
    await requirePostgres();
    const target = new URL(POSTGRES_URL);
    proxy = await startTcpProxy(target.hostname, Number(target.port || 5432));
    handle = await createDb({
      databaseUrl: proxy.url(POSTGRES_URL),
      schema,
      poolSize: 4,
      timeouts: { connectMs: 2000, statementMs: 10_000, idleInTransactionMs: 1000 },
      onAvailabilityChange: (available) => availability.push(available),
    });
    await migrateToLatest(handle.db, schema);
    server = await startTestServer(handle);
  }, 60_000);
  afterAll(async () => {
    await proxy?.restore();
    await server?.close();
    if (handle) {
      await sql`drop schema if exists ${sql.id(schema)} cascade`.execute(handle.db);
      await handle.close();
    }
    await proxy?.close();
  });

  const status = async (path: string) => (await fetch(`${server.url}${path}`)).status;

  it("/livez, /readyz and /healthz answer 200 while the database works", async () => {
    expect(await status("/livez")).toBe(200);
    expect(await status("/readyz")).toBe(200);
    expect(await status("/healthz")).toBe(200);
  });

  it("ends a transaction left idle past its limit, and the app carries on", async () => {
    const idle = handle.db.transaction().execute(async (trx) => {
      await sql`select 1`.execute(trx);
      // Longer than the idle-in-transaction limit: the server ends the session.
      await new Promise((resolve) => setTimeout(resolve, 2500));
      await sql`select 1`.execute(trx);
    });
    await expect(idle).rejects.toThrow();
    // One session ended is not the database going away: nobody was turned away for it.
    expect(availability).toEqual([]);
    expect(await status("/advocates")).toBe(200);
  });

  it("while the database hangs, /healthz and /readyz answer 503 and /livez 200", async () => {
    proxy.freeze();
    try {
      const health = await fetch(`${server.url}/healthz`);
      expect(health.status).toBe(503);
      expect(await health.json()).toEqual({ status: "unavailable", database: "unreachable" });
      expect(await status("/readyz")).toBe(503);
      expect(await status("/livez")).toBe(200);
    } finally {
      await proxy.restore();
    }
    expect(await status("/healthz")).toBe(200);
  });

  it("while the database is gone, pages answer a 503 page at once; they work again when it is back", async () => {
    expect(await status("/advocates")).toBe(200);
    await proxy.cut();
    try {
      // Once the app has seen the database go (a probe is enough), pages do not wait for it.
      expect(await status("/readyz")).toBe(503);
      const page = await fetch(`${server.url}/advocates`);
      expect(page.status).toBe(503);
      expect(page.headers.get("retry-after")).toBe("5");
      expect(await page.text()).toContain("Limelight cannot reach its database right now");
      const data = await fetch(`${server.url}/advocates?_data=routes%2Fadvocates`);
      expect(data.status).toBe(503);
      expect((await data.json()).error).toMatch(/database is unavailable|cannot reach/);
      expect(await status("/readyz")).toBe(503);
      expect(await status("/livez")).toBe(200);
    } finally {
      await proxy.restore();
    }
    // The app notices by itself; no restart.
    let back = 0;
    for (let i = 0; i < 100 && back !== 200; i += 1) {
      back = await status("/advocates");
      if (back !== 200) await new Promise((r) => setTimeout(r, 200));
    }
    expect(back).toBe(200);
  });
});
