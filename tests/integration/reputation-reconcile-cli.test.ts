import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, expect, it } from "vitest";
import { createDb, type DbHandle } from "../../db/client.ts";
import { migrateToLatest } from "../../db/migrate.ts";
import { awardPoints } from "../../app/modules/reputation/ledger.server.ts";
import { createTestDb } from "../support/db.ts";
import { insertUser } from "../support/factories.ts";

// `npm run db:reconcile` against a database of this file's own: a schema on
// the PostgreSQL in DATABASE_URL, or an embedded database in a temporary
// directory (the command refuses to share one with a running process, so
// the test closes its handle while the command runs).
const usePostgres = Boolean(process.env.DATABASE_URL);
let dataDir = "";
let handle: DbHandle;

async function open(): Promise<DbHandle> {
  if (usePostgres) return handle;
  handle = await createDb({ dataDir: path.join(dataDir, "pglite") });
  return handle;
}
async function release() {
  if (!usePostgres) await handle.close();
}

function runCli(...args: string[]) {
  const env: NodeJS.ProcessEnv = { ...process.env, LOG_LEVEL: "silent" };
  if (usePostgres) env.DATABASE_SCHEMA = handle.schema;
  else {
    delete env.DATABASE_URL;
    env.DATA_DIR = dataDir;
  }
  const result = spawnSync("npx", ["tsx", "db/cli/reconcile.ts", ...args], {
    env,
    encoding: "utf8",
    timeout: 60_000,
  });
  const lines = result.stdout.trim().split("\n");
  return { status: result.status, lines, last: lines[lines.length - 1], stderr: result.stderr };
}

beforeAll(async () => {
  if (usePostgres) {
    handle = await createTestDb();
  } else {
    dataDir = mkdtempSync(path.join(tmpdir(), "limelight-reconcile-"));
    await open();
    await migrateToLatest(handle.db);
  }
});
afterAll(async () => {
  if (usePostgres) await handle.close();
  else rmSync(dataDir, { recursive: true, force: true });
});

it("exits 0 without drift, names drifted people with exit 1, and --fix repairs them", async () => {
  const db = (await open()).db;
  const author = await insertUser(db, { role: "advocate" });
  const other = await insertUser(db, { role: "advocate" });
  for (const [i, userId] of [author.id, author.id, other.id].entries())
    await awardPoints(db, {
      userId,
      rule: "answer_accepted",
      source: { type: "post", id: i },
      idempotencyKey: `cli:${i}`,
      awardedBy: null,
    });
  await release();

  const clean = runCli("--check");
  expect(clean.stderr).not.toMatch(/Error/);
  expect(clean.status).toBe(0);
  expect(clean.last).toBe("ledger drift: 0 users");

  const db2 = (await open()).db;
  await db2
    .updateTable("reputation_balances")
    .set({ total: 1000 })
    .where("user_id", "=", author.id)
    .execute();
  await release();

  const drifted = runCli("--check");
  expect(drifted.status).toBe(1);
  expect(
    drifted.lines.some(
      (l) => l.includes(`@${author.handle}`) && l.includes("total 1000 → ledger 30"),
    ),
  ).toBe(true);
  expect(drifted.lines.some((l) => l.includes(other.handle))).toBe(false);
  expect(drifted.last).toBe("ledger drift: 1 users");

  const fixed = runCli("--fix");
  expect(fixed.status).toBe(0);
  expect(fixed.lines.some((l) => l.startsWith("fixed:") && l.includes(author.handle))).toBe(true);
  expect(fixed.last).toBe("ledger drift: 0 users");

  const db3 = (await open()).db;
  const balance = await db3
    .selectFrom("reputation_balances")
    .select("total")
    .where("user_id", "=", author.id)
    .executeTakeFirstOrThrow();
  expect(balance.total).toBe(30);
  await release();
}, 120_000);
