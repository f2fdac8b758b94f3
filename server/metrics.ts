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
