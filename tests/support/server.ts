import { existsSync } from "node:fs";
import { request as httpRequest, type IncomingHttpHeaders } from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { pathToFileURL } from "node:url";
import type { ServerBuild } from "@remix-run/node";
import pino, { type Logger } from "pino";
import type { DbHandle } from "../../db/client.ts";
import { loadEnv, type Env } from "../../app/utils/env.server.ts";
import { createLimelightServer } from "../../server/app.ts";
import { TEST_PASSWORD } from "./factories.ts";
import type { OutboxWorker } from "../../server/outbox.ts";
import type { Realtime } from "../../server/realtime.ts";

export interface TestServer {
  url: string;
  env: Env;
  /** The server's socket.io hub, to publish events as domain code would. */
  realtime: Realtime;
  /** The server's outbox worker: `runOnce()` delivers what is due now. */
  outbox: OutboxWorker;
  close(): Promise<void>;
}

let build: Promise<ServerBuild> | undefined;
function loadBuild(): Promise<ServerBuild> {
  const file = path.resolve(process.env.BUILD_DIR ?? "build", "server/index.js");
  if (!existsSync(file)) throw new Error("No production build found: run `npm run build` first.");
  build ??= import(pathToFileURL(file).href) as Promise<ServerBuild>;
  return build;
}

/** The real Express + Remix + socket.io server on a free port, over the given database. */
export async function startTestServer(
  handle: DbHandle,
  envOverrides: Record<string, string> = {},
  options: { logger?: Logger } = {},
): Promise<TestServer> {
  // One proxy hop is trusted so tests can speak for different client IPs with X-Forwarded-For.
  const env = loadEnv({
    NODE_ENV: "production",
    COOKIE_SECURE: "false",
    LOG_LEVEL: "silent",
    TRUST_PROXY: "1",
    // Tests write through factories as well as through the server, and a page
    // cached before such a write would hide it; the cache's own tests turn it on.
    PAGE_CACHE_TTL_MS: "0",
    ...envOverrides,
  });
  const logger = options.logger ?? pino({ level: "silent" });
  const server = await createLimelightServer({
    env,
    db: handle.db,
    database: handle.health,
    logger,
    build: await loadBuild(),
  });
  const { httpServer, realtime, outbox } = server;
  await new Promise<void>((resolve) => httpServer.listen(0, "127.0.0.1", resolve));
  const { port } = httpServer.address() as AddressInfo;
  const url = `http://127.0.0.1:${port}`;
  // The public address is where this server listens, unless a test names another.
  if (!envOverrides.PUBLIC_URL) env.PUBLIC_URL = url;
  return {
    url,
    env,
    realtime,
    outbox,
    async close() {
      httpServer.closeAllConnections();
      await server.close();
    },
  };
}

/** A cookie-keeping HTTP client, like one browser tab that does not follow redirects. */
export class TestClient {
  cookies = new Map<string, string>();
  constructor(
    readonly baseUrl: string,
    readonly headers: Record<string, string> = {},
  ) {}

  cookieHeader() {
    return [...this.cookies.entries()].map(([k, v]) => `${k}=${v}`).join("; ");
  }

  private remember(response: Response) {
    for (const line of response.headers.getSetCookie()) {
      const [pair, ...attrs] = line.split(";");
      const eq = pair.indexOf("=");
      const name = pair.slice(0, eq).trim();
      const value = pair.slice(eq + 1).trim();
      const expired = attrs.some((a) => /max-age=0/i.test(a)) || value === "";
      if (expired) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
  }

  async request(pathname: string, init: RequestInit = {}) {
    const headers = new Headers(init.headers);
    for (const [k, v] of Object.entries(this.headers)) if (!headers.has(k)) headers.set(k, v);
    if (this.cookies.size) headers.set("Cookie", this.cookieHeader());
    const response = await fetch(new URL(pathname, this.baseUrl), {
      ...init,
      headers,
      redirect: "manual",
    });
    this.remember(response);
    return response;
  }

  /** Signs in with the test password as a browser does; a refusal fails the test. */
  async signIn(email: string): Promise<this> {
    const res = await this.post("/login?_data=routes%2Flogin", { email, password: TEST_PASSWORD });
    if (res.status !== 204) throw new Error(`signing in as ${email} answered ${res.status}`);
    return this;
  }

  get(pathname: string, init: RequestInit = {}) {
    return this.request(pathname, { ...init, method: "GET" });
  }

  /** Posts a form as a same-origin browser would (with its Origin header). */
  post(
    pathname: string,
    fields: Record<string, string>,
    init: RequestInit & { origin?: string | null } = {},
  ) {
    const headers = new Headers(init.headers);
    const origin = init.origin === undefined ? this.baseUrl : init.origin;
    if (origin) headers.set("Origin", origin);
    headers.set("Content-Type", "application/x-www-form-urlencoded");
    return this.request(pathname, {
      ...init,
      method: "POST",
      headers,
      body: new URLSearchParams(fields).toString(),
    });
  }
}

/** A raw HTTP request, for what fetch will not send: TRACE, or a Host header of the test's choice. */
export function rawRequest(
  url: string,
  init: { method?: string; headers?: Record<string, string>; body?: string } = {},
) {
  return new Promise<{ status: number; headers: IncomingHttpHeaders; body: string }>(
    (resolve, reject) => {
      const req = httpRequest(url, { method: init.method, headers: init.headers }, (res) => {
        let body = "";
        res.setEncoding("utf8");
        res.on("data", (chunk: string) => (body += chunk));
        res.on("end", () => resolve({ status: res.statusCode!, headers: res.headers, body }));
      });
      req.on("error", reject);
      req.end(init.body);
    },
  );
}
