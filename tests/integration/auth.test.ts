import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "../../db/client.ts";
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

const client = (
  ip = `10.0.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}`,
) => new TestClient(server.url, { "X-Forwarded-For": ip });

async function signIn(c: TestClient, email: string, password = TEST_PASSWORD) {
  return c.post("/login?_data=routes%2Flogin", { email, password });
}

describe("sign-up", () => {
  it("creates a prospect with a profile and signs them in", async () => {
    const c = client();
    const handleName = `new-${uniqueSuffix()}`;
    const res = await c.post("/signup", {
      email: `${handleName}@example.test`,
      handle: handleName,
      displayName: "New Person",
      password: "a long enough passphrase",
    });
    expect(res.status).toBe(302);
    expect(res.headers.get("location")).toBe("/settings/profile");
    const user = await handle.db
      .selectFrom("users")
      .selectAll()
      .where("handle", "=", handleName)
      .executeTakeFirstOrThrow();
    expect(user.role).toBe("prospect");
    expect(user.password_hash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    const profile = await handle.db
      .selectFrom("profiles")
      .selectAll()
      .where("user_id", "=", user.id)
      .executeTakeFirst();
    expect(profile).toBeDefined();
    const settings = await c.get("/settings");
    expect(settings.status).toBe(200);
  });

  it("refuses bad input field by field and writes nothing", async () => {
    const before = await handle.db
      .selectFrom("users")
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .executeTakeFirstOrThrow();
    const res = await client().post("/signup?_data=routes%2Fsignup", {
      email: "not-an-email",
      handle: "a",
      displayName: "",
      password: "password123",
    });
    expect(res.status).toBe(400);
    const body = await res.json();
    expect(Object.keys(body.fieldErrors).sort()).toEqual([
      "displayName",
      "email",
      "handle",
      "password",
    ]);
    expect(body.fieldErrors.password).toMatch(/common/);
    expect(JSON.stringify(body.values)).not.toContain("password123");
    const after = await handle.db
      .selectFrom("users")
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .executeTakeFirstOrThrow();
    expect(after.n).toBe(before.n);
  });

  it("enforces password length 8 to 128", async () => {
    const tooShort = await client().post("/signup?_data=routes%2Fsignup", {
      email: `s-${uniqueSuffix()}@example.test`,
      handle: `s-${uniqueSuffix()}`,
      displayName: "S",
      password: "short12",
    });
    expect((await tooShort.json()).fieldErrors.password).toMatch(/at least 8/);
    const tooLong = await client().post("/signup?_data=routes%2Fsignup", {
      email: `l-${uniqueSuffix()}@example.test`,
      handle: `l-${uniqueSuffix()}`,
      displayName: "L",
      password: "x".repeat(129),
    });
    expect((await tooLong.json()).fieldErrors.password).toMatch(/at most 128/);
  });

  it("does not confirm that an email has an account, and answers 409 next to a taken handle", async () => {
    const existing = await insertUser(handle.db);
    const res = await client().post("/signup?_data=routes%2Fsignup", {
      email: existing.email.toUpperCase(),
      handle: `other-${uniqueSuffix()}`,
      displayName: "Someone",
      password: "another good passphrase",
    });
    expect(res.status).toBe(400);
    const body = await res.json();
    expect(body.fieldErrors).toBeUndefined();
    expect(body.formError).toMatch(/could not create an account with these details/);
    expect(JSON.stringify(body)).not.toMatch(/already|exists|taken|registered/i);
    expect(body.values.email).toBe(existing.email);
    const res2 = await client().post("/signup?_data=routes%2Fsignup", {
      email: `fresh-${uniqueSuffix()}@example.test`,
      handle: existing.handle.toUpperCase(),
      displayName: "Someone",
      password: "another good passphrase",
    });
    expect(res2.status).toBe(409);
    expect((await res2.json()).fieldErrors.handle).toMatch(/taken/);
  });
});

describe("sign-in", () => {
  it("gives the same message and status for an unknown email and a wrong password", async () => {
    const user = await insertUser(handle.db);
    const unknown = await signIn(client(), `nobody-${uniqueSuffix()}@example.test`);
    const wrong = await signIn(client(), user.email, "not the password at all");
    expect(unknown.status).toBe(401);
    expect(wrong.status).toBe(401);
    expect(await unknown.json()).toMatchObject({ formError: expect.any(String) });
    const a = (
      await signIn(client(), `nobody-${uniqueSuffix()}@example.test`).then((r) => r.json())
    ).formError;
    const b = (await signIn(client(), user.email, "still not the password").then((r) => r.json()))
      .formError;
    expect(a).toBe(b);
  });

  it("rotates the session id at sign-in and the old cookie stops working", async () => {
    const user = await insertUser(handle.db);
    const c = client();
    expect((await signIn(c, user.email)).status).toBe(204);
    const first = c.cookieHeader();
    expect((await signIn(c, user.email)).status).toBe(204);
    const second = c.cookieHeader();
    expect(second).not.toBe(first);
    const stale = new TestClient(server.url);
    stale.cookies.set("limelight_session", first.split("=")[1]);
    const res = await stale.get("/settings");
    expect(res.status).toBe(302);
    expect(res.headers.get("location")).toMatch(/^\/login/);
  });

  it("sets an HttpOnly, SameSite=Lax cookie", async () => {
    const user = await insertUser(handle.db);
    const res = await client().post("/login", { email: user.email, password: TEST_PASSWORD });
    const cookie = res.headers.getSetCookie().find((c) => c.startsWith("limelight_session="));
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Lax/);
    expect(cookie).toMatch(/Path=\//);
  });

  it("throttles repeated failures per account with 429 and Retry-After, then lets a later try through", async () => {
    const user = await insertUser(handle.db);
    const c = client();
    for (let i = 0; i < 5; i++)
      expect((await signIn(c, user.email, "wrong password")).status).toBe(401);
    const blocked = await signIn(c, user.email);
    expect(blocked.status).toBe(429);
    expect(Number(blocked.headers.get("retry-after"))).toBeGreaterThan(0);
    // No permanent lockout: once the window has passed, the right password works again.
    await handle.db
      .updateTable("auth_attempts")
      .set({ created_at: new Date(Date.now() - 20 * 60_000) } as never)
      .where("key", "=", user.email)
      .execute();
    expect((await signIn(client(), user.email)).status).toBe(204);
  });

  it("throttles per IP across accounts", async () => {
    const c = client(`192.0.2.${Math.floor(Math.random() * 200)}`);
    for (let i = 0; i < 20; i++)
      await signIn(c, `ghost-${i}-${uniqueSuffix()}@example.test`, "nope nope");
    const res = await signIn(c, `ghost-last-${uniqueSuffix()}@example.test`, "nope nope");
    expect(res.status).toBe(429);
  });
});

describe("sign-out", () => {
  it("is POST only and makes the old cookie useless", async () => {
    const user = await insertUser(handle.db);
    const c = client();
    await signIn(c, user.email);
    const cookie = c.cookieHeader();
    const get = await c.get("/logout");
    expect(get.status).toBe(302);
    expect((await c.get("/settings")).status).toBe(200);
    const out = await c.post("/logout", {});
    expect(out.status).toBe(302);
    const replay = await fetch(`${server.url}/settings`, {
      headers: { Cookie: cookie },
      redirect: "manual",
    });
    expect(replay.status).toBe(302);
  });

  it("signs out everywhere", async () => {
    const user = await insertUser(handle.db);
    const laptop = client();
    const phone = client();
    await signIn(laptop, user.email);
    await signIn(phone, user.email);
    const res = await laptop.post("/settings?index&_data=routes%2Fsettings._index", {
      intent: "sign-out-everywhere",
    });
    expect(res.status).toBe(204);
    expect((await phone.get("/settings")).status).toBe(302);
    const left = await handle.db
      .selectFrom("sessions")
      .selectAll()
      .where("user_id", "=", user.id)
      .execute();
    expect(left).toHaveLength(0);
  });
});

describe("request safety", () => {
  it("refuses state-changing requests from a foreign Origin with 403", async () => {
    const user = await insertUser(handle.db);
    const res = await client().post(
      "/login",
      { email: user.email, password: TEST_PASSWORD },
      { origin: "https://evil.example" },
    );
    expect(res.status).toBe(403);
    expect(res.headers.getSetCookie()).toHaveLength(0);
  });

  it("sends security headers with a CSP nonce", async () => {
    const res = await client().get("/login");
    const csp = res.headers.get("content-security-policy") ?? "";
    const nonce = /'nonce-([^']+)'/.exec(csp)?.[1];
    expect(nonce).toBeTruthy();
    expect(csp).toContain("frame-ancestors 'none'");
    expect(res.headers.get("x-content-type-options")).toBe("nosniff");
    expect(res.headers.get("referrer-policy")).toBe("strict-origin-when-cross-origin");
    const html = await res.text();
    expect(html).toContain(`nonce="${nonce}"`);
  });
});

describe("production cookies", () => {
  it("are Secure and __Host- prefixed, with HSTS", async () => {
    const secure = await startTestServer(handle, { COOKIE_SECURE: "true" });
    try {
      const user = await insertUser(handle.db);
      const c = new TestClient(secure.url, { "X-Forwarded-For": "198.51.100.7" });
      const res = await c.post("/login", { email: user.email, password: TEST_PASSWORD });
      const cookie = res.headers
        .getSetCookie()
        .find((x) => x.startsWith("__Host-limelight_session="));
      expect(cookie).toMatch(/; Secure/);
      expect(cookie).not.toMatch(/Domain=/i);
      expect(res.headers.get("strict-transport-security")).toMatch(/max-age=\d+/);
    } finally {
      await secure.close();
    }
  });
});
