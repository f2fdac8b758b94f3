import { spawn, type ChildProcess } from "node:child_process";
import { existsSync } from "node:fs";
import path from "node:path";
import { freePort, stopGroup } from "./processes.ts";

const ROOT = path.resolve(import.meta.dirname, "../..");
const BUILD_DIR = path.resolve(ROOT, process.env.BUILD_DIR ?? "build");

export interface AppProcess {
  url: string;
  child: ChildProcess;
  output(): string;
  /** SIGKILL: the process gets no chance to finish anything. */
  kill(): Promise<void>;
  /** SIGTERM and wait until it is gone. */
  stop(): Promise<void>;
}

/**
 * The production server as an operator runs it (`node build/server-bundle.mjs`),
 * on a free port, ready once /readyz answers 200. The environment is built from
 * scratch so nothing from the test runner leaks in.
 */
export async function startAppProcess(
  env: Record<string, string>,
  options: { port?: number } = {},
): Promise<AppProcess> {
  const bundle = path.join(BUILD_DIR, "server-bundle.mjs");
  if (!existsSync(bundle)) throw new Error("No server bundle found: run `npm run build` first.");
  const port = options.port ?? (await freePort());
  const child = spawn(process.execPath, [bundle], {
    cwd: ROOT,
    env: {
      PATH: process.env.PATH ?? "",
      HOME: process.env.HOME ?? "",
      NODE_ENV: "production",
      BUILD_DIR,
      PORT: String(port),
      HOST: "127.0.0.1",
      SEED_ON_START: "false",
      COOKIE_SECURE: "false",
      LOG_LEVEL: "warn",
      WRITE_RATE_LIMIT_PER_MINUTE: "100000",
      ...env,
    },
    stdio: ["ignore", "pipe", "pipe"],
    detached: true,
  });
  let output = "";
  child.stdout!.on("data", (d) => (output += d));
  child.stderr!.on("data", (d) => (output += d));
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const url = `http://127.0.0.1:${port}`;
  const app: AppProcess = {
    url,
    child,
    output: () => output,
    async kill() {
      if (child.exitCode === null && child.signalCode === null) {
        process.kill(-child.pid!, "SIGKILL");
        await exited;
      }
    },
    async stop() {
      await stopGroup(child.pid!);
      await exited;
    },
  };
  for (let attempt = 0; attempt < 240; attempt += 1) {
    if (child.exitCode !== null)
      throw new Error(`The server exited (${child.exitCode}):\n${output}`);
    try {
      if ((await fetch(`${url}/readyz`)).ok) return app;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  await app.kill();
  throw new Error(`The server did not become ready:\n${output}`);
}
