import { io as connect, type Socket } from "socket.io-client";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "../../db/client.ts";
import { createTestDb } from "../support/db.ts";
import { insertUser, TEST_PASSWORD, uniqueSuffix } from "../support/factories.ts";
import { rawRequest, startTestServer, TestClient, type TestServer } from "../support/server.ts";

// Malformed requests are refused at the edge with a 4xx and a sentence, before any route runs.

let handle: DbHandle;
let server: TestServer;
const opened: Socket[] = [];

beforeAll(async () => {
  handle = await createTestDb();
  server = await startTestServer(handle);
});
afterEach(() => {
  for (const socket of opened.splice(0)) socket.close();
});
afterAll(async () => {
  await server.close();
  await handle.close();
});

let ipCounter = 0;
const client = () =>
  new TestClient(server.url, { "X-Forwarded-For": `10.9.${ipCounter >> 8}.${ipCounter++ & 255}` });

const userCount = async () =>
  Number(
    (
      await handle.db
        .selectFrom("users")
        .select((eb) => eb.fn.countAll<number>().as("n"))
        .executeTakeFirstOrThrow()
    ).n,
  );

describe("methods", () => {
  it("answers TRACE and other unserved methods with 405 and the allowed list", async () => {
    for (const method of ["TRACE", "PROPFIND"]) {
      const res = await rawRequest(`${server.url}/`, { method });
      expect(res.status, method).toBe(405);
      expect(res.headers.allow).toMatch(/GET, HEAD, POST/);
      expect(res.body).toMatch(/not allowed/);
    }
  });
});

describe("NUL characters", () => {
  it("in a form field are refused with 400, and nothing is written", async () => {
    const before = await userCount();
    const name = `nul-${uniqueSuffix()}`;
    const res = await client().post("/signup?_data=routes%2Fsignup", {
      email: `${name}@example.test`,
      handle: name,
      displayName: "Nul\u0000Byte",
      password: "a long enough passphrase",
    });
    expect(res.status).toBe(400);
    expect(await res.text()).toMatch(/NUL character/);
    expect(await userCount()).toBe(before);
  });

  it("in a multipart field, a query or a path are refused with 400", async () => {
    const form = new FormData();
    form.set("email", "a\u0000@example.test");
    form.set("password", "whatever it is");
    const multipart = await client().request("/login", {
      method: "POST",
      body: form,
      headers: { Origin: server.url },
    });
    expect(multipart.status).toBe(400);
    expect((await client().get("/search?q=a%00b")).status).toBe(400);
    expect((await client().get("/u/someone%00")).status).toBe(400);
  });
});

describe("bodies sent to an action", () => {
  it("that are not forms get 415", async () => {
    for (const [type, body] of [
      ["application/json", JSON.stringify({ email: "a@b.c", password: "x" })],
      ["text/plain", "email=a@b.c&password=x"],
      ["", ""],
    ]) {
      const headers: Record<string, string> = { Origin: server.url };
      if (type) headers["Content-Type"] = type;
      const res = await client().request("/login", { method: "POST", headers, body });
      expect(res.status, type || "no content type").toBe(415);
      expect(await res.text()).toMatch(/Send this as a form/);
    }
  });

  it("that are broken multipart get 400", async () => {
    for (const [type, body] of [
      ["multipart/form-data", "--x\r\n"],
      ["multipart/form-data; boundary=x", "this is not multipart"],
      [
        "multipart/form-data; boundary=x",
        '--x\r\nContent-Disposition: form-data; name="a"\r\n\r\ncut',
      ],
    ]) {
      const res = await client().request("/login", {
        method: "POST",
        headers: { Origin: server.url, "Content-Type": type },
        body,
      });
      expect(res.status, `${type} ${JSON.stringify(body)}`).toBe(400);
      expect(await res.text()).toMatch(/could not be read/);
    }
  });

  it("that are good forms, in either encoding, reach the route whole", async () => {
    const user = await insertUser(handle.db);
    const form = new FormData();
    form.set("email", user.email);
    form.set("password", TEST_PASSWORD);
    const multipart = await client().request("/login?_data=routes%2Flogin", {
      method: "POST",
      body: form,
      headers: { Origin: server.url },
    });
    expect(multipart.status).toBe(204);
    const encoded = await client().post("/login?_data=routes%2Flogin", {
      email: user.email,
      password: TEST_PASSWORD,
    });
    expect(encoded.status).toBe(204);
  });
});

describe("page numbers", () => {
  it("out of bounds or not whole are refused with 400; good ones still work", async () => {
    for (const page of ["1e300", "99999999999", "10001", "1.5", "0.5", "Infinity"]) {
      const res = await client().get(`/speaking?page=${page}`);
      expect(res.status, page).toBe(400);
      expect(await res.text()).toMatch(/page number must be a whole number/);
    }
    expect((await client().get("/speaking?page=2")).status).toBe(200);
    // Words and numbers below 1 are the routes' to read as the first page.
    for (const page of ["abc", "0", "-3"])
      expect((await client().get(`/speaking?page=${page}`)).status, page).toBe(200);
    expect((await client().get("/advocates?page=10000")).status).toBe(200);
  });
});

describe("socket events", () => {
  function socket() {
    const s = connect(server.url, {
      transports: ["websocket"],
      extraHeaders: { Origin: server.url },
      reconnection: false,
      forceNew: true,
    });
    opened.push(s);
    return new Promise<Socket>((resolve, reject) => {
      s.once("connect", () => resolve(s));
      s.once("connect_error", reject);
    });
  }

  it("with an id beyond int4 are refused with an error event and the acknowledgement", async () => {
    const s = await socket();
    const refusedEvent = new Promise((resolve) => s.once("refused", resolve));
    const ack = await new Promise((resolve) =>
      s.emit("thread:join", { threadId: 2 ** 31 }, resolve),
    );
    expect(ack).toEqual({ ok: false, error: expect.stringMatching(/threadId/) });
    expect(await refusedEvent).toEqual({ event: "thread:join", error: expect.any(String) });
    // The socket is still in good standing: a valid event is answered as usual.
    const missing = await new Promise((resolve) =>
      s.emit("thread:join", { threadId: 2 ** 31 - 1 }, resolve),
    );
    expect(missing).toEqual({ ok: false, error: "We could not find that thread." });
  });

  it("that are unknown are refused with an error event", async () => {
    const s = await socket();
    const refusedEvent = new Promise((resolve) => s.once("refused", resolve));
    s.emit("admin:drop-everything", { please: true });
    expect(await refusedEvent).toEqual({
      event: "admin:drop-everything",
      error: expect.stringMatching(/Unknown event/),
    });
  });
});
