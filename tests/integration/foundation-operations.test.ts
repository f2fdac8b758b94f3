import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { createServer, Socket } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { createDb, type DbHandle } from "../../db/client.ts";
import { createTestDb } from "../support/db.ts";
import { startTestServer, TestClient, type TestServer } from "../support/server.ts";

// Operations are tested on the real thing: the server and the command-line
// tools run as their own processes, on a data directory of this file's own.

const ROOT = path.resolve(import.meta.dirname, "../..");
const TSX = path.join(ROOT, "node_modules/.bin/tsx");
const BUILD_DIR = path.resolve(ROOT, process.env.BUILD_DIR ?? "build");

interface Run {
  child: ChildProcess;
  output: () => string;
  exited: Promise<number | null>;
  /** Resolves once the process has printed something matching, rejects if it exits first. */
  waitFor(pattern: RegExp): Promise<string>;
}

function run(command: string, args: string[], env: Record<string, string>): Run {
  // The environment is built from scratch so nothing from the test runner leaks in.
  const childEnv: Record<string, string> = {
    PATH: process.env.PATH ?? "",
    HOME: process.env.HOME ?? tmpdir(),
    BUILD_DIR,
    LOG_LEVEL: "info",
    ...env,
  };
  const child = spawn(command, args, {
    cwd: ROOT,
    env: childEnv as NodeJS.ProcessEnv,
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  const listeners = new Set<() => void>();
  const collect = (chunk: Buffer) => {
    output += chunk.toString();
    for (const listener of listeners) listener();
  };
  child.stdout!.on("data", collect);
  child.stderr!.on("data", collect);
  const exited = new Promise<number | null>((resolve) =>
    child.on("close", (code) => resolve(code)),
  );
  return {
    child,
    output: () => output,
    exited,
    waitFor(pattern) {
      return new Promise((resolve, reject) => {
        const check = () => {
          const match = pattern.exec(output);
          if (match) {
            listeners.delete(check);
            resolve(match[0]);
          }
        };
        listeners.add(check);
        check();
        void exited.then((code) => {
          if (!pattern.test(output))
            reject(new Error(`exited with ${code} before printing ${pattern}:\n${output}`));
        });
      });
    },
  };
}

async function finished(r: Run) {
  const code = await r.exited;
  return { code, output: r.output() };
}

const npmRun = (script: string, args: string[], env: Record<string, string>) =>
  finished(run("npm", ["run", "--silent", script, "--", ...args], env));

async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, "127.0.0.1", resolve));
  const { port } = probe.address() as { port: number };
  await new Promise((resolve) => probe.close(resolve));
  return port;
}

describe("environment validation", () => {
  it("stops the server at boot with the name of the bad variable", async () => {
    const { code, output } = await finished(
      run("npx", ["tsx", "server/index.ts"], {
        PORT: "abc",
        DATA_DIR: mkdtempSync(path.join(tmpdir(), "ll-env-")),
      }),
    );
    expect(code).not.toBe(0);
    expect(output).toContain("PORT");
    expect(output).toMatch(/Invalid environment/);
    // It stops before touching anything: no stack trace, nothing listening.
    expect(output).not.toMatch(/\n\s+at /);
  });
});

describe("health and metrics", () => {
  let handle: DbHandle;
  let server: TestServer;
  beforeAll(async () => {
    handle = await createTestDb();
    server = await startTestServer(handle);
  });
  afterAll(async () => {
    await server.close();
    await handle.close().catch(() => undefined);
  });

  it("/metrics speaks the Prometheus text format", async () => {
    await fetch(`${server.url}/advocates`);
    const res = await fetch(`${server.url}/metrics`);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/^text\/plain;/);
    expect(res.headers.get("content-type")).toContain("version=0.0.4");
    const body = await res.text();
    expect(body).toContain("# TYPE limelight_http_request_duration_seconds histogram");
    expect(body).toMatch(
      /limelight_http_request_duration_seconds_bucket\{le="[\d.]+",method="GET",status="200"\} \d+/,
    );
    expect(body).toMatch(
      /limelight_http_request_duration_seconds_count\{method="GET",status="200"\} [1-9]/,
    );
    expect(body).toContain("# TYPE limelight_socket_connections gauge");
    expect(body).toMatch(/^limelight_socket_connections \d+$/m);
    // Every sample line is "name{labels} value".
    for (const line of body.split("\n").filter((l) => l && !l.startsWith("#")))
      expect(line).toMatch(/^[a-zA-Z_:][a-zA-Z0-9_:]*(\{[^}]*\})? -?[\d.e+-]+|NaN|[+-]Inf$/);
  });

  it("/healthz answers 200 while the database works, and 503 once it is gone", async () => {
    const ok = await fetch(`${server.url}/healthz`);
    expect(ok.status).toBe(200);
    expect(await ok.json()).toEqual({ status: "ok" });
    await handle.close();
    const down = await fetch(`${server.url}/healthz`);
    expect(down.status).toBe(503);
    expect(await down.json()).toEqual({ status: "unavailable", database: "unreachable" });
  });
});

describe("the server process and the command-line tools on one data directory", () => {
  const dataDir = mkdtempSync(path.join(tmpdir(), "ll-ops-"));
  const lockFile = path.join(dataDir, "limelight.lock");
  const env = { DATA_DIR: dataDir, NODE_ENV: "production", SEED_ON_START: "false" };
  const admin = { email: "ops-admin@example.test", password: "operations passphrase" };
  let server: Run | undefined;
  let port: number;

  beforeAll(async () => {
    // Start from the migrated template when there is one: creating a PGlite directory
    // from nothing takes several seconds, and the tools would migrate it the same way.
    const template = inject("pgliteTemplate");
    if (existsSync(template)) {
      const handle = await createDb({
        dataDir: path.join(dataDir, "pglite"),
        loadDataDir: new Blob([readFileSync(template)]),
      });
      await handle.close();
    }
  });

  afterAll(async () => {
    if (server && server.child.exitCode === null) {
      server.child.kill("SIGKILL");
      await server.exited;
    }
    rmSync(dataDir, { recursive: true, force: true });
  });

  it("user:create refuses bad input with a message per option and touches nothing", async () => {
    const untouched = mkdtempSync(path.join(tmpdir(), "ll-untouched-"));
    const { code, output } = await npmRun(
      "user:create",
      ["--role", "wizard", "--email", "not-an-email", "--password", "short"],
      { ...env, DATA_DIR: untouched },
    );
    expect(code).toBe(1);
    expect(output).toMatch(/--email: Enter a valid email address/);
    expect(output).toMatch(/--password: Use at least 8 characters/);
    expect(output).toMatch(/--role: /);
    expect(output).toMatch(/Usage: npm run user:create/);
    expect(readdirSync(untouched)).toEqual([]);
    rmSync(untouched, { recursive: true });
    const reserved = await npmRun(
      "user:create",
      ["--role", "admin", "--email", "admin@example.test", "--password", "operations passphrase"],
      env,
    );
    expect(reserved.code).toBe(1);
    expect(reserved.output).toMatch(/--handle: This handle is reserved/);
  });

  it("user:create makes an admin", async () => {
    const { code, output } = await npmRun(
      "user:create",
      [
        "--role",
        "admin",
        "--email",
        admin.email,
        "--name",
        "Ops Admin",
        "--password",
        admin.password,
      ],
      env,
    );
    expect(output).toContain(`Created admin ${admin.email} (@ops-admin).`);
    expect(code).toBe(0);
    expect(existsSync(lockFile)).toBe(false);
    const again = await npmRun(
      "user:create",
      [
        "--role",
        "admin",
        "--email",
        admin.email,
        "--handle",
        "other",
        "--password",
        admin.password,
      ],
      env,
    );
    expect(again.code).toBe(1);
    expect(again.output).toMatch(/already exists/);
  });

  it("db:seed refuses a database that already has people, unless told to reset", async () => {
    const { code, output } = await npmRun("db:seed", [], env);
    expect(code).toBe(1);
    expect(output).toMatch(/already has data; nothing was changed/);
    expect(output).toMatch(/--reset/);
  });

  it("the server starts on it, and the admin made on the command line can manage", async () => {
    port = await freePort();
    server = run(TSX, ["server/index.ts"], { ...env, PORT: String(port), HOST: "127.0.0.1" });
    await server.waitFor(/Limelight is running/);
    expect(readFileSync(lockFile, "utf8").trim()).toMatch(/^\d+$/);
    const c = new TestClient(`http://127.0.0.1:${port}`);
    // Secure cookies in production: this client speaks plain HTTP, so it reads the cookie itself.
    const res = await c.post("/login?_data=routes%2Flogin", admin);
    expect(res.status).toBe(204);
    expect(c.cookies.has("__Host-limelight_session")).toBe(true);
    expect((await c.get("/manage")).status).toBe(200);
    const audit = await (await c.get("/manage/audit?_data=routes%2Fmanage.audit")).json();
    expect(audit.rows.map((e: { action: string }) => e.action)).toContain("user.created_from_cli");
  });

  it("while the server runs, the tools refuse to open its data directory", async () => {
    const pid = readFileSync(lockFile, "utf8").trim();
    const seed = await npmRun("db:seed", ["--reset"], env);
    expect(seed.code).toBe(1);
    expect(seed.output).toContain(`is in use by process ${pid}`);
    expect(seed.output).toMatch(/Stop it first/);
    const create = await npmRun(
      "user:create",
      ["--role", "manager", "--email", "late@example.test", "--password", admin.password],
      env,
    );
    expect(create.code).toBe(1);
    expect(create.output).toContain(`is in use by process ${pid}`);
    // Nothing was changed underneath the server.
    const c = new TestClient(`http://127.0.0.1:${port}`);
    expect((await c.post("/login?_data=routes%2Flogin", admin)).status).toBe(204);
  });

  it("a second server on the same data directory refuses to start, and says why", async () => {
    const pid = readFileSync(lockFile, "utf8").trim();
    const second = await finished(
      run(TSX, ["server/index.ts"], { ...env, PORT: String(await freePort()) }),
    );
    expect(second.code).not.toBe(0);
    expect(second.output).toContain(
      `The embedded database in ${dataDir} is in use by process ${pid}`,
    );
    expect(second.output).not.toMatch(/\n\s+at /);
    expect(readFileSync(lockFile, "utf8").trim()).toBe(pid);
    expect((await fetch(`http://127.0.0.1:${port}/healthz`)).status).toBe(200);
  });

  it("on SIGTERM the server finishes the request in flight, then exits 0 and releases the lock", async () => {
    // A sign-in whose body is still on its way when the signal comes. The server's
    // "100 Continue" says it has read the headers and is waiting for the body.
    const socket = new Socket();
    await new Promise<void>((resolve) => socket.connect(port, "127.0.0.1", resolve));
    let answer = "";
    const listeners: (() => void)[] = [];
    socket.on("data", (chunk) => {
      answer += chunk.toString();
      listeners.forEach((l) => l());
    });
    const received = (pattern: RegExp) =>
      new Promise<void>((resolve) => {
        const check = () => pattern.test(answer) && resolve();
        listeners.push(check);
        check();
      });
    const body = new URLSearchParams({
      email: admin.email,
      password: "not the password",
    }).toString();
    socket.write(
      [
        "POST /login?_data=routes%2Flogin HTTP/1.1",
        `Host: 127.0.0.1:${port}`,
        `Origin: http://127.0.0.1:${port}`,
        "Content-Type: application/x-www-form-urlencoded",
        `Content-Length: ${body.length}`,
        "Expect: 100-continue",
        "",
        "",
      ].join("\r\n"),
    );
    await received(/^HTTP\/1\.1 100 Continue\r\n\r\n/);
    server!.child.kill("SIGTERM");
    await server!.waitFor(/shutting down/);
    // New connections are no longer accepted...
    const refused = await fetch(`http://127.0.0.1:${port}/healthz`).then(
      () => "accepted",
      () => "refused",
    );
    expect(refused).toBe("refused");
    // ...but the request in flight still gets its answer.
    socket.write(body);
    await received(/do not match an account/);
    expect(answer).toMatch(/\r\n\r\nHTTP\/1\.1 401 Unauthorized\r\n/);
    socket.end();
    expect(await server!.exited).toBe(0);
    expect(server!.output()).toMatch(/"msg":"stopped"/);
    expect(existsSync(lockFile)).toBe(false);
  });

  it("once the server has stopped, the tools may open the directory again", async () => {
    const { code, output } = await npmRun("db:migrate", [], env);
    expect(output).toMatch(/Database is up to date \(\d+ migrations applied\)/);
    expect(code).toBe(0);
    expect(existsSync(lockFile)).toBe(false);
  });
});
