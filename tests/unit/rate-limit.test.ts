import type { AddressInfo } from "node:net";
import express from "express";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { rateLimit } from "../../server/rate-limit.ts";

// The in-memory write limit, mounted on a real Express app and driven over HTTP.
let baseUrl: string;
let close: () => void;

beforeAll(async () => {
  const app = express();
  app.set("trust proxy", 1);
  app.use(rateLimit({ windowMs: 60_000, max: 3, methods: ["POST"] }));
  app.all("/", (_req, res) => {
    res.status(200).send("ok");
  });
  const server = app.listen(0, "127.0.0.1");
  await new Promise((resolve) => server.once("listening", resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  close = () => server.close();
});
afterAll(() => close());
afterEach(() => vi.useRealTimers());

let nextIp = 1;
const freshIp = () => `203.0.113.${nextIp++}`;
const send = (ip: string, method = "POST") =>
  fetch(baseUrl, { method, headers: { "X-Forwarded-For": ip } });

describe("rateLimit", () => {
  it("lets max requests through, then answers 429 with Retry-After", async () => {
    const ip = freshIp();
    for (let i = 0; i < 3; i++) expect((await send(ip)).status).toBe(200);
    const blocked = await send(ip);
    expect(blocked.status).toBe(429);
    const retryAfter = Number(blocked.headers.get("retry-after"));
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(60);
    expect(await blocked.text()).toMatch(/Too many requests/);
  });

  it("counts each client on its own", async () => {
    const noisy = freshIp();
    for (let i = 0; i < 4; i++) await send(noisy);
    expect((await send(noisy)).status).toBe(429);
    expect((await send(freshIp())).status).toBe(200);
  });

  it("leaves methods it does not limit alone", async () => {
    const ip = freshIp();
    for (let i = 0; i < 4; i++) await send(ip);
    expect((await send(ip)).status).toBe(429);
    expect((await send(ip, "GET")).status).toBe(200);
  });

  it("opens again when the window has passed", async () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    const ip = freshIp();
    for (let i = 0; i < 3; i++) await send(ip);
    expect((await send(ip)).status).toBe(429);
    vi.setSystemTime(Date.now() + 61_000);
    expect((await send(ip)).status).toBe(200);
  });
});
