import pino from "pino";
import { io as connect, type Socket } from "socket.io-client";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "../../db/client.ts";
import { FLOOD_COOLDOWN, FLOOD_LIMITS } from "../../server/realtime.ts";
import { createTestDb } from "../support/db.ts";
import { startTestServer, type TestServer } from "../support/server.ts";

let handle: DbHandle;
let server: TestServer;
const warnings: { msg: string }[] = [];
const opened: Socket[] = [];

beforeAll(async () => {
  handle = await createTestDb();
  const logger = pino(
    { level: "warn" },
    { write: (line: string) => void warnings.push(JSON.parse(line) as { msg: string }) },
  );
  server = await startTestServer(handle, {}, { logger });
});
afterEach(() => {
  for (const socket of opened.splice(0)) socket.close();
});
afterAll(async () => {
  await server.close();
  await handle.close();
});

/** An anonymous tab from the given client address (the server trusts one proxy hop). */
function socket(ip: string) {
  const s = connect(server.url, {
    transports: ["websocket"],
    extraHeaders: { Origin: server.url, "X-Forwarded-For": ip },
    reconnection: false,
    forceNew: true,
  });
  opened.push(s);
  return s;
}

const connected = (s: Socket) =>
  new Promise<void>((resolve, reject) => {
    s.once("connect", () => resolve());
    s.once("connect_error", reject);
  });

describe("a socket cut off for flooding", () => {
  it("is logged once, told how long to wait, and refused until then; others are not", async () => {
    const flooder = socket("10.66.0.1");
    await connected(flooder);
    const told = new Promise((resolve) => flooder.once("rate-limited", resolve));
    const gone = new Promise((resolve) => flooder.once("disconnect", resolve));
    // Far more than it takes to be cut off, all queued at once.
    const sent = FLOOD_LIMITS.burst + FLOOD_LIMITS.refusalsBeforeDisconnect + 60;
    for (let i = 0; i < sent; i++) flooder.emit("thread:leave", { threadId: 1 });
    expect(await told).toEqual({ disconnected: true, retryAfter: FLOOD_COOLDOWN.baseSeconds });
    expect(await gone).toBe("io server disconnect");

    const again = socket("10.66.0.1");
    const refusal = await new Promise<Error & { data?: unknown }>((resolve, reject) => {
      again.once("connect", () => reject(new Error("the flooder was let straight back in")));
      again.once("connect_error", resolve);
    });
    expect(refusal.message).toBe("rate-limited");
    expect(refusal.data).toEqual({ retryAfter: expect.any(Number) });
    expect((refusal.data as { retryAfter: number }).retryAfter).toBeGreaterThan(0);

    // Someone else is not held back.
    await connected(socket("10.66.0.2"));
    const floodWarnings = warnings.filter((w) => w.msg === "socket disconnected for flooding");
    expect(floodWarnings).toHaveLength(1);
  });
});
