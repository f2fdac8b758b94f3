import type { RequestHandler } from "express";
import type { Logger } from "pino";
import {
  RateLimiterMemory,
  RateLimiterRedis,
  RateLimiterRes,
  type RateLimiterAbstract,
} from "rate-limiter-flexible";

export interface RateLimitOptions {
  windowMs: number;
  max: number;
  methods?: string[];
  /**
   * A connected node-redis client: the count is kept there, so every process
   * sharing it shares the limit, and a restart does not forget it. Without
   * one the count lives in this process's memory (the embedded default).
   */
  redis?: object;
  /** Keeps this limit's counters apart from others in the same Redis. */
  keyPrefix?: string;
  logger?: Logger;
}

/**
 * A limit per client IP over a fixed window: a coarse guard against floods.
 * Limits that protect accounts (sign-in) live in the database.
 */
export function rateLimit(options: RateLimitOptions): RequestHandler {
  const duration = Math.max(1, Math.round(options.windowMs / 1000));
  const keyPrefix = options.keyPrefix ?? "limelight:writes";
  const memory = new RateLimiterMemory({ points: options.max, duration, keyPrefix });
  const limiter: RateLimiterAbstract = options.redis
    ? new RateLimiterRedis({
        storeClient: options.redis,
        useRedisPackage: true,
        points: options.max,
        duration,
        keyPrefix,
        // While Redis is away each process counts on its own rather than waiting or letting all through.
        rejectIfRedisNotReady: true,
        insuranceLimiter: memory,
      })
    : memory;
  return (req, res, next) => {
    if (options.methods && !options.methods.includes(req.method)) return next();
    limiter.consume(req.ip ?? "unknown").then(
      () => next(),
      (refusal: unknown) => {
        if (!(refusal instanceof RateLimiterRes)) {
          // The store failed and no count could be taken: a flood guard should not take the site down.
          options.logger?.error({ err: refusal }, "rate limit store failed");
          return next();
        }
        const retryAfter = Math.max(1, Math.ceil(refusal.msBeforeNext / 1000));
        res.setHeader("Retry-After", String(retryAfter));
        res
          .status(429)
          .type("text/plain")
          .send(`Too many requests. Try again in ${retryAfter} seconds.`);
      },
    );
  };
}
