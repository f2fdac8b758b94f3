import { sql } from "kysely";
import { measure } from "./support.ts";
import {
  Cleanup,
  load,
  fullQuestion,
  openScaleData,
  scalePeople,
  sessionCookie,
  startServer,
  withinBudget,
} from "./discussions/harness.ts";

/**
 * The server-rendered question page with 20 replies (and its accepted
 * answer), at 50 concurrent connections, anonymous and signed in, on the
 * scale data set (20 k threads, 1 M replies) and a production build.
 * Anonymous visitors are measured as deployed (the shared page cache on) and
 * with every visit rendered (the cache off). Also a page deep inside a very
 * long thread, to show cursor pages cost the same.
 *
 *   npm run build && npm run bench -- thread-page
 */
const CONNECTIONS = 50;
const DURATION_MS = Number(process.env.BENCH_DURATION_MS ?? 15_000);
/** Server processes behind the load (one per core, the usual Node deployment). */
const PROCESSES = Number(process.env.BENCH_PROCESSES ?? 2);

export async function run(): Promise<Record<string, number>> {
  const cleanup = new Cleanup();
  try {
    return await withinBudget("thread-page", 10 * 60_000, measureThreadPage(cleanup));
  } finally {
    await cleanup.run();
  }
}

async function measureThreadPage(cleanup: Cleanup) {
  const handle = await openScaleData(cleanup);
  const { db } = handle;
  const thread = await fullQuestion(db);
  const long = await sql<{ id: number; slug: string; reply_count: number }>`
    select t.id, t.slug, t.reply_count from threads t join spaces s on s.id = t.space_id
    where s.visibility = 'public' order by t.reply_count desc limit 1`.execute(db);
  const deep = long.rows[0];
  const cursor = await sql<{ id: number }>`
    select id from posts where thread_id = ${deep.id} and not is_opening
    order by id offset ${Math.max(0, deep.reply_count - 40)} limit 1`.execute(db);

  const [reader] = await scalePeople(handle, 1);
  const cookie = await sessionCookie(cleanup, handle, reader.id);
  const urls: string[] = [];
  for (let i = 0; i < PROCESSES; i += 1) urls.push(await startServer(cleanup));
  // The same processes without the shared page cache: every visit is a render.
  const uncachedUrls: string[] = [];
  for (let i = 0; i < PROCESSES; i += 1)
    uncachedUrls.push(await startServer(cleanup, { PAGE_CACHE_TTL_MS: "0" }));
  const url = urls[0];
  const path = `/t/${thread.id}/${thread.slug}`;
  const page = `${url}${path}`;
  const pages = urls.map((u) => `${u}${path}`);

  const check = await fetch(page, { headers: { Cookie: cookie } });
  const html = await check.text();
  if (check.status !== 200 || (html.match(/data-testid="reply"/g) ?? []).length < 19)
    throw new Error(`the question page did not render its replies (status ${check.status})`);
  console.log(
    `thread-page: thread ${thread.id} (${thread.reply_count} replies, ${Math.round(html.length / 1024)} KB of HTML), ${CONNECTIONS} connections over ${PROCESSES} server process(es), ${DURATION_MS / 1000} s each`,
  );

  const visit = await fetch(page);
  await visit.text();
  const shared = await fetch(page);
  await shared.text();
  if (shared.headers.get("Limelight-Cache") !== "hit")
    throw new Error("a second anonymous visit was not answered from the shared page cache");

  // Warm up the servers (JIT, caches, connection pools).
  await load(pages, { connections: CONNECTIONS, durationMs: 3_000 });
  const anonymous = await load(pages, { connections: CONNECTIONS, durationMs: DURATION_MS });
  const uncachedPages = uncachedUrls.map((u) => `${u}${path}`);
  await load(uncachedPages, { connections: CONNECTIONS, durationMs: 3_000 });
  const rendered = await load(uncachedPages, {
    connections: CONNECTIONS,
    durationMs: DURATION_MS,
  });
  await load(pages, { connections: CONNECTIONS, durationMs: 2_000, headers: { Cookie: cookie } });
  const signedIn = await load(pages, {
    connections: CONNECTIONS,
    durationMs: DURATION_MS,
    headers: { Cookie: cookie },
  });
  // For scale: the smallest document page of the app (sign-in) under the same load.
  const baseline = await load(
    uncachedUrls.map((u) => `${u}/login`),
    { connections: CONNECTIONS, durationMs: Math.min(DURATION_MS, 10_000) },
  );
  // Rendering every visit on one process, for comparison.
  const single =
    PROCESSES > 1
      ? await load(uncachedPages[0], { connections: CONNECTIONS, durationMs: DURATION_MS })
      : rendered;
  if (anonymous.errors || signedIn.errors || rendered.errors)
    console.warn(
      `errors: anonymous ${anonymous.errors}, uncached ${rendered.errors}, signed in ${signedIn.errors}`,
    );

  // One reader at a time, every page rendered: the first page and a page thousands of replies in.
  const longPath = `${uncachedUrls[0]}/t/${deep.id}/${deep.slug}`;
  const first = await measure(() => fetch(longPath).then((r) => r.text()), {
    iterations: 200,
    budgetMs: 15_000,
  });
  const deepPage = await measure(
    () => fetch(`${longPath}?after=${cursor.rows[0].id}`).then((r) => r.text()),
    { iterations: 200, budgetMs: 15_000 },
  );
  console.log(
    `thread-page: long thread ${deep.id} has ${deep.reply_count} replies; deep page starts after reply ${cursor.rows[0].id}`,
  );

  return {
    rps: anonymous.rps,
    p50_ms: anonymous.p50,
    p99_ms: anonymous.p99,
    uncached_rps: rendered.rps,
    uncached_p50_ms: rendered.p50,
    uncached_p99_ms: rendered.p99,
    signed_in_rps: signedIn.rps,
    signed_in_p50_ms: signedIn.p50,
    signed_in_p99_ms: signedIn.p99,
    processes: PROCESSES,
    sign_in_page_rps: baseline.rps,
    one_process_rps: single.rps,
    one_process_p99_ms: single.p99,
    long_thread_first_page_p50_ms: first.p50,
    long_thread_deep_page_p50_ms: deepPage.p50,
  };
}
