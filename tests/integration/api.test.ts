import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "../../db/client.ts";
import type { Viewer } from "../../app/modules/access/policy.ts";
import { contextFor } from "../../app/modules/commands/command.server.ts";
import {
  createApiToken,
  revokeApiToken,
} from "../../app/modules/integrations/api-tokens.server.ts";
import { createTestDb } from "../support/db.ts";
import { insertUser } from "../support/factories.ts";
import { startTestServer, TestClient, type TestServer } from "../support/server.ts";

let handle: DbHandle;
let server: TestServer;
let admin: Viewer;
let adminEmail: string;
let advocateHandle: string;
let keys = 0;

beforeAll(async () => {
  handle = await createTestDb();
  server = await startTestServer(handle, { OUTBOX_POLL_MS: "600000" });
  const a = await insertUser(handle.db, { role: "admin" });
  admin = { id: a.id, role: a.role };
  adminEmail = a.email;
  advocateHandle = (await insertUser(handle.db, { role: "advocate" })).handle;
});

afterAll(async () => {
  await server?.close();
  await handle?.close();
});

async function token(scopes: string[], options: { expiresInDays?: number; rate?: number } = {}) {
  const created = await createApiToken(contextFor(handle.db, admin), {
    name: "CRM",
    scopes,
    expiresInDays: options.expiresInDays ?? null,
    ratePerMinute: options.rate ?? 1000,
  });
  return created;
}

function api(secret: string | null) {
  const headers = (extra: Record<string, string> = {}) => ({
    ...(secret ? { Authorization: `Bearer ${secret}` } : {}),
    ...extra,
  });
  return {
    get: (path: string) => fetch(`${server.url}/api/v1${path}`, { headers: headers() }),
    post: (path: string, body: unknown, extra: Record<string, string> = {}) =>
      fetch(`${server.url}/api/v1${path}`, {
        method: "POST",
        headers: headers({
          "Content-Type": "application/json",
          "Idempotency-Key": `key-${++keys}`,
          ...extra,
        }),
        body: typeof body === "string" ? body : JSON.stringify(body),
      }),
  };
}

async function expectProblem(response: Response, status: number, code?: string) {
  expect(response.status).toBe(status);
  expect(response.headers.get("content-type")).toBe("application/problem+json");
  const body = await response.json();
  expect(body).toMatchObject({ status, title: expect.any(String), detail: expect.any(String) });
  expect(body.type).toMatch(/\/api\/v1\/reference#problem-/);
  if (code) expect(body.code).toBe(code);
  return body;
}

const newReferral = (n: number) => ({
  advocate: advocateHandle,
  contact_name: "Catie Jones",
  contact_email: `catie${n}@fabrikam.test`,
  company: `Fabrikam ${n}`,
});

describe("REST API tokens", () => {
  it("refuses a missing, unknown, revoked or expired token with 401, and a missing scope with 403", async () => {
    await expectProblem(await api(null).get("/referrals"), 401, "token_missing");
    await expectProblem(await api("llt_nope_nope").get("/referrals"), 401, "token_unknown");

    const revoked = await token(["referrals:read"]);
    expect((await api(revoked.token).get("/referrals")).status).toBe(200);
    await revokeApiToken(contextFor(handle.db, admin), { id: revoked.id });
    await expectProblem(await api(revoked.token).get("/referrals"), 401, "token_revoked");

    const expired = await token(["referrals:read"], { expiresInDays: 1 });
    await handle.db
      .updateTable("api_tokens")
      .set({ expires_at: new Date(Date.now() - 1000) })
      .where("id", "=", expired.id)
      .execute();
    await expectProblem(await api(expired.token).get("/referrals"), 401, "token_expired");

    const readOnly = await token(["referrals:read"]);
    const refused = await api(readOnly.token).post("/referrals", newReferral(0));
    await expectProblem(refused, 403, "missing_scope");
    expect(await handle.db.selectFrom("referrals").selectAll().execute()).toHaveLength(0);

    // Stored hashed, last use recorded.
    const row = await handle.db
      .selectFrom("api_tokens")
      .selectAll()
      .where("id", "=", readOnly.id)
      .executeTakeFirstOrThrow();
    expect(row.token_hash).not.toContain(readOnly.token);
    expect(row.last_used_at).not.toBeNull();
  });

  it("answers 429 with Retry-After once a token passes its limit", async () => {
    const limited = await token(["advocates:read"], { rate: 2 });
    expect((await api(limited.token).get("/advocates")).status).toBe(200);
    expect((await api(limited.token).get("/advocates")).status).toBe(200);
    const third = await api(limited.token).get("/advocates");
    await expectProblem(third, 429, "too_many_requests");
    expect(Number(third.headers.get("retry-after"))).toBeGreaterThan(0);
    // Another token is not affected.
    const other = await token(["advocates:read"]);
    expect((await api(other.token).get("/advocates")).status).toBe(200);
  });
});

describe("REST API requests", () => {
  it("refuses malformed bodies with 400, 415 and 422 and changes nothing", async () => {
    const writer = api((await token(["referrals:write"])).token);
    await expectProblem(await writer.post("/referrals", "{not json"), 400, "malformed_json");
    await expectProblem(
      await writer.post("/referrals", "a=b", {
        "Content-Type": "application/x-www-form-urlencoded",
      }),
      415,
    );
    const invalid = await expectProblem(
      await writer.post("/referrals", { ...newReferral(1), contact_email: "nope", extra: 1 }),
      422,
    );
    expect(Object.keys(invalid.errors)).toEqual(expect.arrayContaining(["contact_email"]));
    await expectProblem(
      await writer.post("/referrals", newReferral(1), { "Idempotency-Key": "" }),
      400,
      "idempotency_key_required",
    );
    await expectProblem(
      await writer.post("/referrals", { ...newReferral(1), advocate: "nobody-here" }),
      404,
    );
    expect(await handle.db.selectFrom("referrals").selectAll().execute()).toHaveLength(0);
  });

  it("answers a repeated Idempotency-Key with the first answer, and refuses it with another body", async () => {
    const writer = api((await token(["referrals:write"])).token);
    const key = { "Idempotency-Key": "crm-opportunity-006A000001" };
    const first = await writer.post("/referrals", newReferral(2), key);
    expect(first.status).toBe(201);
    const again = await writer.post("/referrals", newReferral(2), key);
    expect(again.status).toBe(201);
    expect(again.headers.get("idempotent-replayed")).toBe("true");
    expect(await again.json()).toEqual(await first.json());
    await expectProblem(
      await writer.post("/referrals", newReferral(3), key),
      422,
      "idempotency_key_reused",
    );
    const made = await handle.db
      .selectFrom("referrals")
      .select("company")
      .where("company", "like", "Fabrikam %")
      .execute();
    expect(made.map((r) => r.company)).toEqual(["Fabrikam 2"]);
  });

  it("pages with cursors, newest first, until next_cursor is null", async () => {
    const writer = api((await token(["referrals:write"])).token);
    for (let n = 10; n < 15; n++)
      expect((await writer.post("/referrals", newReferral(n))).status).toBe(201);
    const reader = api((await token(["referrals:read"])).token);
    const seen: number[] = [];
    let cursor: string | null = "";
    for (let pages = 0; cursor !== null && pages < 10; pages++) {
      const res = await reader.get(`/referrals?limit=2${cursor ? `&cursor=${cursor}` : ""}`);
      expect(res.status).toBe(200);
      const page = await res.json();
      expect(page.data.length).toBeLessThanOrEqual(2);
      seen.push(...page.data.map((r: { id: number }) => r.id));
      cursor = page.next_cursor;
    }
    expect(cursor).toBeNull();
    expect(seen).toEqual([...seen].sort((a, b) => b - a));
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen.length).toBe(
      await handle.db
        .selectFrom("referrals")
        .selectAll()
        .execute()
        .then((r) => r.length),
    );
    await expectProblem(await reader.get("/referrals?cursor=abc"), 422);
  });

  it("drives a referral from creation to won, and return on relationship follows on /manage", async () => {
    const crm = api((await token(["referrals:write", "referrals:read"])).token);
    const manager = await new TestClient(server.url).signIn(adminEmail);
    const health = async () =>
      (await (await manager.get("/manage?_data=routes%2Fmanage._index")).json()).referrals;
    const before = await health();

    const created = await crm.post("/referrals", newReferral(20));
    expect(created.status).toBe(201);
    const { id } = await created.json();
    await expectProblem(await crm.post(`/referrals/${id}/stage`, { stage: "teleported" }), 422);
    for (const stage of ["contacted", "qualified"])
      expect((await crm.post(`/referrals/${id}/stage`, { stage })).status).toBe(200);
    // A step back is not a transition the pipeline knows: 409, nothing changes.
    await expectProblem(await crm.post(`/referrals/${id}/stage`, { stage: "submitted" }), 409);
    // Revenue and margin are required on a win (the same rule as the page).
    await expectProblem(await crm.post(`/referrals/${id}/stage`, { stage: "won" }), 422);
    const won = await crm.post(`/referrals/${id}/stage`, {
      stage: "won",
      revenue_cents: 4_800_000,
      margin_cents: 1_900_000,
    });
    expect(won.status).toBe(200);
    expect(await won.json()).toMatchObject({
      stage: "won",
      revenue_cents: 4_800_000,
      margin_cents: 1_900_000,
    });
    await expectProblem(await crm.post(`/referrals/${id}/stage`, { stage: "lost" }), 409);

    const after = await health();
    // Going back, or moving a won referral again, is a conflict and changes nothing.
    await expectProblem(await crm.post(`/referrals/${id}/stage`, { stage: "contacted" }), 409);
    expect(after.revenueCents - before.revenueCents).toBe(4_800_000);
    expect(after.marginCents - before.marginCents).toBe(1_900_000);
    expect(after.byStage.won - before.byStage.won).toBe(1);

    const audit = await handle.db
      .selectFrom("audit_log")
      .select("action")
      .where("subject_type", "=", "referral")
      .where("subject_id", "=", id)
      .execute();
    expect(audit.map((a) => a.action)).toContain("referral.stage_changed");
  });

  it("publishes an OpenAPI 3.1 document generated from the request schemas", async () => {
    const res = await fetch(`${server.url}/api/v1/openapi.json`);
    expect(res.status).toBe(200);
    const doc = await res.json();
    expect(doc.openapi).toBe("3.1.0");
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining([
        "/referrals",
        "/referrals/{id}/stage",
        "/advocates",
        "/nps-responses",
      ]),
    );
    expect(doc.components.schemas.StageChange.properties.stage.enum).toContain("won");
    await expectProblem(await fetch(`${server.url}/api/v1/nothing-here`), 404);
  });

  it("records NPS responses from a survey tool", async () => {
    const survey = api((await token(["nps:write"])).token);
    const res = await survey.post("/nps-responses", {
      email: "catie@fabrikam.test",
      score: 10,
      comment: "I would recommend it to anyone.",
      responded_at: "2026-12-01T10:00:00Z",
    });
    expect(res.status).toBe(201);
    expect(await res.json()).toMatchObject({ score: 10, category: "promoter" });
    await expectProblem(
      await survey.post("/nps-responses", {
        email: "x@y.test",
        score: 11,
        responded_at: "2026-12-01T10:00:00Z",
      }),
      422,
    );
  });
});
