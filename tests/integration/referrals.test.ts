import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "../../db/client.ts";
import type { Role } from "../../db/schema.ts";
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

async function person(role: Role) {
  const user = await insertUser(handle.db, { role });
  const c = new TestClient(server.url, {
    "X-Forwarded-For": `10.7.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}`,
  });
  const res = await c.post("/login?_data=routes%2Flogin", {
    email: user.email,
    password: TEST_PASSWORD,
  });
  expect(res.status).toBe(204);
  return { user, c };
}

const REFER = "/referrals?_data=routes%2Freferrals";
const MOVE = "/manage/referrals?_data=routes%2Fmanage.referrals";

async function refer(c: TestClient, fields: Record<string, string> = {}) {
  const s = uniqueSuffix();
  return c.post(REFER, {
    contactName: "Jo Peer",
    contactEmail: `jo-${s}@peer.example`,
    company: `Peer Co ${s}`,
    note: "Same problem we had.",
    consent: "on",
    ...fields,
  });
}

const referralsOf = (advocateId: number) =>
  handle.db
    .selectFrom("referrals")
    .selectAll()
    .where("advocate_id", "=", advocateId)
    .orderBy("id")
    .execute();

describe("referring a peer company", () => {
  it("is for advocates, needs the contact's consent, and refuses a contact already being followed up", async () => {
    const a = await person("advocate");
    const noConsent = await refer(a.c, { consent: "" });
    expect(noConsent.status).toBe(400);
    expect((await noConsent.json()).fieldErrors.consent).toMatch(/agreed to be introduced/);
    expect(await referralsOf(a.user.id)).toEqual([]);

    expect((await refer(a.c, { contactEmail: "same@peer.example" })).status).toBe(204);
    const [row] = await referralsOf(a.user.id);
    expect(row).toMatchObject({
      stage: "submitted",
      revenue_cents: null,
      contact_email: "same@peer.example",
    });
    expect(row.consent_confirmed_at).toBeInstanceOf(Date);

    const other = await person("advocate");
    const dup = await refer(other.c, { contactEmail: "SAME@peer.example" });
    expect(dup.status).toBe(409);
    expect((await dup.json()).fieldErrors.contactEmail).toMatch(/already referred/);

    const prospect = await person("prospect");
    expect((await refer(prospect.c)).status).toBe(403);
    const manager = await person("manager");
    expect((await refer(manager.c)).status).toBe(403);
  });
});

describe("moving a referral through its stages", () => {
  it("records revenue and margin only on a win, which is worth no points by default", async () => {
    const a = await person("advocate");
    const m = await person("manager");
    await refer(a.c);
    const [referral] = await referralsOf(a.user.id);
    const move = (fields: Record<string, string>) =>
      m.c.post(MOVE, { referralId: String(referral.id), ...fields });

    const early = await move({ stage: "contacted", revenue: "5000", margin: "" });
    expect(early.status).toBe(400);
    expect((await early.json()).fieldErrors.revenue).toMatch(/only when a referral is won/);
    expect((await referralsOf(a.user.id))[0].stage).toBe("submitted");

    expect((await move({ stage: "contacted" })).status).toBe(204);
    expect((await move({ stage: "qualified" })).status).toBe(204);
    const backwards = await move({ stage: "contacted" });
    expect(backwards.status).toBe(409);

    const noMoney = await move({ stage: "won" });
    expect(noMoney.status).toBe(400);
    const tooMuchMargin = await move({ stage: "won", revenue: "1,000", margin: "2000" });
    expect(tooMuchMargin.status).toBe(400);
    expect((await tooMuchMargin.json()).fieldErrors.margin).toMatch(/more than the revenue/);
    const notMoney = await move({ stage: "won", revenue: "lots", margin: "1" });
    expect(notMoney.status).toBe(400);

    expect((await move({ stage: "won", revenue: "12,500.50", margin: "8000" })).status).toBe(204);
    const won = (await referralsOf(a.user.id))[0];
    expect(won).toMatchObject({ stage: "won", revenue_cents: 1_250_050, margin_cents: 800_000 });
    expect(won.stage_changed_by).toBe(m.user.id);

    // "referral_won" is worth 0 unless an admin changes it: one 0-point row, no balance.
    const ledger = await handle.db
      .selectFrom("reputation_ledger")
      .selectAll()
      .where("user_id", "=", a.user.id)
      .execute();
    expect(ledger).toHaveLength(1);
    expect(ledger[0]).toMatchObject({
      rule: "referral_won",
      amount: 0,
      idempotency_key: `referral:${referral.id}`,
    });
    const balance = await handle.db
      .selectFrom("reputation_balances")
      .select("total")
      .where("user_id", "=", a.user.id)
      .executeTakeFirst();
    expect(balance?.total ?? 0).toBe(0);

    expect((await move({ stage: "lost" })).status).toBe(409);
    const audit = await handle.db
      .selectFrom("audit_log")
      .select("action")
      .where("subject_type", "=", "referral")
      .where("subject_id", "=", String(referral.id))
      .execute();
    expect(audit.map((r) => r.action)).toEqual([
      "referral.submitted",
      "referral.stage_changed",
      "referral.stage_changed",
      "referral.stage_changed",
    ]);

    // The advocate's return on relationship shows it, and its CSV too.
    const ror = await (
      await m.c.get(`/manage/advocates/${a.user.handle}?_data=routes%2Fmanage.advocates.%24handle`)
    ).json();
    expect(ror.referrals).toMatchObject({
      total: 1,
      revenueCents: 1_250_050,
      marginCents: 800_000,
    });
    const csv = await m.c.get(`/manage/advocates/${a.user.handle}/export`);
    expect(csv.headers.get("content-type")).toMatch(/text\/csv/);
    const text = await csv.text();
    expect(text).toContain("revenue from won referrals (USD),12500.50");
  });

  it("awards points on a win when an admin has given the rule a value", async () => {
    const a = await person("advocate");
    const m = await person("manager");
    await handle.db
      .insertInto("settings")
      .values({ key: "reputation.rules", value: JSON.stringify({ referral_won: 25 }) })
      .onConflict((oc) =>
        oc.column("key").doUpdateSet({ value: JSON.stringify({ referral_won: 25 }) }),
      )
      .execute();
    try {
      await refer(a.c);
      const [referral] = await referralsOf(a.user.id);
      await m.c.post(MOVE, {
        referralId: String(referral.id),
        stage: "won",
        revenue: "100",
        margin: "10",
      });
      const balance = await handle.db
        .selectFrom("reputation_balances")
        .select(["total", "community"])
        .where("user_id", "=", a.user.id)
        .executeTakeFirstOrThrow();
      expect(balance).toEqual({ total: 25, community: 25 });
    } finally {
      await handle.db.deleteFrom("settings").where("key", "=", "reputation.rules").execute();
    }
  });

  it("keeps the pipeline from advocates and prospects", async () => {
    const a = await person("advocate");
    await refer(a.c);
    const [referral] = await referralsOf(a.user.id);
    expect((await a.c.get("/manage/referrals")).status).toBe(403);
    expect(
      (
        await a.c.post(MOVE, {
          referralId: String(referral.id),
          stage: "won",
          revenue: "1",
          margin: "1",
        })
      ).status,
    ).toBe(403);
    expect((await referralsOf(a.user.id))[0].stage).toBe("submitted");
  });
});
