import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "../../db/client.ts";
import { seedDemoCommunity } from "../../db/seed/demo.ts";
import {
  generateSurveyResponses,
  MEMBER_PROMOTERS,
  SEED_REFERENCES,
  SEED_REFERRALS,
} from "../../db/seed/promoters-content.ts";
import { countCategories, netPromoterScore } from "../../app/modules/promoters/nps.ts";
import { parseCsv } from "../../app/modules/promoters/csv.ts";
import { seededSurveyAnswers } from "../../db/seed/surveys.ts";
import { createTestDb } from "../support/db.ts";
import { startTestServer, TestClient, type TestServer } from "../support/server.ts";

let handle: DbHandle;
let server: TestServer;
let manager: TestClient;
const now = new Date();

beforeAll(async () => {
  handle = await createTestDb();
  await seedDemoCommunity(handle.db, now);
  server = await startTestServer(handle);
  manager = new TestClient(server.url, { "X-Forwarded-For": "10.6.0.1" });
  const res = await manager.post("/login?_data=routes%2Flogin", {
    email: "manager@demo.limelight.dev",
    password: "limelight-demo",
  });
  expect(res.status).toBe(204);
}, 120_000);
afterAll(async () => {
  await server?.close();
  await handle?.close();
});

const dashboard = () => manager.get("/manage?_data=routes%2Fmanage._index").then((r) => r.json());

describe("the demo community's promoters", () => {
  it("has a year of survey answers whose NPS the dashboard shows, month by month", async () => {
    const imported = generateSurveyResponses(now);
    expect(imported.length).toBeGreaterThanOrEqual(200);
    // The answers to the survey sent from the product count like imported ones.
    const responses = [...imported, ...seededSurveyAnswers(now)];
    const data = await dashboard();
    const overall = netPromoterScore(countCategories(responses.map((r) => r.score)));
    expect(data.nps.overall.nps).toBe(overall);
    expect(data.nps.overall.total).toBe(responses.length);
    expect(overall).toBeGreaterThan(10);
    expect(overall).toBeLessThan(60);
    for (const month of data.nps.monthly) {
      const inMonth = responses.filter((r) => r.respondedAt.toISOString().startsWith(month.month));
      expect(month.total, month.month).toBe(inMonth.length);
      expect(month.nps, month.month).toBe(
        netPromoterScore(countCategories(inMonth.map((r) => r.score))),
      );
    }
  });

  it("has promoters at every stage of the funnel", async () => {
    const page = await (
      await manager.get("/manage/promoters?_data=routes%2Fmanage.promoters._index")
    ).json();
    expect(page.counts.not_member).toBeGreaterThan(0);
    expect(page.counts.member).toBeGreaterThan(0);
    expect(page.counts.advocate).toBeGreaterThan(0);
    expect(page.counts.contributed).toBeGreaterThan(0);
    const data = await dashboard();
    const steps = Object.fromEntries(
      data.funnel.map((s: { key: string; count: number }) => [s.key, s.count]),
    );
    expect(steps.promoters).toBeGreaterThan(steps.members);
    expect(steps.members).toBeGreaterThanOrEqual(steps.advocates);
    expect(steps.advocates).toBeGreaterThanOrEqual(steps.contributed);
    // Every member who answered as a promoter is counted as a member.
    expect(steps.members).toBeGreaterThanOrEqual(MEMBER_PROMOTERS.length);
  });

  it("has reference requests in every state, one of them waiting on Catie", async () => {
    const data = await dashboard();
    for (const status of ["queued", "pending", "accepted", "declined", "completed", "cancelled"]) {
      expect(data.references[status], status).toBe(
        SEED_REFERENCES.filter((r) => r.status === status).length,
      );
    }
    const catie = await handle.db
      .selectFrom("users")
      .select("id")
      .where("handle", "=", "catie")
      .executeTakeFirstOrThrow();
    const waiting = await handle.db
      .selectFrom("reference_requests")
      .select("id")
      .where("advocate_id", "=", catie.id)
      .where("status", "=", "pending")
      .execute();
    expect(waiting).toHaveLength(1);
    // Completed conversations earned their points through the ledger.
    const points = await handle.db
      .selectFrom("reputation_ledger")
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .where("rule", "=", "reference_call_completed")
      .executeTakeFirstOrThrow();
    expect(Number(points.n)).toBe(SEED_REFERENCES.filter((r) => r.status === "completed").length);
  });

  it("has referrals in every stage, with revenue and margin on the won ones", async () => {
    const data = await dashboard();
    for (const stage of ["submitted", "contacted", "qualified", "won", "lost"]) {
      expect(data.referrals.byStage[stage], stage).toBe(
        SEED_REFERRALS.filter((r) => r.stage === stage).length,
      );
    }
    const won = SEED_REFERRALS.filter((r) => r.stage === "won");
    expect(data.referrals.revenueCents).toBe(won.reduce((s, r) => s + r.revenueCents!, 0));
    expect(data.referrals.marginCents).toBe(won.reduce((s, r) => s + r.marginCents!, 0));
  });
});

describe("the manager's dashboard", () => {
  it("counts active advocates, contributions by area and the open items, each linking to its queue", async () => {
    const data = await dashboard();
    expect(data.advocates.total).toBeGreaterThanOrEqual(40);
    expect(data.advocates.active90).toBeGreaterThanOrEqual(data.advocates.active30);
    expect(data.contributions).toHaveLength(12);
    const items = Object.fromEntries(
      data.openItems.map((i: { key: string; count: number; href: string }) => [i.key, i]),
    );
    expect(items.references).toMatchObject({
      count: SEED_REFERENCES.filter((r) => r.status === "pending" || r.status === "queued").length,
      href: "/manage/references?status=pending",
    });
    expect(items.referrals.count).toBe(
      SEED_REFERRALS.filter((r) => r.stage === "submitted").length,
    );
    // The other capabilities' queues are counted too.
    expect(Object.keys(items).sort()).toEqual(
      [
        "flags",
        "nominations",
        "promoters",
        "references",
        "referrals",
        "renewals",
        "stories",
        "talks",
      ].sort(),
    );
    for (const item of data.openItems)
      expect((await manager.get(item.href)).status, item.href).toBe(200);
  });

  it("renders its summary numbers in the HTML, readable without JavaScript", async () => {
    const html = await (await manager.get("/manage")).text();
    const data = await dashboard();
    const nps = data.nps.overall.nps;
    expect(html).toContain(`data-testid="nps-overall">${nps > 0 ? `+${nps}` : nps}<`);
    expect(html).toContain('role="img"');
    expect(html).toContain("Net Promoter Score by month");
    expect(html).toContain(`data-testid="active-30">${data.advocates.active30}<`);
  });

  it("shows each advocate's return on relationship and exports everyone as CSV", async () => {
    const csv = await manager.get("/manage/advocates/export");
    expect(csv.status).toBe(200);
    const records = parseCsv(await csv.text());
    expect(records[0].fields).toContain("revenue (USD)");
    const catie = records.find((r) => r.fields[0] === "catie")!;
    const catieWon = SEED_REFERRALS.filter((r) => r.advocate === "catie" && r.stage === "won");
    expect(catie.fields[6]).toBe(
      (catieWon.reduce((s, r) => s + r.revenueCents!, 0) / 100).toFixed(2),
    );
    expect(Number(catie.fields[3])).toBe(
      SEED_REFERENCES.filter((r) => r.advocate === "catie" && r.status === "completed").length,
    );
    const page = await (
      await manager.get("/manage/advocates/catie?_data=routes%2Fmanage.advocates.%24handle")
    ).json();
    expect(page.references.completed).toBe(Number(catie.fields[3]));
    expect(page.referencePoints).toBe(40 * page.references.completed);
    expect((await manager.get("/manage/advocates/nobody-here")).status).toBe(404);
  });
});
