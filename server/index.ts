import path from "node:path";
import type { ServerBuild } from "@remix-run/node";
import pino from "pino";
import { createDb } from "../db/client.ts";
import { acquireDataDirLock, DataDirLockedError } from "../db/lock.ts";
import { migrateToLatest } from "../db/migrate.ts";
import { isDatabaseEmpty, seedDemoCommunity, printDemoSignIns } from "../db/seed/demo.ts";
import { EnvError, loadEnv } from "../app/utils/env.server.ts";
import { createLimelightServer } from "./app.ts";
import { siteFromEnv } from "../app/modules/mail/settings.ts";
import { runMailSweeps, runSweeps } from "./sweeps.ts";

async function main() {
  let env;
  try {
    env = loadEnv();
  } catch (error) {
    if (error instanceof EnvError) {
      console.error(error.message);
      process.exit(1);
    }
    throw error;
  }
  const logger = pino({ level: env.LOG_LEVEL, base: { pid: process.pid } });

  const releaseLock = env.DATABASE_URL ? () => {} : acquireDataDirLock(env.DATA_DIR);
  const handle = await createDb({
    databaseUrl: env.DATABASE_URL,
    dataDir: path.join(env.DATA_DIR, "pglite"),
    schema: env.DATABASE_SCHEMA,
    timeouts: {
      connectMs: env.DATABASE_CONNECT_TIMEOUT_MS,
      statementMs: env.DATABASE_STATEMENT_TIMEOUT_MS,
      idleInTransactionMs: env.DATABASE_IDLE_IN_TRANSACTION_TIMEOUT_MS,
    },
    onAvailabilityChange: (available, error) => {
      if (available) logger.info("database reachable again");
      else logger.error({ err: error }, "database connection lost: answering 503 until it is back");
    },
  });
  const { db } = handle;
  logger.info(
    { database: handle.kind === "postgres" ? "postgresql" : `pglite (${env.DATA_DIR})` },
    "database opened",
  );
  const migrated = await migrateToLatest(db, handle.schema);
  if (migrated.results?.length)
    logger.info({ migrations: migrated.results.map((r) => r.migrationName) }, "migrated");

  if (env.SEED_ON_START && (await isDatabaseEmpty(db))) {
    logger.info("empty database: seeding the demo community");
    const started = Date.now();
    await seedDemoCommunity(db, new Date(), (step, done, total) =>
      logger.info(`seeding ${done + 1}/${total}: ${step}`),
    );
    logger.info({ seconds: Math.round((Date.now() - started) / 1000) }, "demo community seeded");
    printDemoSignIns();
  }

  let build: ServerBuild | (() => Promise<ServerBuild>);
  let viteMiddleware;
  let closeVite = async () => {};
  if (env.NODE_ENV === "production") {
    const buildPath = path.resolve(process.env.BUILD_DIR ?? "build", "server/index.js");
    build = (await import(buildPath)) as ServerBuild;
  } else {
    const vite = await import("vite");
    const devServer = await vite.createServer({ server: { middlewareMode: true } });
    build = () => devServer.ssrLoadModule("virtual:remix/server-build") as Promise<ServerBuild>;
    viteMiddleware = devServer.middlewares;
    closeVite = () => devServer.close();
  }

  const server = await createLimelightServer({
    env,
    db,
    database: handle.health,
    logger,
    build,
    viteMiddleware,
  });
  const { httpServer, realtime } = server;
  // What time alone changes (lapsed awards, a new month's reference room): at start and then hourly.
  const site = siteFromEnv(env);
  const sweep = () =>
    void runSweeps(db, realtime.publisher, logger, new Date(), site, env.SETTINGS_ENCRYPTION_KEY);
  sweep();
  const sweepTimer = setInterval(sweep, 60 * 60_000);
  sweepTimer.unref();
  // Discussion mail still unread after a few minutes, digests that are due and
  // invitation reminders: every minute.
  const mailTimer = setInterval(
    () =>
      void runMailSweeps(db, logger, site, new Date(), {
        reminderDays: env.PROMOTER_REMINDER_DAYS,
      }),
    60_000,
  );
  mailTimer.unref();

  httpServer.listen(env.PORT, env.HOST, () => {
    const address = httpServer.address();
    const port = typeof address === "object" && address ? address.port : env.PORT;
    logger.info({ port }, `Limelight is running at http://localhost:${port}`);
  });

  // Graceful shutdown: stop accepting, let in-flight requests finish, then
  // close sockets and the database. A second signal forces the exit.
  let shuttingDown = false;
  const shutdown = async (signal: string) => {
    if (shuttingDown) {
      logger.warn({ signal }, "second signal: exiting now");
      process.exit(1);
    }
    shuttingDown = true;
    server.beginShutdown();
    clearInterval(sweepTimer);
    clearInterval(mailTimer);
    logger.info({ signal }, "shutting down");
    const force = setTimeout(() => {
      logger.error("shutdown took too long: exiting");
      process.exit(1);
    }, 15_000);
    force.unref();
    const closed = new Promise<void>((resolve) => httpServer.close(() => resolve()));
    httpServer.closeIdleConnections();
    await server.close();
    await closed;
    await closeVite();
    await handle.close();
    releaseLock();
    logger.info("stopped");
    process.exit(0);
  };
  process.on("SIGTERM", () => void shutdown("SIGTERM"));
  process.on("SIGINT", () => void shutdown("SIGINT"));
}

main().catch((error) => {
  // A second server on a data directory in use is an operator's mistake: say so plainly.
  if (error instanceof DataDirLockedError) console.error(error.message);
  else console.error(error instanceof Error ? (error.stack ?? error.message) : error);
  process.exit(1);
});
