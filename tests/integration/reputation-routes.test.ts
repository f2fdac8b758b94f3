import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "../../db/client.ts";
import { awardPoints } from "../../app/modules/reputation/ledger.server.ts";
import { CONFIGURABLE_RULES } from "../../app/modules/reputation/rules.ts";
import { createTestDb } from "../support/db.ts";
import { insertUser } from "../support/factories.ts";
import { signedIn, socketFor, tab, until, type RecordedSocket } from "../support/people.ts";
import { startTestServer, type TestServer } from "../support/server.ts";

// The reputation pages through the real server: charter, leaderboard,
// settings, manual awards with their live toast, and ledger downloads.

let handle: DbHandle;
let server: TestServer;
type Person = Awaited<ReturnType<typeof insertUser>>;
let admin: Person, manager: Person, alice: Person, bob: Person, shy: Person;
const sockets: RecordedSocket[] = [];

const signIn = (user: Person) => signedIn(server, user);
/** A page's HTML without React's text separators, so sentences read as on screen. */
const html = async (res: Response | Promise<Response>) =>
  (await (await res).text()).replace(/<!-- -->/g, "");

/** name → value of every input on a page. */
function inputs(page: string) {
  const out: Record<string, string> = {};
  for (const [tag] of page.matchAll(/<input[^>]*>/g)) {
    const name = /name="([^"]*)"/.exec(tag)?.[1];
    const value = /value="([^"]*)"/.exec(tag)?.[1];
    if (name && value !== undefined) out[name] = value;
  }
  return out;
}

const anon = () => tab(server);

async function give(userId: number, amount: number, reason = "Spoke at a meetup") {
  await awardPoints(handle.db, {
    userId,
    rule: "manual_adjustment",
    source: { type: "manual", id: `${userId}-${amount}` },
    idempotencyKey: `routes:${userId}:${amount}:${reason}`,
    awardedBy: manager.id,
    amount,
    area: "speaking",
    reason,
  });
}

async function ledgerCount(userId: number) {
  const row = await handle.db
    .selectFrom("reputation_ledger")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .where("user_id", "=", userId)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

beforeAll(async () => {
  handle = await createTestDb();
  server = await startTestServer(handle);
  admin = await insertUser(handle.db, { role: "admin", displayName: "Ada Admin" });
  manager = await insertUser(handle.db, { role: "manager", displayName: "Morgan Manager" });
  alice = await insertUser(handle.db, { role: "advocate", displayName: "Alice Answerer" });
  bob = await insertUser(handle.db, { role: "advocate", displayName: "Bob Builder" });
  shy = await insertUser(handle.db, { role: "advocate", displayName: "Shy Sharer" });
  await give(alice.id, 120, "Spoke at Northwind Summit 2025 keynote panel");
  await give(bob.id, 10);
  await give(shy.id, 60);
  await awardPoints(handle.db, {
    userId: manager.id,
    rule: "manual_adjustment",
    source: { type: "manual", id: "staff" },
    idempotencyKey: "routes:staff",
    awardedBy: admin.id,
    amount: 400,
    reason: "Staff points",
  });
  await handle.db
    .updateTable("profiles")
    .set({ leaderboard_opt_out: true })
    .where("user_id", "=", shy.id)
    .execute();
});
afterAll(async () => {
  for (const s of sockets) s.socket.close();
  await server.close();
  await handle.close();
});

describe("/reputation", () => {
  it("explains the charter and the current rule values to everyone", async () => {
    const res = await anon().get("/reputation");
    expect(res.status).toBe(200);
    const page = await html(res);
    expect(page).toContain("cannot be traded");
    expect(page).toMatch(/A peer upvotes your reply\.<\/td><td[^>]*>\+5</);
    expect(page).toContain("Problem Solver");
    expect(page).toContain("Champion");
  });

  it("shows a signed-in member how far they are from each privilege", async () => {
    const page = await html((await signIn(bob)).get("/reputation"));
    expect(page).toContain("You have 10 of 15 points: 5 to go.");
    expect(page).toContain("You have 10 of 1,000 points: 990 to go.");
  });
});

describe("/leaderboard", () => {
  it("ranks advocates, hides people who opted out behind 'an advocate' and leaves staff out", async () => {
    const res = await anon().get("/leaderboard");
    expect(res.status).toBe(200);
    const page = await html(res);
    expect(page).toContain("Alice Answerer");
    expect(page).toContain("Bob Builder");
    expect(page).toContain("an advocate");
    expect(page).not.toContain("Shy Sharer");
    expect(page).not.toContain("Morgan Manager");
    expect(page.indexOf("Alice Answerer")).toBeLessThan(page.indexOf("Bob Builder"));
  });

  it("pins the signed-in person's own rank, also on the per-area boards", async () => {
    const c = await signIn(bob);
    const page = await html(c.get("/leaderboard?board=speaking"));
    expect(page).toMatch(/Your place[\s\S]*#3[\s\S]*Bob Builder/);
    const none = await html(c.get("/leaderboard?board=stories"));
    expect(none).toContain("Nobody on this board yet");
    expect(none).toContain("You are not on this board yet");
  });
});

describe("/manage/reputation", () => {
  it("is for staff only; managers can read but not change the rules", async () => {
    expect((await (await signIn(alice)).get("/manage/reputation")).status).toBe(403);
    const m = await signIn(manager);
    const page = await m.get("/manage/reputation");
    expect(page.status).toBe(200);
    expect(await page.text()).toContain("Only admins change rule values");
    const res = await m.post("/manage/reputation?_data=routes%2Fmanage.reputation", {
      intent: "rules",
      reply_upvoted: "50",
    });
    expect(res.status).toBe(403);
    const stored = await handle.db
      .selectFrom("settings")
      .select("value")
      .where("key", "=", "reputation.rules")
      .executeTakeFirst();
    expect(stored).toBeUndefined();
  });

  it("lets an admin change a value with an audit record; bad values are refused field by field", async () => {
    const a = await signIn(admin);
    const all = inputs(await html(a.get("/manage/reputation")));
    const form: Record<string, string> = { intent: "rules" };
    for (const k of [
      "reply_upvoted",
      "post_upvoted",
      "answer_accepted",
      "accepted_an_answer",
      "reply_marked_helpful",
      "talk_conference",
      "talk_webinar",
      "talk_podcast",
      "talk_meetup",
      "case_study_published",
      "reference_call_completed",
      "referral_won",
      "chapter_led",
      "event_hosted",
      "event_spoke",
    ])
      form[k] = all[k];
    expect(form.reply_upvoted).toBe("5");
    const bad = await a.post("/manage/reputation?_data=routes%2Fmanage.reputation", {
      ...form,
      talk_meetup: "-3",
      referral_won: "2000",
    });
    expect(bad.status).toBe(400);
    const body = await bad.json();
    expect(Object.keys(body.fieldErrors).sort()).toEqual(["referral_won", "talk_meetup"]);
    const ok = await a.post("/manage/reputation", { ...form, talk_meetup: "35" });
    expect(ok.status).toBe(302);
    const audit = await handle.db
      .selectFrom("audit_log")
      .selectAll()
      .where("action", "=", "reputation.settings_changed")
      .execute();
    expect(audit).toHaveLength(1);
    expect(audit[0].actor_id).toBe(admin.id);
    expect(audit[0].details).toEqual({ changes: { "rules.talk_meetup": { from: 30, to: 35 } } });
    expect(await html(anon().get("/reputation"))).toMatch(/user group[^<]*<\/td><td[^>]*>\+35</);
  });

  it("refuses an emptied rule value as required, with the message beside the field, and stores nothing", async () => {
    const a = await signIn(admin);
    const all = inputs(await html(a.get("/manage/reputation")));
    const form: Record<string, string> = { intent: "rules" };
    for (const k of CONFIGURABLE_RULES) form[k] = all[k];
    expect(form.talk_podcast).toBe("50");
    const stored = () =>
      handle.db
        .selectFrom("settings")
        .select("value")
        .where("key", "=", "reputation.rules")
        .executeTakeFirst();
    const before = await stored();
    const audits = async () =>
      (await handle.db.selectFrom("audit_log").select("id").execute()).length;
    const auditsBefore = await audits();
    for (const empty of ["", "   "]) {
      const res = await a.post("/manage/reputation?_data=routes%2Fmanage.reputation", {
        ...form,
        talk_podcast: empty,
      });
      expect(res.status).toBe(400);
      const body = await res.json();
      expect(Object.keys(body.fieldErrors)).toEqual(["talk_podcast"]);
      expect(body.fieldErrors.talk_podcast).toMatch(/required/);
    }
    const page = await a.post("/manage/reputation", { ...form, talk_podcast: "" });
    expect(page.status).toBe(400);
    const text = await html(page);
    // The message stands with the podcast field, whose box is shown empty as sent.
    expect(text).toMatch(/name="talk_podcast"[^>]*value=""[\s\S]{0,600}The value is required\./);
    expect(await stored()).toEqual(before);
    expect(await audits()).toBe(auditsBefore);
  });
});

describe("manual awards", () => {
  it("refuse a missing reason or an out-of-range amount and write nothing", async () => {
    const m = await signIn(manager);
    const before = await ledgerCount(bob.id);
    const res = await m.post("/manage/reputation?_data=routes%2Fmanage.reputation", {
      intent: "award",
      token: crypto.randomUUID(),
      handle: bob.handle,
      amount: "900",
      area: "speaking",
      reason: " ",
    });
    expect(res.status).toBe(400);
    const body = await res.json();
    expect(body.fieldErrors.reason).toMatch(/Give a reason/);
    expect(body.fieldErrors.amount).toMatch(/±500/);
    const missing = await m.post("/manage/reputation?_data=routes%2Fmanage.reputation", {
      intent: "award",
      token: crypto.randomUUID(),
      handle: "nobody-here",
      amount: "10",
      area: "speaking",
      reason: "Talk",
    });
    expect(missing.status).toBe(404);
    expect((await missing.json()).fieldErrors.handle).toMatch(/Nobody has that handle/);
    expect(await ledgerCount(bob.id)).toBe(before);
    const advocate = await signIn(alice);
    const refused = await advocate.post("/manage/reputation", {
      intent: "award",
      token: crypto.randomUUID(),
      handle: bob.handle,
      amount: "10",
      area: "speaking",
      reason: "Friends",
    });
    expect(refused.status).toBe(403);
    expect(await ledgerCount(bob.id)).toBe(before);
  });

  it("reach the advocate live as a toast, land in their history, and award once per form", async () => {
    const b = await signIn(bob);
    const socket = await socketFor(server, b);
    sockets.push(socket);
    const first = (event: string) => socket.events.find((e) => e.event === event)?.payload as any;
    const m = await signIn(manager);
    const form = {
      intent: "award",
      token: crypto.randomUUID(),
      handle: bob.handle,
      amount: "40",
      area: "community",
      reason: "Reference call with a regional carrier",
    };
    const res = await m.post("/manage/reputation", form);
    expect(res.status).toBe(302);
    expect(await until(() => Boolean(first("toast") && first("user:points")))).toBe(true);
    expect(first("toast")).toMatchObject({
      kind: "success",
      title: "You earned 40 points",
      description: "Reference call with a regional carrier",
    });
    expect(first("user:points").balance).toMatchObject({ total: 50, community: 40 });
    expect((await m.post("/manage/reputation", form)).status).toBe(302);
    expect(await ledgerCount(bob.id)).toBe(2);
    const profile = await html(anon().get(`/u/${bob.handle}`));
    expect(profile).toContain("Reference call with a regional carrier");
    expect(profile).toContain("Morgan Manager");
    expect(profile).toMatch(/data-testid="reputation-total"[^>]*>50</);
  });
});

describe("ledger downloads", () => {
  it("are for the advocate and staff only", async () => {
    const own = await signIn(alice);
    const csv = await own.get(`/u/${alice.handle}/ledger.csv`);
    expect(csv.status).toBe(200);
    expect(csv.headers.get("content-type")).toMatch(/text\/csv/);
    expect(csv.headers.get("content-disposition")).toContain(
      `limelight-reputation-${alice.handle}.csv`,
    );
    const text = await csv.text();
    expect(text.split("\r\n")[0]).toBe(
      "id,created_at,amount,rule,rule_label,area,source_type,source_id,idempotency_key,awarded_by,reason,reverses_id",
    );
    expect(text).toContain(",120,manual_adjustment,");
    expect(text).toContain(manager.handle);

    const json = await (await own.get(`/u/${alice.handle}/ledger.json`)).json();
    expect(json.handle).toBe(alice.handle);
    expect(json.entries).toHaveLength(1);
    expect(json.entries[0]).toMatchObject({
      amount: 120,
      area: "speaking",
      reason: "Spoke at Northwind Summit 2025 keynote panel",
    });

    expect((await (await signIn(bob)).get(`/u/${alice.handle}/ledger.csv`)).status).toBe(403);
    expect((await (await signIn(bob)).get(`/u/${alice.handle}/ledger.json`)).status).toBe(403);
    expect((await (await signIn(manager)).get(`/u/${alice.handle}/ledger.json`)).status).toBe(200);
    const visitor = await anon().get(`/u/${alice.handle}/ledger.csv`);
    expect(visitor.status).toBe(302);
    expect(visitor.headers.get("location")).toMatch(/^\/login/);
  });
});

describe("the profile", () => {
  it("shows totals, the chart, badges and the itemised history", async () => {
    const page = await html(anon().get(`/u/${alice.handle}`));
    expect(page).toMatch(/data-testid="reputation-total"[^>]*>120</);
    expect(page).toContain("reputation over time");
    expect(page).toContain("Century");
    expect(page).toContain("“Spoke at Northwind Summit 2025 keynote panel”");
  });

  it("follows the profile's visibility: a private profile's reputation is hidden from visitors", async () => {
    await handle.db
      .updateTable("profiles")
      .set({ is_public: false })
      .where("user_id", "=", bob.id)
      .execute();
    expect((await anon().get(`/u/${bob.handle}`)).status).toBe(404);
    expect(await (await anon().get("/leaderboard")).text()).not.toContain("Bob Builder");
    expect(await (await (await signIn(alice)).get("/leaderboard")).text()).toContain("Bob Builder");
    await handle.db
      .updateTable("profiles")
      .set({ is_public: true })
      .where("user_id", "=", bob.id)
      .execute();
  });

  it("lets an advocate opt out of leaderboards from their profile settings", async () => {
    const c = await signIn(alice);
    const res = await c.post("/settings/profile", {
      displayName: "Alice Answerer",
      isPublic: "on",
      leaderboardOptOut: "on",
    });
    expect(res.status).toBe(302);
    const board = await (await anon().get("/leaderboard")).text();
    expect(board).not.toContain("Alice Answerer");
    const own = await (await c.get("/leaderboard")).text();
    expect(own).toMatch(/Your place[\s\S]*Alice Answerer/);
  });
});
