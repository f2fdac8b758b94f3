import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "../../db/client.ts";
import type { Role } from "../../db/schema.ts";
import { recordAudit } from "../../app/modules/audit/audit.server.ts";
import { contextFor } from "../../app/modules/commands/command.server.ts";
import { setThreadLocked } from "../../app/modules/discussions/moderation.server.ts";
import { createThread } from "../../app/modules/discussions/posts.server.ts";
import { createSpace, type Space } from "../../app/modules/discussions/spaces.server.ts";
import { parseCsv } from "../../app/modules/promoters/csv.ts";
import { grantTier } from "../../app/modules/tiers/awards.server.ts";
import { listTiers } from "../../app/modules/tiers/catalogue.server.ts";
import { loadViewer } from "../../app/modules/viewer/viewer.server.ts";
import { seedTierCatalogue } from "../../db/seed/tiers.ts";
import { createTestDb } from "../support/db.ts";
import { person, signedIn, type Person } from "../support/people.ts";
import { startTestServer, type TestServer } from "../support/server.ts";

// What a new user hit on day one, through the real server and database.

let handle: DbHandle;
let server: TestServer;
let manager: Person, admin: Person, catie: Person, prospect: Person;
let ask: Space;

const viewerOf = (p: Person) => loadViewer(handle.db, { id: p.id, role: p.role as Role });
const THREAD = (id: number) => `/t/${id}?_data=${encodeURIComponent("routes/t.$id.($slug)")}`;
const IMPORT = "/manage/promoters/import?_data=routes%2Fmanage.promoters.import";
const AUDIT = (query = "") =>
  `/manage/audit?${query}${query ? "&" : ""}_data=routes%2Fmanage.audit`;

async function question(title: string) {
  return createThread(contextFor(handle.db, await viewerOf(catie)), {
    spaceId: ask.id,
    kind: "question",
    title,
    body: "We run the nightly load at 02:00 and it overlaps the backup window.",
    tags: [],
  });
}

const count = async (table: "posts" | "nps_responses" | "audit_log") =>
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
  await seedTierCatalogue(handle.db);
  server = await startTestServer(handle, { WRITE_RATE_LIMIT_PER_MINUTE: "10000" });
  manager = await person(handle.db, "manager", { displayName: "Ana Manager" });
  admin = await person(handle.db, "admin", { displayName: "Ada Admin" });
  catie = await person(handle.db, "advocate", { displayName: "Catie Chen" });
  prospect = await person(handle.db, "prospect", { displayName: "Pat Prospect" });
  ask = await createSpace(contextFor(handle.db, null), {
    slug: "ask",
    name: "Ask the community",
    description: "Questions welcome",
    colour: "#047857",
    position: 0,
    visibility: "public",
    prospectsMayAsk: true,
  });
});
afterAll(async () => {
  await server?.close();
  await handle?.close();
});

describe("replies past the length limit", () => {
  it("are refused with the limit in the message, and nothing is posted", async () => {
    const thread = await question("How do I move a nightly load off the backup window?");
    const c = await signedIn(server, catie);
    const before = await count("posts");
    const res = await c.post(THREAD(thread.threadId), {
      intent: "reply",
      body: "a".repeat(20_001),
    });
    expect(res.status).toBe(400);
    expect((await res.json()).fieldErrors.body).toMatch(/20,000 characters or fewer/);
    expect(await count("posts")).toBe(before);
    const fits = await c.post(THREAD(thread.threadId), {
      intent: "reply",
      body: "b".repeat(20_000),
    });
    expect(fits.status).toBe(200);
    expect(await count("posts")).toBe(before + 1);
  });
});

describe("a locked thread", () => {
  it("does not invite an answer it will not take", async () => {
    const open = await question("Which connector handles soft deletes best?");
    const locked = await question("Is the old connector still supported next year?");
    await setThreadLocked(contextFor(handle.db, await viewerOf(manager)), {
      threadId: locked.threadId,
      locked: true,
      reason: "Answered in the release notes.",
    });
    const reader = await signedIn(server, prospect);
    const openPage = await (await reader.get(`/t/${open.threadId}/${open.slug}`)).text();
    expect(openPage).toContain("Help a peer out");
    const lockedPage = await (await reader.get(`/t/${locked.threadId}/${locked.slug}`)).text();
    expect(lockedPage).not.toContain("Help a peer out");
    expect(lockedPage).toContain("This thread is locked");
  });
});

describe("a prospect's profile", () => {
  it("does not call them by the verified-customer tier's name", async () => {
    const page = await (await (await signedIn(server, catie)).get(`/u/${prospect.handle}`)).text();
    expect(page).toContain("Not yet verified");
    expect(page).not.toMatch(/>Member</);
  });
});

describe("the NPS import", () => {
  it("refuses a response dated in the future, in the preview and by hand", async () => {
    const c = await signedIn(server, manager);
    const preview = await c.post(IMPORT, {
      intent: "preview",
      csv: "email,score,responded at\nfuture@example.test,9,2031-01-05\nnow@example.test,9,2026-01-05\n",
    });
    expect(preview.status).toBe(200);
    const { rows } = (await preview.json()).preview;
    expect(rows[0].status).toBe("problem");
    expect(rows[0].errors.join(" ")).toMatch(/“2031-01-05” is in the future/);
    expect(rows[1].status).toBe("new");

    const before = await count("nps_responses");
    const byHand = await c.post(IMPORT, {
      intent: "add",
      email: "future@example.test",
      score: "9",
      respondedAt: "2031-01-05",
    });
    expect(byHand.status).toBe(400);
    expect((await byHand.json()).fieldErrors.respondedAt).toMatch(/in the future/);
    expect(await count("nps_responses")).toBe(before);
  });

  it("says a PNG is not a CSV file, rather than that columns are missing", async () => {
    const c = await signedIn(server, manager);
    const png = Buffer.from(
      "89504e470d0a1a0a0000000d4948445200000001000000010806000000" +
        "1f15c4890000000d49444154789c6300010000050001" +
        "0d0a2db40000000049454e44ae426082",
      "hex",
    );
    const form = new FormData();
    form.set("intent", "preview");
    form.set("file", new Blob([png], { type: "text/csv" }), "responses.csv");
    const res = await c.request(IMPORT, {
      method: "POST",
      body: form,
      headers: { Origin: server.url },
    });
    expect(res.status).toBe(400);
    const { formError } = await res.json();
    expect(formError).toMatch(/not a CSV file/);
    expect(formError).not.toMatch(/column/);
  });
});

describe("the dashboard's Tiers card", () => {
  it("lists every tier in the catalogue, with nobody in it as 0", async () => {
    const c = await signedIn(server, manager);
    const data = await (await c.get("/manage?_data=routes%2Fmanage._index")).json();
    const catalogue = await listTiers(handle.db);
    expect(data.tiers.map((t: { name: string }) => t.name)).toEqual(catalogue.map((t) => t.name));
    const mvp = catalogue.find((t) => t.kind === "awarded")!;
    expect(data.tiers.find((t: { name: string }) => t.name === mvp.name).count).toBe(0);
  });
});

describe("granting a tier", () => {
  it("goes back to the award list without the handle, so the emptied form does not name them again", async () => {
    const someone = await person(handle.db, "advocate", { displayName: "Gus Granted" });
    const tier = (await listTiers(handle.db)).find((t) => t.kind === "awarded")!;
    const c = await signedIn(server, manager);
    const res = await c.post(`/manage/tiers?index&handle=${someone.handle}`, {
      intent: "grant",
      handle: someone.handle,
      tierId: String(tier.id),
      termStart: "2026-01-01",
      termEnd: "2026-12-31",
      reason: "Ran the Berlin user group all year.",
    });
    expect(res.status).toBe(302);
    expect(res.headers.get("location")).toBe("/manage/tiers");
  });
});

describe("the audit log", () => {
  it("reads as sentences with links to the people, not keys and JSON", async () => {
    const tier = (await listTiers(handle.db)).find((t) => t.kind === "awarded")!;
    await grantTier(contextFor(handle.db, await viewerOf(manager)), {
      handle: catie.handle,
      tierId: tier.id,
      termStart: new Date("2026-01-01"),
      termEnd: new Date("2026-12-31"),
      reason: "Spoke at three meetups.",
    });
    const c = await signedIn(server, manager);
    const page = await (await c.get(`/manage/audit?actor=${manager.handle}`)).text();
    const sentence = new RegExp(
      `<a[^>]*href="/u/${manager.handle}"[^>]*>Ana Manager</a><span> </span><span>granted</span><span> </span><span>${tier.name}</span><span> </span><span>to</span><span> </span><a[^>]*href="/u/${catie.handle}"[^>]*>Catie Chen</a>`,
    );
    expect(page).toMatch(sentence);
    expect(page).not.toContain("on user #");
    expect(page).not.toContain("{&quot;");
  });

  it("filters by actor, action, subject and date, and pages", async () => {
    // Sixty entries of the admin changing the manager's role, dated two days back, and one today.
    const old = new Date(Date.now() - 2 * 86_400_000);
    for (let i = 0; i < 60; i++)
      await handle.db
        .insertInto("audit_log")
        .values({
          actor_id: admin.id,
          action: "user.role_changed",
          subject_type: "user",
          subject_id: String(prospect.id),
          reason: null,
          details: JSON.stringify({ from: "prospect", to: "advocate" }),
          created_at: old,
        })
        .execute();
    await recordAudit(handle.db, {
      actorId: admin.id,
      action: "reputation.manual_award",
      subjectType: "user",
      subjectId: catie.id,
      details: { amount: 25 },
    });
    const c = await signedIn(server, manager);
    const get = async (query: string) => (await c.get(AUDIT(query))).json();

    const byAdmin = await get(`actor=${admin.handle}`);
    expect(byAdmin.total).toBe(61);
    expect(byAdmin.rows).toHaveLength(50);
    expect(byAdmin.pageCount).toBe(2);
    const second = await get(`actor=${admin.handle}&page=2`);
    expect(second.rows).toHaveLength(11);
    expect(new Set([...byAdmin.rows, ...second.rows].map((r: { id: number }) => r.id)).size).toBe(
      61,
    );

    expect((await get(`actor=${admin.handle}&action=reputation`)).total).toBe(1);
    expect((await get(`action=user.role_changed&subject=${prospect.handle}`)).total).toBe(60);
    expect((await get(`subject=${catie.handle}&actor=${admin.handle}`)).total).toBe(1);
    const day = (d: Date) => d.toISOString().slice(0, 10);
    expect((await get(`actor=${admin.handle}&from=${day(new Date())}`)).total).toBe(1);
    expect((await get(`actor=${admin.handle}&to=${day(old)}`)).total).toBe(60);
    // Nonsense in the query string is ignored, never a 500.
    expect((await c.get(AUDIT("from=yesterday&to=2026-13-45&actor=%25&page=0"))).status).toBe(200);
  });

  it("exports the filtered entries as CSV, with formulas neutralised", async () => {
    await recordAudit(handle.db, {
      actorId: manager.id,
      action: "user.verified_customer",
      subjectType: "user",
      subjectId: prospect.id,
      reason: '=HYPERLINK("http://evil.test","click")',
      details: { from: "prospect", to: "advocate" },
    });
    const c = await signedIn(server, manager);
    const res = await c.get(`/manage/audit/export?actor=${manager.handle}&action=user`);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/^text\/csv/);
    const [header, ...rows] = parseCsv(await res.text()).map((r) => r.fields);
    expect(header).toEqual([
      "Time (UTC)",
      "Actor",
      "What happened",
      "Action",
      "Subject",
      "Subject id",
      "Reason",
      "Details",
    ]);
    expect(rows).toHaveLength(1);
    expect(rows[0][2]).toBe("Ana Manager verified Pat Prospect as a customer");
    expect(rows[0][6]).toBe('\'=HYPERLINK("http://evil.test","click")');

    const outsider = await signedIn(server, catie);
    expect((await outsider.get("/manage/audit/export")).status).toBe(403);
  });
});
