import { randomBytes } from "node:crypto";
import { expect, expectAccessible, login, test } from "./fixtures.ts";
import { startTestIdp, type TestIdp } from "../support/oidc.ts";

// The label avoids "Sign in", so other journeys' "Sign in" button stays the only one.
const LABEL = "Continue with Acme ID";
let idp: TestIdp;

test.beforeAll(async ({ baseURL }) => {
  idp = await startTestIdp({ redirectUri: `${baseURL}/auth/oidc/callback` });
});
test.afterAll(async () => {
  await idp?.close();
});

test("a customer signs in with the company's identity provider and arrives signed in", async ({
  page,
  browser,
  account,
}) => {
  const admin = await account("admin", "sso-admin");
  await login(page, admin.email, admin.password);
  await page.goto("/manage/settings/sign-in");
  await expect(page.getByRole("heading", { name: "Single sign-on" })).toBeVisible();
  await page.getByLabel("Offer sign-in with the identity provider").check();
  await page.getByLabel("Issuer").fill(idp.issuer);
  await page.getByLabel("Client id").fill(idp.clientId);
  await page.getByLabel("Client secret").fill(idp.clientSecret);
  await page.getByLabel("Button label").fill(LABEL);
  await page.getByLabel("Claim that marks verified customers").fill("groups");
  await page.getByLabel("Value in that claim").fill("customers");
  await page.getByRole("button", { name: "Save sign-in settings" }).click();
  await expect(page.getByText("Single sign-on is saved and on")).toBeVisible();
  await expectAccessible(page);

  const login_ = `dana-${randomBytes(3).toString("hex")}`;
  idp.accounts.set(login_, {
    email: `${login_}@acme.test`,
    email_verified: true,
    name: "Dana Okafor",
    groups: ["customers"],
  });
  const visitor = await (await browser.newContext()).newPage();
  try {
    await visitor.goto("/login");
    await visitor.getByRole("link", { name: LABEL }).click();
    // The provider's own sign-in page, then its consent page.
    await expect(visitor).toHaveURL(new RegExp(`^${idp.issuer}/interaction/`));
    await visitor.getByPlaceholder("Enter any login").fill(login_);
    await visitor.getByPlaceholder("and password").fill("any password");
    await visitor.getByRole("button", { name: "Sign-in" }).click();
    await visitor.getByRole("button", { name: "Continue" }).click();

    // Back in Limelight, signed in as a verified customer.
    await expect(visitor.getByRole("button", { name: "Sign out" })).toBeVisible();
    await expect(visitor).toHaveURL(/^http:\/\/localhost:\d+\/$/);
    await visitor.goto("/settings");
    await expect(visitor.getByText("Dana Okafor").first()).toBeVisible();
  } finally {
    await visitor.context().close();
    // Turn it off again, so the other journeys see the sign-in page as shipped.
    await page.goto("/manage/settings/sign-in");
    await page.getByLabel("Offer sign-in with the identity provider").uncheck();
    await page.getByRole("button", { name: "Save sign-in settings" }).click();
    await expect(page.getByText("Sign-in settings saved")).toBeVisible();
  }
});
