import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "../../db/client.ts";
import { createTestDb } from "../support/db.ts";
import { insertUser } from "../support/factories.ts";
import { rawRequest, startTestServer, type TestServer } from "../support/server.ts";

// Addresses the site gives out come from its configuration, and its metrics are not public.

const PUBLIC_URL = "https://community.example.com";
const METRICS_TOKEN = "a-long-metrics-token-for-tests";
let handle: DbHandle;
let configured: TestServer;
let defaults: TestServer;

beforeAll(async () => {
  handle = await createTestDb();
  configured = await startTestServer(handle, { PUBLIC_URL, METRICS_TOKEN });
  defaults = await startTestServer(handle);
});
afterAll(async () => {
  await configured.close();
  await defaults.close();
  await handle.close();
});

describe("canonical and share links", () => {
  it("name PUBLIC_URL, whatever Host the request carried", async () => {
    const user = await insertUser(handle.db, { role: "advocate" });
    const page = await rawRequest(`${configured.url}/u/${user.handle}`, {
      headers: { Host: "evil.test" },
    });
    expect(page.status).toBe(200);
    expect(page.body).toContain(`<link rel="canonical" href="${PUBLIC_URL}/u/${user.handle}"/>`);
    expect(page.body).toContain(`content="${PUBLIC_URL}/u/${user.handle}"`);
    expect(page.body).not.toContain("evil.test/u/");
  });
});

describe("/metrics", () => {
  it("with METRICS_TOKEN set, needs the bearer token", async () => {
    const none = await fetch(`${configured.url}/metrics`);
    expect(none.status).toBe(401);
    expect(none.headers.get("www-authenticate")).toMatch(/^Bearer/);
    const wrong = await fetch(`${configured.url}/metrics`, {
      headers: { Authorization: "Bearer not-the-token" },
    });
    expect(wrong.status).toBe(401);
    const right = await fetch(`${configured.url}/metrics`, {
      headers: { Authorization: `Bearer ${METRICS_TOKEN}` },
    });
    expect(right.status).toBe(200);
    expect(await right.text()).toContain("limelight_http_request_duration_seconds");
  });

  it("without a token, answers this machine only, not requests a proxy forwarded", async () => {
    expect((await fetch(`${defaults.url}/metrics`)).status).toBe(200);
    const forwarded = await fetch(`${defaults.url}/metrics`, {
      headers: { "X-Forwarded-For": "203.0.113.9" },
    });
    expect(forwarded.status).toBe(403);
    expect(await forwarded.text()).toMatch(/METRICS_TOKEN/);
  });
});
