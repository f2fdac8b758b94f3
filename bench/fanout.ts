import { performance } from "node:perf_hooks";
import { io as connect, type Socket } from "socket.io-client";
import { percentile } from "./support.ts";
import {
  benchThread,
  Cleanup,
  openScaleData,
  round1,
  scalePeople,
  sessionCookie,
  startServer,
  withinBudget,
} from "./discussions/harness.ts";

/**
 * Fan-out: 1,000 socket.io clients reading one thread; a reply is posted
 * over HTTP and we time from the POST to the last client receiving it.
 * Every client must receive every reply.
 *
 *   npm run build && npm run bench -- fanout
 */
const CLIENTS = Number(process.env.BENCH_FANOUT_CLIENTS ?? 1_000);
const ROUNDS = 40;
const ROUTE = encodeURIComponent("routes/t.$id.($slug)");

export async function run(): Promise<Record<string, number>> {
  const cleanup = new Cleanup();
  try {
    return await withinBudget("fanout", 5 * 60_000, measureFanout(cleanup));
  } finally {
    await cleanup.run();
  }
}

async function measureFanout(cleanup: Cleanup) {
  const handle = await openScaleData(cleanup);
  const [asker, replier] = await scalePeople(handle, 2);
  const thread = await benchThread(cleanup, handle, asker.id);
  const url = await startServer(cleanup);
  const cookie = await sessionCookie(cleanup, handle, replier.id);

  // Each client remembers when it saw each reply.
  const seen = new Map<number, number[]>();
  const sockets: Socket[] = [];
  cleanup.add(() => sockets.forEach((s) => s.close()));
  for (let batch = 0; batch < CLIENTS; batch += 100) {
    await Promise.all(
      Array.from({ length: Math.min(100, CLIENTS - batch) }, async () => {
        const s = connect(url, { transports: ["websocket"], reconnection: false, forceNew: true });
        sockets.push(s);
        await new Promise<void>((resolve, reject) => {
          s.once("connect", () => resolve());
          s.once("connect_error", reject);
        });
        const ack = await new Promise<{ ok: boolean }>((resolve) =>
          s.emit("thread:join", { threadId: thread.threadId }, resolve),
        );
        if (!ack.ok) throw new Error("a client could not join the thread");
        s.on("post:created", (payload: { post: { id: number } }) => {
          const at = performance.now();
          const times = seen.get(payload.post.id);
          if (times) times.push(at);
          else seen.set(payload.post.id, [at]);
        });
      }),
    );
  }
  // Let the joins' presence updates settle before timing anything.
  await new Promise((resolve) => setTimeout(resolve, 1_500));
  console.log(`fanout: ${sockets.length} clients joined thread ${thread.threadId}`);

  const path = `${url}/t/${thread.threadId}/${thread.slug}?_data=${ROUTE}`;
  const latencies: number[] = [];
  let delivered = 0;
  for (let round = 0; round < ROUNDS + 3; round += 1) {
    const started = performance.now();
    const res = await fetch(path, {
      method: "POST",
      headers: { Cookie: cookie, Origin: url, "Content-Type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ intent: "reply", body: `Fan-out round ${round}` }).toString(),
    });
    const { postId } = (await res.json()) as { postId: number };
    // Wait until every client has it (or give up on this round after 5 s).
    const deadline = performance.now() + 5_000;
    while ((seen.get(postId)?.length ?? 0) < CLIENTS && performance.now() < deadline)
      await new Promise((resolve) => setTimeout(resolve, 2));
    const times = seen.get(postId) ?? [];
    if (round < 3) continue; // warm-up rounds
    delivered += times.length;
    latencies.push(Math.max(...times) - started);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  latencies.sort((a, b) => a - b);
  return {
    p50_ms: round1(percentile(latencies, 50)),
    p99_ms: round1(percentile(latencies, 99)),
    delivered_pct: round1((delivered / (CLIENTS * ROUNDS)) * 100),
    clients: CLIENTS,
  };
}
