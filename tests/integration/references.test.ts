import { sql } from "kysely";
import pino from "pino";
import { io, type Socket } from "socket.io-client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "../../db/client.ts";
import type { Role } from "../../db/schema.ts";
import { contextFor } from "../../app/modules/commands/command.server.ts";
import { requestReference } from "../../app/modules/promoters/reference-lifecycle.server.ts";
import {
  deliverWaitingRequests,
  setMonthlyCap,
} from "../../app/modules/promoters/reference-queue.server.ts";
import { runSweeps } from "../../server/sweeps.ts";
import { createTestDb } from "../support/db.ts";
import { insertUser, TEST_PASSWORD, uniqueSuffix } from "../support/factories.ts";
import { startTestServer, TestClient, type TestServer } from "../support/server.ts";

let handle: DbHandle;
let server: TestServer;

beforeAll(async () => {
  handle = await createTestDb();
  server = await startTestServer(handle);
});
afterAll(async () => {
  await server.close();
  await handle.close();
});

const client = () =>
  new TestClient(server.url, {
    "X-Forwarded-For": `10.8.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}`,
  });

async function signedIn(user: { email: string }) {
  const c = client();
  const res = await c.post("/login?_data=routes%2Flogin", {
    email: user.email,
    password: TEST_PASSWORD,
  });
  expect(res.status).toBe(204);
  return c;
}

async function person(role: Role) {
  const user = await insertUser(handle.db, { role });
  return { user, c: await signedIn(user) };
}

/** An advocate with a profile; open to references unless told otherwise. */
async function advocate(options: { open?: boolean; industry?: string; expertise?: string[] } = {}) {
  const a = await person("advocate");
  await handle.db
    .updateTable("profiles")
    .set({
      open_to_references: options.open ?? true,
      industry: options.industry ?? `Industry ${uniqueSuffix()}`,
      expertise: options.expertise ?? [],
    })
    .where("user_id", "=", a.user.id)
    .execute();
  return a;
}

const ask = (c: TestClient, handleName: string, fields: Record<string, string> = {}) =>
  c.post(`/references/new?advocate=${handleName}&_data=routes%2Freferences.new`, {
    topic: "How did the migration go?",
    context: "We are evaluating.",
    preferredTimes: "Mornings",
    ...fields,
  });

const requestRow = (id: number) =>
  handle.db
    .selectFrom("reference_requests")
    .selectAll()
    .where("id", "=", id)
    .executeTakeFirstOrThrow();
const requestsFor = (advocateId: number) =>
  handle.db
    .selectFrom("reference_requests")
    .selectAll()
    .where("advocate_id", "=", advocateId)
    .orderBy("id")
    .execute();

async function socketFor(c: TestClient): Promise<{ socket: Socket; toasts: { title: string }[] }> {
  const toasts: { title: string }[] = [];
  const socket = io(server.url, {
    transports: ["websocket"],
    extraHeaders: { Cookie: c.cookieHeader(), Origin: server.url },
    reconnection: false,
  });
  socket.on("toast", (payload) => toasts.push(payload));
  await new Promise<void>((resolve, reject) => {
    socket.on("connect", () => resolve());
    socket.on("connect_error", reject);
  });
  return { socket, toasts };
}

async function until(check: () => boolean) {
  for (let i = 0; i < 300 && !check(); i++) await new Promise((r) => setTimeout(r, 10));
  return check();
}

describe("asking for a conversation", () => {
  it("reaches the advocate live, and emails stay hidden until they accept", async () => {
    const a = await advocate();
    const p = await person("prospect");
    const live = await socketFor(a.c);
    try {
      const res = await p.c.post(`/references/new?advocate=${a.user.handle}`, {
        topic: "Scaling our pipelines",
        context: "Retail, 200 stores",
        preferredTimes: "Tuesdays",
      });
      expect(res.status).toBe(302);
      const id = Number(res.headers.get("location")!.split("/").pop());
      expect((await requestRow(id)).status).toBe("pending");
      expect(await until(() => live.toasts.length > 0)).toBe(true);
      expect(live.toasts[0].title).toMatch(/would like to talk/);

      const detail = (c: TestClient) =>
        c.get(`/references/${id}?_data=routes%2Freferences.%24id`).then((r) => r.json());
      const beforeForProspect = await detail(p.c);
      const beforeForAdvocate = await detail(a.c);
      expect(beforeForProspect.reference.advocate_email).toBeNull();
      expect(beforeForAdvocate.reference.prospect_email).toBeNull();
      expect(JSON.stringify(beforeForProspect)).not.toContain(a.user.email);
      expect(JSON.stringify(beforeForAdvocate)).not.toContain(p.user.email);

      // Only the advocate answers.
      expect((await p.c.post(`/references/${id}`, { intent: "accept" })).status).toBe(403);
      expect((await a.c.post(`/references/${id}`, { intent: "accept" })).status).toBe(302);
      const after = await detail(p.c);
      expect(after.reference.advocate_email).toBe(a.user.email);
      expect((await detail(a.c)).reference.prospect_email).toBe(p.user.email);

      // Someone else sees nothing at all.
      const stranger = await person("advocate");
      expect((await stranger.c.get(`/references/${id}`)).status).toBe(404);
    } finally {
      live.socket.disconnect();
    }
  });

  it("completes when both sides mark it held, and the advocate earns the reference points once", async () => {
    const a = await advocate();
    const p = await person("prospect");
    expect((await ask(p.c, a.user.handle)).status).toBe(204);
    const id = (await requestsFor(a.user.id))[0].id;
    // Nothing can be completed before the advocate says yes.
    expect(
      (await p.c.post(`/references/${id}?_data=routes%2Freferences.%24id`, { intent: "complete" }))
        .status,
    ).toBe(409);
    await a.c.post(`/references/${id}`, { intent: "accept" });

    expect((await a.c.post(`/references/${id}`, { intent: "complete" })).status).toBe(302);
    expect((await requestRow(id)).status).toBe("accepted");
    const ledgerBefore = await handle.db
      .selectFrom("reputation_ledger")
      .selectAll()
      .where("user_id", "=", a.user.id)
      .execute();
    expect(ledgerBefore).toEqual([]);

    expect(
      (await p.c.post(`/references/${id}`, { intent: "complete", helpful: "yes" })).status,
    ).toBe(302);
    const done = await requestRow(id);
    expect(done.status).toBe("completed");
    expect(done.helpful).toBe(true);
    const ledger = await handle.db
      .selectFrom("reputation_ledger")
      .selectAll()
      .where("user_id", "=", a.user.id)
      .execute();
    expect(ledger).toHaveLength(1);
    expect(ledger[0]).toMatchObject({
      amount: 40,
      rule: "reference_call_completed",
      area: "community",
      source_type: "reference",
      source_id: String(id),
      idempotency_key: `reference:${id}`,
    });
    // Marking it again changes nothing and awards nothing.
    expect(
      (await p.c.post(`/references/${id}?_data=routes%2Freferences.%24id`, { intent: "complete" }))
        .status,
    ).toBe(409);
    const balance = await handle.db
      .selectFrom("reputation_balances")
      .select(["total", "community"])
      .where("user_id", "=", a.user.id)
      .executeTakeFirstOrThrow();
    expect(balance).toEqual({ total: 40, community: 40 });
  });

  it("lets the advocate decline without a reason, giving the slot back", async () => {
    const a = await advocate();
    await setMonthlyCap(contextFor(handle.db, a.user), { cap: 1 });
    const p1 = await person("prospect");
    const p2 = await person("prospect");
    expect((await ask(p1.c, a.user.handle)).status).toBe(204);
    const full = await ask(p2.c, a.user.handle);
    expect(full.status).toBe(409);
    const [first] = await requestsFor(a.user.id);
    expect((await a.c.post(`/references/${first.id}`, { intent: "decline" })).status).toBe(302);
    expect((await requestRow(first.id)).status).toBe("declined");
    expect((await ask(p2.c, a.user.handle)).status).toBe(204);
  });

  it("refuses advocates who are not open to references, with nothing written", async () => {
    const a = await advocate({ open: false });
    const p = await person("prospect");
    const res = await ask(p.c, a.user.handle);
    expect(res.status).toBe(409);
    expect((await res.json()).formError).toMatch(/not taking reference conversations/);
    expect(await requestsFor(a.user.id)).toEqual([]);
    // The profile does not offer it either.
    const profile = await (await p.c.get(`/u/${a.user.handle}?_data=routes%2Fu.%24handle`)).json();
    expect(profile.referenceAsk.open).toBe(false);
  });

  it("does not let the same prospect ask the same advocate twice within 90 days", async () => {
    const a = await advocate();
    const p = await person("prospect");
    expect((await ask(p.c, a.user.handle)).status).toBe(204);
    const again = await ask(p.c, a.user.handle, { topic: "Another question" });
    expect(again.status).toBe(409);
    expect((await again.json()).formError).toMatch(/already asked/);
    expect(await requestsFor(a.user.id)).toHaveLength(1);

    // After 90 days they may ask again.
    const [first] = await requestsFor(a.user.id);
    const old = new Date(Date.now() - 91 * 86_400_000);
    await sql`update reference_requests set created_at = ${old}, delivered_at = ${old} where id = ${first.id}`.execute(
      handle.db,
    );
    expect((await ask(p.c, a.user.handle)).status).toBe(204);
  });

  it("past the monthly cap suggests similar advocates, or queues the request until there is room", async () => {
    const industry = `Shipping ${uniqueSuffix()}`;
    const busy = await advocate({ industry, expertise: ["dashboards", "sql"] });
    const similar = await advocate({ industry, expertise: ["dashboards"] });
    await advocate({ expertise: ["kubernetes"] });
    await setMonthlyCap(contextFor(handle.db, busy.user), { cap: 1 });
    const p1 = await person("prospect");
    const p2 = await person("prospect");
    expect((await ask(p1.c, busy.user.handle)).status).toBe(204);

    const full = await ask(p2.c, busy.user.handle);
    expect(full.status).toBe(409);
    const body = await full.json();
    expect(body.formError).toMatch(/reached the number of conversations/);
    expect(body.suggestions.map((s: { handle: string }) => s.handle)).toEqual([
      similar.user.handle,
    ]);
    expect(await requestsFor(busy.user.id)).toHaveLength(1);

    const queued = await ask(p2.c, busy.user.handle, { whenFull: "queue" });
    expect(queued.status).toBe(204);
    const rows = await requestsFor(busy.user.id);
    expect(rows.map((r) => r.status)).toEqual(["pending", "queued"]);
    expect(rows[1].delivered_at).toBeNull();
    // A queued request does not reach the advocate's list yet.
    const mine = await (await busy.c.get("/references?_data=routes%2Freferences._index")).json();
    expect(mine.asked).toHaveLength(1);

    // Raising the cap delivers it.
    expect((await busy.c.post("/settings/references", { monthlyCap: "2" })).status).toBe(302);
    expect((await requestsFor(busy.user.id)).map((r) => r.status)).toEqual(["pending", "pending"]);
  });

  /** An advocate taking one conversation a month, with one request delivered and one waiting. */
  async function oneDeliveredOneWaiting(now: Date) {
    const a = await advocate();
    await setMonthlyCap(contextFor(handle.db, a.user), { cap: 1 });
    for (const [topic, whenFull] of [
      ["One", "suggest"],
      ["Two", "queue"],
    ] as const) {
      const p = await person("prospect");
      await requestReference(contextFor(handle.db, p.user, { now }), {
        advocateId: a.user.id,
        prospectId: p.user.id,
        topic,
        context: "",
        preferredTimes: "",
        whenFull,
      });
    }
    return a;
  }
  const monthAfter = (now: Date) =>
    new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + 1, 2));

  it("delivers queued requests when a new month makes room", async () => {
    const manager = await person("manager");
    const now = new Date();
    await oneDeliveredOneWaiting(now);
    const deliverAllQueued = (at: Date) =>
      deliverWaitingRequests(contextFor(handle.db, manager.user, { now: at }), {});
    expect(await deliverAllQueued(now)).toEqual([]);
    const delivered = await deliverAllQueued(monthAfter(now));
    expect(delivered.map((d) => d.topic)).toEqual(["Two"]);
  });

  it("delivers them on its own in the hourly sweep once the month turns, and tells the advocate", async () => {
    const now = new Date();
    const a = await oneDeliveredOneWaiting(now);
    const logger = pino({ level: "silent" });
    // Other tests' waiting requests may go out in the same sweep: only this advocate's are checked.
    await runSweeps(handle.db, server.realtime.publisher, logger, now);
    expect((await requestsFor(a.user.id)).map((r) => r.status)).toEqual(["pending", "queued"]);
    const { socket, toasts } = await socketFor(a.c);
    const told = new Promise<{ kind: string; url: string }>((resolve) =>
      socket.once("notification:new", resolve),
    );
    await runSweeps(handle.db, server.realtime.publisher, logger, monthAfter(now));
    const rows = await requestsFor(a.user.id);
    expect(rows.map((r) => r.status)).toEqual(["pending", "pending"]);
    expect(await told).toMatchObject({ kind: "notice", url: `/references/${rows[1].id}` });
    expect(toasts.map((t) => t.title)).toContain("Someone would like to talk with you");
    const audit = await handle.db
      .selectFrom("audit_log")
      .select(["actor_id", "subject_id"])
      .where("action", "=", "reference.queue_delivered")
      .orderBy("id", "desc")
      .executeTakeFirstOrThrow();
    expect(audit.actor_id).toBeNull();
    expect(audit.subject_id.split(",")).toContain(String(rows[1].id));
    socket.close();
  });

  it("the cap setting refuses nonsense", async () => {
    const a = await advocate();
    const res = await a.c.post("/settings/references?_data=routes%2Fsettings.references", {
      monthlyCap: "50",
    });
    expect(res.status).toBe(400);
    expect((await res.json()).fieldErrors.monthlyCap).toMatch(/At most 20/);
  });
});

describe("managers and references", () => {
  it("see every request with its state and age, can ask on a prospect's behalf and reassign", async () => {
    const manager = await person("manager");
    const a = await advocate();
    const b = await advocate();
    const p = await person("prospect");
    const res = await manager.c.post("/manage/references/new", {
      prospect: p.user.email,
      advocate: a.user.handle,
      topic: "Security review questions",
      context: "",
      preferredTimes: "",
    });
    expect(res.status).toBe(302);
    const [request] = await requestsFor(a.user.id);
    expect(request).toMatchObject({
      prospect_id: p.user.id,
      requested_by: manager.user.id,
      status: "pending",
    });

    const list = await (
      await manager.c.get(
        "/manage/references?status=pending&_data=routes%2Fmanage.references._index",
      )
    ).json();
    const row = list.rows.find((r: { id: number }) => r.id === request.id);
    expect(row).toMatchObject({ status: "pending", advocate_handle: a.user.handle });

    const moved = await manager.c.post("/manage/references?index", {
      intent: "reassign",
      requestId: String(request.id),
      advocate: b.user.handle,
    });
    expect(moved.status).toBe(302);
    expect((await requestRow(request.id)).advocate_id).toBe(b.user.id);

    const cancelled = await manager.c.post("/manage/references?index", {
      intent: "cancel",
      requestId: String(request.id),
      reason: "Prospect found an answer",
    });
    expect(cancelled.status).toBe(302);
    expect((await requestRow(request.id)).status).toBe("cancelled");
  });

  it("keeps the manager pages and on-behalf requests from everyone else", async () => {
    const a = await advocate();
    for (const role of ["advocate", "prospect"] as const) {
      const other = await person(role);
      expect((await other.c.get("/manage/references")).status).toBe(403);
      const res = await other.c.post("/manage/references/new", {
        prospect: other.user.email,
        advocate: a.user.handle,
        topic: "Sneaky",
      });
      expect(res.status).toBe(403);
    }
    expect(await requestsFor(a.user.id)).toEqual([]);
    const anonymous = await client().post(`/references/new?advocate=${a.user.handle}`, {
      topic: "Hello there",
    });
    expect(anonymous.status).toBe(302);
    expect(anonymous.headers.get("location")).toMatch(/^\/login/);
    expect(await requestsFor(a.user.id)).toEqual([]);
  });
});
