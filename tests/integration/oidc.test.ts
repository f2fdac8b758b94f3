import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "../../db/client.ts";
import { contextFor } from "../../app/modules/commands/command.server.ts";
import { PENDING_COOKIE } from "../../app/modules/auth/oidc.server.ts";
import { validateSessionToken } from "../../app/modules/auth/session.server.ts";
import { unseal } from "../../app/modules/auth/secret-box.server.ts";
import { saveSignInSettings } from "../../app/modules/auth/sign-in-settings.server.ts";
import type { SignInSettingsInput } from "../../app/modules/auth/sign-in-validation.ts";
import { EnvError, loadEnv as loadEnvFrom } from "../../app/utils/env.server.ts";
import { createTestDb } from "../support/db.ts";
import { insertUser, uniqueSuffix } from "../support/factories.ts";
import { signInAtIdp, startTestIdp, type IdpAccount, type TestIdp } from "../support/oidc.ts";
import { startTestServer, TestClient, type TestServer } from "../support/server.ts";

let handle: DbHandle;
let server: TestServer;
let idp: TestIdp;
let admin: Awaited<ReturnType<typeof insertUser>>;
let callback: string;

const settingsFor = (provider: TestIdp, changes: Partial<SignInSettingsInput> = {}) => ({
  enabled: true,
  issuer: provider.issuer,
  clientId: provider.clientId,
  clientSecret: provider.clientSecret,
  buttonLabel: "Sign in with Acme SSO",
  advocateClaim: "groups",
  advocateValue: "customers",
  passwordSignUp: true,
  ...changes,
});

async function configure(changes: Partial<SignInSettingsInput> = {}, provider = idp) {
  await saveSignInSettings(contextFor(handle.db, { id: admin.id, role: "admin" }), {
    ...settingsFor(provider, changes),
    encryptionKey: server.env.SETTINGS_ENCRYPTION_KEY,
  });
}

beforeAll(async () => {
  handle = await createTestDb();
  server = await startTestServer(handle);
  callback = `${server.url}/auth/oidc/callback`;
  idp = await startTestIdp({ redirectUri: callback });
  admin = await insertUser(handle.db, { role: "admin" });
  await configure();
});

afterAll(async () => {
  await idp?.close();
  await server?.close();
  await handle?.close();
});

/** A person known to the provider, with a fresh login and email. */
function idpPerson(account: Partial<IdpAccount> = {}, provider = idp) {
  const login = `person-${uniqueSuffix()}`;
  const person = {
    email: `${login}@acme.test`,
    email_verified: true,
    name: "Ana Lima",
    ...account,
  };
  provider.accounts.set(login, person);
  return { login, ...person };
}

/** Follows the sign-in button: the browser is sent to the provider with a sealed cookie. */
async function start(client: TestClient, redirectTo = "/") {
  const res = await client.get(`/auth/oidc/start?${new URLSearchParams({ redirectTo })}`);
  expect(res.status).toBe(302);
  return res.headers.get("Location")!;
}

/** The whole round trip; answers where Limelight sent the browser at the end. */
async function signInThrough(client: TestClient, login: string, redirectTo = "/") {
  const back = await signInAtIdp(await start(client, redirectTo), login, callback);
  const res = await client.get(`${back.pathname}${back.search}`);
  expect(res.status).toBe(302);
  return res.headers.get("Location")!;
}

const sessionUser = async (client: TestClient) => {
  const token = client.cookies.get("limelight_session");
  return token ? ((await validateSessionToken(handle.db, token))?.user ?? null) : null;
};
const usersWithEmail = (email: string) =>
  handle.db.selectFrom("users").selectAll().where("email", "=", email).execute();
const auditFor = (userId: number) =>
  handle.db
    .selectFrom("audit_log")
    .selectAll()
    .where("subject_type", "=", "user")
    .where("subject_id", "=", String(userId))
    .orderBy("id")
    .execute();

describe("the admin's sign-in settings", () => {
  it("keep the client secret sealed at rest and record the change without it", async () => {
    const row = await handle.db
      .selectFrom("sign_in_providers")
      .selectAll()
      .executeTakeFirstOrThrow();
    expect(row.client_secret_enc).not.toContain(idp.clientSecret);
    expect(unseal(row.client_secret_enc, server.env.SETTINGS_ENCRYPTION_KEY)).toBe(
      idp.clientSecret,
    );
    expect(unseal(row.client_secret_enc, "another key entirely, 32 chars")).toBeNull();
    const audit = await handle.db
      .selectFrom("audit_log")
      .selectAll()
      .where("action", "=", "sign_in.settings_changed")
      .executeTakeFirstOrThrow();
    expect(JSON.stringify(audit.details)).not.toContain(idp.clientSecret);
  });

  it("are for admins only, and refuse a plain-HTTP issuer elsewhere than this machine", async () => {
    const manager = await insertUser(handle.db, { role: "manager" });
    const asManager = await new TestClient(server.url).signIn(manager.email);
    expect((await asManager.get("/manage/settings/sign-in")).status).toBe(403);
    const posted = await asManager.post("/manage/settings/sign-in", { issuer: "https://x.test" });
    expect(posted.status).toBe(403);

    const asAdmin = await new TestClient(server.url).signIn(admin.email);
    const page = await asAdmin.get("/manage/settings/sign-in");
    expect(page.status).toBe(200);
    expect(await page.text()).not.toContain(idp.clientSecret);
    const bad = await asAdmin.post(
      "/manage/settings/sign-in?_data=routes%2Fmanage.settings.sign-in",
      {
        enabled: "on",
        issuer: "http://login.example.com",
        clientId: "x",
        clientSecret: "",
        buttonLabel: "",
        advocateClaim: "",
        advocateValue: "",
      },
    );
    expect(bad.status).toBe(400);
    expect((await bad.json()).fieldErrors.issuer).toMatch(/https:\/\//);
    const row = await handle.db
      .selectFrom("sign_in_providers")
      .selectAll()
      .executeTakeFirstOrThrow();
    expect(row.issuer).toBe(idp.issuer);
  });

  it("show the button on the sign-in and sign-up pages", async () => {
    const visitor = new TestClient(server.url);
    expect(await (await visitor.get("/login")).text()).toContain("Sign in with Acme SSO");
    expect(await (await visitor.get("/signup")).text()).toContain("Sign in with Acme SSO");
  });
});

describe("signing in through the identity provider", () => {
  it("creates a prospect just in time, with no password, and signs them in on a fresh session", async () => {
    const person = idpPerson();
    const browser = new TestClient(server.url);
    // Someone else was signed in in this browser before: that session ends.
    const before = await insertUser(handle.db);
    await browser.signIn(before.email);
    const oldToken = browser.cookies.get("limelight_session")!;

    expect(await signInThrough(browser, person.login, "/settings/profile")).toBe(
      "/settings/profile",
    );
    const [user] = await usersWithEmail(person.email);
    expect(user).toMatchObject({ role: "prospect", display_name: "Ana Lima", password_hash: null });
    expect((await sessionUser(browser))?.id).toBe(user.id);
    expect(browser.cookies.get("limelight_session")).not.toBe(oldToken);
    expect(await validateSessionToken(handle.db, oldToken)).toBeNull();
    expect(browser.cookies.has(PENDING_COOKIE)).toBe(false);
    const identities = await handle.db
      .selectFrom("user_identities")
      .selectAll()
      .where("user_id", "=", user.id)
      .execute();
    expect(identities).toMatchObject([{ issuer: idp.issuer, subject: person.login }]);
    expect((await auditFor(user.id)).map((a) => a.action)).toEqual([
      "user.signed_up_with_provider",
    ]);

    // The next time, the same account by its subject, not a second one.
    const again = new TestClient(server.url);
    await signInThrough(again, person.login);
    expect((await sessionUser(again))?.id).toBe(user.id);
    expect(await usersWithEmail(person.email)).toHaveLength(1);
  });

  it("links an existing account by its verified email, and keeps the link when the email changes", async () => {
    const existing = await insertUser(handle.db, { role: "advocate" });
    const person = idpPerson({ email: existing.email.toUpperCase(), groups: [] });
    const browser = new TestClient(server.url);
    await signInThrough(browser, person.login);
    expect((await sessionUser(browser))?.id).toBe(existing.id);
    expect((await auditFor(existing.id)).map((a) => a.action)).toEqual(["user.linked_provider"]);

    idp.accounts.set(person.login, { ...person, email: `renamed-${uniqueSuffix()}@acme.test` });
    const later = new TestClient(server.url);
    await signInThrough(later, person.login);
    expect((await sessionUser(later))?.id).toBe(existing.id);
  });

  it("makes someone whose groups claim holds the mapped value an advocate, with an audit row", async () => {
    const person = idpPerson({ groups: ["staff", "customers"] });
    const browser = new TestClient(server.url);
    await signInThrough(browser, person.login);
    const [user] = await usersWithEmail(person.email);
    expect(user.role).toBe("advocate");
    expect(user.verified_customer_at).not.toBeNull();
    const audit = await auditFor(user.id);
    expect(audit.map((a) => a.action)).toEqual([
      "user.signed_up_with_provider",
      "user.verified_by_provider",
    ]);
    expect(audit[1].details).toMatchObject({ claim: "groups", value: "customers", to: "advocate" });

    // A manager keeps their role whatever the claim says.
    const manager = await insertUser(handle.db, { role: "manager" });
    const staff = idpPerson({ email: manager.email, groups: ["customers"] });
    await signInThrough(new TestClient(server.url), staff.login);
    expect((await usersWithEmail(manager.email))[0].role).toBe("manager");
  });
});

describe("a sign-in that cannot be trusted stops with a clear message and creates nothing", () => {
  async function refusedWith(location: string, reason: string) {
    expect(location).toBe(`/login?signInError=${reason}`);
    const page = await new TestClient(server.url).get(location);
    expect(page.status).toBe(200);
    return page.text();
  }

  it("refuses a tampered state", async () => {
    const person = idpPerson();
    const browser = new TestClient(server.url);
    const back = await signInAtIdp(await start(browser), person.login, callback);
    back.searchParams.set("state", `${back.searchParams.get("state")}x`);
    const res = await browser.get(`${back.pathname}${back.search}`);
    const text = await refusedWith(res.headers.get("Location")!, "state");
    expect(text).toContain("could not confirm that this sign-in was started here");
    expect(await usersWithEmail(person.email)).toHaveLength(0);
    expect(await sessionUser(browser)).toBeNull();
  });

  it("refuses a code that was already used", async () => {
    const person = idpPerson();
    const first = new TestClient(server.url);
    const back = await signInAtIdp(await start(first), person.login, callback);
    const sealed = first.cookies.get(PENDING_COOKIE)!;
    const path = `${back.pathname}${back.search}`;
    expect((await first.get(path)).headers.get("Location")).toBe("/");

    // The same answer again, with the same sealed cookie: the provider refuses the code.
    const replay = new TestClient(server.url);
    replay.cookies.set(PENDING_COOKIE, sealed);
    const res = await replay.get(path);
    const text = await refusedWith(res.headers.get("Location")!, "code");
    expect(text).toContain("already used or has expired");
    expect(await sessionUser(replay)).toBeNull();
    // Without the cookie it never reaches the provider.
    const bare = await new TestClient(server.url).get(path);
    await refusedWith(bare.headers.get("Location")!, "expired");
    expect(await usersWithEmail(person.email)).toHaveLength(1);
  });

  it("refuses an email the provider has not verified", async () => {
    const person = idpPerson({ email_verified: false, groups: ["customers"] });
    const browser = new TestClient(server.url);
    const text = await refusedWith(await signInThrough(browser, person.login), "unverified_email");
    expect(text).toContain("has not verified your email address");
    expect(await usersWithEmail(person.email)).toHaveLength(0);
    expect(await sessionUser(browser)).toBeNull();
    const identities = await handle.db
      .selectFrom("user_identities")
      .select("id")
      .where("subject", "=", person.login)
      .execute();
    expect(identities).toHaveLength(0);

    // Nor does an unverified claim take over an existing account with that address.
    const existing = await insertUser(handle.db);
    const taker = idpPerson({ email: existing.email, email_verified: false });
    await refusedWith(
      await signInThrough(new TestClient(server.url), taker.login),
      "unverified_email",
    );
    expect((await auditFor(existing.id)).map((a) => a.action)).toEqual([]);
  });

  it("says so when the issuer is down, before and after the provider's page", async () => {
    const second = await startTestIdp({ redirectUri: callback });
    try {
      await configure({}, second);
      const person = idpPerson({}, second);
      const browser = new TestClient(server.url);
      const back = await signInAtIdp(await start(browser), person.login, callback);
      await second.stop();
      const res = await browser.get(`${back.pathname}${back.search}`);
      const text = await refusedWith(res.headers.get("Location")!, "issuer_down");
      expect(text).toContain("is not answering right now");
      expect(await usersWithEmail(person.email)).toHaveLength(0);

      const retry = await new TestClient(server.url).get("/auth/oidc/start");
      expect(retry.headers.get("Location")).toBe("/login?signInError=issuer_down");
    } finally {
      await second.close();
      await configure();
    }
  });
});

describe("password sign-up turned off", () => {
  it("refuses a password sign-up and still lets people join through the provider", async () => {
    await configure({ passwordSignUp: false });
    try {
      const visitor = new TestClient(server.url);
      const page = await (await visitor.get("/signup")).text();
      expect(page).toContain("New accounts are made by signing in with your company account");
      expect(await (await visitor.get("/login")).text()).not.toContain("Create an account");
      const email = `pw-${uniqueSuffix()}@example.test`;
      const res = await visitor.post("/signup?_data=routes%2Fsignup", {
        email,
        displayName: "Pat",
        handle: `pat-${uniqueSuffix()}`,
        password: "a long enough passphrase here",
      });
      expect(res.status).toBe(403);
      expect((await res.json()).formError).toMatch(/company account/);
      expect(await usersWithEmail(email)).toHaveLength(0);

      const person = idpPerson();
      await signInThrough(new TestClient(server.url), person.login);
      expect(await usersWithEmail(person.email)).toHaveLength(1);
    } finally {
      await configure();
    }
  });
});

describe("OIDC_* variables", () => {
  it("are checked with the rest of the environment", () => {
    const loadEnv = (vars: Record<string, string>) => loadEnvFrom({ NODE_ENV: "test", ...vars });
    expect(() => loadEnv({ OIDC_ISSUER: "https://login.example.com" })).toThrow(EnvError);
    expect(() => loadEnv({ OIDC_CLIENT_ID: "x" })).toThrow(/OIDC_ISSUER/);
    expect(() => loadEnv({ OIDC_ISSUER: "not a url", OIDC_CLIENT_ID: "x" })).toThrow(/OIDC_ISSUER/);
    expect(() =>
      loadEnv({
        OIDC_ISSUER: "https://a.test",
        OIDC_CLIENT_ID: "x",
        OIDC_ADVOCATE_CLAIM: "groups",
      }),
    ).toThrow(/OIDC_ADVOCATE_VALUE/);
    const env = loadEnv({ OIDC_ISSUER: "https://a.test", OIDC_CLIENT_ID: "x" });
    expect(env.SETTINGS_ENCRYPTION_KEY.length).toBeGreaterThanOrEqual(16);
  });

  it("configure sign-in in place of the admin's settings", async () => {
    const fromEnv = await startTestServer(handle, {
      OIDC_ISSUER: idp.issuer,
      OIDC_CLIENT_ID: idp.clientId,
      OIDC_CLIENT_SECRET: idp.clientSecret,
      OIDC_BUTTON_LABEL: "Use Acme ID",
    });
    try {
      const asAdmin = await new TestClient(fromEnv.url).signIn(admin.email);
      const page = await (await asAdmin.get("/manage/settings/sign-in")).text();
      expect(page).toContain("Set by the server");
      expect(await (await new TestClient(fromEnv.url).get("/login")).text()).toContain(
        "Use Acme ID",
      );
    } finally {
      await fromEnv.close();
    }
  });
});
