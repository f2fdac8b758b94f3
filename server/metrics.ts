import { createHash, timingSafeEqual } from "node:crypto";
import type express from "express";
import client from "prom-client";

export const registry = new client.Registry();
client.collectDefaultMetrics({ register: registry });

export const httpDuration = new client.Histogram({
  name: "limelight_http_request_duration_seconds",
  help: "Duration of HTTP requests in seconds",
  labelNames: ["method", "status"] as const,
  buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
  registers: [registry],
});

export const socketConnections = new client.Gauge({
  name: "limelight_socket_connections",
  help: "Open socket.io connections on this process",
  registers: [registry],
});

export const pageCacheResults = new client.Counter({
  name: "limelight_page_cache_total",
  help: "Anonymous pages answered from the shared page cache (hit), rendered and stored (miss), or rendered and not shareable (pass)",
  labelNames: ["result"] as const,
  registers: [registry],
});

const LOOPBACK = new Set(["127.0.0.1", "::1", "::ffff:127.0.0.1"]);

/**
 * Who may read /metrics. With METRICS_TOKEN set, a request bearing it
 * (`Authorization: Bearer …`). Without one, only the machine itself: a
 * loopback connection that no proxy forwarded (a proxy on the same machine
 * would make every visitor look local, so such set-ups need the token).
 */
export function metricsAccess(token: string | undefined): express.RequestHandler {
  const expected = token ? createHash("sha256").update(token).digest() : null;
  return (req, res, next) => {
    if (expected) {
      const given = /^Bearer (.+)$/i.exec(req.get("authorization") ?? "")?.[1] ?? "";
      // Compared as digests, in constant time, so the token's length and bytes do not leak.
      if (timingSafeEqual(createHash("sha256").update(given).digest(), expected)) return next();
      res.setHeader("WWW-Authenticate", 'Bearer realm="metrics"');
      res.status(401).type("text/plain").send("Metrics need the bearer token in METRICS_TOKEN.");
      return;
    }
    const forwarded = req.get("x-forwarded-for") ?? req.get("forwarded");
    if (!forwarded && LOOPBACK.has(req.socket.remoteAddress ?? "")) return next();
    res
      .status(403)
      .type("text/plain")
      .send(
        "Metrics are served to this machine only; set METRICS_TOKEN to read them from elsewhere.",
      );
  };
}
