import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "../../db/client.ts";
import type { Role } from "../../db/schema.ts";
import { contextFor } from "../../app/modules/commands/command.server.ts";
import { loadViewer } from "../../app/modules/viewer/viewer.server.ts";
import { acceptAnswer } from "../../app/modules/discussions/answers.server.ts";
import { hidePost, setThreadLocked } from "../../app/modules/discussions/moderation.server.ts";
import {
  createReply,
  createThread,
  deletePost,
} from "../../app/modules/discussions/posts.server.ts";
import { createSpace, type Space } from "../../app/modules/discussions/spaces.server.ts";
import { castVote } from "../../app/modules/discussions/votes.server.ts";
import { awardPoints } from "../../app/modules/reputation/ledger.server.ts";
import { resolveSources } from "../../app/modules/reputation/sources.server.ts";
import "../../app/modules/discussions/sources.server.ts";
import { createTestDb } from "../support/db.ts";
import { insertUser, TEST_PASSWORD } from "../support/factories.ts";
import { startTestServer, TestClient, type TestServer } from "../support/server.ts";

// Discussions through the real server and database: content, votes, answers,
// moderation, notifications, lists and search, with the ledger behind them.

let handle: DbHandle;
let server: TestServer;
type Person = Awaited<ReturnType<typeof insertUser>>;
let prospect: Person, asker: Person, helper: Person, voter: Person, newcomer: Person;
let manager: Person;
let ask: Space, showcase: Space, lounge: Space, mvp: Space;

const THREAD_ROUTE = encodeURIComponent("routes/t.$id.($slug)");
const NEW_ROUTE = encodeURIComponent("routes/s.$space.new");
let ip = 0;

async function signIn(person: Person) {
  const c = new TestClient(server.url, { "X-Forwarded-For": `10.61.${ip >> 8}.${ip++ & 255}` });
  const res = await c.post("/login?_data=routes%2Flogin", {
    email: person.email,
    password: TEST_PASSWORD,
  });
  expect(res.status).toBe(204);
  return c;
}
const anonymous = () => new TestClient(server.url, { "X-Forwarded-For": `10.62.0.${ip++ & 255}` });
const viewerOf = (p: Person) => loadViewer(handle.db, { id: p.id, role: p.role as Role });

async function give(person: Person, amount: number) {
  await awardPoints(handle.db, {
    userId: person.id,
    rule: "manual_adjustment",
    amount,
    reason: "Helped at the user group",
    source: { type: "user", id: person.id },
    idempotencyKey: `test-give:${person.id}:${Math.random()}`,
    awardedBy: manager.id,
  });
}

async function balance(person: Person) {
  const row = await handle.db
    .selectFrom("reputation_balances")
    .select("total")
    .where("user_id", "=", person.id)
    .executeTakeFirst();
  return row?.total ?? 0;
}

async function ledger(person: Person) {
  return handle.db
    .selectFrom("reputation_ledger")
    .select(["rule", "amount", "idempotency_key", "source_type", "source_id", "reverses_id"])
    .where("user_id", "=", person.id)
    .where("rule", "!=", "manual_adjustment")
    .orderBy("id")
    .execute();
}

async function newThread(
  author: Person,
  space: Space,
  overrides: {
    kind?: "question" | "discussion";
    title?: string;
    body?: string;
    tags?: string[];
  } = {},
) {
  return createThread(contextFor(handle.db, await viewerOf(author)), {
    spaceId: space.id,
    kind: overrides.kind ?? "question",
    title: overrides.title ?? "How do I schedule a nightly incremental load?",
    body: overrides.body ?? "Our orders table has an updated_at column. What is the usual setup?",
    tags: overrides.tags ?? ["pipelines"],
  });
}

async function reply(author: Person, threadId: number, body = "Use a watermark on updated_at.") {
  return createReply(contextFor(handle.db, await viewerOf(author)), {
    threadId: threadId,
    body: body,
  });
}

const count = async (table: "threads" | "posts" | "post_votes" | "flags") =>
  Number(
    (
      await handle.db
        .selectFrom(table)
        .select((eb) => eb.fn.countAll<number>().as("n"))
        .executeTakeFirstOrThrow()
    ).n,
  );

beforeAll(async () => {
  handle = await createTestDb();
  server = await startTestServer(handle, { WRITE_RATE_LIMIT_PER_MINUTE: "10000" });
  manager = await insertUser(handle.db, { role: "manager", displayName: "Morgan Manager" });
  prospect = await insertUser(handle.db, { role: "prospect", displayName: "Pat Prospect" });
  asker = await insertUser(handle.db, { role: "advocate", displayName: "Asha Asker" });
  helper = await insertUser(handle.db, { role: "advocate", displayName: "Hugo Helper" });
  voter = await insertUser(handle.db, { role: "advocate", displayName: "Vera Voter" });
  newcomer = await insertUser(handle.db, { role: "advocate", displayName: "Nico Newcomer" });
  await give(voter, 50);
  await give(asker, 20);
  ask = await createSpace(contextFor(handle.db, null), {
    slug: "ask",
    name: "Ask the community",
    description: "Questions welcome",
    colour: "#047857",
    position: 0,
    visibility: "public",
    prospectsMayAsk: true,
  });
  showcase = await createSpace(contextFor(handle.db, null), {
    slug: "showcase",
    name: "Show and tell",
    description: "What you built",
    colour: "#db2777",
    position: 1,
    visibility: "public",
  });
  lounge = await createSpace(contextFor(handle.db, null), {
    slug: "lounge",
    name: "Advocates' lounge",
    description: "Members only",
    colour: "#4d7c0f",
    position: 2,
    visibility: "members",
  });
  mvp = await createSpace(contextFor(handle.db, null), {
    slug: "mvp",
    name: "MVP lounge",
    description: "MVPs only",
    colour: "#a16207",
    position: 3,
    visibility: "tier",
    minTierRank: 4,
  });
});
afterAll(async () => {
  await server.close();
  await handle.close();
});

describe("starting threads", () => {
  it("lets a prospect ask where visitors are welcome, and nowhere else", async () => {
    const c = await signIn(prospect);
    const ok = await c.post(`/s/ask/new`, {
      kind: "question",
      title: "Does the Postgres connector support logical replication?",
      body: "We run Postgres 15 on RDS.",
      tags: "postgres, CDC",
    });
    expect(ok.status).toBe(302);
    const location = ok.headers.get("location")!;
    expect(location).toMatch(/^\/t\/\d+\/does-the-postgres-connector-support-logical-replication$/);
    const page = await (await c.get(location)).text();
    expect(page).toContain("Does the Postgres connector support logical replication?");
    expect(page).toContain("#cdc");

    const before = await count("threads");
    const elsewhere = await c.post(`/s/showcase/new?_data=${NEW_ROUTE}`, {
      kind: "question",
      title: "Can I ask a question here as a visitor?",
      body: "Just checking.",
    });
    expect(elsewhere.status).toBe(403);
    expect((await elsewhere.json()).formError).toMatch(/Ask the community/);
    const discussion = await c.post(`/s/ask/new?_data=${NEW_ROUTE}`, {
      kind: "discussion",
      title: "Let us talk about pipelines in general",
      body: "Thoughts?",
    });
    expect(discussion.status).toBe(403);
    expect((await discussion.json()).formError).toMatch(/verified customers/);
    expect(await count("threads")).toBe(before);
  });

  it("sends anonymous visitors to sign in and refuses restricted spaces as if they did not exist", async () => {
    const res = await anonymous().post("/s/ask/new", {
      kind: "question",
      title: "An anonymous question for everyone",
      body: "Hello",
    });
    expect(res.status).toBe(302);
    expect(res.headers.get("location")).toMatch(/^\/login\?redirectTo=/);
    const c = await signIn(helper);
    expect((await c.get("/s/mvp/new")).status).toBe(404);
  });

  it("refuses empty and oversized titles and bodies field by field, writing nothing", async () => {
    const c = await signIn(helper);
    const before = await count("threads");
    const empty = await c.post(`/s/showcase/new?_data=${NEW_ROUTE}`, {
      kind: "discussion",
      title: "   ",
      body: "",
    });
    expect(empty.status).toBe(400);
    const emptyErrors = (await empty.json()).fieldErrors;
    expect(emptyErrors.title).toMatch(/at least 10/);
    expect(emptyErrors.body).toMatch(/Write something/);
    const huge = await c.post(`/s/showcase/new?_data=${NEW_ROUTE}`, {
      kind: "discussion",
      title: "t".repeat(151),
      body: "b".repeat(20_001),
      tags: "a, b, c, d, e, f",
    });
    expect(huge.status).toBe(400);
    const hugeErrors = (await huge.json()).fieldErrors;
    expect(hugeErrors.title).toMatch(/under 150/);
    expect(hugeErrors.body).toMatch(/20,000 characters or fewer/);
    expect(hugeErrors.tags).toMatch(/at most 5/);
    expect(await count("threads")).toBe(before);
  });

  it("renders markdown once, sanitised, with highlighted code and untrusted links marked", async () => {
    const created = await newThread(helper, showcase, {
      kind: "discussion",
      title: "Markdown with a script in it, and some SQL",
      body: [
        "Hello <script>alert('x')</script> <img src=x onerror=alert(1)>",
        "",
        "[docs](https://docs.example.com) and [bad](javascript:alert(1))",
        "",
        "```sql",
        "select count(*) from orders;",
        "```",
      ].join("\n"),
    });
    const post = await handle.db
      .selectFrom("posts")
      .select(["body_html", "body_text"])
      .where("id", "=", created.postId)
      .executeTakeFirstOrThrow();
    expect(post.body_html).not.toMatch(/<(script|img)\b|<[^>]*\son\w+=|href="javascript:/i);
    expect(post.body_html).toContain("&lt;script&gt;");
    expect(post.body_html).toContain('class="hljs language-sql"');
    expect(post.body_html).toContain('<span class="hljs-keyword">select</span>');
    expect(post.body_html).toMatch(/href="https:\/\/docs\.example\.com" rel="ugc nofollow/);
    expect(post.body_text).toContain("select count(*) from orders;");

    // A trusted author's links are followed.
    await give(newcomer, 150);
    const trusted = await newThread(newcomer, showcase, {
      kind: "discussion",
      title: "Links from someone the community trusts",
      body: "[docs](https://docs.example.com)",
    });
    const trustedHtml = await handle.db
      .selectFrom("posts")
      .select("body_html")
      .where("id", "=", trusted.postId)
      .executeTakeFirstOrThrow();
    expect(trustedHtml.body_html).not.toContain("nofollow");
    await give(newcomer, -150);
  });
});

describe("replies", () => {
  it("refuses replies to a locked thread and to a thread the person cannot write in", async () => {
    const t = await newThread(asker, showcase, {
      kind: "discussion",
      title: "A thread that gets locked soon",
    });
    await setThreadLocked(contextFor(handle.db, await viewerOf(manager)), {
      threadId: t.threadId,
      locked: true,
      reason: "Resolved elsewhere",
    });
    const open = await newThread(asker, showcase, {
      kind: "discussion",
      title: "An open showcase thread",
    });
    const before = await count("posts");
    const c = await signIn(helper);
    const res = await c.post(`/t/${t.threadId}/${t.slug}?_data=${THREAD_ROUTE}`, {
      intent: "reply",
      body: "Can I still add something?",
    });
    expect(res.status).toBe(403);
    expect((await res.json()).formError).toMatch(/locked/);
    // Prospects read the showcase but only take part where they may ask.
    const p = await signIn(prospect);
    const refused = await p.post(`/t/${open.threadId}/${open.slug}?_data=${THREAD_ROUTE}`, {
      intent: "reply",
      body: "Visitor here",
    });
    expect(refused.status).toBe(403);
    expect(await count("posts")).toBe(before);
    const audit = await handle.db
      .selectFrom("audit_log")
      .selectAll()
      .where("action", "=", "thread.locked")
      .where("subject_id", "=", String(t.threadId))
      .executeTakeFirstOrThrow();
    expect(audit.actor_id).toBe(manager.id);
    expect(audit.reason).toBe("Resolved elsewhere");
  });

  it("keeps earlier versions of an edited post for moderators only and shows it as edited", async () => {
    const t = await newThread(helper, showcase, {
      kind: "discussion",
      title: "A post that will be edited",
    });
    const r = await reply(asker, t.threadId, "First version of my reply.");
    const c = await signIn(asker);
    const edit = await c.post(`/t/${t.threadId}/${t.slug}?_data=${THREAD_ROUTE}`, {
      intent: "edit",
      postId: String(r.postId),
      body: "Second version, with a fix.",
    });
    expect(edit.status).toBe(200);
    const page = await (await c.get(`/t/${t.threadId}/${t.slug}`)).text();
    expect(page).toContain("Second version, with a fix.");
    expect(page).toContain("edited");
    expect(page).not.toContain("First version of my reply.");
    // Someone else cannot edit it.
    const other = await signIn(voter);
    const refused = await other.post(`/t/${t.threadId}/${t.slug}?_data=${THREAD_ROUTE}`, {
      intent: "edit",
      postId: String(r.postId),
      body: "Vandalism",
    });
    expect(refused.status).toBe(403);
    // The history is for moderators.
    const history = `/t/${t.threadId}/revisions?post=${r.postId}&_data=${encodeURIComponent("routes/t.$id.revisions")}`;
    expect((await other.get(history)).status).toBe(403);
    const m = await signIn(manager);
    const revisions = await (await m.get(history)).json();
    expect(revisions.revisions.map((v: { bodyMd: string }) => v.bodyMd)).toEqual([
      "First version of my reply.",
    ]);
  });

  it("notifies the thread's author and people mentioned, but only those who may read it", async () => {
    const t = await newThread(asker, showcase, {
      kind: "discussion",
      title: "Who should we ask about SSO?",
    });
    await reply(helper, t.threadId, `I think @${voter.handle} knows, and maybe @nobody-here.`);
    const forAsker = await handle.db
      .selectFrom("notifications")
      .selectAll()
      .where("user_id", "=", asker.id)
      .where("thread_id", "=", t.threadId)
      .execute();
    expect(forAsker.map((n) => n.kind)).toEqual(["reply"]);
    const forVoter = await handle.db
      .selectFrom("notifications")
      .selectAll()
      .where("user_id", "=", voter.id)
      .where("thread_id", "=", t.threadId)
      .execute();
    expect(forVoter.map((n) => n.kind)).toEqual(["mention"]);
    const html = await handle.db
      .selectFrom("posts")
      .select("body_html")
      .where("thread_id", "=", t.threadId)
      .where("is_opening", "=", false)
      .executeTakeFirstOrThrow();
    expect(html.body_html).toContain(`<a href="/u/${voter.handle}" class="mention"`);
    expect(html.body_html).toContain("@nobody-here");

    // A mention in a space the person cannot read tells them nothing.
    const secret = await newThread(manager, mvp, {
      kind: "discussion",
      title: "Roadmap notes for MVPs only",
      body: `@${voter.handle} will want to see this.`,
    });
    const leaked = await handle.db
      .selectFrom("notifications")
      .select("id")
      .where("user_id", "=", voter.id)
      .where("thread_id", "=", secret.threadId)
      .execute();
    expect(leaked).toEqual([]);
  });
});

describe("votes", () => {
  it("gives one upvote per person, no self-votes, and points through the ledger", async () => {
    const t = await newThread(asker, showcase, {
      kind: "discussion",
      title: "Votes are counted here",
    });
    const r = await reply(helper, t.threadId, "A reply worth an upvote.");
    const before = await balance(helper);
    const v = await signIn(voter);
    const path = `/t/${t.threadId}/${t.slug}?_data=${THREAD_ROUTE}`;
    expect((await v.post(path, { intent: "vote", postId: String(r.postId) })).status).toBe(200);
    expect((await v.post(path, { intent: "vote", postId: String(r.postId) })).status).toBe(200);
    const votes = await handle.db
      .selectFrom("post_votes")
      .selectAll()
      .where("post_id", "=", r.postId)
      .execute();
    expect(votes).toHaveLength(1);
    expect(await balance(helper)).toBe(before + 5);
    const entry = (await ledger(helper)).find((e) => e.idempotency_key === `vote:${votes[0].id}`);
    expect(entry).toMatchObject({
      rule: "reply_upvoted",
      amount: 5,
      source_type: "post",
      source_id: String(r.postId),
    });

    // Withdrawing takes the points back.
    expect((await v.post(path, { intent: "unvote", postId: String(r.postId) })).status).toBe(200);
    expect(await balance(helper)).toBe(before);
    const reply_ = await handle.db
      .selectFrom("posts")
      .select("vote_count")
      .where("id", "=", r.postId)
      .executeTakeFirstOrThrow();
    expect(reply_.vote_count).toBe(0);

    // No self-votes, and voting needs reputation.
    const own = await (
      await signIn(helper)
    ).post(path, { intent: "vote", postId: String(r.postId) });
    expect(own.status).toBe(403);
    expect((await own.json()).formError).toMatch(/your own post/);
    const low = await (
      await signIn(newcomer)
    ).post(path, { intent: "vote", postId: String(r.postId) });
    expect(low.status).toBe(403);
    expect((await low.json()).formError).toMatch(/15 reputation/);
  });

  it("refuses votes on deleted posts and reverses what a deleted post earned", async () => {
    const t = await newThread(asker, showcase, {
      kind: "discussion",
      title: "A reply that gets deleted",
    });
    const r = await reply(helper, t.threadId, "I will delete this later.");
    const before = await balance(helper);
    await castVote(contextFor(handle.db, await viewerOf(voter)), { postId: r.postId });
    expect(await balance(helper)).toBe(before + 5);
    await deletePost(contextFor(handle.db, await viewerOf(helper)), { postId: r.postId });
    expect(await balance(helper)).toBe(before);
    const reversal = (await ledger(helper)).at(-1)!;
    expect(reversal.amount).toBe(-5);
    expect(reversal.reverses_id).not.toBeNull();
    const res = await (
      await signIn(manager)
    ).post(`/t/${t.threadId}/${t.slug}?_data=${THREAD_ROUTE}`, {
      intent: "vote",
      postId: String(r.postId),
    });
    expect(res.status).toBe(409);
    expect((await res.json()).formError).toMatch(/deleted/);
    const page = await (await anonymous().get(`/t/${t.threadId}/${t.slug}`)).text();
    expect(page).not.toContain("I will delete this later.");
  });
});

describe("accepted answers", () => {
  it("lets the asker (or a manager) choose and change the answer, moving points with it", async () => {
    const t = await newThread(asker, ask, {
      title: "Which connector for SQL Server change tracking?",
    });
    const first = await reply(helper, t.threadId, "Use the CDC connector.");
    const second = await reply(voter, t.threadId, "Use change tracking with the incremental mode.");
    const askerBefore = await balance(asker);
    const helperBefore = await balance(helper);
    const path = `/t/${t.threadId}/${t.slug}?_data=${THREAD_ROUTE}`;

    // Someone else's question: refused, nothing written.
    const stranger = await (
      await signIn(newcomer)
    ).post(path, { intent: "accept", postId: String(first.postId) });
    expect(stranger.status).toBe(403);
    expect((await stranger.json()).formError).toMatch(/person who asked/);

    const c = await signIn(asker);
    expect((await c.post(path, { intent: "accept", postId: String(first.postId) })).status).toBe(
      200,
    );
    expect(await balance(helper)).toBe(helperBefore + 15);
    expect(await balance(asker)).toBe(askerBefore + 2);

    // The accepted answer is shown first, before earlier replies.
    const page = await (await anonymous().get(`/t/${t.threadId}/${t.slug}`)).text();
    expect(page.indexOf("Accepted answer")).toBeGreaterThan(-1);
    expect(page.indexOf("Use the CDC connector.")).toBeLessThan(
      page.indexOf("Use change tracking"),
    );
    const list = await (await anonymous().get("/s/ask?tab=solved")).text();
    expect(list).toContain("Which connector for SQL Server change tracking?");

    // Changing it moves the points.
    const voterBefore = await balance(voter);
    expect((await c.post(path, { intent: "accept", postId: String(second.postId) })).status).toBe(
      200,
    );
    expect(await balance(helper)).toBe(helperBefore);
    expect(await balance(voter)).toBe(voterBefore + 15);
    expect(await balance(asker)).toBe(askerBefore + 2);

    // A manager may choose too; the asker's bonus is only for the asker.
    expect(
      (await (await signIn(manager)).post(path, { intent: "accept", postId: String(first.postId) }))
        .status,
    ).toBe(200);
    expect(await balance(helper)).toBe(helperBefore + 15);
    expect(await balance(asker)).toBe(askerBefore);
  });

  it("gives no points for accepting your own reply, and discussions have no accepted answer", async () => {
    const t = await newThread(asker, ask, { title: "I solved it myself in the end, here is how" });
    const mine = await reply(asker, t.threadId, "Answering my own question.");
    const before = await balance(asker);
    await acceptAnswer(contextFor(handle.db, await viewerOf(asker)), {
      threadId: t.threadId,
      postId: mine.postId,
    });
    expect(await balance(asker)).toBe(before);
    const d = await newThread(asker, showcase, {
      kind: "discussion",
      title: "A discussion has no answers to accept",
    });
    const r = await reply(helper, d.threadId);
    const res = await (
      await signIn(asker)
    ).post(`/t/${d.threadId}/${d.slug}?_data=${THREAD_ROUTE}`, {
      intent: "accept",
      postId: String(r.postId),
    });
    expect(res.status).toBe(400);
  });

  it("publishes schema.org QAPage data with the accepted answer", async () => {
    const t = await newThread(asker, ask, { title: "How do I rotate a service account token?" });
    const r = await reply(helper, t.threadId, "Run nw tokens rotate with a short TTL.");
    await acceptAnswer(contextFor(handle.db, await viewerOf(asker)), {
      threadId: t.threadId,
      postId: r.postId,
    });
    const html = await (await anonymous().get(`/t/${t.threadId}/${t.slug}`)).text();
    const json = /<script type="application\/ld\+json"[^>]*>(.*?)<\/script>/s.exec(html)?.[1];
    const data = JSON.parse(json!);
    expect(data["@type"]).toBe("QAPage");
    expect(data.mainEntity.name).toBe("How do I rotate a service account token?");
    expect(data.mainEntity.acceptedAnswer.text).toContain("nw tokens rotate");
    expect(html).toContain(
      `<link rel="canonical" href="${server.url}/t/${t.threadId}/${t.slug}"/>`,
    );
    // A wrong or missing slug redirects to the canonical address.
    const moved = await anonymous().get(`/t/${t.threadId}/old-title`);
    expect(moved.status).toBe(301);
    expect(moved.headers.get("location")).toBe(`/t/${t.threadId}/${t.slug}`);
  });
});

describe("moderation", () => {
  it("takes flags from members with the privilege and shows managers a queue", async () => {
    const t = await newThread(asker, showcase, {
      kind: "discussion",
      title: "A thread with a doubtful reply",
    });
    const r = await reply(helper, t.threadId, "Buy my consulting services at example.com!");
    const path = `/t/${t.threadId}/${t.slug}?_data=${THREAD_ROUTE}`;
    const low = await (
      await signIn(newcomer)
    ).post(path, { intent: "flag", postId: String(r.postId), reason: "spam" });
    expect(low.status).toBe(403);
    const v = await signIn(voter);
    expect(
      (
        await v.post(path, {
          intent: "flag",
          postId: String(r.postId),
          reason: "spam",
          note: "Advert",
        })
      ).status,
    ).toBe(200);
    const again = await v.post(path, { intent: "flag", postId: String(r.postId), reason: "spam" });
    expect(again.status).toBe(409);
    expect((await (await signIn(helper)).get("/manage/flags")).status).toBe(403);
    const m = await signIn(manager);
    const queue = await (await m.get("/manage/flags")).text();
    expect(queue).toContain("Buy my consulting services");
    expect(queue).toContain("Spam or advertising");

    const hide = await m.post(`/manage/flags?_data=${encodeURIComponent("routes/manage.flags")}`, {
      intent: "hide",
      postId: String(r.postId),
      reason: "Advertising",
    });
    expect(hide.status).toBe(200);
    const flags = await handle.db
      .selectFrom("flags")
      .selectAll()
      .where("post_id", "=", r.postId)
      .execute();
    expect(flags.every((f) => f.resolution === "hidden" && f.resolved_by === manager.id)).toBe(
      true,
    );
    const audit = await handle.db
      .selectFrom("audit_log")
      .selectAll()
      .where("action", "=", "post.hidden")
      .where("subject_id", "=", String(r.postId))
      .executeTakeFirstOrThrow();
    expect(audit).toMatchObject({ actor_id: manager.id, reason: "Advertising" });
    // Gone for everyone else, still visible (marked) to moderators.
    expect(await (await anonymous().get(`/t/${t.threadId}/${t.slug}`)).text()).not.toContain(
      "Buy my consulting",
    );
    expect(await (await v.get(`/t/${t.threadId}/${t.slug}`)).text()).not.toContain(
      "Buy my consulting",
    );
    const forManager = await (await m.get(`/t/${t.threadId}/${t.slug}`)).text();
    expect(forManager).toContain("Buy my consulting");
    expect(forManager).toContain("Hidden: Advertising");
  });

  it("reverses points of a hidden post and restores them when it is unhidden", async () => {
    const t = await newThread(asker, showcase, {
      kind: "discussion",
      title: "Points follow a hidden reply",
    });
    const r = await reply(helper, t.threadId, "Helpful but borderline reply.");
    const before = await balance(helper);
    await castVote(contextFor(handle.db, await viewerOf(voter)), { postId: r.postId });
    expect(await balance(helper)).toBe(before + 5);
    await hidePost(contextFor(handle.db, await viewerOf(manager)), {
      postId: r.postId,
      reason: "Checking a complaint",
    });
    expect(await balance(helper)).toBe(before);
    const m = await signIn(manager);
    const res = await m.post(`/t/${t.threadId}/${t.slug}?_data=${THREAD_ROUTE}`, {
      intent: "unhide",
      postId: String(r.postId),
      reason: "Complaint was unfounded",
    });
    expect(res.status).toBe(200);
    expect(await balance(helper)).toBe(before + 5);
    // Hiding requires a reason, and only moderators may hide.
    const noReason = await m.post(`/t/${t.threadId}/${t.slug}?_data=${THREAD_ROUTE}`, {
      intent: "hide",
      postId: String(r.postId),
      reason: "",
    });
    expect(noReason.status).toBe(400);
    const notStaff = await (
      await signIn(voter)
    ).post(`/t/${t.threadId}/${t.slug}?_data=${THREAD_ROUTE}`, {
      intent: "hide",
      postId: String(r.postId),
      reason: "I do not like it",
    });
    expect(notStaff.status).toBe(403);
  });

  it("moves a thread to another space with an audit entry", async () => {
    const t = await newThread(asker, showcase, {
      kind: "discussion",
      title: "This belongs in the lounge",
    });
    const m = await signIn(manager);
    const res = await m.post(`/t/${t.threadId}/${t.slug}?_data=${THREAD_ROUTE}`, {
      intent: "move",
      spaceId: String(lounge.id),
      reason: "Members' topic",
    });
    expect(res.status).toBe(200);
    expect((await anonymous().get(`/t/${t.threadId}/${t.slug}`)).status).toBe(404);
    const audit = await handle.db
      .selectFrom("audit_log")
      .selectAll()
      .where("action", "=", "thread.moved")
      .where("subject_id", "=", String(t.threadId))
      .executeTakeFirstOrThrow();
    expect(audit.details).toMatchObject({ from: "showcase", to: "lounge" });
  });
});

describe("notifications", () => {
  it("lists them, opens one (marking it read) and marks all read", async () => {
    const reader = await insertUser(handle.db, { role: "advocate" });
    const t = await newThread(reader, showcase, {
      kind: "discussion",
      title: "Notify me about replies please",
    });
    await reply(helper, t.threadId, "First reply.");
    await reply(voter, t.threadId, "Second reply.");
    const c = await signIn(reader);
    const root = await (await c.get("/discussions?_data=root")).json();
    expect(root.unreadNotifications).toBe(2);
    const page = await (await c.get("/notifications")).text();
    expect(page).toContain(`Hugo Helper replied to “Notify me about replies please”`);
    const [latest] = await handle.db
      .selectFrom("notifications")
      .select("id")
      .where("user_id", "=", reader.id)
      .orderBy("id", "desc")
      .execute();
    const open = await c.post("/notifications", { intent: "open", id: String(latest.id) });
    expect(open.status).toBe(302);
    expect(open.headers.get("location")).toMatch(
      new RegExp(`^/t/${t.threadId}/${t.slug}#post-\\d+$`),
    );
    expect((await (await c.get("/discussions?_data=root")).json()).unreadNotifications).toBe(1);
    await c.post("/notifications", { intent: "read-all" });
    expect((await (await c.get("/discussions?_data=root")).json()).unreadNotifications).toBe(0);
    const bell = await c.get(
      `/notifications/unread?_data=${encodeURIComponent("routes/notifications_.unread")}`,
    );
    expect(await bell.json()).toEqual({ count: 0 });
    // Nobody reads another person's notifications; anonymous visitors sign in first.
    expect((await anonymous().get("/notifications")).status).toBe(302);
  });
});

describe("lists, pages and search", () => {
  it("pages long threads by cursor, so any page costs the same", async () => {
    const t = await newThread(asker, showcase, {
      kind: "discussion",
      title: "A very long thread indeed",
    });
    for (let i = 1; i <= 45; i += 1)
      await reply(i % 2 ? helper : voter, t.threadId, `Reply number ${i} here.`);
    const first = await (
      await anonymous().get(`/t/${t.threadId}/${t.slug}?_data=${THREAD_ROUTE}`)
    ).json();
    expect(first.replies).toHaveLength(20);
    expect(first.replies[0].html).toContain("Reply number 1 here.");
    expect(first.cursors.older).toBeNull();
    const second = await (
      await anonymous().get(
        `/t/${t.threadId}/${t.slug}?after=${first.cursors.newer}&_data=${THREAD_ROUTE}`,
      )
    ).json();
    expect(second.replies[0].html).toContain("Reply number 21 here.");
    expect(second.cursors.older).toBe(second.replies[0].id);
    const last = await (
      await anonymous().get(`/t/${t.threadId}/${t.slug}?last&_data=${THREAD_ROUTE}`)
    ).json();
    expect(last.replies.at(-1).html).toContain("Reply number 45 here.");
    expect(last.replies).toHaveLength(20);
    expect(last.cursors.newer).toBeNull();
    const back = await (
      await anonymous().get(
        `/t/${t.threadId}/${t.slug}?before=${last.cursors.older}&_data=${THREAD_ROUTE}`,
      )
    ).json();
    expect(back.replies.at(-1).id).toBeLessThan(last.replies[0].id);
  });

  it("lists latest, unanswered, solved and top threads, per space and per tag, with pages", async () => {
    const tag = `tag${Date.now()}`;
    await newThread(asker, ask, { title: "Nobody has answered this question yet", tags: [tag] });
    const answered = await newThread(asker, ask, {
      title: "This one has an answer already",
      tags: [tag],
    });
    await reply(helper, answered.threadId);
    await castVote(contextFor(handle.db, await viewerOf(voter)), { postId: answered.postId });
    const c = anonymous();
    const text = async (path: string) => (await c.get(path)).text();
    const unansweredList = await text(`/tags/${tag}?tab=unanswered`);
    expect(unansweredList).toContain("Nobody has answered this question yet");
    expect(unansweredList).not.toContain("This one has an answer already");
    const top = await text(`/tags/${tag}?tab=top&period=week`);
    expect(top.indexOf("This one has an answer already")).toBeLessThan(
      top.indexOf("Nobody has answered"),
    );
    const latest = await text(`/s/ask`);
    expect(latest.indexOf("This one has an answer already")).toBeLessThan(
      latest.indexOf("Nobody has answered"),
    );
    const data = await (
      await c.get(`/discussions?page=1&_data=${encodeURIComponent("routes/discussions._index")}`)
    ).json();
    expect(data.rows.length).toBeLessThanOrEqual(20);
    expect(data.pageCount).toBe(Math.max(1, Math.ceil(data.total / 20)));
    const page2 = await (
      await c.get(`/discussions?page=2&_data=${encodeURIComponent("routes/discussions._index")}`)
    ).json();
    expect(page2.page).toBe(2);
    expect(page2.rows.map((r: { id: number }) => r.id)).not.toContain(data.rows[0].id);
  });

  it("searches titles and bodies, ranked and highlighted, within what the person may read", async () => {
    await newThread(asker, showcase, {
      kind: "discussion",
      title: "Kerberos delegation for the warehouse connector",
      body: "We finally got kerberos working with constrained delegation.",
    });
    await newThread(manager, lounge, {
      kind: "discussion",
      title: "Members talk about kerberos tickets",
      body: "Internal notes on kerberos.",
    });
    await newThread(manager, mvp, {
      kind: "discussion",
      title: "MVP preview of kerberos single sign-on",
      body: "Early access kerberos support.",
    });
    const results = async (c: TestClient) =>
      (await (await c.get(`/search?q=kerberos&_data=routes%2Fsearch`)).json()).rows as {
        title: string;
        titleHtml: string;
        snippetHtml: string;
      }[];
    const anon = await results(anonymous());
    expect(anon.map((r) => r.title)).toEqual(["Kerberos delegation for the warehouse connector"]);
    expect(anon[0].titleHtml).toContain("<mark>Kerberos</mark>");
    expect(anon[0].snippetHtml).toContain("<mark>kerberos</mark>");
    const member = await results(await signIn(helper));
    expect(member.map((r) => r.title).sort()).toEqual([
      "Kerberos delegation for the warehouse connector",
      "Members talk about kerberos tickets",
    ]);
    const staff = await results(await signIn(manager));
    expect(staff).toHaveLength(3);
    // The HTML page shows the same, with the query escaped.
    const page = await (
      await anonymous().get(`/search?q=${encodeURIComponent("kerberos or <b>x</b>")}`)
    ).text();
    expect(page).toContain("delegation for the warehouse connector");
    expect(page).not.toContain("<b>");
  });

  it("links ledger lines earned by a post back to it, for readers who may see it", async () => {
    const t = await newThread(asker, lounge, {
      kind: "discussion",
      title: "A members-only thread with votes",
    });
    const r = await reply(helper, t.threadId, "Members-only help.");
    const refs = [{ type: "post", id: String(r.postId) }];
    const forMember = await resolveSources(handle.db, await viewerOf(voter), refs);
    expect(forMember.get(`post:${r.postId}`)).toEqual({
      href: `/t/${t.threadId}/${t.slug}#post-${r.postId}`,
      title: "A members-only thread with votes",
    });
    const forVisitor = await resolveSources(handle.db, null, refs);
    expect(forVisitor.size).toBe(0);
  });
});

describe("search with several words", () => {
  it("falls back to any of the words when no post has them all, and says so", async () => {
    await newThread(asker, showcase, {
      kind: "discussion",
      title: "Zeppelin telemetry arrives late",
      body: "The airship feed lags.",
    });
    const c = anonymous();
    const all = await (await c.get(`/search?q=zeppelin+lags&_data=routes%2Fsearch`)).json();
    expect(all.matchedAll).toBe(true);
    expect(all.rows).toHaveLength(1);
    const some = await (await c.get(`/search?q=zeppelin+quokka&_data=routes%2Fsearch`)).json();
    expect(some.matchedAll).toBe(false);
    expect(some.rows.map((r: { title: string }) => r.title)).toEqual([
      "Zeppelin telemetry arrives late",
    ]);
    const page = await (await c.get(`/search?q=zeppelin+quokka`)).text();
    expect(page).toContain("No post has all of");
  });
});

describe("fixing someone else's post", () => {
  it("is open to long-standing members, audited, rendered as the author's, and never a delete", async () => {
    const editor = await insertUser(handle.db, { role: "advocate", displayName: "Eda Editor" });
    await give(editor, 500);
    await give(editor, 500);
    const t = await newThread(asker, showcase, {
      kind: "discussion",
      title: "A reply with a typo in it",
    });
    const r = await reply(
      newcomer,
      t.threadId,
      "Teh docs are at [docs](https://docs.example.com).",
    );
    const c = await signIn(editor);
    const path = `/t/${t.threadId}/${t.slug}?_data=${THREAD_ROUTE}`;
    // The page offers the editor the fix, and no delete button it would refuse.
    const page = await (await c.get(path)).json();
    expect(Object.keys(page.sources)).toContain(String(r.postId));
    expect(page.deletable).toEqual([]);
    const own = await (await (await signIn(newcomer)).get(path)).json();
    expect(own.deletable).toEqual([r.postId]);
    const fixed = await c.post(path, {
      intent: "edit",
      postId: String(r.postId),
      body: "The docs are at [docs](https://docs.example.com).",
    });
    expect(fixed.status).toBe(200);
    const post = await handle.db
      .selectFrom("posts")
      .select(["body_md", "body_html"])
      .where("id", "=", r.postId)
      .executeTakeFirstOrThrow();
    expect(post.body_md).toBe("The docs are at [docs](https://docs.example.com).");
    // The author is not trusted yet: the link stays unfollowed whoever fixed it.
    expect(post.body_html).toContain("ugc nofollow");
    const audit = await handle.db
      .selectFrom("audit_log")
      .selectAll()
      .where("action", "=", "post.edited")
      .where("subject_id", "=", String(r.postId))
      .executeTakeFirstOrThrow();
    expect(audit.actor_id).toBe(editor.id);
    const removed = await c.post(path, { intent: "delete", postId: String(r.postId) });
    expect(removed.status).toBe(403);
  });
});
