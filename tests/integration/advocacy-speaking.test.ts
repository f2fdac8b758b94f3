import { io, type Socket } from "socket.io-client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "../../db/client.ts";
import type { Role } from "../../db/schema.ts";
import { decideApplication } from "../../app/modules/advocacy/applications.server.ts";
import { createOpportunity } from "../../app/modules/advocacy/opportunities.server.ts";
import {
  addTalkEvidence,
  logTalk,
  rejectTalk,
  verifyTalk,
} from "../../app/modules/advocacy/talks.server.ts";
import { contextFor } from "../../app/modules/commands/command.server.ts";
import { OpportunitySchema } from "../../app/modules/advocacy/validation.ts";
import { createTestDb } from "../support/db.ts";
import { insertUser, TEST_PASSWORD } from "../support/factories.ts";
import { startTestServer, TestClient, type TestServer } from "../support/server.ts";

let handle: DbHandle;
let server: TestServer;

type Person = { id: number; role: Role; email: string; handle: string; displayName: string };
let manager: Person;
let otherManager: Person;
let speaker: Person;
let shy: Person;
let prospect: Person;

const DAY = 86_400_000;
/** Page HTML without React's text separators, as a reader sees the words. */
const visible = async (res: Response) => (await res.text()).replace(/<!-- -->/g, "");
const local = (date: Date) => date.toISOString().slice(0, 16);

async function person(role: Role, openToSpeaking = false): Promise<Person> {
  const user = await insertUser(handle.db, { role });
  if (openToSpeaking)
    await handle.db
      .updateTable("profiles")
      .set({ open_to_speaking: true, is_public: true })
      .where("user_id", "=", user.id)
      .execute();
  return {
    id: user.id,
    role,
    email: user.email,
    handle: user.handle,
    displayName: user.display_name,
  };
}

async function signedIn(p: Person) {
  const c = new TestClient(server.url, {
    "X-Forwarded-For": `10.9.${p.id % 250}.${(p.id * 7) % 250}`,
  });
  const res = await c.post("/login?_data=routes%2Flogin", {
    email: p.email,
    password: TEST_PASSWORD,
  });
  expect(res.status).toBe(204);
  return c;
}

function opportunityForm(overrides: Record<string, string> = {}) {
  return {
    title: "Customer keynote: dashboards dispatchers trust",
    eventName: "Midwest Supply Chain Summit",
    format: "conference",
    startsAt: local(new Date(Date.now() + 60 * DAY)),
    timeZone: "UTC",
    location: "Columbus Convention Center",
    expectedAudience: "400",
    audienceDescription: "Operations leaders",
    topic: "How you got **dispatchers and executives** to trust one number.",
    deadline: local(new Date(Date.now() + 30 * DAY)),
    ...overrides,
  };
}

async function postOpportunity(overrides: Record<string, string> = {}) {
  const input = OpportunitySchema.parse(opportunityForm(overrides));
  return createOpportunity(contextFor(handle.db, manager), input);
}

const count = async (
  table: "speaking_opportunities" | "speaking_applications" | "talks" | "reputation_ledger",
) =>
  Number(
    (
      await handle.db
        .selectFrom(table)
        .select((eb) => eb.fn.countAll<number>().as("n"))
        .executeTakeFirstOrThrow()
    ).n,
  );

async function ledgerFor(userId: number) {
  return handle.db
    .selectFrom("reputation_ledger")
    .select(["amount", "rule", "idempotency_key", "source_type", "source_id", "reverses_id"])
    .where("user_id", "=", userId)
    .orderBy("id")
    .execute();
}

async function balanceOf(userId: number) {
  const row = await handle.db
    .selectFrom("reputation_balances")
    .select(["total", "speaking"])
    .where("user_id", "=", userId)
    .executeTakeFirst();
  return row ?? { total: 0, speaking: 0 };
}

/** A browser tab's socket, signed in with the client's session cookie. */
async function socketFor(c: TestClient): Promise<{ socket: Socket; toasts: unknown[] }> {
  const toasts: unknown[] = [];
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
  for (let i = 0; i < 200 && !check(); i++) await new Promise((r) => setTimeout(r, 10));
  return check();
}

beforeAll(async () => {
  handle = await createTestDb();
  server = await startTestServer(handle);
  manager = await person("manager");
  otherManager = await person("manager", true);
  speaker = await person("advocate", true);
  shy = await person("advocate", false);
  prospect = await person("prospect");
});
afterAll(async () => {
  await server.close();
  await handle.close();
});

describe("posting opportunities", () => {
  it("lets a manager post one, shown on /speaking with the points its format earns", async () => {
    const c = await signedIn(manager);
    const res = await c.post(
      "/manage/speaking/new",
      opportunityForm({ title: "Podcast: data quality war stories", format: "podcast" }),
    );
    expect(res.status).toBe(302);
    const id = Number(res.headers.get("location")?.split("/").pop());
    const row = await handle.db
      .selectFrom("speaking_opportunities")
      .selectAll()
      .where("id", "=", id)
      .executeTakeFirstOrThrow();
    expect(row).toMatchObject({ format: "podcast", status: "open", created_by: manager.id });
    expect(row.topic_html).toContain("<strong>dispatchers and executives</strong>");
    const audit = await handle.db
      .selectFrom("audit_log")
      .select("action")
      .where("subject_type", "=", "speaking_opportunity")
      .where("subject_id", "=", String(id))
      .execute();
    expect(audit.map((a) => a.action)).toEqual(["speaking.opportunity_posted"]);

    const page = await visible(await new TestClient(server.url).get("/speaking?format=podcast"));
    expect(page).toContain("Podcast: data quality war stories");
    expect(page).toContain("+50 points when verified");
  });

  it("refuses advocates and prospects (403) and bad input (400), writing nothing", async () => {
    const before = await count("speaking_opportunities");
    for (const p of [speaker, prospect]) {
      const res = await (await signedIn(p)).post("/manage/speaking/new", opportunityForm());
      expect(res.status).toBe(403);
    }
    const managerTab = await signedIn(manager);
    const path = "/manage/speaking/new?_data=routes%2Fmanage.speaking.new";
    const bad = await managerTab.post(
      path,
      opportunityForm({ location: "", deadline: local(new Date(Date.now() + 90 * DAY)) }),
    );
    expect(bad.status).toBe(400);
    const body = await bad.json();
    expect(Object.keys(body.fieldErrors).sort()).toEqual(["deadline", "location"]);
    expect(body.fieldErrors.deadline).toMatch(/on or before the event/);
    const badFormat = await managerTab.post(path, opportunityForm({ format: "keynote" }));
    expect(badFormat.status).toBe(400);
    expect((await badFormat.json()).fieldErrors.format).toMatch(/conference, webinar/);
    expect(await count("speaking_opportunities")).toBe(before);
  });

  it("lists only open opportunities whose deadline has not passed, filtered by date", async () => {
    const closed = await postOpportunity({
      title: "Closed meetup slot",
      format: "meetup",
      status: "closed",
    });
    const late = await postOpportunity({
      title: "Deadline passed webinar",
      format: "webinar",
      deadline: local(new Date(Date.now() - DAY)),
    });
    const far = await postOpportunity({
      title: "Far future conference",
      startsAt: local(new Date(Date.now() + 300 * DAY)),
    });
    const html = await visible(await new TestClient(server.url).get("/speaking"));
    expect(html).not.toContain(closed.title);
    expect(html).not.toContain(late.title);
    expect(html).toContain(far.title);
    const to = new Date(Date.now() + 100 * DAY).toISOString().slice(0, 10);
    const filtered = await visible(await new TestClient(server.url).get(`/speaking?to=${to}`));
    expect(filtered).not.toContain(far.title);
  });
});

describe("applying", () => {
  it("takes an application from an advocate open to speaking, once", async () => {
    const opportunity = await postOpportunity();
    const c = await signedIn(speaker);
    const res = await c.post(`/speaking/${opportunity.id}`, {
      talkTitle: "40 spreadsheets to one dashboard",
      pitch: "How a regional carrier got dispatchers and executives to trust the same number.",
    });
    expect(res.status).toBe(302);
    const again = await c.post(`/speaking/${opportunity.id}?_data=routes%2Fspeaking.%24id`, {
      pitch: "A second pitch for the same slot, which should not be taken.",
    });
    expect(again.status).toBe(409);
    expect((await again.json()).formError).toMatch(/already applied/);
    const rows = await handle.db
      .selectFrom("speaking_applications")
      .selectAll()
      .where("opportunity_id", "=", opportunity.id)
      .execute();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ advocate_id: speaker.id, status: "pending" });
  });

  it("refuses a prospect (403), an advocate not open to speaking (403), a short pitch (400)", async () => {
    const opportunity = await postOpportunity();
    const before = await count("speaking_applications");
    const pitch = { pitch: "I would love to talk about our rollout of live dashboards." };
    const path = `/speaking/${opportunity.id}?_data=routes%2Fspeaking.%24id`;
    const asProspect = await (await signedIn(prospect)).post(path, pitch);
    expect(asProspect.status).toBe(403);
    expect((await asProspect.json()).formError).toMatch(/verified customers/);
    const asShy = await (await signedIn(shy)).post(path, pitch);
    expect(asShy.status).toBe(403);
    expect((await asShy.json()).formError).toMatch(/Open to speaking/);
    const short = await (await signedIn(speaker)).post(path, { pitch: "Me!" });
    expect(short.status).toBe(400);
    expect((await short.json()).fieldErrors.pitch).toMatch(/at least 20/);
    expect(await count("speaking_applications")).toBe(before);
  });

  it("refuses applications after the deadline or to a closed or missing opportunity", async () => {
    const late = await postOpportunity({ deadline: local(new Date(Date.now() - 60_000)) });
    const filled = await postOpportunity({ status: "filled" });
    const before = await count("speaking_applications");
    const c = await signedIn(speaker);
    const pitch = { pitch: "A pitch that is long enough to be a real pitch." };
    const lateRes = await c.post(`/speaking/${late.id}?_data=routes%2Fspeaking.%24id`, pitch);
    expect(lateRes.status).toBe(409);
    expect((await lateRes.json()).formError).toMatch(/deadline has passed/);
    const filledRes = await c.post(`/speaking/${filled.id}?_data=routes%2Fspeaking.%24id`, pitch);
    expect(filledRes.status).toBe(409);
    expect((await filledRes.json()).formError).toMatch(/filled/);
    const missing = await c.post(`/speaking/999999?_data=routes%2Fspeaking.%24id`, pitch);
    expect(missing.status).toBe(404);
    expect(await count("speaking_applications")).toBe(before);
  });

  it("tells the advocate live when a manager accepts, and schedules the talk", async () => {
    const opportunity = await postOpportunity({ title: "Live decision keynote" });
    const advocateTab = await signedIn(speaker);
    await advocateTab.post(`/speaking/${opportunity.id}`, {
      pitch: "Dashboards that dispatchers and executives both trust, in practice.",
    });
    const application = await handle.db
      .selectFrom("speaking_applications")
      .select("id")
      .where("opportunity_id", "=", opportunity.id)
      .executeTakeFirstOrThrow();
    const { socket, toasts } = await socketFor(advocateTab);
    try {
      const managerTab = await signedIn(manager);
      const declineWithoutWhy = await managerTab.post(
        `/manage/speaking/${opportunity.id}?_data=routes%2Fmanage.speaking.%24id`,
        {
          intent: "decide",
          decision: "decline",
          applicationId: String(application.id),
          message: "",
        },
      );
      expect(declineWithoutWhy.status).toBe(400);
      const res = await managerTab.post(`/manage/speaking/${opportunity.id}`, {
        intent: "decide",
        decision: "accept",
        applicationId: String(application.id),
        message: "The organisers loved the spreadsheet story.",
      });
      expect(res.status).toBe(302);
      expect(await until(() => toasts.length > 0)).toBe(true);
      expect(toasts[0]).toMatchObject({
        kind: "success",
        title: expect.stringContaining("Midwest Supply Chain Summit"),
        description: "The organisers loved the spreadsheet story.",
      });
    } finally {
      socket.close();
    }
    const talk = await handle.db
      .selectFrom("talks")
      .selectAll()
      .where("application_id", "=", application.id)
      .executeTakeFirstOrThrow();
    expect(talk).toMatchObject({
      speaker_id: speaker.id,
      status: "scheduled",
      origin: "opportunity",
    });
    // Deciding again is a conflict, and nothing changes.
    const again = await (
      await signedIn(manager)
    ).post(`/manage/speaking/${opportunity.id}?_data=routes%2Fmanage.speaking.%24id`, {
      intent: "decide",
      decision: "decline",
      applicationId: String(application.id),
      message: "No.",
    });
    expect(again.status).toBe(409);
    // The upcoming talk is listed for prospects.
    const html = await visible(await new TestClient(server.url).get("/speaking"));
    expect(html).toContain("Upcoming talks by customers");
    expect(html).toContain(speaker.displayName);
  });
});

async function acceptedTalk(startsInDays: number, format = "conference") {
  const opportunity = await postOpportunity({
    format,
    startsAt: local(new Date(Date.now() + startsInDays * DAY)),
    deadline: local(new Date(Date.now() + (startsInDays - 1) * DAY)),
  });
  const application = await handle.db
    .insertInto("speaking_applications")
    .values({
      opportunity_id: opportunity.id,
      advocate_id: speaker.id,
      pitch: "A pitch long enough.",
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  const decided = await decideApplication(contextFor(handle.db, manager), {
    applicationId: application.id,
    decision: "accept",
    message: "",
  });
  return decided.talkId!;
}

describe("evidence and verification", () => {
  it("refuses evidence before the talk has happened (409), writing nothing", async () => {
    const talkId = await acceptedTalk(10);
    const c = await signedIn(speaker);
    const res = await c.post(`/speaking/talks/${talkId}?_data=routes%2Fspeaking.talks.%24id`, {
      intent: "evidence",
      recordingUrl: "https://example.com/recording",
    });
    expect(res.status).toBe(409);
    expect((await res.json()).formError).toMatch(/once the talk has happened/);
    const talk = await handle.db
      .selectFrom("talks")
      .selectAll()
      .where("id", "=", talkId)
      .executeTakeFirstOrThrow();
    expect(talk).toMatchObject({ status: "scheduled", recording_url: "" });
  });

  it("lets only the speaker add evidence, which needs a recording or slides link", async () => {
    const talkId = await acceptedTalk(10);
    await handle.db
      .updateTable("talks")
      .set({ given_at: new Date(Date.now() - DAY) })
      .where("id", "=", talkId)
      .execute();
    const path = `/speaking/talks/${talkId}?_data=routes%2Fspeaking.talks.%24id`;
    const other = await (
      await signedIn(shy)
    ).post(path, { intent: "evidence", slidesUrl: "https://example.com/s" });
    expect(other.status).toBe(403);
    const empty = await (
      await signedIn(speaker)
    ).post(path, { intent: "evidence", attendance: "many" });
    expect(empty.status).toBe(400);
    const errors = (await empty.json()).fieldErrors;
    expect(errors.recordingUrl).toMatch(/recording or to the slides/);
    expect(errors.attendance).toMatch(/whole number/);
    const ok = await (
      await signedIn(speaker)
    ).post(path, {
      intent: "evidence",
      slidesUrl: "https://example.com/slides",
      attendance: "350",
    });
    expect(ok.status).toBe(204);
    const talk = await handle.db
      .selectFrom("talks")
      .selectAll()
      .where("id", "=", talkId)
      .executeTakeFirstOrThrow();
    expect(talk).toMatchObject({
      status: "pending",
      slides_url: "https://example.com/slides",
      attendance: 350,
    });
  });

  it("awards the format's points once on verification, takes them back on rejection, and again on re-verification", async () => {
    const talkId = await acceptedTalk(10);
    await handle.db
      .updateTable("talks")
      .set({ given_at: new Date(Date.now() - DAY) })
      .where("id", "=", talkId)
      .execute();
    await addTalkEvidence(contextFor(handle.db, speaker), {
      talkId,
      evidence: {
        recordingUrl: "https://example.com/rec",
        slidesUrl: "",
        attendance: 420,
        evidenceNote: "",
      },
    });
    const start = await balanceOf(speaker.id);

    // An advocate cannot verify (their own or any) talk.
    const selfVerify = await (
      await signedIn(speaker)
    ).post(`/speaking/talks/${talkId}?_data=routes%2Fspeaking.talks.%24id`, { intent: "verify" });
    expect(selfVerify.status).toBe(403);

    const res = await (
      await signedIn(manager)
    ).post(`/speaking/talks/${talkId}`, { intent: "verify" });
    expect(res.status).toBe(302);
    // A second click, and two managers at once, award nothing more.
    const again = await (
      await signedIn(manager)
    ).post(`/speaking/talks/${talkId}`, { intent: "verify" });
    expect(again.status).toBe(302);
    await Promise.all([
      verifyTalk(contextFor(handle.db, manager), { talkId }),
      verifyTalk(contextFor(handle.db, otherManager), { talkId }),
    ]);
    let rows = (await ledgerFor(speaker.id)).filter((r) => r.source_id === String(talkId));
    expect(rows).toEqual([
      {
        amount: 100,
        rule: "talk_conference",
        idempotency_key: `talk:${talkId}:1`,
        source_type: "talk",
        source_id: String(talkId),
        reverses_id: null,
      },
    ]);
    expect((await balanceOf(speaker.id)).speaking).toBe(start.speaking + 100);

    // Rejecting needs a reason, then reverses the award.
    const noReason = await (
      await signedIn(manager)
    ).post(`/speaking/talks/${talkId}?_data=routes%2Fspeaking.talks.%24id`, {
      intent: "reject",
      reason: "",
    });
    expect(noReason.status).toBe(400);
    await rejectTalk(contextFor(handle.db, manager), {
      talkId,
      reason: "The recording is of a different event.",
    });
    await expect(
      rejectTalk(contextFor(handle.db, manager), { talkId, reason: "Twice is a conflict." }),
    ).rejects.toMatchObject({ status: 409 });
    expect((await balanceOf(speaker.id)).speaking).toBe(start.speaking);

    // Verified again after a mistaken rejection: the points come back, under a new key.
    await verifyTalk(contextFor(handle.db, manager), { talkId });
    rows = (await ledgerFor(speaker.id)).filter((r) => r.source_id === String(talkId));
    expect(rows.map((r) => [r.amount, r.idempotency_key])).toEqual([
      [100, `talk:${talkId}:1`],
      [-100, `reverse:talk:${talkId}:1`],
      [100, `talk:${talkId}:2`],
    ]);
    expect((await balanceOf(speaker.id)).speaking).toBe(start.speaking + 100);
  });

  it("does not let a manager verify a talk they gave themselves", async () => {
    const talk = await logTalk(contextFor(handle.db, { id: speaker.id, role: "advocate" }), {
      title: "Placeholder",
      eventName: "Placeholder",
      format: "meetup",
      givenAt: new Date(Date.now() - DAY),
      timeZone: "UTC",
      isVirtual: true,
      location: "",
      abstract: "",
      eventUrl: "",
      evidence: {
        recordingUrl: "https://example.com/r",
        slidesUrl: "",
        attendance: null,
        evidenceNote: "",
      },
    });
    await handle.db
      .updateTable("talks")
      .set({ speaker_id: otherManager.id })
      .where("id", "=", talk.id)
      .execute();
    const before = await count("reputation_ledger");
    await expect(
      verifyTalk(contextFor(handle.db, otherManager), { talkId: talk.id }),
    ).rejects.toMatchObject({
      status: 403,
      message: expect.stringMatching(/own talk/),
    });
    expect(await count("reputation_ledger")).toBe(before);
  });
});

describe("logging a talk given elsewhere", () => {
  const form = (overrides: Record<string, string> = {}) => ({
    title: "Trusting one number",
    eventName: "Ohio Freight Analytics Meetup",
    format: "meetup",
    givenAt: local(new Date(Date.now() - 5 * DAY)),
    timeZone: "America/New_York",
    location: "Columbus",
    recordingUrl: "https://example.com/meetup-recording",
    attendance: "45",
    ...overrides,
  });

  it("refuses a future date with evidence (400 next to the date) and prospects (403)", async () => {
    const before = await count("talks");
    const future = await (
      await signedIn(speaker)
    ).post(
      "/speaking/talks/new?_data=routes%2Fspeaking.talks.new",
      form({ givenAt: local(new Date(Date.now() + 5 * DAY)) }),
    );
    expect(future.status).toBe(400);
    expect((await future.json()).fieldErrors.givenAt).toMatch(/future/);
    const asProspect = await (await signedIn(prospect)).post("/speaking/talks/new", form());
    expect(asProspect.status).toBe(403);
    expect(await count("talks")).toBe(before);
  });

  it("records a past talk with evidence as waiting for verification, private until verified", async () => {
    const res = await (
      await signedIn(speaker)
    ).post("/speaking/talks/new", form({ title: "Self-reported meetup talk" }));
    expect(res.status).toBe(302);
    const id = Number(res.headers.get("location")?.split("/").pop());
    const talk = await handle.db
      .selectFrom("talks")
      .selectAll()
      .where("id", "=", id)
      .executeTakeFirstOrThrow();
    expect(talk).toMatchObject({ origin: "self_reported", status: "pending", attendance: 45 });
    expect((await new TestClient(server.url).get(`/speaking/talks/${id}`)).status).toBe(404);
    expect((await (await signedIn(speaker)).get(`/speaking/talks/${id}`)).status).toBe(200);
    const profile = await visible(await new TestClient(server.url).get(`/u/${speaker.handle}`));
    expect(profile).not.toContain("Self-reported meetup talk");

    await verifyTalk(contextFor(handle.db, manager), { talkId: id });
    const after = await visible(await new TestClient(server.url).get(`/u/${speaker.handle}`));
    const talks = after.slice(after.indexOf('data-testid="profile-talks"'));
    const line = talks.slice(
      talks.indexOf("Self-reported meetup talk"),
      talks.indexOf("</li>", talks.indexOf("Self-reported meetup talk")),
    );
    expect(line).toContain("+30 points");
    expect(line).toContain('<span aria-hidden="true">✓</span> Verified');
  });
});
