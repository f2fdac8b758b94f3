import { randomBytes } from "node:crypto";
import AxeBuilder from "@axe-core/playwright";
import {
  test as base,
  expect,
  request,
  type APIRequestContext,
  type Browser,
  type Page,
} from "@playwright/test";

export const DEMO_PASSWORD = "limelight-demo";
export const DEMO = {
  admin: "admin@demo.limelight.dev",
  manager: "manager@demo.limelight.dev",
  catie: "catie@demo.limelight.dev",
} as const;

export interface NewUser {
  email: string;
  handle: string;
  displayName: string;
  password: string;
}

export function newUserData(prefix = "e2e"): NewUser {
  const suffix = randomBytes(3).toString("hex");
  return {
    email: `${prefix}-${suffix}@example.test`,
    handle: `${prefix}-${suffix}`,
    displayName: `Avery ${suffix.toUpperCase()}`,
    password: "a long and memorable passphrase",
  };
}

export async function login(page: Page, email: string, password = DEMO_PASSWORD) {
  await page.goto("/login");
  await page.getByLabel("Email", { exact: true }).fill(email);
  await page.getByLabel("Password", { exact: true }).fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("button", { name: "Sign out" })).toBeVisible();
}

/**
 * Signs up through the real page. The new account confirms its address
 * (with the link from its mail, read from the outbox as an admin) unless
 * `confirm: false`, so tests that post or vote act as a confirmed member.
 */
export async function signUp(
  page: Page,
  user: NewUser = newUserData(),
  options: { confirm?: boolean } = {},
) {
  await page.goto("/signup");
  await page.getByLabel("Email", { exact: true }).fill(user.email);
  await page.getByLabel("Name", { exact: true }).fill(user.displayName);
  await page.getByLabel("Handle", { exact: true }).fill(user.handle);
  await page.getByLabel("Password", { exact: true }).fill(user.password);
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page).toHaveURL(/\/settings\/profile$/);
  if (options.confirm !== false) {
    const baseURL = new URL(page.url()).origin;
    const context = await request.newContext({ baseURL, extraHTTPHeaders: { Origin: baseURL } });
    try {
      await confirmEmail(context, user.email);
    } finally {
      await context.dispose();
    }
  }
  return user;
}

/** The confirmation link mailed to `email`, as the demo admin reads it on /manage/outbox. */
export async function verificationLink(admin: APIRequestContext, email: string): Promise<string> {
  const signedIn = await admin.post("/login", {
    form: { email: DEMO.admin, password: DEMO_PASSWORD },
    maxRedirects: 0,
  });
  expect(signedIn.status(), "the demo admin signs in").toBe(302);
  let id: number | undefined;
  await expect(async () => {
    const list = await admin.get(
      `/manage/outbox?to=${encodeURIComponent(email)}&_data=routes%2Fmanage.outbox._index`,
    );
    const { rows } = (await list.json()) as {
      rows: { id: number; kind: string; recipient: string }[];
    };
    id = rows.find((row) => row.recipient === email && row.kind === "email_verify")?.id;
    expect(id, `a confirmation mail to ${email}`).toBeDefined();
  }).toPass();
  const message = await admin.get(`/manage/outbox/${id}?_data=routes%2Fmanage.outbox.%24id`);
  const { text } = ((await message.json()) as { message: { text: string } }).message;
  const link = /https?:\/\/\S+\/verify-email\/[A-Za-z0-9_-]+/.exec(text)?.[0];
  expect(link, "the confirmation link in the message").toBeTruthy();
  return new URL(link!).pathname;
}

/**
 * The text of the mail titled `subject` to `email`, as an admin reads it on
 * /manage/outbox without a mail server: they look the recipient up, then open
 * the message. The search keeps the test independent of whatever else is
 * being mailed at the same time.
 */
export async function mailText(
  browser: Browser,
  reader: { email: string; password: string },
  email: string,
  subject: string,
): Promise<string> {
  const context = await browser.newContext();
  try {
    const admin = await context.newPage();
    await login(admin, reader.email, reader.password);
    await admin.goto("/manage/outbox");
    await admin.getByRole("searchbox", { name: "To" }).fill(email);
    await admin.getByRole("button", { name: "Find messages" }).click();
    await expect(admin).toHaveURL(/[?&]to=/);
    await admin.getByRole("listitem").getByRole("link", { name: subject }).click();
    return await admin.getByTestId("outbox-text").innerText();
  } finally {
    await context.close();
  }
}

/** Confirms a new account's address with the link from its mail (the token is the proof). */
async function confirmEmail(context: APIRequestContext, email: string) {
  const path = await verificationLink(context, email);
  const confirmed = await context.post(path, { form: { confirm: "yes" }, maxRedirects: 0 });
  expect(confirmed.status(), `confirming ${email}`).toBe(302);
}

/**
 * The signed-in person says on their profile what they are open to
 * ("Speaking", "References", …), as a new advocate does before applying or
 * being asked.
 */
export async function openTo(page: Page, label: "Speaking" | "References" | "Case studies") {
  await page.goto("/settings/profile");
  await page.getByLabel(label, { exact: true }).check();
  await page.getByRole("button", { name: "Save profile" }).click();
  await expect(page.getByText("Profile saved")).toBeVisible();
}

/** No serious or critical accessibility violations on the current page. */
export async function expectAccessible(page: Page) {
  const results = await new AxeBuilder({ page }).analyze();
  const serious = results.violations.filter(
    (v) => v.impact === "serious" || v.impact === "critical",
  );
  expect(
    serious.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).join(", ")})`),
  ).toEqual([]);
}

export type Role = "prospect" | "advocate" | "manager" | "admin";
export interface Account extends NewUser {
  role: Role;
}

/**
 * Every test fails if the page logs an error or throws: what a user would
 * see as a broken page must not pass quietly.
 *
 * `account(role)` gives the test a person of its own (named `displayName` when
 * the test says what they are called), so tests running in parallel never
 * share one: they sign up through the real sign-up page, and
 * for any other role the demo admin sets it on the people page, as an admin
 * would. Nothing test-only runs in the server.
 */
export const test = base.extend<{
  pageErrors: string[];
  account: (role?: Role, prefix?: string, displayName?: string) => Promise<Account>;
}>({
  account: async ({ playwright, baseURL }, provide) => {
    const contexts: Array<{ dispose(): Promise<void> }> = [];
    const tab = async () => {
      const context = await playwright.request.newContext({
        baseURL,
        extraHTTPHeaders: { Origin: baseURL! },
      });
      contexts.push(context);
      return context;
    };
    await provide(async (role = "prospect", prefix = "e2e", displayName?: string) => {
      const user = newUserData(prefix);
      if (displayName) user.displayName = displayName;
      const joiner = await tab();
      const joined = await joiner.post("/signup", { form: { ...user }, maxRedirects: 0 });
      expect(joined.status(), `signing up ${user.email}`).toBe(302);
      await confirmEmail(await tab(), user.email);
      if (role !== "prospect") {
        const admin = await tab();
        const signedIn = await admin.post("/login", {
          form: { email: DEMO.admin, password: DEMO_PASSWORD },
          maxRedirects: 0,
        });
        expect(signedIn.status(), "the demo admin signs in").toBe(302);
        const people = await admin.get(
          `/manage/people?q=${encodeURIComponent(user.handle)}&_data=routes%2Fmanage.people`,
        );
        const { rows } = (await people.json()) as { rows: { id: number; handle: string }[] };
        const id = rows.find((row) => row.handle === user.handle)?.id;
        expect(id, `${user.handle} is on the people page`).toBeDefined();
        const changed = await admin.post("/manage/people", {
          form: { intent: "change-role", userId: String(id), role },
          maxRedirects: 0,
        });
        expect(changed.status(), `making ${user.handle} ${role}`).toBe(302);
      }
      return { ...user, role };
    });
    for (const context of contexts) await context.dispose();
  },
  pageErrors: [
    async ({ page }, use) => {
      const errors: string[] = [];
      page.on("console", (message) => {
        if (message.type() === "error") errors.push(message.text());
      });
      page.on("pageerror", (error) => errors.push(error.message));
      await use(errors);
      // Pages that are meant to answer 4xx log the failed resource; those are expected.
      // Mail previews are sandboxed iframes with scripts off: when the test driver
      // reaches into one, Chromium reports that the sandbox refused it, as it should.
      const expected = [/status of 4\d\d/, /^Blocked script execution in 'about:srcdoc'/];
      const unexpected = errors.filter((e) => !expected.some((pattern) => pattern.test(e)));
      expect(unexpected, "errors in the browser console").toEqual([]);
    },
    { auto: true },
  ],
});
export { expect };
