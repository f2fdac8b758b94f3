import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "../../db/client.ts";
import type { Role } from "../../db/schema.ts";
import { ForbiddenError } from "../../app/modules/auth/errors.ts";
import { changeRole, verifyCustomer } from "../../app/modules/auth/users.server.ts";
import { contextFor } from "../../app/modules/commands/command.server.ts";
import { createTestDb } from "../support/db.ts";
import { insertUser, TEST_PASSWORD, uniqueSuffix } from "../support/factories.ts";
import { signedIn, tab } from "../support/people.ts";
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

const client = () => tab(server);

async function signedInAs(role: Role) {
  const user = await insertUser(handle.db, { role });
  return { user, c: await signedIn(server, user) };
}

const MANAGE = "/manage/people?_data=routes%2Fmanage.people";
const verify = (c: TestClient, userId: number) =>
  c.post(MANAGE, { intent: "verify", userId: String(userId) });
const setRole = (c: TestClient, userId: number, role: string) =>
  c.post(MANAGE, { intent: "change-role", userId: String(userId), role });

const userRow = (id: number) =>
  handle.db.selectFrom("users").selectAll().where("id", "=", id).executeTakeFirstOrThrow();
const auditFor = (id: number) =>
  handle.db
    .selectFrom("audit_log")
    .selectAll()
    .where("subject_type", "=", "user")
    .where("subject_id", "=", String(id))
    .orderBy("id")
    .execute();

describe("sign-up", () => {
  it("makes a prospect, who is not listed among the advocates", async () => {
    const name = `joiner-${uniqueSuffix()}`;
    const c = client();
    const res = await c.post("/signup", {
      email: `${name}@example.test`,
      handle: name,
      displayName: "Joiner Person",
      password: "a long enough passphrase",
      // A role sent with the form is ignored.
      role: "admin",
    });
    expect(res.status).toBe(302);
    const user = await handle.db
      .selectFrom("users")
      .selectAll()
      .where("handle", "=", name)
      .executeTakeFirstOrThrow();
    expect(user.role).toBe("prospect");
    expect(user.verified_customer_at).toBeNull();
    const directory = await (await c.get(`/advocates?q=${name}&_data=routes%2Fadvocates`)).json();
    expect(directory.total).toBe(0);
  });
});

describe("verifying a customer", () => {
  it("makes a prospect an advocate, recording who did it and when", async () => {
    const { user: manager, c } = await signedInAs("manager");
    const prospect = await insertUser(handle.db);
    const before = Date.now();
    const res = await c.post("/manage/people", { intent: "verify", userId: String(prospect.id) });
    expect(res.status).toBe(302);
    expect(res.headers.get("location")).toBe("/manage/people");
    const row = await userRow(prospect.id);
    expect(row.role).toBe("advocate");
    expect(row.verified_by).toBe(manager.id);
    expect(row.verified_customer_at!.getTime()).toBeGreaterThanOrEqual(before - 1000);
    const audit = await auditFor(prospect.id);
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({
      actor_id: manager.id,
      action: "user.verified_customer",
      details: { from: "prospect", to: "advocate" },
    });
    expect(audit[0].created_at.getTime()).toBeGreaterThanOrEqual(before - 1000);
    // The manager sees it in the audit log, with their name on it.
    const log = await (await c.get("/manage/audit?_data=routes%2Fmanage.audit")).json();
    expect(log.rows[0]).toMatchObject({
      action: "user.verified_customer",
      subject_id: String(prospect.id),
      actor_handle: manager.handle,
    });
    // And the new advocate now appears in the directory.
    const directory = await (
      await client().get(`/advocates?q=${prospect.handle}&_data=routes%2Fadvocates`)
    ).json();
    expect(directory.rows.map((r: { id: number }) => r.id)).toEqual([prospect.id]);
  });

  it("twice answers 409 and changes nothing more", async () => {
    const { c } = await signedInAs("manager");
    const prospect = await insertUser(handle.db);
    expect((await verify(c, prospect.id)).status).toBe(204);
    const first = await userRow(prospect.id);
    const again = await verify(c, prospect.id);
    expect(again.status).toBe(409);
    expect((await again.json()).formError).toMatch(/already an advocate/);
    expect(await userRow(prospect.id)).toEqual(first);
    expect(await auditFor(prospect.id)).toHaveLength(1);
  });

  it("is open to admins too", async () => {
    const { user: admin, c } = await signedInAs("admin");
    const prospect = await insertUser(handle.db);
    expect((await verify(c, prospect.id)).status).toBe(204);
    expect((await userRow(prospect.id)).verified_by).toBe(admin.id);
  });

  it("of someone who does not exist answers 404", async () => {
    const { c } = await signedInAs("manager");
    const res = await verify(c, 987_654);
    expect(res.status).toBe(404);
  });

  it("is refused with 403 to advocates and prospects, and to their pages", async () => {
    const prospect = await insertUser(handle.db);
    for (const role of ["advocate", "prospect"] as const) {
      const { c } = await signedInAs(role);
      const res = await verify(c, prospect.id);
      expect(res.status, role).toBe(403);
      expect((await c.get("/manage")).status).toBe(403);
      expect((await c.get("/manage/audit")).status).toBe(403);
      expect((await c.get("/manage?_data=routes%2Fmanage._index")).status).toBe(403);
      expect((await c.get("/manage/people")).status).toBe(403);
      const page = await c.get("/manage");
      expect(await page.text()).toContain("You do not have access");
    }
    expect((await userRow(prospect.id)).role).toBe("prospect");
    expect(await auditFor(prospect.id)).toEqual([]);
  });

  it("sends anonymous visitors to sign in first", async () => {
    const prospect = await insertUser(handle.db);
    const res = await client().post("/manage/people", {
      intent: "verify",
      userId: String(prospect.id),
    });
    expect(res.status).toBe(302);
    expect(res.headers.get("location")).toMatch(/^\/login\?redirectTo=/);
    expect((await userRow(prospect.id)).role).toBe("prospect");
  });

  it("is refused by the domain function itself, whoever calls it", async () => {
    const prospect = await insertUser(handle.db);
    const advocate = await insertUser(handle.db, { role: "advocate" });
    await expect(
      verifyCustomer(contextFor(handle.db, { id: advocate.id, role: "advocate" }), {
        userId: prospect.id,
      }),
    ).rejects.toBeInstanceOf(ForbiddenError);
    expect((await userRow(prospect.id)).role).toBe("prospect");
  });
});

describe("changing roles", () => {
  it("is for admins only: a manager gets 403 and nothing changes", async () => {
    const { c } = await signedInAs("manager");
    const target = await insertUser(handle.db, { role: "advocate" });
    const res = await setRole(c, target.id, "manager");
    expect(res.status).toBe(403);
    expect((await res.json()).formError).toMatch(/Only admins/);
    expect((await userRow(target.id)).role).toBe("advocate");
    expect(await auditFor(target.id)).toEqual([]);
    // Managers do not even see the role controls.
    const page = await (await c.get("/manage/people?_data=routes%2Fmanage.people")).json();
    expect(page.canChangeRoles).toBe(false);
  });

  it("by an admin writes an audit row with who, from what and to what", async () => {
    const { user: admin, c } = await signedInAs("admin");
    const target = await insertUser(handle.db, { role: "advocate" });
    const res = await c.post("/manage/people", {
      intent: "change-role",
      userId: String(target.id),
      role: "manager",
    });
    expect(res.status).toBe(302);
    expect((await userRow(target.id)).role).toBe("manager");
    const audit = await auditFor(target.id);
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({
      actor_id: admin.id,
      action: "user.role_changed",
      details: { from: "advocate", to: "manager" },
    });
    // The new manager can now reach the manager pages.
    const promoted = client();
    await promoted.post("/login?_data=routes%2Flogin", {
      email: target.email,
      password: TEST_PASSWORD,
    });
    expect((await promoted.get("/manage")).status).toBe(200);
  });

  it("to the same role writes nothing", async () => {
    const { c } = await signedInAs("admin");
    const target = await insertUser(handle.db, { role: "advocate" });
    expect((await setRole(c, target.id, "advocate")).status).toBe(204);
    expect(await auditFor(target.id)).toEqual([]);
  });

  it("refuses a role that does not exist", async () => {
    const { c } = await signedInAs("admin");
    const target = await insertUser(handle.db);
    const res = await setRole(c, target.id, "superuser");
    expect(res.status).toBe(400);
    expect((await userRow(target.id)).role).toBe("prospect");
  });

  it("does not let an admin demote themself", async () => {
    const { user: admin, c } = await signedInAs("admin");
    for (const role of ["manager", "advocate", "prospect"]) {
      const res = await setRole(c, admin.id, role);
      expect(res.status, role).toBe(409);
      expect((await res.json()).formError).toMatch(/cannot remove your own admin role/);
    }
    expect((await userRow(admin.id)).role).toBe("admin");
    expect(await auditFor(admin.id)).toEqual([]);
  });

  it("is refused by the domain function for anyone but an admin", async () => {
    const target = await insertUser(handle.db);
    for (const role of ["prospect", "advocate", "manager"] as const) {
      const actor = await insertUser(handle.db, { role });
      await expect(
        changeRole(contextFor(handle.db, { id: actor.id, role }), {
          userId: target.id,
          role: "admin",
        }),
      ).rejects.toBeInstanceOf(ForbiddenError);
    }
    expect((await userRow(target.id)).role).toBe("prospect");
  });

  it("takes effect on the person's next request, without signing in again", async () => {
    const { c: adminClient } = await signedInAs("admin");
    const { user: manager, c: managerClient } = await signedInAs("manager");
    expect((await managerClient.get("/manage")).status).toBe(200);
    expect((await setRole(adminClient, manager.id, "advocate")).status).toBe(204);
    expect((await managerClient.get("/manage")).status).toBe(403);
  });
});
