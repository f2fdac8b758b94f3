import type { Socket } from "socket.io-client";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { contextFor } from "../../app/modules/commands/command.server.ts";
import type { DbHandle } from "../../db/client.ts";
import { seedTierCatalogue } from "../../db/seed/tiers.ts";
import { loadViewer } from "../../app/modules/viewer/viewer.server.ts";
import {
  announcePoints,
  awardPoints,
  reversePoints,
} from "../../app/modules/reputation/ledger.server.ts";
import { lapseExpiredAwards } from "../../app/modules/tiers/award-sweeps.server.ts";
import { grantTier } from "../../app/modules/tiers/awards.server.ts";
import { effectiveTier } from "../../app/modules/tiers/standing.server.ts";
import { createTestDb } from "../support/db.ts";
import { insertUser, TEST_PASSWORD, uniqueSuffix } from "../support/factories.ts";
import { startTestServer, TestClient, type TestServer } from "../support/server.ts";
import { closeSockets, socketFor } from "../support/sockets.ts";

// Tiers end to end against a real database and the real server: automatic
// tiers through the ledger, awards with history and live notices, nominations,
// the renewal review, the catalogue, and early-access content with its NDA.

let handle: DbHandle;
let server: TestServer;
let manager: Awaited<ReturnType<typeof insertUser>>;
let admin: Awaited<ReturnType<typeof insertUser>>;
let managerClient: TestClient;
let adminClient: TestClient;
const tierIds: Record<string, number> = {};
const DAY = 86_400_000;

let ip = 0;
async function signIn(email: string) {
  const c = new TestClient(server.url, {
    "X-Forwarded-For": `10.9.${Math.floor(ip / 250)}.${ip++ % 250}`,
  });
  const res = await c.post("/login?_data=routes%2Flogin", { email, password: TEST_PASSWORD });
  expect(res.status).toBe(204);
  return c;
}

async function advocate() {
  const user = await insertUser(handle.db, { role: "advocate" });
  return { user, client: await signIn(user.email) };
}

const count = async (
  table: "tier_awards" | "tier_history" | "tier_nominations" | "early_access_items",
) =>
  Number(
    (
      await handle.db
        .selectFrom(table)
        .select((eb) => eb.fn.countAll<number>().as("n"))
        .executeTakeFirstOrThrow()
    ).n,
  );

let key = 0;
async function points(userId: number, amount: number) {
  return awardPoints(handle.db, {
    userId,
    rule: "manual_adjustment",
    source: { type: "test", id: `${userId}-${key}` },
    idempotencyKey: `tiers-test-${uniqueSuffix()}-${key++}`,
    awardedBy: manager.id,
    reason: "Test adjustment",
    amount,
  });
}

const rankOf = async (user: { id: number; role: "prospect" | "advocate" | "manager" | "admin" }) =>
  (await loadViewer(handle.db, user))?.tierRank;

const nextEvent = (s: Socket, event: string) =>
  new Promise<any>((resolve) => s.once(event, (payload: unknown) => resolve(payload)));

const day = (offset: number) => new Date(Date.now() + offset * DAY).toISOString().slice(0, 10);

beforeAll(async () => {
  handle = await createTestDb();
  await seedTierCatalogue(handle.db);
  for (const t of await handle.db.selectFrom("tiers").select(["id", "slug"]).execute())
    tierIds[t.slug] = t.id;
  server = await startTestServer(handle);
  manager = await insertUser(handle.db, { role: "manager" });
  admin = await insertUser(handle.db, { role: "admin" });
  managerClient = await signIn(manager.email);
  adminClient = await signIn(admin.email);
});
afterEach(closeSockets);
afterAll(async () => {
  await server.close();
  await handle.close();
});

describe("automatic tiers follow reputation with hysteresis", () => {
  it("reaches Contributor at 100, keeps it down to 90 and loses it below, with history", async () => {
    const { user } = await advocate();
    expect(await rankOf(user)).toBe(1);
    await points(user.id, 99);
    expect(await rankOf(user)).toBe(1);
    await points(user.id, 1);
    expect(await rankOf(user)).toBe(2);
    await points(user.id, -10); // 90: still kept
    expect(await rankOf(user)).toBe(2);
    await points(user.id, -1); // 89: lost
    expect(await rankOf(user)).toBe(1);
    await points(user.id, 5); // 94: not reached again below the threshold
    expect(await rankOf(user)).toBe(1);
    const history = await handle.db
      .selectFrom("tier_history")
      .select(["change", "tier_id"])
      .where("user_id", "=", user.id)
      .orderBy("id")
      .execute();
    expect(history).toEqual([
      { change: "reached", tier_id: tierIds.contributor },
      { change: "lost", tier_id: tierIds.contributor },
    ]);
  });

  it("tells the advocate live when points move them into a tier and when a reversal takes it away", async () => {
    const { user, client } = await advocate();
    await points(user.id, 85);
    const socket = await socketFor(server.url, client);
    const reached = nextEvent(socket, "tier:changed");
    const award = await awardPoints(handle.db, {
      userId: user.id,
      rule: "manual_adjustment",
      source: { type: "test", id: `live-${user.id}` },
      idempotencyKey: `tiers-live-${uniqueSuffix()}`,
      awardedBy: manager.id,
      reason: "Helped at the meetup",
      amount: 20,
    });
    announcePoints(server.realtime.publisher, [award]);
    expect(await reached).toEqual({ title: "You reached Contributor" });

    const lost = nextEvent(socket, "tier:changed");
    const reversal = await reversePoints(handle.db, {
      idempotencyKey: award!.idempotencyKey,
      reason: "Counted twice",
      reversedBy: manager.id,
    });
    // Back to 85: below 90 % of the threshold, so the tier goes.
    announcePoints(server.realtime.publisher, [reversal]);
    expect(await lost).toEqual({ title: "You are no longer Contributor" });
    expect(await rankOf(user)).toBe(1);
  });

  it("makes a Champion only with a verified talk, and a reversed talk takes it away", async () => {
    const { user } = await advocate();
    await points(user.id, 500);
    await points(user.id, 300);
    expect(await rankOf(user)).toBe(2);
    const talkKey = `talk:${uniqueSuffix()}`;
    await awardPoints(handle.db, {
      userId: user.id,
      rule: "talk_conference",
      source: { type: "talk", id: talkKey },
      idempotencyKey: talkKey,
      awardedBy: manager.id,
    });
    expect(await rankOf(user)).toBe(3);
    const standing = await effectiveTier(handle.db, user.id);
    expect(standing).toMatchObject({ source: "automatic", tier: { slug: "champion" } });
    await reversePoints(handle.db, {
      idempotencyKey: talkKey,
      reason: "The talk was cancelled",
      reversedBy: manager.id,
    });
    expect(await rankOf(user)).toBe(2);
  });

  it("gives prospects no tier, whatever their points", async () => {
    const prospect = await insertUser(handle.db, { role: "prospect" });
    await points(prospect.id, 200);
    expect(await rankOf(prospect)).toBe(0);
    expect(await effectiveTier(handle.db, prospect.id)).toBeNull();
  });

  it("shows the way to the next tier in settings", async () => {
    const { user, client } = await advocate();
    await points(user.id, 500);
    await points(user.id, 120);
    const res = await client.get("/settings/tier?_data=routes%2Fsettings.tier");
    expect(res.status).toBe(200);
    const data = await res.json();
    expect(data.overview.current.tier.name).toBe("Contributor");
    expect(data.overview.next.text).toBe(
      "620 / 750 reputation; 1 verified talk or case study still needed",
    );
    expect(data.history.map((h: { change: string }) => h.change)).toEqual(["reached"]);
  });
});

describe("awards", () => {
  const grant = (fields: Record<string, string>, client = managerClient) =>
    client.post("/manage/tiers?index&_data=routes%2Fmanage.tiers._index", {
      intent: "grant",
      tierId: String(tierIds.mvp),
      termStart: day(0),
      termEnd: day(365),
      reason: "A year of answers and two conference talks.",
      ...fields,
    });

  it("grants MVP in one transaction with history and audit, and tells the advocate live", async () => {
    const { user, client } = await advocate();
    const socket = await socketFor(server.url, client);
    const toast = nextEvent(socket, "toast");
    const res = await grant({ handle: user.handle });
    expect(res.status).toBe(204);
    expect(res.headers.get("x-remix-redirect")).toBe("/manage/tiers");
    expect(await toast).toMatchObject({ kind: "success", title: "You are now an MVP" });
    expect(await rankOf(user)).toBe(4);
    const award = await handle.db
      .selectFrom("tier_awards")
      .selectAll()
      .where("user_id", "=", user.id)
      .executeTakeFirstOrThrow();
    expect(award).toMatchObject({ status: "active", granted_by: manager.id });
    const history = await handle.db
      .selectFrom("tier_history")
      .selectAll()
      .where("award_id", "=", award.id)
      .execute();
    expect(history).toHaveLength(1);
    expect(history[0]).toMatchObject({
      change: "granted",
      actor_id: manager.id,
      reason: "A year of answers and two conference talks.",
    });
    const audit = await handle.db
      .selectFrom("audit_log")
      .select(["action", "reason"])
      .where("subject_id", "=", String(user.id))
      .where("action", "=", "tier.granted")
      .execute();
    expect(audit).toHaveLength(1);
    // The profile shows the badge and the term.
    const profile = await (await fetch(`${server.url}/u/${user.handle}`)).text();
    expect(profile).toContain('data-testid="tier-badge"');
    expect(profile).toContain("MVP");
    // A second grant of the same tier is a conflict.
    const again = await grant({ handle: user.handle });
    expect(again.status).toBe(409);
  });

  it("refuses bad input with a clear message and writes nothing", async () => {
    const prospect = await insertUser(handle.db, { role: "prospect" });
    const { user } = await advocate();
    const before = { awards: await count("tier_awards"), history: await count("tier_history") };

    const toProspect = await grant({ handle: prospect.handle });
    expect(toProspect.status).toBe(409);
    expect((await toProspect.json()).fieldErrors.handle).toMatch(/prospect/);

    const backwards = await grant({ handle: user.handle, termStart: day(10), termEnd: day(5) });
    expect(backwards.status).toBe(400);
    expect((await backwards.json()).fieldErrors.termEnd).toMatch(/end after it starts/);

    const noReason = await grant({ handle: user.handle, reason: "  " });
    expect(noReason.status).toBe(400);
    expect((await noReason.json()).fieldErrors.reason).toBeTruthy();

    const automatic = await grant({ handle: user.handle, tierId: String(tierIds.champion) });
    expect(automatic.status).toBe(400);
    expect((await automatic.json()).fieldErrors.tierId).toMatch(/follows reputation/);

    const nobody = await grant({ handle: `nobody-${uniqueSuffix()}` });
    expect(nobody.status).toBe(404);

    const byAdvocate = await grant({ handle: user.handle }, (await advocate()).client);
    expect(byAdvocate.status).toBe(403);

    expect(await count("tier_awards")).toBe(before.awards);
    expect(await count("tier_history")).toBe(before.history);
  });

  it("renews and revokes with reasons; a revoked award stops counting at once", async () => {
    const { user, client } = await advocate();
    expect((await grant({ handle: user.handle })).status).toBe(204);
    const award = await handle.db
      .selectFrom("tier_awards")
      .selectAll()
      .where("user_id", "=", user.id)
      .executeTakeFirstOrThrow();
    const socket = await socketFor(server.url, client);

    const renewed = nextEvent(socket, "toast");
    const renew = await managerClient.post(
      "/manage/tiers?index&_data=routes%2Fmanage.tiers._index",
      {
        intent: "renew",
        awardId: String(award.id),
        termStart: day(365),
        termEnd: day(730),
        reason: "Renewed for another year of talks.",
      },
    );
    expect(renew.status).toBe(204);
    expect(await renewed).toMatchObject({ title: "Your MVP award is renewed" });
    const after = await handle.db
      .selectFrom("tier_awards")
      .selectAll()
      .where("id", "=", award.id)
      .executeTakeFirstOrThrow();
    expect(after.renewals).toBe(1);
    expect(new Date(after.term_end).toISOString().slice(0, 10)).toBe(day(730));

    const noReason = await managerClient.post(
      "/manage/tiers?index&_data=routes%2Fmanage.tiers._index",
      { intent: "revoke", awardId: String(award.id), reason: "" },
    );
    expect(noReason.status).toBe(400);
    expect(await rankOf(user)).toBe(4);

    const revoked = nextEvent(socket, "toast");
    const revoke = await managerClient.post(
      "/manage/tiers?index&_data=routes%2Fmanage.tiers._index",
      { intent: "revoke", awardId: String(award.id), reason: "Asked to step back this year." },
    );
    expect(revoke.status).toBe(204);
    expect(await revoked).toMatchObject({ title: "Your MVP award was revoked" });
    expect(await rankOf(user)).toBe(1);
    const twice = await managerClient.post(
      "/manage/tiers?index&_data=routes%2Fmanage.tiers._index",
      { intent: "revoke", awardId: String(award.id), reason: "Again." },
    );
    expect(twice.status).toBe(409);
    const changes = await handle.db
      .selectFrom("tier_history")
      .select("change")
      .where("award_id", "=", award.id)
      .orderBy("id")
      .execute();
    expect(changes.map((c) => c.change)).toEqual(["granted", "renewed", "revoked"]);
  });

  it("ignores an expired award at read time, and the sweep lapses it once with history", async () => {
    const { user } = await advocate();
    const { awardId } = await grantTier(
      contextFor(handle.db, { id: manager.id, role: "manager" }),
      {
        userId: user.id,
        tierId: tierIds.mvp,
        reason: "Last year's award",
        termStart: new Date(Date.now() - 400 * DAY),
        termEnd: new Date(Date.now() - 35 * DAY),
      },
    );
    expect(await rankOf(user)).toBe(1);
    expect((await effectiveTier(handle.db, user.id))?.tier.slug).toBe("member");
    const notices = await lapseExpiredAwards(contextFor(handle.db, null), {});
    expect(notices.map((n) => n.userId)).toContain(user.id);
    expect(await lapseExpiredAwards(contextFor(handle.db, null), {})).toEqual([]);
    const rows = await handle.db
      .selectFrom("tier_history")
      .select("change")
      .where("award_id", "=", awardId)
      .orderBy("id")
      .execute();
    expect(rows.map((r) => r.change)).toEqual(["granted", "lapsed"]);
    const award = await handle.db
      .selectFrom("tier_awards")
      .select("status")
      .where("id", "=", awardId)
      .executeTakeFirstOrThrow();
    expect(award.status).toBe("lapsed");
  });

  it("lists awards ending within 60 days with the advocate's contributions of the last year", async () => {
    const soon = await advocate();
    const later = await advocate();
    const talkKey = `talk:${uniqueSuffix()}`;
    await awardPoints(handle.db, {
      userId: soon.user.id,
      rule: "talk_webinar",
      source: { type: "talk", id: talkKey },
      idempotencyKey: talkKey,
      awardedBy: manager.id,
    });
    await awardPoints(handle.db, {
      userId: soon.user.id,
      rule: "answer_accepted",
      source: { type: "post", id: uniqueSuffix() },
      idempotencyKey: `accept:${uniqueSuffix()}`,
      awardedBy: null,
    });
    const actor = { id: manager.id, role: "manager" as const };
    await grantTier(contextFor(handle.db, actor), {
      userId: soon.user.id,
      tierId: tierIds.mvp,
      reason: "Award ending soon",
      termStart: new Date(Date.now() - 330 * DAY),
      termEnd: new Date(Date.now() + 30 * DAY),
    });
    await grantTier(contextFor(handle.db, actor), {
      userId: later.user.id,
      tierId: tierIds.mvp,
      reason: "Award ending later",
      termStart: new Date(Date.now() - 200 * DAY),
      termEnd: new Date(Date.now() + 160 * DAY),
    });
    const res = await managerClient.get(
      "/manage/tiers/renewals?_data=routes%2Fmanage.tiers.renewals",
    );
    expect(res.status).toBe(200);
    const { candidates } = await res.json();
    const handles = candidates.map((c: { handle: string }) => c.handle);
    expect(handles).toContain(soon.user.handle);
    expect(handles).not.toContain(later.user.handle);
    const mine = candidates.find((c: { handle: string }) => c.handle === soon.user.handle);
    expect(mine.daysLeft).toBe(30);
    expect(mine.contributions).toEqual({
      points: { total: 65, help: 15, speaking: 50, stories: 0, community: 0 },
      talks: 1,
      stories: 0,
      acceptedAnswers: 1,
    });
    const advocateView = await soon.client.get(
      "/manage/tiers/renewals?_data=routes%2Fmanage.tiers.renewals",
    );
    expect(advocateView.status).toBe(403);
  });
});

describe("nominations", () => {
  const nominate = (client: TestClient, fields: Record<string, string>) =>
    client.post("/nominate?_data=routes%2Fnominate", {
      tierId: String(tierIds.mvp),
      reason: "Answers every pipelines question within a day and ran two meetups.",
      evidence: "https://example.com/talk\nhttps://example.com/thread",
      ...fields,
    });

  it("lets a peer nominate once; the queue decides and the nominee is told", async () => {
    const nominator = await advocate();
    const nominee = await advocate();
    const first = await nominate(nominator.client, { handle: nominee.user.handle });
    expect(first.status).toBe(204);
    const before = await count("tier_nominations");

    const duplicate = await nominate((await advocate()).client, { handle: nominee.user.handle });
    expect(duplicate.status).toBe(409);
    expect((await duplicate.json()).formError).toMatch(/already nominated/);
    const self = await nominate(nominator.client, { handle: nominator.user.handle });
    expect(self.status).toBe(400);
    const prospect = await insertUser(handle.db, { role: "prospect" });
    const ofProspect = await nominate(nominator.client, { handle: prospect.handle });
    expect(ofProspect.status).toBe(409);
    const prospectClient = await signIn(prospect.email);
    expect((await nominate(prospectClient, { handle: nominee.user.handle })).status).toBe(403);
    const badLink = await nominate(nominator.client, {
      handle: nominee.user.handle,
      evidence: "javascript:alert(1)",
    });
    expect(badLink.status).toBe(400);
    expect(await count("tier_nominations")).toBe(before);

    const queue = await (
      await managerClient.get("/manage/tiers/nominations?_data=routes%2Fmanage.tiers.nominations")
    ).json();
    const row = queue.rows.find(
      (r: { nomineeHandle: string }) => r.nomineeHandle === nominee.user.handle,
    );
    expect(row.evidenceLinks).toEqual(["https://example.com/talk", "https://example.com/thread"]);

    const socket = await socketFor(server.url, nominee.client);
    const told = nextEvent(socket, "toast");
    const noReason = await managerClient.post(
      "/manage/tiers/nominations?_data=routes%2Fmanage.tiers.nominations",
      { nominationId: String(row.id), decision: "accept", reason: "" },
    );
    expect(noReason.status).toBe(400);
    const accept = await managerClient.post(
      "/manage/tiers/nominations?_data=routes%2Fmanage.tiers.nominations",
      { nominationId: String(row.id), decision: "accept", reason: "Welcome to the MVPs." },
    );
    expect(accept.status).toBe(204);
    expect(await told).toMatchObject({ title: "You are now an MVP" });
    expect(await rankOf(nominee.user)).toBe(4);
    const twice = await managerClient.post(
      "/manage/tiers/nominations?_data=routes%2Fmanage.tiers.nominations",
      { nominationId: String(row.id), decision: "decline", reason: "Changed my mind." },
    );
    expect(twice.status).toBe(409);

    // Once decided, the same nominee can be nominated again for another term later.
    const stored = await handle.db
      .selectFrom("tier_nominations")
      .select(["status", "award_id", "decision_reason"])
      .where("id", "=", row.id)
      .executeTakeFirstOrThrow();
    expect(stored.status).toBe("accepted");
    expect(stored.award_id).not.toBeNull();
  });

  it("tells the nominee when a nomination is declined", async () => {
    const nominator = await advocate();
    const nominee = await advocate();
    expect((await nominate(nominator.client, { handle: nominee.user.handle })).status).toBe(204);
    const nomination = await handle.db
      .selectFrom("tier_nominations")
      .select("id")
      .where("nominee_id", "=", nominee.user.id)
      .executeTakeFirstOrThrow();
    const socket = await socketFor(server.url, nominee.client);
    const told = nextEvent(socket, "toast");
    const decline = await managerClient.post(
      "/manage/tiers/nominations?_data=routes%2Fmanage.tiers.nominations",
      {
        nominationId: String(nomination.id),
        decision: "decline",
        reason: "Next year, with a talk.",
      },
    );
    expect(decline.status).toBe(204);
    expect(await told).toMatchObject({ description: "Not this time: Next year, with a talk." });
    expect(await rankOf(nominee.user)).toBe(1);
  });
});

describe("the tier catalogue", () => {
  it("is for admins; moving a threshold moves people at once", async () => {
    const { user } = await advocate();
    await points(user.id, 60);
    expect(await rankOf(user)).toBe(1);
    const edit = {
      intent: "update",
      tierId: String(tierIds.contributor),
      name: "Contributor",
      rank: "2",
      kind: "automatic",
      description: "Members whose help has started to count.",
      colour: "teal",
      icon: "leaf",
      reputationThreshold: "50",
      termMonths: "",
      unlocks: "Early releases",
      ndaTerms: "Keep it to yourself.",
    };
    const byManager = await managerClient.post(
      "/manage/tiers/catalogue?_data=routes%2Fmanage.tiers.catalogue",
      edit,
    );
    expect(byManager.status).toBe(403);
    const noThreshold = await adminClient.post(
      "/manage/tiers/catalogue?_data=routes%2Fmanage.tiers.catalogue",
      { ...edit, reputationThreshold: "" },
    );
    expect(noThreshold.status).toBe(400);
    expect((await noThreshold.json()).fieldErrors.reputationThreshold).toBeTruthy();
    const takenRank = await adminClient.post(
      "/manage/tiers/catalogue?_data=routes%2Fmanage.tiers.catalogue",
      { ...edit, rank: "4" },
    );
    expect(takenRank.status).toBe(409);
    const ok = await adminClient.post(
      "/manage/tiers/catalogue?_data=routes%2Fmanage.tiers.catalogue",
      edit,
    );
    expect(ok.status).toBe(204);
    expect(await rankOf(user)).toBe(2);
    // A reconcile restores what reputation gives, whatever happened to the stored tier.
    await handle.db.deleteFrom("tier_automatic_holdings").where("user_id", "=", user.id).execute();
    expect(await rankOf(user)).toBe(1);
    const byManagerReconcile = await managerClient.post(
      "/manage/tiers/catalogue?_data=routes%2Fmanage.tiers.catalogue",
      { intent: "reconcile" },
    );
    expect(byManagerReconcile.status).toBe(403);
    const reconcile = await adminClient.post(
      "/manage/tiers/catalogue?_data=routes%2Fmanage.tiers.catalogue",
      { intent: "reconcile" },
    );
    expect(reconcile.status).toBe(204);
    expect(await rankOf(user)).toBe(2);
    // Put the catalogue back for the other tests.
    const restore = await adminClient.post(
      "/manage/tiers/catalogue?_data=routes%2Fmanage.tiers.catalogue",
      { ...edit, reputationThreshold: "100" },
    );
    expect(restore.status).toBe(204);
  });
});

describe("early-access content", () => {
  const itemFields = (overrides: Record<string, string> = {}) => ({
    intent: "save",
    title: `Pipelines preview ${uniqueSuffix()}`,
    teaser: "An early pipelines build",
    summary: "Incremental backfills, early.",
    body: "Try **incremental** backfills.",
    kind: "release",
    downloadUrl: "",
    recordingUrl: "",
    publicAt: "",
    [`opens-${tierIds.mvp}`]: day(-1),
    [`opens-${tierIds.champion}`]: day(7),
    [`opens-${tierIds.contributor}`]: "",
    [`opens-${tierIds.member}`]: "",
    ...overrides,
  });
  const create = (fields: Record<string, string>) =>
    managerClient.post("/manage/early-access/new?_data=routes%2Fmanage.early-access.new", fields);

  it("refuses an item without a title, or a cascade that opens a lower tier first, writing nothing", async () => {
    const before = await count("early_access_items");
    const untitled = await create(itemFields({ title: "" }));
    expect(untitled.status).toBe(400);
    expect((await untitled.json()).fieldErrors.title).toMatch(/title/);
    const inverted = await create(
      itemFields({ [`opens-${tierIds.mvp}`]: day(14), [`opens-${tierIds.champion}`]: day(0) }),
    );
    expect(inverted.status).toBe(400);
    expect((await inverted.json()).fieldErrors[`opens-${tierIds.champion}`]).toMatch(
      /Champions cannot read it before MVPs/,
    );
    const afterPublic = await create(
      itemFields({ [`opens-${tierIds.contributor}`]: day(30), publicAt: day(20) }),
    );
    expect(afterPublic.status).toBe(400);
    const nobody = await create(
      itemFields({ [`opens-${tierIds.mvp}`]: "", [`opens-${tierIds.champion}`]: "" }),
    );
    expect(nobody.status).toBe(400);
    const byAdvocate = await (
      await advocate()
    ).client.post("/manage/early-access/new?_data=routes%2Fmanage.early-access.new", itemFields());
    expect(byAdvocate.status).toBe(403);
    expect(await count("early_access_items")).toBe(before);
  });

  it("keeps drafts to the team, asks for the NDA once, logs each open, and opens on dates at read time", async () => {
    const fields = itemFields({ requiresNda: "on" });
    const created = await create(fields);
    expect(created.status).toBe(204);
    const item = await handle.db
      .selectFrom("early_access_items")
      .selectAll()
      .where("title", "=", fields.title)
      .executeTakeFirstOrThrow();
    expect(item.status).toBe("draft");
    expect(item.body_html).toContain("<strong>incremental</strong>");
    const path = `/early-access/${item.slug}?_data=routes%2Fearly-access.%24slug`;

    // An MVP cannot see a draft at all.
    const mvp = await advocate();
    await grantTier(contextFor(handle.db, { id: manager.id, role: "manager" }), {
      userId: mvp.user.id,
      tierId: tierIds.mvp,
      reason: "Test MVP",
      termStart: new Date(Date.now() - DAY),
      termEnd: new Date(Date.now() + 300 * DAY),
    });
    expect((await mvp.client.get(path)).status).toBe(404);

    const publish = await managerClient.post(
      `/manage/early-access/${item.id}?_data=routes%2Fmanage.early-access.%24id`,
      { intent: "publish" },
    );
    expect(publish.status).toBe(204);

    // The NDA first: the terms and the teaser, never the title or the body.
    const nda = await mvp.client.get(path);
    expect(nda.status).toBe(200);
    const ndaText = await nda.text();
    expect(JSON.parse(ndaText).view.state).toBe("nda");
    expect(ndaText).not.toContain(fields.title);
    expect(ndaText).not.toContain("incremental");
    const ack = await mvp.client.post(`/early-access/${item.slug}`, { intent: "acknowledge" });
    expect(ack.status).toBe(302);
    const read = await (await mvp.client.get(path)).json();
    expect(read.view.state).toBe("read");
    expect(read.view.item.title).toBe(fields.title);
    expect(read.view.item.bodyHtml).toContain("incremental");
    const acks = await handle.db
      .selectFrom("early_access_nda_acks")
      .selectAll()
      .where("user_id", "=", mvp.user.id)
      .execute();
    expect(acks).toHaveLength(1);
    expect(acks[0].tier_id).toBe(tierIds.mvp);

    // A Champion sees only the teaser until their date passes; no deploy needed.
    const champion = await advocate();
    await handle.db
      .insertInto("tier_automatic_holdings")
      .values({ user_id: champion.user.id, tier_id: tierIds.champion, since: new Date() })
      .execute();
    const teaser = await champion.client.get(path);
    expect(teaser.status).toBe(403);
    const teaserText = await teaser.text();
    expect(JSON.parse(teaserText).teaser.hint).toMatch(
      /^Champions and above — available to you on/,
    );
    expect(teaserText).not.toContain(fields.title);
    await handle.db
      .updateTable("early_access_releases")
      .set({ opens_at: new Date(Date.now() - 60_000) })
      .where("item_id", "=", item.id)
      .where("tier_id", "=", tierIds.champion)
      .execute();
    const nowNda = await (await champion.client.get(path)).json();
    expect(nowNda.view.state).toBe("nda");
    expect(nowNda.view.terms.tierName).toBe("Champion");

    // A change to the MVP terms asks the MVP to acknowledge again.
    await handle.db
      .updateTable("tiers")
      .set({ nda_terms_version: 2 })
      .where("id", "=", tierIds.mvp)
      .execute();
    expect((await (await mvp.client.get(path)).json()).view.state).toBe("nda");

    // The access log shows who opened it, to managers only.
    const log = await (
      await managerClient.get(
        `/manage/early-access/log?item=${item.id}&_data=routes%2Fmanage.early-access.log`,
      )
    ).json();
    expect(log.rows.map((r: { handle: string }) => r.handle)).toEqual([mvp.user.handle]);
    expect(log.rows[0].via).toBe("tier");
    expect(
      (await mvp.client.get("/manage/early-access/log?_data=routes%2Fmanage.early-access.log"))
        .status,
    ).toBe(403);
  });
});
