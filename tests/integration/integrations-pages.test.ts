import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "../../db/client.ts";
import { createTestDb } from "../support/db.ts";
import { insertUser } from "../support/factories.ts";
import { startTestServer, TestClient, type TestServer } from "../support/server.ts";

let handle: DbHandle;
let server: TestServer;
let admin: TestClient;
let manager: TestClient;

const WEBHOOKS =
  "/manage/integrations/webhooks?index&_data=routes%2Fmanage.integrations.webhooks._index";
const TOKENS = "/manage/integrations/tokens?_data=routes%2Fmanage.integrations.tokens";

/** Posts a form with repeated fields (checkbox groups), as a browser sends it. */
function post(client: TestClient, path: string, fields: [string, string][]) {
  return client.request(path, {
    method: "POST",
    headers: { Origin: server.url, "Content-Type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams(fields).toString(),
  });
}

beforeAll(async () => {
  handle = await createTestDb();
  server = await startTestServer(handle, { OUTBOX_POLL_MS: "600000" });
  admin = await new TestClient(server.url).signIn(
    (await insertUser(handle.db, { role: "admin" })).email,
  );
  manager = await new TestClient(server.url).signIn(
    (await insertUser(handle.db, { role: "manager" })).email,
  );
});

afterAll(async () => {
  await server?.close();
  await handle?.close();
});

const endpointCount = async () =>
  Number(
    (
      await handle.db
        .selectFrom("webhook_endpoints")
        .select((eb) => eb.fn.countAll().as("n"))
        .executeTakeFirstOrThrow()
    ).n,
  );

describe("the webhooks page", () => {
  it("is refused to a manager who is not an admin, reading or writing", async () => {
    expect((await manager.get(WEBHOOKS)).status).toBe(403);
    const res = await post(manager, WEBHOOKS, [
      ["intent", "create"],
      ["url", "https://crm.example.com/hooks"],
      ["events", "referral.won"],
    ]);
    expect(res.status).toBe(403);
    expect(await endpointCount()).toBe(0);
  });

  it("answers bad input with 400 and a message next to each field, changing nothing", async () => {
    const res = await post(admin, WEBHOOKS, [
      ["intent", "create"],
      ["url", ""],
      ["events", "no.such_event"],
    ]);
    expect(res.status).toBe(400);
    const body = await res.json();
    expect(body.fieldErrors.url).toMatch(/address/);
    expect(body.fieldErrors.events).toBeTruthy();
    const none = await post(admin, WEBHOOKS, [
      ["intent", "create"],
      ["url", "https://crm.example.com/h"],
    ]);
    expect((await none.json()).fieldErrors.events).toBe("Choose at least one event.");
    // A private address without the switch is refused by the command, next to the address.
    const local = await post(admin, WEBHOOKS, [
      ["intent", "create"],
      ["url", "http://127.0.0.1:9/hooks"],
      ["events", "referral.won"],
    ]);
    expect(local.status).toBeGreaterThanOrEqual(400);
    expect(local.status).toBeLessThan(500);
    expect((await local.json()).fieldErrors.url).toBeTruthy();
    expect(await endpointCount()).toBe(0);
  });

  it("shows the secret once, on creation, and lists the endpoint without it", async () => {
    const res = await post(admin, WEBHOOKS, [
      ["intent", "create"],
      ["url", "https://crm.example.com/hooks/limelight"],
      ["events", "referral.won"],
      ["events", "story.published"],
    ]);
    expect(res.status).toBe(201);
    const { secret } = await res.json();
    expect(secret.value).toMatch(/^whsec_/);
    const listed = await (await admin.get(WEBHOOKS)).text();
    expect(listed).toContain("https://crm.example.com/hooks/limelight");
    expect(listed).toContain("story.published");
    expect(listed).not.toContain(secret.value);
  });
  it("shows a rotated secret once, and deletes an endpoint", async () => {
    const [endpoint] = await handle.db
      .selectFrom("webhook_endpoints")
      .select(["id", "secret"])
      .execute();
    const rotated = await post(admin, WEBHOOKS, [
      ["intent", "rotate"],
      ["id", String(endpoint.id)],
    ]);
    expect(rotated.status).toBe(200);
    const { secret } = await rotated.json();
    expect(secret.value).not.toBe(endpoint.secret);
    expect(await (await admin.get(WEBHOOKS)).text()).not.toContain(secret.value);
    const bad = await post(admin, WEBHOOKS, [
      ["intent", "delete"],
      ["id", "0"],
    ]);
    expect(bad.status).toBe(400);
    const deleted = await post(admin, WEBHOOKS, [
      ["intent", "delete"],
      ["id", String(endpoint.id)],
    ]);
    expect(deleted.status).toBe(200);
    expect(await endpointCount()).toBe(0);
  });
});

describe("the API tokens page", () => {
  it("is refused to a non-admin", async () => {
    expect((await manager.get(TOKENS)).status).toBe(403);
    const res = await post(manager, TOKENS, [
      ["intent", "create"],
      ["name", "CRM"],
      ["scopes", "referrals:read"],
    ]);
    expect(res.status).toBe(403);
  });

  it("answers bad input with 400 and field messages", async () => {
    const res = await post(admin, TOKENS, [
      ["intent", "create"],
      ["name", " "],
      ["expiresInDays", "soon"],
    ]);
    expect(res.status).toBe(400);
    const { fieldErrors } = await res.json();
    expect(Object.keys(fieldErrors).sort()).toEqual(["expiresInDays", "name", "scopes"]);
    const rows = await handle.db.selectFrom("api_tokens").select("id").execute();
    expect(rows).toHaveLength(0);
  });

  it("shows a new token once, lists it by prefix, and revokes it", async () => {
    const res = await post(admin, TOKENS, [
      ["intent", "create"],
      ["name", "HubSpot"],
      ["scopes", "referrals:read"],
      ["scopes", "referrals:write"],
      ["expiresInDays", "30"],
    ]);
    expect(res.status).toBe(201);
    const { token } = await res.json();
    expect(token.value).toMatch(/^llt_/);
    const list = await (await admin.get(TOKENS)).json();
    expect(JSON.stringify(list)).not.toContain(token.value);
    const listed = list.tokens.find((t: { name: string }) => t.name === "HubSpot");
    expect(listed.scopes).toEqual(["referrals:read", "referrals:write"]);
    expect(token.value.startsWith(listed.prefix)).toBe(true);

    const revoked = await post(admin, TOKENS, [
      ["intent", "revoke"],
      ["id", String(listed.id)],
    ]);
    expect(revoked.status).toBe(200);
    const api = await fetch(`${server.url}/api/v1/referrals`, {
      headers: { Authorization: `Bearer ${token.value}` },
    });
    expect(api.status).toBe(401);
  });
});

describe("the API reference page", () => {
  it("lists the operations and gives the problem type a refusal links to its anchor", async () => {
    const refused = await fetch(`${server.url}/api/v1/referrals`);
    const problem = await refused.json();
    const [page, anchor] = problem.type.split("#");
    expect(new URL(page).pathname).toBe("/api/v1/reference");
    const html = await (await fetch(`${server.url}/api/v1/reference`)).text();
    expect(html).toContain(`id="${anchor}"`);
    expect(html).toContain("/referrals/{id}/stage");
  });
});
