import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "../../db/client.ts";
import { createTestDb } from "../support/db.ts";
import { insertUser, uniqueSuffix } from "../support/factories.ts";
import { startTestServer, TestClient, type TestServer } from "../support/server.ts";

let handle: DbHandle;
let server: TestServer;
const PEOPLE = "/manage/people?_data=routes%2Fmanage.people";

beforeAll(async () => {
  handle = await createTestDb();
  server = await startTestServer(handle);
});
afterAll(async () => {
  await server?.close();
  await handle?.close();
});

async function signedIn(role: "manager" | "advocate") {
  const user = await insertUser(handle.db, { role });
  return { user, c: await new TestClient(server.url).signIn(user.email) };
}

function postFields(c: TestClient, path: string, fields: [string, string][]) {
  return c.request(path, {
    method: "POST",
    headers: { Origin: server.url, "Content-Type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams(fields).toString(),
  });
}

describe("verifying many prospects at once", () => {
  it("verifies each selected prospect in one go, with an audit row each", async () => {
    const { user: manager, c } = await signedIn("manager");
    const a = await insertUser(handle.db, { role: "prospect" });
    const b = await insertUser(handle.db, { role: "prospect" });
    const already = await insertUser(handle.db, { role: "advocate" });
    const res = await postFields(c, PEOPLE, [
      ["intent", "verify-many"],
      ["userId", String(a.id)],
      ["userId", String(b.id)],
      ["userId", String(already.id)],
    ]);
    expect(res.headers.get("x-remix-redirect")).toBeTruthy();
    const rows = await handle.db
      .selectFrom("users")
      .select(["id", "role", "verified_by"])
      .where("id", "in", [a.id, b.id])
      .execute();
    expect(rows.map((r) => [r.role, r.verified_by])).toEqual([
      ["advocate", manager.id],
      ["advocate", manager.id],
    ]);
    const audit = await handle.db
      .selectFrom("audit_log")
      .select("subject_id")
      .where("action", "=", "user.verified_customer")
      .where("actor_id", "=", manager.id)
      .execute();
    expect(audit.map((r) => Number(r.subject_id)).sort()).toEqual([a.id, b.id].sort());
  });

  it("refuses an empty selection and anyone who is not a manager", async () => {
    const { c } = await signedIn("manager");
    expect((await postFields(c, PEOPLE, [["intent", "verify-many"]])).status).toBe(400);
    const bad = await postFields(c, PEOPLE, [
      ["intent", "verify-many"],
      ["userId", "abc"],
    ]);
    expect(bad.status).toBe(400);
    const p = await insertUser(handle.db, { role: "prospect" });
    const { c: advocate } = await signedIn("advocate");
    const refused = await postFields(advocate, PEOPLE, [
      ["intent", "verify-many"],
      ["userId", String(p.id)],
    ]);
    expect(refused.status).toBe(403);
    const still = await handle.db
      .selectFrom("users")
      .select("role")
      .where("id", "=", p.id)
      .executeTakeFirstOrThrow();
    expect(still.role).toBe("prospect");
  });
});

describe("CSV exports for managers", () => {
  it("exports NPS responses, referrals and people with formulas neutralised", async () => {
    const { c } = await signedIn("manager");
    const s = uniqueSuffix();
    const evil = "-1+1+cmd|' /C calc'!A0";
    await handle.db
      .insertInto("nps_responses")
      .values({ email: `nps-${s}@example.test`, company: evil, score: 9, responded_at: new Date() })
      .execute();
    const advocate = await insertUser(handle.db, {
      role: "advocate",
      displayName: "=HYPERLINK(1)",
    });
    await handle.db
      .insertInto("referrals")
      .values({
        advocate_id: advocate.id,
        contact_name: "Rae Referred",
        contact_email: `rae-${s}@example.test`,
        company: "@SUM(A1)",
        consent_confirmed_at: new Date(),
      })
      .execute();

    const nps = await c.get("/manage/nps.csv");
    expect(nps.status).toBe(200);
    expect(nps.headers.get("content-type")).toMatch(/^text\/csv/);
    const npsText = await nps.text();
    expect(npsText.split("\r\n")[0]).toBe("email,name,company,score,comment,responded");
    expect(npsText).toContain(`nps-${s}@example.test,,'${evil},9`);

    const referrals = await (await c.get("/manage/referrals.csv")).text();
    expect(referrals).toContain(`rae-${s}@example.test,'@SUM(A1),submitted`);
    expect(referrals).toContain("'=HYPERLINK(1)");

    const people = await (await c.get("/manage/people.csv")).text();
    expect(people.split("\r\n")[0]).toBe("handle,name,email,role,company,joined,verified customer");
    expect(people).toContain(advocate.email);
    expect(people).toContain("'=HYPERLINK(1)");
  });

  it("refuses the exports to advocates", async () => {
    const { c } = await signedIn("advocate");
    for (const path of ["/manage/nps.csv", "/manage/referrals.csv", "/manage/people.csv"])
      expect((await c.get(path)).status).toBe(403);
  });
});
