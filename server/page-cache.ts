import type { Request, RequestHandler, Response } from "express";
import { SHARED_CACHE_HEADER } from "../app/utils/shared-cache.ts";
import { pageCacheResults } from "./metrics.ts";

/**
 * A shared cache of the pages every anonymous visitor sees alike (a public
 * question, say), in this process's memory. Prospects reading a popular
 * thread then cost one render per change instead of one per visit.
 *
 * - Only requests without a personal cookie are served from it, and only
 *   responses a route marked as shared (the `Limelight-Shared-Cache` header,
 *   set by a loader that knows the page is the same for every visitor) are
 *   stored, with their tags. Anything with a Set-Cookie is never stored.
 * - A thread that changes drops its pages at once (`invalidate("thread:ID")`,
 *   on every process through the realtime events); every page also expires
 *   after `ttlMs`, which bounds how long anything without an event (a
 *   renamed author, say) can look old.
 * - Each answer carries a fresh CSP nonce: the stored page keeps the places
 *   where its nonce stood and takes the current request's.
 * - Visitors who ask for a page while it is being rendered wait for that
 *   render instead of starting their own.
 */

export interface PageCacheOptions {
  ttlMs: number;
  maxBytes: number;
  /** True when the request carries something that makes its page its own (a session, a flash message). */
  isPersonal(req: Request): boolean;
  /** What else shapes a shared page (the language asked for): visitors who differ in it get pages of their own. */
  variesBy?(req: Request): string;
  now?: () => number;
}

export interface PageCache {
  middleware: RequestHandler;
  /** Drops every stored page carrying this tag (and refuses renders that started before). */
  invalidate(tag: string): void;
  readonly size: number;
}

interface Entry {
  key: string;
  /** The page split where its nonce stood. */
  parts: Buffer[];
  contentType: string;
  tags: string[];
  expires: number;
  bytes: number;
}

const INVALIDATIONS_KEPT_MS = 60_000;

export function createPageCache(options: PageCacheOptions): PageCache {
  const now = options.now ?? Date.now;
  const entries = new Map<string, Entry>(); // in order of last use
  const byTag = new Map<string, Set<string>>();
  const rendering = new Map<string, Promise<Entry | null>>();
  // Pages that were shared before: only their visitors wait for a render in progress.
  const shareable = new Set<string>();
  const invalidatedAt = new Map<string, number>();
  let bytes = 0;

  function remove(entry: Entry) {
    entries.delete(entry.key);
    bytes -= entry.bytes;
    for (const tag of entry.tags) {
      const keys = byTag.get(tag);
      keys?.delete(entry.key);
      if (keys && !keys.size) byTag.delete(tag);
    }
  }

  function store(entry: Entry, startedAt: number): boolean {
    // A change that landed while this page was rendering may not be in it.
    if (entry.tags.some((tag) => (invalidatedAt.get(tag) ?? -Infinity) >= startedAt)) return false;
    if (entry.bytes > options.maxBytes) return false;
    const previous = entries.get(entry.key);
    if (previous) remove(previous);
    entries.set(entry.key, entry);
    bytes += entry.bytes;
    for (const tag of entry.tags) {
      let keys = byTag.get(tag);
      if (!keys) byTag.set(tag, (keys = new Set()));
      keys.add(entry.key);
    }
    for (const oldest of entries.values()) {
      if (bytes <= options.maxBytes) break;
      remove(oldest);
    }
    return true;
  }

  function fresh(key: string): Entry | null {
    const entry = entries.get(key);
    if (!entry) return null;
    if (entry.expires <= now()) {
      remove(entry);
      return null;
    }
    entries.delete(key);
    entries.set(key, entry);
    return entry;
  }

  function send(res: Response, entry: Entry) {
    const nonce = Buffer.from(String(res.locals.cspNonce ?? ""));
    const body = Buffer.concat(entry.parts.flatMap((part, i) => (i ? [nonce, part] : [part])));
    pageCacheResults.inc({ result: "hit" });
    res.status(200);
    res.setHeader("Content-Type", entry.contentType);
    res.setHeader("Content-Length", body.length);
    res.setHeader("Limelight-Cache", "hit");
    res.end(body);
  }

  /** Watches a render: strips the marker header, and keeps the body when the page may be shared. */
  function capture(req: Request, res: Response, key: string): Promise<Entry | null> {
    const startedAt = now();
    const chunks: Buffer[] = [];
    let tags: string[] | null = null;
    let decided = false;
    // Before the headers go out: a page marked shared (and setting no cookie) is kept.
    const decide = () => {
      if (decided || res.headersSent) return;
      decided = true;
      const marker = res.getHeader(SHARED_CACHE_HEADER);
      res.removeHeader(SHARED_CACHE_HEADER);
      if (marker && res.statusCode === 200 && !res.hasHeader("Set-Cookie")) {
        tags = String(marker).split(/\s+/).filter(Boolean);
        res.setHeader("Limelight-Cache", "miss");
      }
    };
    const writeHead = res.writeHead;
    res.writeHead = function (this: Response, ...args: unknown[]) {
      decide();
      return (writeHead as (...a: unknown[]) => Response).apply(this, args);
    } as Response["writeHead"];
    const write = res.write;
    const end = res.end;
    const keep = (chunk: unknown, encoding?: unknown) => {
      decide();
      if (tags && chunk)
        chunks.push(
          Buffer.isBuffer(chunk)
            ? chunk
            : typeof chunk === "string"
              ? Buffer.from(
                  chunk,
                  typeof encoding === "string" ? (encoding as BufferEncoding) : "utf8",
                )
              : Buffer.from(chunk as Uint8Array),
        );
    };
    res.write = function (this: Response, chunk: unknown, ...rest: unknown[]) {
      keep(chunk, rest[0]);
      return (write as (...a: unknown[]) => boolean).call(this, chunk, ...rest);
    } as Response["write"];
    res.end = function (this: Response, chunk?: unknown, ...rest: unknown[]) {
      if (typeof chunk !== "function") keep(chunk, rest[0]);
      return (end as (...a: unknown[]) => Response).call(this, chunk, ...rest);
    } as Response["end"];

    return new Promise((resolve) => {
      res.on("close", () => {
        if (!tags || !res.writableFinished || res.statusCode !== 200) return resolve(null);
        const body = Buffer.concat(chunks);
        const entry: Entry = {
          key,
          parts: splitOn(body, String(res.locals.cspNonce ?? "")),
          contentType: String(res.getHeader("Content-Type") ?? "text/html; charset=utf-8"),
          tags,
          expires: startedAt + options.ttlMs,
          bytes: body.length,
        };
        resolve(store(entry, startedAt) ? entry : null);
      });
    });
  }

  const middleware: RequestHandler = (req, res, next) => {
    if (req.method !== "GET" || options.ttlMs <= 0 || options.isPersonal(req)) return next();
    // Everything that shapes the URL the app sees is part of the key (the page names its own address).
    const key = [
      req.protocol,
      req.hostname,
      req.get("host") ?? "",
      req.get("x-forwarded-host") ?? "",
      req.originalUrl,
      options.variesBy?.(req) ?? "",
    ].join(" ");
    const hit = fresh(key);
    if (hit) return send(res, hit);
    const pending = shareable.has(key) ? rendering.get(key) : undefined;
    if (pending) {
      void pending.then((entry) => (entry ? send(res, entry) : next()), next);
      return;
    }
    const render = capture(req, res, key);
    rendering.set(key, render);
    void render.then((entry) => {
      if (rendering.get(key) === render) rendering.delete(key);
      if (entry) {
        if (shareable.size >= 50_000) shareable.clear();
        shareable.add(key);
      } else shareable.delete(key);
      pageCacheResults.inc({ result: entry ? "miss" : "pass" });
    });
    next();
  };

  return {
    middleware,
    invalidate(tag) {
      const at = now();
      invalidatedAt.set(tag, at);
      for (const key of [...(byTag.get(tag) ?? [])]) {
        const entry = entries.get(key);
        if (entry) remove(entry);
      }
      if (invalidatedAt.size > 10_000)
        for (const [t, when] of invalidatedAt)
          if (when < at - INVALIDATIONS_KEPT_MS) invalidatedAt.delete(t);
    },
    get size() {
      return entries.size;
    },
  };
}

/** A buffer cut at every occurrence of a marker (the marker itself dropped). */
function splitOn(body: Buffer, marker: string): Buffer[] {
  if (!marker) return [body];
  const needle = Buffer.from(marker);
  const parts: Buffer[] = [];
  let from = 0;
  for (let at = body.indexOf(needle); at !== -1; at = body.indexOf(needle, from)) {
    parts.push(body.subarray(from, at));
    from = at + needle.length;
  }
  parts.push(body.subarray(from));
  return parts;
}
