import { sha256 } from "@oslojs/crypto/sha2";
import { encodeHexLowerCase } from "@oslojs/encoding";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "../../db/client.ts";
import { createTestDb } from "../support/db.ts";
import { insertUser, TEST_PASSWORD, uniqueSuffix } from "../support/factories.ts";
import { signedIn } from "../support/people.ts";
import { startTestServer, TestClient, type TestServer } from "../support/server.ts";

let handle: DbHandle;
let server: TestServer;

beforeAll(async () => {
  handle = await createTestDb();
  server = await startTestServer(handle, { ALLOWED_ORIGINS: "https://partner.example" });
});
afterAll(async () => {
  await server.close();
  await handle.close();
});

let ipCounter = 0;
/** A new browser tab from its own client address, so throttles of other tests do not touch it. */
const client = (ip = `10.1.${Math.floor(ipCounter / 250)}.${ipCounter++ % 250}`) =>
  new TestClient(server.url, { "X-Forwarded-For": ip });

const signedInAs = (email: string, password = TEST_PASSWORD, c = client()) =>
  signedIn(server, { email }, { password, client: c });

const isSignedIn = async (c: TestClient) => (await c.get("/settings")).status === 200;

/** Everything a request could change, as comparable values. */
async function snapshot() {
  const [users, profiles, sessions, audit, attempts] = await Promise.all([
    handle.db
      .selectFrom("users")
      .select(["id", "email", "handle", "display_name", "role", "password_hash"])
      .orderBy("id")
      .execute(),
    handle.db.selectFrom("profiles").selectAll().orderBy("user_id").execute(),
    handle.db.selectFrom("sessions").select("id").orderBy("id").execute(),
    handle.db.selectFrom("audit_log").select("id").orderBy("id").execute(),
    handle.db.selectFrom("auth_attempts").select("id").orderBy("id").execute(),
  ]);
  return JSON.stringify({ users, profiles, sessions, audit, attempts });
}

describe("sessions", () => {
  it("keep only a hash of the cookie's token in the database", async () => {
    const user = await insertUser(handle.db);
    const c = await signedInAs(user.email);
    const token = c.cookies.get("limelight_session")!;
    const rows = await handle.db
      .selectFrom("sessions")
      .select("id")
      .where("user_id", "=", user.id)
      .execute();
    expect(rows).toEqual([{ id: encodeHexLowerCase(sha256(new TextEncoder().encode(token))) }]);
    // Someone who can read the table cannot use what is in it as a cookie.
    const thief = new TestClient(server.url);
    thief.cookies.set("limelight_session", rows[0].id);
    expect(await isSignedIn(thief)).toBe(false);
  });

  it("replace a session planted before sign-in", async () => {
    const user = await insertUser(handle.db);
    const victim = await insertUser(handle.db);
    // An attacker signs in and plants their own cookie in the victim's browser...
    const planted = (await signedInAs(user.email)).cookies.get("limelight_session")!;
    const browser = client();
    browser.cookies.set("limelight_session", planted);
    // ...the victim then signs in with their own account in that browser.
    await signedInAs(victim.email, TEST_PASSWORD, browser);
    expect(browser.cookies.get("limelight_session")).not.toBe(planted);
    const attacker = new TestClient(server.url);
    attacker.cookies.set("limelight_session", planted);
    expect(await isSignedIn(attacker)).toBe(false);
  });

  it("that expired no longer sign anyone in, and are removed", async () => {
    const user = await insertUser(handle.db);
    const c = await signedInAs(user.email);
    await handle.db
      .updateTable("sessions")
      .set({ expires_at: new Date(Date.now() - 1000) })
      .where("user_id", "=", user.id)
      .execute();
    expect(await isSignedIn(c)).toBe(false);
    const left = await handle.db
      .selectFrom("sessions")
      .select("id")
      .where("user_id", "=", user.id)
      .execute();
    expect(left).toEqual([]);
  });

  it("slide forward while in use and re-send the cookie with the new expiry", async () => {
    const user = await insertUser(handle.db);
    const c = await signedInAs(user.email);
    const soon = new Date(Date.now() + 2 * 86_400_000);
    await handle.db
      .updateTable("sessions")
      .set({ expires_at: soon })
      .where("user_id", "=", user.id)
      .execute();
    const res = await c.get("/settings");
    expect(res.status).toBe(200);
    const cookie = res.headers.getSetCookie().find((x) => x.startsWith("limelight_session="));
    const expires = new Date(/Expires=([^;]+)/.exec(cookie ?? "")?.[1] ?? 0);
    expect(expires.getTime()).toBeGreaterThan(Date.now() + 20 * 86_400_000);
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Lax/);
  });

  it("treat a malformed cookie as signed out, not as a server error", async () => {
    const c = client();
    c.cookies.set("limelight_session", "%E0%A4%A");
    const home = await c.get("/");
    expect(home.status).toBe(200);
    const settings = await c.get("/settings");
    expect(settings.status).toBe(302);
    expect(settings.headers.get("location")).toMatch(/^\/login/);
  });

  it("from sign-up are HttpOnly and SameSite=Lax too", async () => {
    const name = `fresh-${uniqueSuffix()}`;
    const res = await client().post("/signup", {
      email: `${name}@example.test`,
      handle: name,
      displayName: "Fresh Person",
      password: "a long enough passphrase",
    });
    const cookie = res.headers.getSetCookie().find((x) => x.startsWith("limelight_session="));
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Lax/);
  });
});

describe("signing out everywhere", () => {
  it("also ends the session of the device that asked", async () => {
    const user = await insertUser(handle.db);
    const laptop = await signedInAs(user.email);
    const token = laptop.cookies.get("limelight_session")!;
    const res = await laptop.post("/settings?index", { intent: "sign-out-everywhere" });
    expect(res.status).toBe(302);
    expect(res.headers.get("location")).toBe("/login");
    expect(laptop.cookies.has("limelight_session")).toBe(false);
    // A copy of the old cookie (kept by a stolen laptop, say) is useless now.
    const copy = new TestClient(server.url);
    copy.cookies.set("limelight_session", token);
    expect(await isSignedIn(copy)).toBe(false);
  });
});

describe("sign-in throttling", () => {
  it("limits one address across accounts, with Retry-After, even for the right password", async () => {
    const ip = `192.0.2.${100 + Math.floor(Math.random() * 100)}`;
    const user = await insertUser(handle.db);
    for (let i = 0; i < 20; i++) {
      const res = await client(ip).post("/login?_data=routes%2Flogin", {
        email: `nobody-${i}-${uniqueSuffix()}@example.test`,
        password: "not it at all",
      });
      expect(res.status).toBe(401);
    }
    const blocked = await client(ip).post("/login?_data=routes%2Flogin", {
      email: user.email,
      password: TEST_PASSWORD,
    });
    expect(blocked.status).toBe(429);
    const retryAfter = Number(blocked.headers.get("retry-after"));
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(15 * 60);
    expect((await blocked.json()).formError).toMatch(/Too many sign-in attempts.*wait \d+ minute/);
    expect(blocked.headers.getSetCookie()).toEqual([]);
    // The same account from another address is not held back by this address's failures.
    await signedInAs(user.email);
    // No permanent lockout: once the window has passed the address may sign in again.
    await handle.db
      .updateTable("auth_attempts")
      .set({ created_at: new Date(Date.now() - 16 * 60_000) } as never)
      .where("scope", "=", "ip")
      .where("key", "=", ip)
      .execute();
    await signedInAs(user.email, TEST_PASSWORD, client(ip));
  });

  it("holds back an unknown email exactly like a real account", async () => {
    const user = await insertUser(handle.db);
    const ghost = `ghost-${uniqueSuffix()}@example.test`;
    const answers = [];
    for (const email of [user.email, ghost]) {
      const c = client();
      for (let i = 0; i < 5; i++)
        await c.post("/login?_data=routes%2Flogin", { email, password: "wrong guess" });
      const res = await c.post("/login?_data=routes%2Flogin", { email, password: "x" });
      answers.push({ status: res.status, body: await res.json() });
    }
    expect(answers[0].status).toBe(429);
    expect(answers[1]).toEqual({
      status: answers[0].status,
      body: { ...answers[0].body, values: { email: ghost } },
    });
  });

  it("counts an email whatever its case as one account", async () => {
    const user = await insertUser(handle.db);
    const c = client();
    for (let i = 0; i < 5; i++)
      await c.post("/login?_data=routes%2Flogin", {
        email: i % 2 ? user.email.toUpperCase() : user.email,
        password: "wrong guess",
      });
    const res = await c.post("/login?_data=routes%2Flogin", {
      email: ` ${user.email.toUpperCase()} `,
      password: TEST_PASSWORD,
    });
    expect(res.status).toBe(429);
  });
});

describe("cross-origin requests", () => {
  it("are refused with 403 on every action, and change nothing", async () => {
    const admin = await insertUser(handle.db, { role: "admin" });
    const prospect = await insertUser(handle.db);
    const c = await signedInAs(admin.email);
    const before = await snapshot();
    const attempts: [string, Record<string, string>][] = [
      ["/login", { email: admin.email, password: TEST_PASSWORD }],
      [
        "/signup",
        {
          email: `x-${uniqueSuffix()}@example.test`,
          handle: `x-${uniqueSuffix()}`,
          displayName: "X",
          password: "a long enough passphrase",
        },
      ],
      ["/logout", {}],
      ["/settings?index", { intent: "sign-out-everywhere" }],
      [
        "/settings?index",
        {
          intent: "change-password",
          currentPassword: TEST_PASSWORD,
          newPassword: "attacker chosen phrase",
          confirmPassword: "attacker chosen phrase",
        },
      ],
      ["/settings/profile", { displayName: "Pwned", headline: "pwned" }],
      ["/manage/people", { intent: "verify", userId: String(prospect.id) }],
      ["/manage/people", { intent: "change-role", userId: String(prospect.id), role: "admin" }],
    ];
    for (const origin of ["https://evil.example", "null", `${server.url}.evil.example`]) {
      for (const [path, fields] of attempts) {
        const res = await c.post(path, fields, { origin });
        expect(res.status, `${origin} ${path}`).toBe(403);
        expect(res.headers.getSetCookie()).toEqual([]);
      }
    }
    expect(await snapshot()).toBe(before);
    expect(await isSignedIn(c)).toBe(true);
  });

  it("are allowed from an origin listed in ALLOWED_ORIGINS", async () => {
    const user = await insertUser(handle.db);
    const res = await client().post(
      "/login?_data=routes%2Flogin",
      { email: user.email, password: TEST_PASSWORD },
      { origin: "https://partner.example" },
    );
    expect(res.status).toBe(204);
  });
});

describe("GET requests", () => {
  it("never change data, even with an action's fields in the query", async () => {
    const admin = await insertUser(handle.db, { role: "admin" });
    const prospect = await insertUser(handle.db);
    const signedInAdmin = await signedInAs(admin.email);
    const anonymous = client();
    const before = await snapshot();
    const q = (fields: Record<string, string>) => new URLSearchParams(fields).toString();
    const asAnonymous = [
      `/login?${q({ email: admin.email, password: TEST_PASSWORD })}`,
      `/signup?${q({ email: `g-${uniqueSuffix()}@example.test`, handle: `g-${uniqueSuffix()}`, displayName: "G", password: "a long enough passphrase" })}`,
    ];
    const asAdmin = [
      "/logout",
      `/settings?index&${q({ intent: "sign-out-everywhere" })}`,
      `/settings?index&${q({ intent: "change-password", currentPassword: TEST_PASSWORD, newPassword: "a new passphrase", confirmPassword: "a new passphrase" })}`,
      `/settings/profile?${q({ displayName: "Changed by GET", headline: "changed" })}`,
      `/manage/people?${q({ intent: "verify", userId: String(prospect.id) })}`,
      `/manage/people?${q({ intent: "change-role", userId: String(prospect.id), role: "admin" })}`,
      "/manage",
      "/manage/audit",
      "/advocates?q=x",
      `/u/${prospect.handle}`,
    ];
    const withData = (path: string, routeId: string) =>
      `${path}${path.includes("?") ? "&" : "?"}_data=${encodeURIComponent(routeId)}`;
    for (const path of asAnonymous) {
      await anonymous.get(path);
      await anonymous.get(
        withData(path, path.startsWith("/login") ? "routes/login" : "routes/signup"),
      );
      await anonymous.request(path, { method: "HEAD" });
    }
    const routeIds: Record<string, string> = {
      "/logout": "routes/logout",
      "/settings?": "routes/settings._index",
      "/settings/profile": "routes/settings.profile",
      "/manage/people": "routes/manage.people",
    };
    for (const path of asAdmin) {
      const res = await signedInAdmin.get(path);
      expect(res.status, path).toBeLessThan(400);
      const routeId = Object.entries(routeIds).find(([p]) => path.startsWith(p))?.[1];
      if (routeId) await signedInAdmin.get(withData(path, routeId));
      await signedInAdmin.request(path, { method: "HEAD" });
    }
    expect(await snapshot()).toBe(before);
    expect(await isSignedIn(signedInAdmin)).toBe(true);
  });
});

describe("passwords", () => {
  const signUpWith = (password: string) => {
    const name = `pw-${uniqueSuffix()}`;
    return client().post("/signup?_data=routes%2Fsignup", {
      email: `${name}@example.test`,
      handle: name,
      displayName: "Pass Word",
      password,
    });
  };

  it("of exactly 8 and exactly 128 characters are accepted", async () => {
    expect((await signUpWith("8 chars!")).status).toBe(204);
    // A varied filler: one character repeated is refused as a pattern, whatever its length.
    expect((await signUpWith("pq".repeat(63) + "r!")).status).toBe(204);
  });

  it("need no particular mix of characters", async () => {
    expect((await signUpWith("onlylowercaseletters")).status).toBe(204);
    expect((await signUpWith("94817263")).status).toBe(204);
  });

  it("that are common are refused, whatever their case", async () => {
    const res = await signUpWith("Password123");
    expect(res.status).toBe(400);
    expect((await res.json()).fieldErrors.password).toMatch(/common/);
  });
});

describe("changing the password", () => {
  const change = (c: TestClient, fields: Record<string, string>) =>
    c.post("/settings?index&_data=routes%2Fsettings._index", {
      intent: "change-password",
      ...fields,
    });

  it("needs the current password, and changes nothing without it", async () => {
    const user = await insertUser(handle.db);
    const laptop = await signedInAs(user.email);
    const phone = await signedInAs(user.email);
    const res = await change(laptop, {
      currentPassword: "not my password",
      newPassword: "a fresh new passphrase",
      confirmPassword: "a fresh new passphrase",
    });
    expect(res.status).toBe(400);
    expect((await res.json()).fieldErrors.currentPassword).toMatch(/current password/);
    expect(await isSignedIn(phone)).toBe(true);
    await signedInAs(user.email, TEST_PASSWORD);
    const missing = await change(laptop, {
      currentPassword: "",
      newPassword: "a fresh new passphrase",
      confirmPassword: "a fresh new passphrase",
    });
    expect(missing.status).toBe(400);
    expect((await missing.json()).fieldErrors.currentPassword).toBeTruthy();
  });

  it("applies the password rules to the new one", async () => {
    const user = await insertUser(handle.db);
    const c = await signedInAs(user.email);
    const common = await change(c, {
      currentPassword: TEST_PASSWORD,
      newPassword: "qwerty123",
      confirmPassword: "qwerty123",
    });
    expect(common.status).toBe(400);
    expect((await common.json()).fieldErrors.newPassword).toMatch(/common/);
    const mismatch = await change(c, {
      currentPassword: TEST_PASSWORD,
      newPassword: "a fresh new passphrase",
      confirmPassword: "a fresh new passphrasf",
    });
    expect(mismatch.status).toBe(400);
    expect((await mismatch.json()).fieldErrors.confirmPassword).toMatch(/do not match/);
    await signedInAs(user.email, TEST_PASSWORD);
  });

  it("signs out other devices, keeps this one, and is audited", async () => {
    const user = await insertUser(handle.db);
    const laptop = await signedInAs(user.email);
    const phone = await signedInAs(user.email);
    const res = await change(laptop, {
      currentPassword: TEST_PASSWORD,
      newPassword: "a fresh new passphrase",
      confirmPassword: "a fresh new passphrase",
    });
    expect(res.status).toBe(204);
    expect(res.headers.get("x-remix-redirect")).toBe("/settings");
    expect(await isSignedIn(laptop)).toBe(true);
    expect(await isSignedIn(phone)).toBe(false);
    const old = await client().post("/login?_data=routes%2Flogin", {
      email: user.email,
      password: TEST_PASSWORD,
    });
    expect(old.status).toBe(401);
    await signedInAs(user.email, "a fresh new passphrase");
    const audit = await handle.db
      .selectFrom("audit_log")
      .selectAll()
      .where("action", "=", "user.password_changed")
      .where("subject_id", "=", String(user.id))
      .execute();
    expect(audit).toHaveLength(1);
    expect(audit[0].actor_id).toBe(user.id);
    expect(JSON.stringify(audit[0])).not.toContain("fresh new passphrase");
  });
});

describe("sign-in redirects", () => {
  it("stay on this site", async () => {
    const user = await insertUser(handle.db);
    for (const [redirectTo, expected] of [
      ["/advocates?tag=sso", "/advocates?tag=sso"],
      ["https://evil.example/phish", "/"],
      ["//evil.example/phish", "/"],
      ["/\\evil.example/phish", "/"],
      ["/\t/evil.example/phish", "/"],
      // The router would turn x/.. into nothing and leave "/\evil.test", another site.
      ["/x/../\\evil.test", "/"],
      ["/zoë/café", "/zo%C3%AB/caf%C3%A9"],
    ]) {
      const res = await client().post("/login", {
        email: user.email,
        password: TEST_PASSWORD,
        redirectTo,
      });
      expect(res.status).toBe(302);
      expect(res.headers.get("location"), JSON.stringify(redirectTo)).toBe(expected);
    }
  });
});

describe("security headers", () => {
  it("come with every kind of answer, with a fresh nonce each time", async () => {
    const nonces = new Set<string>();
    for (const path of [
      "/",
      "/login",
      "/does-not-exist",
      "/healthz",
      "/advocates?_data=routes%2Fadvocates",
    ]) {
      const res = await client().get(path);
      const csp = res.headers.get("content-security-policy") ?? "";
      expect(csp, path).toContain("frame-ancestors 'none'");
      expect(csp).toContain("object-src 'none'");
      expect(csp).toContain("base-uri 'self'");
      expect(csp).toContain("form-action 'self'");
      expect(csp).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]{16,}' 'strict-dynamic'/);
      expect(csp).not.toMatch(/script-src[^;]*'unsafe-inline'/);
      nonces.add(/'nonce-([^']+)'/.exec(csp)![1]);
      expect(res.headers.get("x-content-type-options")).toBe("nosniff");
      expect(res.headers.get("referrer-policy")).toBe("strict-origin-when-cross-origin");
      expect(res.headers.get("x-frame-options")).toBe("DENY");
      expect(res.headers.get("x-powered-by")).toBeNull();
    }
    expect(nonces.size).toBe(5);
  });

  it("put the nonce on every script the page carries", async () => {
    const res = await client().get("/");
    const nonce = /'nonce-([^']+)'/.exec(res.headers.get("content-security-policy")!)![1];
    const scripts = (await res.text()).match(/<script\b[^>]*>/g) ?? [];
    expect(scripts.length).toBeGreaterThan(0);
    for (const tag of scripts) expect(tag).toContain(`nonce="${nonce}"`);
  });

  it("leave HSTS out when the site is not served over HTTPS", async () => {
    const res = await client().get("/");
    expect(res.headers.get("strict-transport-security")).toBeNull();
  });
});
