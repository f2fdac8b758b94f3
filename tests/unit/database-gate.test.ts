import http from "node:http";
import type { AddressInfo } from "node:net";
import express from "express";
import { afterEach, describe, expect, it } from "vitest";
import { databaseGate } from "../../server/health.ts";

// The gate in front of a small Express app over real HTTP. The page handler
// answers the way Remix's Express adapter does (status, then headers, then the
// body in writes), so a request that was under way when the database went away
// meets the same calls as in the server.

async function sendRemixResponse(res: express.Response, page: Response) {
  res.status(page.status);
  for (const [key, value] of page.headers.entries()) res.append(key, value);
  const body = Buffer.from(await page.arrayBuffer());
  res.write(body.subarray(0, 16));
  res.write(body.subarray(16));
  res.end();
}

let close: (() => Promise<void>) | null = null;
afterEach(async () => {
  await close?.();
  close = null;
});

async function serve() {
  const health = { available: true, check: async () => health.available };
  const app = express();
  app.use((_req, res, next) => {
    res.setHeader("X-Content-Type-Options", "nosniff");
    next();
  });
  app.use(databaseGate(health));
  app.get("/page", async (_req, res) => {
    // The connection drops while the page's loader runs: the framework renders its error page.
    health.available = false;
    const page = new Response("<!doctype html><h1>Unexpected Server Error</h1>", {
      status: 500,
      headers: { "Content-Type": "text/html", "Set-Cookie": "flash=1" },
    });
    await sendRemixResponse(res, page);
  });
  app.get("/broken", async (_req, res) => {
    await sendRemixResponse(res, new Response("A real bug", { status: 500 }));
  });
  const server = http.createServer(app);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  close = () =>
    new Promise((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    });
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return { url, health };
}

describe("the database gate", () => {
  it("answers a page whose database went away mid-request with the 503 page, not the framework's error", async () => {
    const { url } = await serve();
    const res = await fetch(`${url}/page`, { headers: { Accept: "text/html" } });
    expect(res.status).toBe(503);
    expect(res.headers.get("retry-after")).toBe("5");
    expect(res.headers.get("content-type")).toMatch(/^text\/html/);
    // Headers set before the gate stay; the framework's own do not.
    expect(res.headers.get("x-content-type-options")).toBe("nosniff");
    expect(res.headers.get("set-cookie")).toBeNull();
    const body = await res.text();
    expect(body).toContain("Back in a moment");
    expect(body).not.toContain("Unexpected Server Error");
  });

  it("answers a data request the same way, as JSON", async () => {
    const { url } = await serve();
    const res = await fetch(`${url}/page?_data=routes%2Fpage`);
    expect(res.status).toBe(503);
    expect(await res.json()).toEqual({
      error: expect.stringContaining("cannot reach its database"),
    });
  });

  it("refuses at once while the database is known to be away", async () => {
    const { url, health } = await serve();
    health.available = false;
    const res = await fetch(`${url}/broken`, { headers: { Accept: "text/html" } });
    expect(res.status).toBe(503);
    expect(await res.text()).toContain("Back in a moment");
    const spanish = await fetch(`${url}/broken`, {
      headers: { Accept: "text/html", "Accept-Language": "es-ES,es;q=0.9" },
    });
    expect(spanish.status).toBe(503);
    const page = await spanish.text();
    expect(page).toContain('<html lang="es">');
    expect(page).toContain("Volvemos enseguida");
    expect(page).not.toContain("Back in a moment");
  });

  it("leaves a failure with the database up as the 500 it is", async () => {
    const { url } = await serve();
    const res = await fetch(`${url}/broken`);
    expect(res.status).toBe(500);
    expect(await res.text()).toBe("A real bug");
  });
});
