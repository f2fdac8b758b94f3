import { randomBytes } from "node:crypto";
import type { AddressInfo } from "node:net";
import type { Server } from "node:http";
import express from "express";
import { createClient } from "redis";
import { afterAll, describe, expect, it } from "vitest";
import { rateLimit } from "../../server/rate-limit.ts";

// The write limit on several processes: each limiter has its own Redis
// connection, as separate server processes would, and they count together.

const REDIS_URL = process.env.REDIS_URL ?? "redis://127.0.0.1:6379";
const keyPrefix = `test:${randomBytes(4).toString("hex")}:writes`;
const opened: { server: Server; redis: ReturnType<typeof createClient> }[] = [];

/** One "process": an Express app with the write limit, on its own Redis connection. */
async function startLimitedApp(): Promise<string> {
  const redis = createClient({ url: REDIS_URL, socket: { connectTimeout: 3000 } });
  redis.on("error", () => undefined);
  try {
    await redis.connect();
  } catch (error) {
    throw new Error(
      `Redis is not reachable at ${REDIS_URL} (${(error as Error).message}). Start it (e.g. \`redis-server --daemonize yes\`) or point REDIS_URL at one.`,
    );
  }
  const app = express();
  app.set("trust proxy", 1);
  app.use(rateLimit({ windowMs: 60_000, max: 3, methods: ["POST"], redis, keyPrefix }));
  app.all("/", (_req, res) => {
    res.status(200).send("ok");
  });
  const server = app.listen(0, "127.0.0.1");
  await new Promise((resolve) => server.once("listening", resolve));
  opened.push({ server, redis });
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

afterAll(async () => {
  const cleanup = opened[0]?.redis;
  if (cleanup) for (const key of await cleanup.keys(`${keyPrefix}*`)) await cleanup.del(key);
  for (const { server, redis } of opened) {
    server.close();
    await redis.quit();
  }
});

const send = (url: string, ip: string) =>
  fetch(url, { method: "POST", headers: { "X-Forwarded-For": ip } });

describe("the write limit with a Redis store", () => {
  it("is one limit across processes, kept across a restart, with 429 and Retry-After", async () => {
    const a = await startLimitedApp();
    const b = await startLimitedApp();
    const ip = "198.51.100.7";
    expect((await send(a, ip)).status).toBe(200);
    expect((await send(b, ip)).status).toBe(200);
    expect((await send(a, ip)).status).toBe(200);
    // The fourth write, through the other process, is over the shared limit of three.
    const blocked = await send(b, ip);
    expect(blocked.status).toBe(429);
    const retryAfter = Number(blocked.headers.get("retry-after"));
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(60);
    expect(await blocked.text()).toMatch(/Too many requests/);
    // Another client is counted on its own.
    expect((await send(a, "198.51.100.8")).status).toBe(200);
    // A process started afterwards (a restart) still knows the count.
    const restarted = await startLimitedApp();
    expect((await send(restarted, ip)).status).toBe(429);
  });
});
