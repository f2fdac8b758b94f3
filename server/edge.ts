import { Readable } from "node:stream";
import type express from "express";

/**
 * Input checks every page and action shares, made once before any route
 * runs, so malformed requests get a clear 4xx instead of a 500 from deep
 * inside a route or the database:
 *
 * - methods other than the ones the site serves (TRACE, CONNECT, …): 405;
 * - a NUL character anywhere in the address or in a form field: 400
 *   (PostgreSQL cannot store it in text, and no person types one; refusing
 *   says so plainly, where stripping would change what was sent);
 * - a `page` parameter that is a number but not a whole one up to MAX_PAGE
 *   (`1e300`, `2.5`): 400. Words and numbers below 1 are left to the routes,
 *   which show the first page for them;
 * - a write whose body is not a form (JSON, text/plain, no type): 415;
 * - a form body the form parser cannot read (a broken multipart body): 400.
 *
 * Form bodies are read here with the same parser the routes use, then handed
 * on unchanged. Size limits per kind of route are enforced before this runs;
 * MAX_BODY_BYTES only bounds what this check holds in memory.
 */
export const MAX_PAGE = 10_000;
export const MAX_BODY_BYTES = 8 * 1024 * 1024;

const ALLOWED_METHODS = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"];
const BODYLESS_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);
const FORM_TYPES = new Set(["application/x-www-form-urlencoded", "multipart/form-data"]);
const NUL_IN_URL = /%00|\0/;

export class EdgeRefusal extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

const NUL_MESSAGE =
  "The request contains a NUL character (\\0), which text on this site cannot hold. Remove it and try again.";

/** The problem with a request's method and address, or null when they are fine. */
export function checkRequestLine(method: string, url: string): EdgeRefusal | null {
  if (!ALLOWED_METHODS.includes(method))
    return new EdgeRefusal(405, `The ${method} method is not allowed here.`);
  if (NUL_IN_URL.test(url)) return new EdgeRefusal(400, NUL_MESSAGE);
  const query = url.indexOf("?");
  if (query !== -1) {
    for (const page of new URLSearchParams(url.slice(query + 1)).getAll("page")) {
      const number = page.trim() ? Number(page) : NaN;
      if (!Number.isNaN(number) && (!Number.isInteger(number) || number > MAX_PAGE))
        return new EdgeRefusal(
          400,
          `The page number must be a whole number from 1 to ${MAX_PAGE.toLocaleString("en")}.`,
        );
    }
  }
  return null;
}

/** The problem with a write's content type, or null when it is a form the routes can read. */
export function checkContentType(contentType: string | undefined): EdgeRefusal | null {
  const type = contentType?.split(";")[0].trim().toLowerCase() ?? "";
  if (!FORM_TYPES.has(type))
    return new EdgeRefusal(
      415,
      "Send this as a form (application/x-www-form-urlencoded or multipart/form-data).",
    );
  return null;
}

/** Parses a form body as the routes will, and refuses it when it cannot be read or holds a NUL. */
export async function checkFormBody(
  contentType: string,
  body: Uint8Array<ArrayBuffer>,
): Promise<EdgeRefusal | null> {
  let form: FormData;
  try {
    form = await new Response(body, { headers: { "Content-Type": contentType } }).formData();
  } catch {
    return new EdgeRefusal(400, "The form could not be read: its body is malformed.");
  }
  for (const [name, value] of form.entries()) {
    const text = typeof value === "string" ? value : value.name;
    if (name.includes("\0") || text.includes("\0")) return new EdgeRefusal(400, NUL_MESSAGE);
  }
  return null;
}

/** The whole body; past MAX_BODY_BYTES the rest is drained and discarded, and a 413 follows. */
function readBody(req: express.Request): Promise<Buffer<ArrayBuffer>> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer<ArrayBuffer>[] = [];
    let size = 0;
    let tooLarge = false;
    req.on("data", (chunk: Buffer<ArrayBuffer>) => {
      if (tooLarge) return;
      size += chunk.length;
      if (size <= MAX_BODY_BYTES) return void chunks.push(chunk);
      tooLarge = true;
      chunks.length = 0;
      reject(new EdgeRefusal(413, "The request is too large. Send less at a time."));
    });
    req.on("end", () => {
      if (!tooLarge) resolve(Buffer.concat(chunks));
    });
    req.on("error", reject);
  });
}

/**
 * Lets the route read a body this check has already consumed: the request's
 * stream methods answer from a copy of the bytes. Events other than the
 * stream's own (such as "aborted") stay on the request.
 */
function replayBody(req: express.Request, body: Buffer) {
  const replay = new Readable({ read() {} });
  replay.push(body);
  replay.push(null);
  const streamEvents = new Set(["data", "end", "readable", "error", "close", "pause", "resume"]);
  const target = req as unknown as Record<string | symbol, unknown>;
  for (const method of [
    "on",
    "addListener",
    "once",
    "off",
    "removeListener",
    "prependListener",
    "prependOnceListener",
  ] as const) {
    const own = req[method].bind(req) as (event: string | symbol, listener: never) => unknown;
    const copy = replay[method].bind(replay) as (
      event: string | symbol,
      listener: never,
    ) => unknown;
    target[method] = (event: string | symbol, listener: never) => {
      if (typeof event === "string" && streamEvents.has(event)) copy(event, listener);
      else own(event, listener);
      return req;
    };
  }
  target.pause = () => (replay.pause(), req);
  target.resume = () => (replay.resume(), req);
  target.read = (size?: number) => replay.read(size);
  target.pipe = replay.pipe.bind(replay);
  target.unpipe = replay.unpipe.bind(replay);
  target[Symbol.asyncIterator] = () => replay[Symbol.asyncIterator]();
  Object.defineProperty(req, "readable", { get: () => replay.readable, configurable: true });
}

function refuse(res: express.Response, refusal: EdgeRefusal) {
  if (refusal.status === 405) res.setHeader("Allow", ALLOWED_METHODS.join(", "));
  res.status(refusal.status).type("text/plain").send(refusal.message);
}

/** The middleware: mount it once, before static files and the Remix handler. */
export function edgeValidation(): express.RequestHandler {
  return (req, res, next) => {
    const lineProblem = checkRequestLine(req.method, req.originalUrl);
    if (lineProblem) return refuse(res, lineProblem);
    if (BODYLESS_METHODS.has(req.method)) return next();
    // The REST API reads JSON and answers its own problems as problem details (RFC 9457).
    if (req.path.startsWith("/api/")) return next();
    const contentType = req.get("content-type");
    const typeProblem = checkContentType(contentType);
    if (typeProblem) {
      // Nothing will read the body: drain it so the connection can answer and be reused.
      req.resume();
      return refuse(res, typeProblem);
    }
    readBody(req)
      .then(async (body) => {
        const bodyProblem = await checkFormBody(contentType!, body);
        if (bodyProblem) return refuse(res, bodyProblem);
        replayBody(req, body);
        next();
      })
      .catch((error: unknown) => {
        if (error instanceof EdgeRefusal) {
          res.setHeader("Connection", "close");
          return refuse(res, error);
        }
        next(error);
      });
  };
}
