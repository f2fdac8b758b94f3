import { io as connect, type Socket } from "socket.io-client";
import { measure } from "./support.ts";
import {
  benchThread,
  Cleanup,
  openScaleData,
  scalePeople,
  sessionCookie,
  startServer,
  withinBudget,
} from "./discussions/harness.ts";

/**
 * Writing through the real server, as a browser does it: a reply (its
 * transaction, the notification to the asker and the broadcast to 50
 * sockets reading the thread) and an upvote (the ledger award and the live
 * vote count), one at a time, on the scale data set.
 *
 *   npm run build && npm run bench -- reply
 */
const READERS = 50;
const ROUTE = encodeURIComponent("routes/t.$id.($slug)");

export async function run(): Promise<Record<string, number>> {
  const cleanup = new Cleanup();
  try {
    return await withinBudget("reply", 5 * 60_000, measureReplies(cleanup));
  } finally {
    await cleanup.run();
  }
}

async function measureReplies(cleanup: Cleanup) {
  const handle = await openScaleData(cleanup);
  const [asker, replier, voter] = await scalePeople(handle, 3);
  const thread = await benchThread(cleanup, handle, asker.id);
  const url = await startServer(cleanup);
  const replierCookie = await sessionCookie(cleanup, handle, replier.id);
  const voterCookie = await sessionCookie(cleanup, handle, voter.id);

  // Readers following the thread live: every reply is broadcast to them.
  const sockets: Socket[] = [];
  cleanup.add(() => sockets.forEach((s) => s.close()));
  let delivered = 0;
  for (let i = 0; i < READERS; i += 1) {
    const s = connect(url, { transports: ["websocket"], reconnection: false, forceNew: true });
    sockets.push(s);
    await new Promise<void>((resolve, reject) => {
      s.once("connect", () => resolve());
      s.once("connect_error", reject);
    });
    await new Promise((resolve) => s.emit("thread:join", { threadId: thread.threadId }, resolve));
    s.on("post:created", () => (delivered += 1));
  }

  const path = `${url}/t/${thread.threadId}/${thread.slug}?_data=${ROUTE}`;
  const post = async (cookie: string, fields: Record<string, string>) => {
    const res = await fetch(path, {
      method: "POST",
      headers: {
        Cookie: cookie,
        Origin: url,
        "Content-Type": "application/x-www-form-urlencoded",
      },
      body: new URLSearchParams(fields).toString(),
    });
    const body = await res.text();
    if (res.status !== 200) throw new Error(`${fields.intent} answered ${res.status}: ${body}`);
    return JSON.parse(body) as { postId?: number };
  };

  const replyIds: number[] = [];
  const replies = await measure(
    async (i) => {
      const { postId } = await post(replierCookie, {
        intent: "reply",
        body: `Benchmark reply ${i}: we set the tile cache to **15 minutes** and warmed it at 08:45.`,
      });
      replyIds.push(postId!);
    },
    { iterations: 300, warmup: 20, budgetMs: 60_000 },
  );
  const votes = await measure(
    (i) => post(voterCookie, { intent: "vote", postId: String(replyIds[i + 20]) }),
    { iterations: Math.min(250, replyIds.length - 20), warmup: 20, budgetMs: 60_000 },
  );
  const expected = READERS * replyIds.length;
  console.log(
    `reply: ${replyIds.length} replies and ${votes.samples} votes; ${delivered} of ${expected} live deliveries seen so far`,
  );
  return {
    p50_ms: replies.p50,
    p99_ms: replies.p99,
    vote_p50_ms: votes.p50,
    vote_p99_ms: votes.p99,
    readers: READERS,
  };
}
