import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import http from "node:http";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { fileURLToPath } from "node:url";
import { sql } from "kysely";
import pg from "pg";
import { createDb, type DbHandle } from "../../db/client.ts";
import { migrateToLatest } from "../../db/migrate.ts";
import { generateScale, SCALE_STEPS } from "../../db/seed/scale.ts";
import {
  discussionScaleSteps,
  discussionSizesFromArgs,
  hasDiscussionScale,
} from "../../db/seed/scale-discussions.ts";
import { createSession, sessionIdFromToken } from "../../app/modules/auth/session.server.ts";
import { loadViewer } from "../../app/modules/viewer/viewer.server.ts";
import { contextFor } from "../../app/modules/commands/command.server.ts";
import { createThread } from "../../app/modules/discussions/posts.server.ts";
import { percentile } from "../support.ts";
import { freePort, stopGroup } from "../../tests/support/processes.ts";

/**
 * What the discussion benchmarks share: the scale data set on PostgreSQL,
 * a production server process of their own, signed-in sessions, a load
 * generator and a clean-up list. Everything a benchmark starts is stopped
 * or removed when it ends, also when it fails.
 */

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
/** The checkout whose server and build are measured (another one, e.g. of main, to compare). */
const appDir = path.resolve(process.env.BENCH_APP_DIR ?? root);
export const DATABASE_URL =
  process.env.DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/limelight_bench";
export const SCHEMA = process.env.DATABASE_SCHEMA ?? "scale";

export class Cleanup {
  private steps: (() => Promise<unknown> | unknown)[] = [];
  add(step: () => Promise<unknown> | unknown) {
    this.steps.push(step);
  }
  async run() {
    for (const step of this.steps.reverse()) {
      try {
        await step();
      } catch (error) {
        console.error(`clean-up step failed: ${(error as Error).message}`);
      }
    }
    this.steps = [];
  }
}

/** Fails a benchmark that runs past its budget instead of letting it hang. */
export async function withinBudget<T>(label: string, ms: number, work: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${label} ran past its ${ms / 1000} s budget`)), ms);
  });
  try {
    return await Promise.race([work, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Sizes of the data set a benchmark generates when it is missing:
 * `BENCH_SCALE=small` (the default: a few minutes on a laptop) or `full`
 * (the sizes in BENCHMARKS.md). A data set generated earlier is used as it is.
 */
export function scaleSizes() {
  const full = process.env.BENCH_SCALE === "full";
  return {
    people: {
      advocates: full ? 100_000 : 20_000,
      ledger: full ? 1_000_000 : 300_000,
      managers: 20,
    },
    discussions: full
      ? { threads: 20_000, replies: 1_000_000, votes: 500_000 }
      : { threads: 2_000, replies: 80_000, votes: 40_000 },
  };
}

/** Creates the benchmark's database on the PostgreSQL server when it is not there yet. */
async function ensureDatabase() {
  const url = new URL(DATABASE_URL);
  const name = decodeURIComponent(url.pathname.slice(1));
  url.pathname = "/postgres";
  const admin = new pg.Client({ connectionString: url.toString() });
  await admin.connect();
  try {
    const found = await admin.query("select 1 from pg_database where datname = $1", [name]);
    if (!found.rowCount) {
      console.log(`creating database ${name}…`);
      await admin.query(`create database "${name.replace(/"/g, '""')}"`);
    }
  } finally {
    await admin.end();
  }
}

/**
 * The scale data set (`npm run seed:scale`), with its discussions. The
 * database, its schema, the people and the discussions are each made when
 * missing (once; they stay for later runs).
 */
export async function openScaleData(cleanup: Cleanup): Promise<DbHandle> {
  let handle: DbHandle;
  try {
    await ensureDatabase();
    handle = await createDb({ databaseUrl: DATABASE_URL, schema: SCHEMA, poolSize: 4 });
    await sql`select 1`.execute(handle.db);
  } catch (error) {
    throw new Error(
      `PostgreSQL is not reachable at ${DATABASE_URL} (${(error as Error).message}): start it, or set DATABASE_URL.`,
    );
  }
  cleanup.add(() => handle.close());
  await migrateToLatest(handle.db, handle.schema);
  const sizes = scaleSizes();
  const counts = await sql<{ n: number; scale: number }>`
    select count(*)::int as n, count(*) filter (where email like 'scale-%')::int as scale from users`.execute(
    handle.db,
  );
  const { n, scale } = counts.rows[0];
  if (Number(n) > 0 && !Number(scale))
    throw new Error(
      `schema ${SCHEMA} holds other data: point DATABASE_SCHEMA at a schema of its own`,
    );
  const discussionSizes = process.argv.some((a) => a.startsWith("--threads"))
    ? discussionSizesFromArgs()
    : sizes.discussions;
  const discussionSteps = discussionScaleSteps(discussionSizes);
  if (!Number(scale)) {
    console.log(
      `generating the scale data set in schema ${SCHEMA} (once; BENCH_SCALE=${process.env.BENCH_SCALE ?? "small"})…`,
    );
    const discussionNames = new Set(discussionSteps.map((step) => step.name));
    await generateScale(handle.db, sizes.people, (m) => console.log(`  ${m}`), [
      ...SCALE_STEPS.filter((step) => !discussionNames.has(step.name)),
      ...discussionSteps,
    ]);
  } else if (!(await hasDiscussionScale(handle.db))) {
    console.log("generating discussions in the scale data set (once)…");
    await generateScale(
      handle.db,
      { advocates: 0, ledger: 0, managers: 0 },
      (m) => console.log(`  ${m}`),
      discussionSteps,
    );
  }
  return handle;
}

/** The process group of each started server, by its address (for its CPU time). */
export const serverGroups = new Map<string, number>();

/** A production server process on the scale data set, stopped by the clean-up. */
export async function startServer(
  cleanup: Cleanup,
  env: Record<string, string> = {},
): Promise<string> {
  const buildDir = process.env.BUILD_DIR ?? "build";
  if (!existsSync(path.resolve(appDir, buildDir, "server/index.js")))
    throw new Error(`no production build in ${appDir}/${buildDir}: run \`npm run build\` first`);
  const port = await freePort();
  const log: string[] = [];
  const child = spawn("npx", ["tsx", "server/index.ts"], {
    cwd: appDir,
    env: {
      PATH: process.env.PATH ?? "",
      HOME: process.env.HOME ?? "",
      NODE_ENV: "production",
      BUILD_DIR: buildDir,
      PORT: String(port),
      HOST: "127.0.0.1",
      DATABASE_URL,
      DATABASE_SCHEMA: SCHEMA,
      SEED_ON_START: "false",
      COOKIE_SECURE: "false",
      LOG_LEVEL: "warn",
      WRITE_RATE_LIMIT_PER_MINUTE: "1000000",
      ...env,
    },
    stdio: ["ignore", "pipe", "pipe"],
    // Its own process group: npx, tsx and the server stop together.
    detached: true,
  });
  child.stdout!.on("data", (d) => log.push(String(d)));
  child.stderr!.on("data", (d) => log.push(String(d)));
  cleanup.add(() => stopGroup(child.pid!));
  const url = `http://127.0.0.1:${port}`;
  serverGroups.set(url, child.pid!);
  for (let i = 0; i < 240; i += 1) {
    if (child.exitCode !== null) throw new Error(`server exited:\n${log.join("")}`);
    try {
      if ((await fetch(`${url}/healthz`)).ok) return url;
    } catch {
      // not yet listening
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`server did not start:\n${log.join("")}`);
}

/** A session cookie for a scale user (removed by the clean-up). */
export async function sessionCookie(cleanup: Cleanup, handle: DbHandle, userId: number) {
  const { token } = await createSession(handle.db, userId, { userAgent: "limelight-bench" });
  cleanup.add(() =>
    handle.db.deleteFrom("sessions").where("id", "=", sessionIdFromToken(token)).execute(),
  );
  return `limelight_session=${token}`;
}

/** Scale advocates with enough reputation to vote, and one to write as. */
export async function scalePeople(handle: DbHandle, count: number) {
  const rows = await handle.db
    .selectFrom("users")
    .innerJoin("reputation_balances", "reputation_balances.user_id", "users.id")
    .select(["users.id", "users.role"])
    .where("users.email", "like", "scale-%")
    .where("users.role", "=", "advocate")
    .where("reputation_balances.total", ">=", 100)
    .orderBy("users.id")
    .limit(count)
    .execute();
  if (rows.length < count) throw new Error("the scale data set has too few advocates with points");
  return rows;
}

/** A public question with an accepted answer and 20 to 40 replies: a full first page. */
export async function fullQuestion(db: DbHandle["db"]) {
  const question = await sql<{ id: number; slug: string; reply_count: number }>`
    select t.id, t.slug, t.reply_count from threads t join spaces s on s.id = t.space_id
    where s.visibility = 'public' and t.kind = 'question' and t.accepted_post_id is not null
      and t.reply_count between 20 and 40 and t.hidden_at is null and t.deleted_at is null
    order by t.id limit 1`.execute(db);
  const thread = question.rows[0];
  if (!thread) throw new Error("no question with 20 to 40 replies in the scale data set");
  return thread;
}

/** A thread of the benchmark's own in a public scale space; removed with everything in it. */
export async function benchThread(cleanup: Cleanup, handle: DbHandle, authorId: number) {
  const { db } = handle;
  const space = await db
    .selectFrom("spaces")
    .select("id")
    .where("slug", "=", "scale-ask")
    .executeTakeFirstOrThrow();
  const viewer = await loadViewer(db, { id: authorId, role: "advocate" });
  const created = await createThread(contextFor(db, viewer), {
    spaceId: space.id,
    kind: "question",
    title: `Benchmark question ${Date.now()}: how fast does a reply travel?`,
    body: "A thread the benchmark writes to and removes afterwards.",
    tags: ["benchmark"],
  });
  cleanup.add(async () => {
    const id = created.threadId;
    await db.deleteFrom("notifications").where("thread_id", "=", id).execute();
    const posts = db.selectFrom("posts").select("id").where("thread_id", "=", id);
    await db.deleteFrom("flags").where("post_id", "in", posts).execute();
    await db.deleteFrom("post_revisions").where("post_id", "in", posts).execute();
    await db.deleteFrom("post_votes").where("post_id", "in", posts).execute();
    await db.deleteFrom("answer_acceptances").where("thread_id", "=", id).execute();
    await db.updateTable("threads").set({ accepted_post_id: null }).where("id", "=", id).execute();
    await db.deleteFrom("posts").where("thread_id", "=", id).execute();
    await db.deleteFrom("threads").where("id", "=", id).execute();
  });
  return created;
}

export interface LoadResult {
  requests: number;
  errors: number;
  rps: number;
  p50: number;
  p99: number;
}

/**
 * Closed-loop load: `connections` keep-alive connections, each sending the
 * next request as soon as the last one finished, for `durationMs`.
 */
export async function load(
  url: string | string[],
  options: { connections: number; durationMs: number; headers?: Record<string, string> },
): Promise<LoadResult> {
  // Several addresses: connections are spread over them in turn, as a load balancer would.
  const targets = (Array.isArray(url) ? url : [url]).map((u) => new URL(u));
  const agent = new http.Agent({ keepAlive: true, maxSockets: options.connections });
  const latencies: number[] = [];
  let errors = 0;
  const started = performance.now();
  const end = started + options.durationMs;
  const one = (target: URL) =>
    new Promise<void>((resolve) => {
      const t0 = performance.now();
      const req = http.request(
        {
          agent,
          host: target.hostname,
          port: target.port,
          path: `${target.pathname}${target.search}`,
          headers: options.headers,
        },
        (res) => {
          res.on("data", () => {});
          res.on("end", () => {
            if (res.statusCode === 200) latencies.push(performance.now() - t0);
            else errors += 1;
            resolve();
          });
        },
      );
      req.on("error", () => {
        errors += 1;
        resolve();
      });
      req.end();
    });
  await Promise.all(
    Array.from({ length: options.connections }, async (_, i) => {
      const target = targets[i % targets.length];
      while (performance.now() < end) await one(target);
    }),
  );
  const elapsed = (performance.now() - started) / 1000;
  agent.destroy();
  latencies.sort((a, b) => a - b);
  return {
    requests: latencies.length,
    errors,
    rps: Math.round(latencies.length / elapsed),
    p50: Math.round(percentile(latencies, 50) * 10) / 10,
    p99: Math.round(percentile(latencies, 99) * 10) / 10,
  };
}

export const round1 = (n: number) => Math.round(n * 10) / 10;
