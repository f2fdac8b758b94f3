import type { Express, RequestHandler, Response } from "express";
import type { Logger } from "pino";
import type { DatabaseHealth } from "../db/client.ts";
import { sendPlainPage } from "./plain-page.ts";

/** Longest a health probe waits for the database before answering 503. */
const PROBE_TIMEOUT_MS = 1000;
/** What a refused client is told to wait before trying again, in seconds. */
const RETRY_AFTER_S = 5;

/**
 * Probes for orchestrators:
 * - `/livez`: the process is up and serving HTTP (restart it when this fails);
 * - `/readyz`: the database answers and the process is not shutting down (send it traffic);
 * - `/healthz`: the database answers (kept for existing monitors).
 * Each answers within about a second whatever the database does.
 */
export function mountHealthRoutes(
  app: Express,
  options: { database: DatabaseHealth; logger: Logger; isClosing: () => boolean },
) {
  const { database, logger } = options;
  const databaseAnswers = async () => {
    const ok = await database.check(PROBE_TIMEOUT_MS);
    if (!ok) logger.warn("health check: the database did not answer");
    return ok;
  };
  app.get("/livez", (_req, res) => {
    res.status(200).json({ status: "ok" });
  });
  app.get("/healthz", async (_req, res) => {
    if (await databaseAnswers()) res.status(200).json({ status: "ok" });
    else res.status(503).json({ status: "unavailable", database: "unreachable" });
  });
  app.get("/readyz", async (_req, res) => {
    if (options.isClosing()) {
      res.status(503).json({ status: "unavailable", reason: "shutting down" });
      return;
    }
    if (await databaseAnswers()) res.status(200).json({ status: "ok" });
    else res.status(503).json({ status: "unavailable", database: "unreachable" });
  });
}

/** Paths that never touch the database, so they are left out of the access log. */
export const PROBE_PATHS = new Set(["/livez", "/readyz", "/healthz", "/metrics"]);

/** The answer while the database is away: fast, without touching it, and honest about why. */
export function sendDatabaseUnavailable(res: Response) {
  res.setHeader("Retry-After", String(RETRY_AFTER_S));
  sendPlainPage(res, 503, (t) => ({
    title: t("unavailableTitle"),
    message: t("unavailableMessage"),
    refreshSeconds: RETRY_AFTER_S * 2,
  }));
}

/**
 * While PostgreSQL is known to be away, requests that need it are answered
 * 503 at once instead of each waiting for a connection that will not come.
 * A request already under way when the connection drops fails with a 500
 * from the framework; it is answered with the same 503 page instead of the
 * framework's error page, which would only say that something went wrong.
 */
export function databaseGate(database: DatabaseHealth): RequestHandler {
  return (_req, res, next) => {
    if (!database.available) {
      sendDatabaseUnavailable(res);
      return;
    }
    const setStatus = res.status.bind(res);
    res.status = (code: number) => {
      if (code !== 500 || database.available || res.headersSent) return setStatus(code);
      res.status = setStatus;
      replaceBodyWith(res, () => sendDatabaseUnavailable(res));
      return res;
    };
    next();
  };
}

/**
 * Drops what the framework writes after this point (its headers and its error
 * page; headers set before, such as the security ones, stay) and sends
 * `answer` in their place when it ends the response.
 */
function replaceBodyWith(res: Response, answer: () => void) {
  const { write, end, setHeader, append } = res;
  res.write = (() => true) as Response["write"];
  res.setHeader = (() => res) as Response["setHeader"];
  res.append = (() => res) as Response["append"];
  res.end = ((...args: unknown[]) => {
    Object.assign(res, { write, end, setHeader, append });
    answer();
    const done = args.find((arg) => typeof arg === "function") as (() => void) | undefined;
    if (done) res.once("finish", done);
    return res;
  }) as Response["end"];
}
