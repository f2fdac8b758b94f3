import { randomBytes, randomUUID } from "node:crypto";
import { createServer, type Server as HttpServer } from "node:http";
import { readdirSync } from "node:fs";
import path from "node:path";
import { createRequestHandler } from "@remix-run/express";
import type { ServerBuild } from "@remix-run/node";
import express from "express";
import { createClient } from "redis";
import { hasCookie, readCookie, sessionCookieName } from "../app/modules/auth/cookie.ts";
import { LOCALE_COOKIE } from "../app/i18n/index.ts";
import { VIDEO_PLAYER_ORIGINS } from "../app/modules/advocacy/story-view.ts";
import { TOAST_COOKIE } from "../app/utils/toast.server.ts";
import type { Logger } from "pino";
import type { DatabaseHealth, DB } from "../db/client.ts";
import type { Env } from "../app/utils/env.server.ts";
import { bodyLimit } from "./body-limit.ts";
import { databaseGate, mountHealthRoutes, PROBE_PATHS } from "./health.ts";
import { httpDuration, metricsAccess, registry } from "./metrics.ts";
import { isAllowedOrigin } from "./origin.ts";
import { edgeValidation } from "./edge.ts";
import { createPageCache } from "./page-cache.ts";
import { rateLimit } from "./rate-limit.ts";
import { registerOutboxMetrics, startOutboxWorker, type OutboxWorker } from "./outbox.ts";
import { createRealtime, type Realtime } from "./realtime.ts";

export interface AppOptions {
  env: Env;
  db: DB;
  /** Whether the database answers: probes, and 503s while it is away. */
  database: DatabaseHealth;
  logger: Logger;
  /** The Remix build: a module (production, tests) or a loader (Vite dev server). */
  build: ServerBuild | (() => Promise<ServerBuild>);
  /** Vite's middlewares in development; static files from build/client otherwise. */
  viteMiddleware?: express.RequestHandler;
  clientDir?: string;
}

export interface LimelightServer {
  app: express.Express;
  httpServer: HttpServer;
  realtime: Realtime;
  /** Delivers what commands left in the outbox (mail now, webhooks later). */
  outbox: OutboxWorker;
  /** Called when shutdown starts: later answers ask clients to close their connections. */
  beginShutdown(): void;
  /** Closes the sockets and the connections the server opened (Redis). */
  close(): Promise<void>;
}

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

export async function createLimelightServer(options: AppOptions): Promise<LimelightServer> {
  const { env, db, logger } = options;
  const app = express();
  const httpServer = createServer(app);
  const sessionCookie = sessionCookieName(env.COOKIE_SECURE);
  const pageCache = createPageCache({
    ttlMs: env.PAGE_CACHE_TTL_MS,
    maxBytes: env.PAGE_CACHE_MAX_MB * 1024 * 1024,
    isPersonal: (req) =>
      [sessionCookie, TOAST_COOKIE].some((name) => hasCookie(req.get("cookie"), name)),
    // A page is in the language its visitor asked for (their choice, else their browser's).
    variesBy: (req) =>
      `${readCookie(req.get("cookie"), LOCALE_COOKIE) ?? ""}|${req.get("accept-language") ?? ""}`,
  });
  const realtime = await createRealtime(httpServer, {
    db,
    env,
    logger,
    // Every process hears every thread change (through Redis when clustered).
    onThreadChange: (threadId) => {
      pageCache.invalidate(`thread:${threadId}`);
      // Lists and the landing page show counts, order and last activity.
      pageCache.invalidate("threads");
    },
  });
  const production = env.NODE_ENV === "production";
  const outbox = startOutboxWorker({ db, env, logger });
  registerOutboxMetrics(db);

  app.disable("x-powered-by");

  // Once shutdown starts, answers ask keep-alive clients to close their connections,
  // so in-flight requests finish and nothing holds the process open.
  let closing = false;
  app.use((_req, res, next) => {
    if (closing) res.setHeader("Connection", "close");
    next();
  });
  app.set("trust proxy", env.TRUST_PROXY);

  // Request id, structured access log and request duration metric.
  app.use((req, res, next) => {
    const requestId = (req.get("x-request-id") ?? "").slice(0, 64) || randomUUID();
    res.locals.requestId = requestId;
    res.setHeader("X-Request-Id", requestId);
    const end = httpDuration.startTimer({ method: req.method });
    res.on("finish", () => {
      end({ status: String(res.statusCode) });
      if (req.path.startsWith("/assets/") || PROBE_PATHS.has(req.path)) return;
      logger.info(
        { requestId, method: req.method, path: req.path, status: res.statusCode, ip: req.ip },
        "request",
      );
    });
    next();
  });

  // Security headers, with a fresh nonce for the scripts Remix renders.
  app.use((req, res, next) => {
    const nonce = randomBytes(16).toString("base64");
    res.locals.cspNonce = nonce;
    const scriptSrc = production
      ? `'self' 'nonce-${nonce}' 'strict-dynamic'`
      : `'self' 'unsafe-inline' 'unsafe-eval'`;
    const connectSrc = production ? "'self'" : "'self' ws: wss:";
    // Widgets under /embed/ are framed by the websites an admin lists: each
    // widget sends its own frame-ancestors; every other page refuses frames.
    const embeddable = req.path.startsWith("/embed/");
    res.setHeader(
      "Content-Security-Policy",
      [
        "default-src 'self'",
        `script-src ${scriptSrc}`,
        "style-src 'self' 'unsafe-inline'",
        "img-src 'self' data:",
        "font-src 'self' data:",
        // A story's video may be a media file on the company's own site; no script comes with it.
        "media-src 'self' https:",
        // …or a YouTube or Vimeo video, whose player loads only when the reader presses play.
        `frame-src 'self' ${VIDEO_PLAYER_ORIGINS.join(" ")}`,
        `connect-src ${connectSrc}`,
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
        ...(embeddable ? [] : ["frame-ancestors 'none'"]),
      ].join("; "),
    );
    res.setHeader("X-Content-Type-Options", "nosniff");
    res.setHeader("Referrer-Policy", "strict-origin-when-cross-origin");
    if (!embeddable) res.setHeader("X-Frame-Options", "DENY");
    res.setHeader("Cross-Origin-Opener-Policy", "same-origin");
    res.setHeader("Permissions-Policy", "camera=(), microphone=(), geolocation=()");
    if (production && env.COOKIE_SECURE) {
      res.setHeader("Strict-Transport-Security", "max-age=31536000; includeSubDomains");
    }
    next();
  });

  // No state change from a foreign origin.
  app.use((req, res, next) => {
    if (SAFE_METHODS.has(req.method)) return next();
    if (!isAllowedOrigin(req.get("origin"), req.get("host"), env)) {
      res.status(403).type("text/plain").send("Cross-origin request refused.");
      return;
    }
    next();
  });

  // Bodies larger than their route accepts are refused from the headers, before reading.
  app.use(bodyLimit());

  mountHealthRoutes(app, { database: options.database, logger, isClosing: () => closing });

  app.get("/metrics", metricsAccess(env.METRICS_TOKEN), async (_req, res) => {
    res.setHeader("Content-Type", registry.contentType);
    res.send(await registry.metrics());
  });

  // A general limit on writes per client; sign-in has its own stricter, database-backed one.
  // Counted in Redis when there is one, so every process shares the limit (ADR 011).
  let limiterRedis: ReturnType<typeof createClient> | undefined;
  if (env.REDIS_URL) {
    limiterRedis = createClient({ url: env.REDIS_URL });
    limiterRedis.on("error", (error) => logger.error({ err: error }, "redis rate limit error"));
    await limiterRedis.connect();
  }
  app.use(
    rateLimit({
      windowMs: 60_000,
      max: env.WRITE_RATE_LIMIT_PER_MINUTE,
      methods: ["POST", "PUT", "PATCH", "DELETE"],
      redis: limiterRedis,
      keyPrefix: `limelight:${env.DATABASE_SCHEMA}:writes`,
      logger,
    }),
  );

  app.use(edgeValidation());

  const clientDir = options.clientDir ?? path.resolve(process.env.BUILD_DIR ?? "build", "client");
  if (options.viteMiddleware) app.use(options.viteMiddleware);
  else
    app.use(
      "/assets",
      express.static(path.join(clientDir, "assets"), { immutable: true, maxAge: "1y" }),
    );

  // Anonymous pages every visitor sees alike, kept briefly: after the hashed assets (which never
  // need it), before the other static files (a hit skips their disk lookup).
  // A credential's files are /credentials/:id.jwt and .json; Remix routes take whole segments.
  app.use((req, _res, next) => {
    const file = /^\/credentials\/([0-9a-f-]{36})\.(jwt|json)$/.exec(req.path);
    if (file) {
      // The Remix adapter reads originalUrl, so both change.
      req.url = `/credentials/${file[1]}/${file[2]}${req.url.slice(req.path.length)}`;
      req.originalUrl = req.url;
    }
    next();
  });
  app.use(pageCache.middleware);
  if (!options.viteMiddleware) app.use(clientFiles(clientDir));

  // Everything below needs the database.
  app.use(databaseGate(options.database));

  app.use(
    createRequestHandler({
      build: options.build,
      mode: env.NODE_ENV,
      getLoadContext: (req, res) => ({
        db,
        env,
        realtime: realtime.publisher,
        cspNonce: res.locals.cspNonce as string,
        requestId: res.locals.requestId as string,
        clientIp: req.ip ?? "unknown",
        logger: logger.child({ requestId: res.locals.requestId }),
      }),
    }),
  );

  return {
    app,
    httpServer,
    realtime,
    outbox,
    beginShutdown: () => void (closing = true),
    async close() {
      await outbox.stop();
      await realtime.close();
      if (limiterRedis?.isOpen) await limiterRedis.quit().catch(() => undefined);
    },
  };
}

/**
 * The build's other static files (favicon, robots.txt and the like), served
 * only for the names the build holds at its top level: a page's address is
 * not looked for on disk first, which cost a `stat` and the static server's
 * error path on every document. The list is read once; a build does not
 * change under a running server.
 */
function clientFiles(clientDir: string): express.RequestHandler {
  let names: Set<string>;
  try {
    names = new Set(readdirSync(clientDir).filter((name) => name !== "assets"));
  } catch {
    names = new Set();
  }
  const serve = express.static(clientDir, { maxAge: "1h" });
  return (req, res, next) => {
    const first = req.path.split("/", 2)[1] ?? "";
    if (names.has(first)) serve(req, res, next);
    else next();
  };
}
