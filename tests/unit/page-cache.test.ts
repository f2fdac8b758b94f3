import { randomBytes } from "node:crypto";
import http from "node:http";
import type { AddressInfo } from "node:net";
import express from "express";
import { afterEach, describe, expect, it } from "vitest";
import { SHARED_CACHE_HEADER } from "../../app/utils/shared-cache.ts";
import { createPageCache, type PageCache } from "../../server/page-cache.ts";

// The shared page cache in front of a small Express app over real HTTP: what
// it keeps, whom it answers, and what drops a page.

interface Page {
  status?: number;
  tags?: string;
  cookie?: string;
  body?: (nonce: string, req: express.Request) => string;
  /** Holds the render until this resolves. */
  hold?: Promise<void>;
}

let close: (() => Promise<void>) | null = null;
afterEach(async () => {
  await close?.();
  close = null;
});

async function serve(
  pages: Record<string, Page>,
  options: { ttlMs?: number; maxBytes?: number; now?: () => number } = {},
) {
  const renders: Record<string, number> = {};
  const cache: PageCache = createPageCache({
    ttlMs: options.ttlMs ?? 60_000,
    maxBytes: options.maxBytes ?? 1024 * 1024,
    isPersonal: (req) => /(^|;\s*)session=/.test(req.get("cookie") ?? ""),
    now: options.now,
  });
  const app = express();
  app.use((_req, res, next) => {
    res.locals.cspNonce = randomBytes(16).toString("base64");
    res.setHeader("X-Nonce", res.locals.cspNonce as string);
    next();
  });
  app.use(cache.middleware);
  app.get("/:page", async (req, res) => {
    const page = pages[req.params.page];
    if (!page) return res.status(404).send("missing");
    renders[req.params.page] = (renders[req.params.page] ?? 0) + 1;
    await page.hold;
    const nonce = res.locals.cspNonce as string;
    res.status(page.status ?? 200).type("html");
    if (page.tags) res.setHeader(SHARED_CACHE_HEADER, page.tags);
    if (page.cookie) res.setHeader("Set-Cookie", page.cookie);
    const body =
      page.body?.(nonce, req) ??
      `<script nonce="${nonce}">1</script><p>${req.params.page} render ${renders[req.params.page]}</p><script nonce="${nonce}">2</script>`;
    // Written in two pieces, as a streamed render is.
    res.write(body.slice(0, 10));
    res.end(body.slice(10));
  });
  const server = app.listen(0, "127.0.0.1");
  await new Promise((r) => server.once("listening", r));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  close = () => new Promise((r) => server.close(() => r()));
  // node:http rather than fetch, which will not send a Host header of the caller's choosing.
  const get = (path: string, headers: Record<string, string> = {}) =>
    new Promise<{
      status: number;
      cache: string | null;
      marker: string | null;
      nonce: string;
      body: string;
    }>((resolve, reject) => {
      const req = http.get(`${url}${path}`, { headers }, (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (c: Buffer) => chunks.push(c));
        res.on("end", () => {
          const header = (name: string) => (res.headers[name.toLowerCase()] as string) ?? null;
          resolve({
            status: res.statusCode ?? 0,
            cache: header("Limelight-Cache"),
            marker: header(SHARED_CACHE_HEADER),
            nonce: header("X-Nonce")!,
            body: Buffer.concat(chunks).toString(),
          });
        });
      });
      req.on("error", reject);
    });
  return { cache, get, renders };
}

describe("shared page cache", () => {
  it("answers later visitors with the stored page, under their own nonce", async () => {
    const { get, renders } = await serve({ thread: { tags: "thread:1" } });
    const first = await get("/thread");
    expect(first.cache).toBe("miss");
    expect(first.body).toContain(`nonce="${first.nonce}"`);
    const second = await get("/thread");
    expect(second.cache).toBe("hit");
    expect(renders.thread).toBe(1);
    expect(second.nonce).not.toBe(first.nonce);
    expect(second.body).toBe(first.body.replaceAll(first.nonce, second.nonce));
    expect(second.body).not.toContain(first.nonce);
    expect(second.body.match(/nonce="/g)).toHaveLength(2);
  });

  it("never lets the marker header out", async () => {
    const { get } = await serve({ thread: { tags: "thread:1" } });
    expect((await get("/thread")).marker).toBeNull();
    expect((await get("/thread")).marker).toBeNull();
  });

  it("keeps nothing that was not marked shared, failed, or set a cookie", async () => {
    const { get, renders } = await serve({
      plain: {},
      broken: { tags: "thread:1", status: 500 },
      cookie: { tags: "thread:1", cookie: "flash=; Max-Age=0" },
    });
    for (const page of ["plain", "broken", "cookie"]) {
      await get(`/${page}`);
      const again = await get(`/${page}`);
      expect(again.cache, page).not.toBe("hit");
      expect(renders[page], page).toBe(2);
    }
  });

  it("neither answers nor stores a personal request", async () => {
    const { get, renders } = await serve({
      thread: { tags: "thread:1", body: (n, req) => `<p nonce="${n}">${req.get("cookie")}</p>` },
    });
    const mine = await get("/thread", { Cookie: "session=abc" });
    expect(mine.cache).toBeNull();
    expect((await get("/thread")).cache).toBe("miss");
    const personal = await get("/thread", { Cookie: "theme=dark; session=abc" });
    expect(personal.cache).toBeNull();
    expect(personal.body).toContain("session=abc");
    expect(renders.thread).toBe(3);
  });

  it("keys pages by host, so a forged Host header cannot plant a page for others", async () => {
    const { get, renders } = await serve({
      thread: {
        tags: "thread:1",
        body: (n, req) => `<link href="//${req.get("host")}" nonce="${n}">`,
      },
    });
    const forged = await get("/thread", { Host: "evil.example" });
    expect(forged.body).toContain("evil.example");
    const honest = await get("/thread");
    expect(honest.cache).toBe("miss");
    expect(honest.body).not.toContain("evil.example");
    expect(renders.thread).toBe(2);
  });

  it("drops the pages of a tag at once, and keeps other tags", async () => {
    const { cache, get } = await serve({
      a: { tags: "thread:1" },
      b: { tags: "thread:2" },
    });
    await get("/a");
    await get("/b");
    cache.invalidate("thread:1");
    expect((await get("/a")).cache).toBe("miss");
    expect((await get("/b")).cache).toBe("hit");
  });

  it("does not keep a render that a change overtook", async () => {
    let release!: () => void;
    const hold = new Promise<void>((r) => (release = r));
    const { cache, get, renders } = await serve({ thread: { tags: "thread:1", hold } });
    const pending = get("/thread");
    await new Promise((r) => setTimeout(r, 50));
    cache.invalidate("thread:1"); // the thread changed while the page was being read
    release();
    expect((await pending).cache).toBe("miss");
    expect((await get("/thread")).cache).toBe("miss");
    expect(renders.thread).toBe(2);
    expect((await get("/thread")).cache).toBe("hit");
  });

  it("expires pages after their time", async () => {
    let clock = 1_000;
    const { get } = await serve({ thread: { tags: "thread:1" } }, { ttlMs: 500, now: () => clock });
    await get("/thread");
    clock += 499;
    expect((await get("/thread")).cache).toBe("hit");
    clock += 1;
    expect((await get("/thread")).cache).toBe("miss");
  });

  it("stays within its memory, dropping the least recently used page", async () => {
    const body = (n: string) => `<p nonce="${n}">${"x".repeat(400)}</p>`;
    const { cache, get } = await serve(
      { a: { tags: "t", body }, b: { tags: "t", body }, c: { tags: "t", body } },
      { maxBytes: 1000 },
    );
    await get("/a");
    await get("/b");
    expect((await get("/a")).cache).toBe("hit"); // a is now the most recently used
    await get("/c");
    expect(cache.size).toBe(2);
    expect((await get("/a")).cache).toBe("hit");
    expect((await get("/b")).cache).toBe("miss");
  });

  it("lets visitors of a shared page wait for the render in progress instead of rendering again", async () => {
    let release!: () => void;
    const page: Page = { tags: "thread:1" };
    const { cache, get, renders } = await serve({ thread: page });
    await get("/thread");
    // The page is kept once the server has closed the response, which can be a moment after the
    // visitor has read it: only a page known to be shareable is waited for.
    while (cache.size === 0) await new Promise((r) => setTimeout(r, 5));
    cache.invalidate("thread:1");
    page.hold = new Promise<void>((r) => (release = r));
    const visits = Array.from({ length: 5 }, () => get("/thread"));
    await new Promise((r) => setTimeout(r, 50));
    release();
    const answers = await Promise.all(visits);
    expect(renders.thread).toBe(2);
    expect(answers.map((a) => a.cache).sort()).toEqual(["hit", "hit", "hit", "hit", "miss"]);
    for (const a of answers) expect(a.body).toContain(`nonce="${a.nonce}"`);
  });

  it("is off when its time is zero", async () => {
    const { get, renders } = await serve({ thread: { tags: "thread:1" } }, { ttlMs: 0 });
    await get("/thread");
    expect((await get("/thread")).cache).toBeNull();
    expect(renders.thread).toBe(2);
  });
});
