import { existsSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { defineConfig, devices } from "@playwright/test";

// One production server for the whole run, on its own fresh database: a new
// PGlite directory, or a new schema when DATABASE_URL points at PostgreSQL.
const PORT = Number(process.env.E2E_PORT ?? 3100);
const runId = `${Date.now()}`;
const serverEnv: Record<string, string> = {
  NODE_ENV: "production",
  PORT: String(PORT),
  HOST: "127.0.0.1",
  LOG_LEVEL: "warn",
  SEED_ON_START: "true",
  WRITE_RATE_LIMIT_PER_MINUTE: "5000",
};
if (process.env.DATABASE_URL) {
  serverEnv.DATABASE_URL = process.env.DATABASE_URL;
  serverEnv.DATABASE_SCHEMA = process.env.E2E_DATABASE_SCHEMA ?? `e2e_${runId}`;
} else {
  serverEnv.DATA_DIR =
    process.env.E2E_DATA_DIR ?? mkdtempSync(path.join(tmpdir(), "limelight-e2e-"));
}
if (process.env.REDIS_URL) serverEnv.REDIS_URL = process.env.REDIS_URL;
process.env.E2E_SERVER_ENV = JSON.stringify(serverEnv);

export default defineConfig({
  testDir: "tests/e2e",
  fullyParallel: true,
  workers: 2,
  forbidOnly: Boolean(process.env.CI),
  retries: 0,
  timeout: 45_000,
  expect: { timeout: 10_000 },
  reporter: process.env.CI ? [["list"]] : [["list"]],
  use: {
    baseURL: `http://localhost:${PORT}`,
    trace: "retain-on-failure",
    launchOptions: {
      // Debian's Chromium unless told otherwise (scripts/browser.mjs finds or installs one).
      executablePath:
        process.env.CHROMIUM_PATH ||
        (existsSync("/usr/bin/chromium") ? "/usr/bin/chromium" : undefined),
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
      ],
    },
  },
  projects: [{ name: "chromium", use: { ...devices["Desktop Chrome"] } }],
  webServer: {
    command: "npx tsx server/index.ts",
    url: `http://localhost:${PORT}/healthz`,
    env: serverEnv,
    // Migrating and seeding a fresh demo community comes first; on a busy machine that takes minutes.
    timeout: 300_000,
    reuseExistingServer: false,
    stdout: "ignore",
    stderr: "pipe",
  },
});
