import type { RequestHandler } from "express";

/**
 * A fixed-window limit per client IP, kept in memory: a coarse guard against
 * floods. Limits that protect accounts (sign-in) live in the database so they
 * hold across processes.
 */
export function rateLimit(options: {
  windowMs: number;
  max: number;
  methods?: string[];
}): RequestHandler {
  const hits = new Map<string, { count: number; resetAt: number }>();
  let sweepAt = Date.now() + options.windowMs;
  return (req, res, next) => {
    if (options.methods && !options.methods.includes(req.method)) return next();
    const now = Date.now();
    if (now > sweepAt) {
      for (const [key, entry] of hits) if (entry.resetAt <= now) hits.delete(key);
      sweepAt = now + options.windowMs;
    }
    const key = req.ip ?? "unknown";
    let entry = hits.get(key);
    if (!entry || entry.resetAt <= now) {
      entry = { count: 0, resetAt: now + options.windowMs };
      hits.set(key, entry);
    }
    entry.count += 1;
    if (entry.count > options.max) {
      const retryAfter = Math.ceil((entry.resetAt - now) / 1000);
      res.setHeader("Retry-After", String(retryAfter));
      res
        .status(429)
        .type("text/plain")
        .send(`Too many requests. Try again in ${retryAfter} seconds.`);
      return;
    }
    next();
  };
}
