import { readdirSync, readFileSync } from "node:fs";
import { sql } from "kysely";
import {
  Cleanup,
  load,
  fullQuestion,
  openScaleData,
  scalePeople,
  serverGroups,
  sessionCookie,
  startServer,
  withinBudget,
  type LoadResult,
} from "./discussions/harness.ts";

/**
 * The rendered pages people read, at 50 concurrent connections, each
 * rendered for its reader (the shared page cache off): an advocate's
 * profile, the leaderboard and a question page with 20 replies, anonymous
 * and signed in, on one server process and on two. Next to req/s and
 * latencies it prints the servers' CPU time per request, the figure that
 * does not depend on how busy the machine is.
 *
 *   npm run build && npm run bench -- pages
 *
 * The database, its schema and the scale data set are made when missing
 * (BENCH_SCALE=small by default: a few minutes). BENCH_APP_DIR measures
 * another checkout's server and build on the same data, to compare builds.
 */
const CONNECTIONS = 50;
const DURATION_MS = Number(process.env.BENCH_DURATION_MS ?? 8_000);
const WARMUP_MS = Math.min(3_000, DURATION_MS);
const TICKS_PER_SECOND = 100;

/** CPU seconds used so far by every process in a process group (npx, tsx and the server). */
function groupCpuSeconds(group: number): number {
  let ticks = 0;
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    let stat: string;
    try {
      stat = readFileSync(`/proc/${entry}/stat`, "utf8");
    } catch {
      continue; // gone meanwhile
    }
    // Fields after the command name: state ppid pgrp … utime (12th) stime (13th).
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    if (Number(fields[2]) === group) ticks += Number(fields[11]) + Number(fields[12]);
  }
  return ticks / TICKS_PER_SECOND;
}

/**
 * A server starts with its sweeps (credentials for every verified customer,
 * digests due): on the scale data set that is tens of seconds of CPU, which
 * would be counted against whichever page is measured first. Wait, for two
 * minutes at most, until the servers use less than a twentieth of a core
 * while nobody asks them anything, and say how long that took.
 */
async function settle(servers: string[]): Promise<number> {
  const groups = servers.map((s) => serverGroups.get(s)!);
  const cpu = () => groups.reduce((sum, g) => sum + groupCpuSeconds(g), 0);
  const started = performance.now();
  while (performance.now() - started < 120_000) {
    const before = cpu();
    await new Promise((r) => setTimeout(r, 2_000));
    if ((cpu() - before) / 2 < 0.05) break;
  }
  return Math.round((performance.now() - started) / 1000);
}

interface PageFigures extends LoadResult {
  cpuMsPerRequest: number;
}

async function measurePage(servers: string[], path: string, headers?: Record<string, string>) {
  const pages = servers.map((s) => `${s}${path}`);
  await load(pages, { connections: CONNECTIONS, durationMs: WARMUP_MS, headers });
  const groups = servers.map((s) => serverGroups.get(s)!);
  const before = groups.reduce((sum, g) => sum + groupCpuSeconds(g), 0);
  const result = await load(pages, { connections: CONNECTIONS, durationMs: DURATION_MS, headers });
  const after = groups.reduce((sum, g) => sum + groupCpuSeconds(g), 0);
  const figures: PageFigures = {
    ...result,
    cpuMsPerRequest: result.requests
      ? Math.round(((after - before) * 1000 * 100) / result.requests) / 100
      : NaN,
  };
  return figures;
}

export async function run(): Promise<Record<string, number>> {
  const cleanup = new Cleanup();
  try {
    return await withinBudget("pages", 10 * 60_000, measurePages(cleanup));
  } finally {
    await cleanup.run();
  }
}

async function measurePages(cleanup: Cleanup) {
  const handle = await openScaleData(cleanup);
  const { db } = handle;
  const thread = await fullQuestion(db);
  // A public advocate with a long but ordinary history (not the very top earner).
  const advocate = await sql<{ handle: string; entries: number }>`
    select u.handle, l.entries from (
      select user_id, count(*)::int as entries from reputation_ledger group by user_id
      having count(*) between 40 and 150) l
    join users u on u.id = l.user_id join profiles p on p.user_id = u.id
    where p.is_public and u.role = 'advocate' and u.email like 'scale-%'
    order by l.entries desc, u.id limit 1`.execute(db);
  const profile = advocate.rows[0];
  if (!profile) throw new Error("no public advocate with 40 to 150 ledger entries");

  const [reader] = await scalePeople(handle, 1);
  const cookie = { Cookie: await sessionCookie(cleanup, handle, reader.id) };
  // Every visit rendered: the shared page cache is off.
  const servers = [
    await startServer(cleanup, { PAGE_CACHE_TTL_MS: "0" }),
    await startServer(cleanup, { PAGE_CACHE_TTL_MS: "0" }),
  ];
  const pages = {
    profile: `/u/${profile.handle}`,
    leaderboard: "/leaderboard",
    question: `/t/${thread.id}/${thread.slug}`,
  };
  for (const [name, path] of Object.entries(pages)) {
    for (const headers of [undefined, cookie]) {
      const res = await fetch(`${servers[0]}${path}`, { headers });
      const html = await res.text();
      if (res.status !== 200) throw new Error(`${name} answered ${res.status}`);
      if (!headers)
        console.log(`pages: ${name} ${path}: ${Math.round(html.length / 1024)} KB of HTML`);
    }
  }
  const settled = await settle(servers);
  console.log(`pages: the servers' start-up sweeps settled after ${settled} s`);
  console.log(
    `pages: ${profile.entries} ledger entries on the profile, ${thread.reply_count} replies on the question; ${CONNECTIONS} connections, ${DURATION_MS / 1000} s each`,
  );

  const figures: Record<string, number> = { startup_settle_s: settled };
  for (const [name, path] of Object.entries(pages)) {
    for (const [who, headers] of [
      ["anonymous", undefined],
      ["signed_in", cookie],
    ] as const) {
      for (const [processes, targets] of [
        ["1p", servers.slice(0, 1)],
        ["2p", servers],
      ] as const) {
        const r = await measurePage(targets, path, headers);
        const key = `${name}_${who}_${processes}`;
        console.log(
          `pages: ${key.padEnd(26)} ${String(r.rps).padStart(5)} req/s  p50 ${String(r.p50).padStart(6)} ms  p99 ${String(r.p99).padStart(6)} ms  CPU ${r.cpuMsPerRequest} ms/request${r.errors ? `  ${r.errors} errors` : ""}`,
        );
        figures[`${key}_rps`] = r.rps;
        figures[`${key}_p50_ms`] = r.p50;
        figures[`${key}_p99_ms`] = r.p99;
        figures[`${key}_cpu_ms`] = r.cpuMsPerRequest;
      }
    }
  }
  // For scale: the smallest document of the app.
  const login = await measurePage(servers.slice(0, 1), "/login");
  figures.sign_in_page_1p_rps = login.rps;
  figures.sign_in_page_1p_cpu_ms = login.cpuMsPerRequest;
  return figures;
}
