import { expect, newUserData, signUp, test } from "./fixtures.ts";

test("a new user signs up, fills in a profile and shares its public link", async ({
  page,
  browser,
}) => {
  const user = await signUp(page, newUserData("story"));
  await page
    .getByLabel("Headline", { exact: true })
    .fill("Turned a 3-day month-end close into an afternoon");
  await page.getByLabel("Company", { exact: true }).fill("Harbour & Pine Outfitters");
  await page.getByLabel("Industry", { exact: true }).fill("Retail and e-commerce");
  await page
    .getByLabel("Your story", { exact: true })
    .fill("We automated **reconciliations** across 14 stores.\n\n<script>alert(1)</script>");
  await page.getByLabel("Expertise", { exact: true }).fill("automation, Reporting");
  await page.getByLabel("Speaking", { exact: true }).check();
  await page.getByRole("button", { name: "Save profile" }).click();
  await expect(page.getByText("Profile saved")).toBeVisible();

  // A visitor who is not signed in opens the shared link.
  const visitor = await browser.newContext();
  const anon = await visitor.newPage();
  const response = await anon.goto(`/u/${user.handle}`);
  expect(response?.status()).toBe(200);
  await expect(anon.getByRole("heading", { name: user.displayName })).toBeVisible();
  await expect(anon.getByText("Turned a 3-day month-end close into an afternoon")).toBeVisible();
  await expect(anon.locator("strong", { hasText: "reconciliations" })).toBeVisible();
  // Raw HTML in the story is shown as text, never run.
  await expect(anon.getByText("<script>alert(1)</script>")).toBeVisible();
  await expect(anon.getByText("reporting")).toBeVisible();
  await expect(anon.locator('meta[property="og:title"]')).toHaveAttribute(
    "content",
    user.displayName,
  );
  await visitor.close();
});

test("a private profile is hidden from visitors but shown to members", async ({
  page,
  browser,
}) => {
  const user = await signUp(page, newUserData("quiet"));
  await page.getByLabel("Public profile", { exact: true }).uncheck();
  await page.getByRole("button", { name: "Save profile" }).click();
  await expect(page.getByText("Profile saved")).toBeVisible();

  const visitor = await browser.newContext();
  const anon = await visitor.newPage();
  const response = await anon.goto(`/u/${user.handle}`);
  expect(response?.status()).toBe(404);
  await expect(anon.getByRole("heading", { name: "Page not found" })).toBeVisible();
  await visitor.close();

  await page.goto(`/u/${user.handle}`);
  await expect(page.getByText("Visible to members only")).toBeVisible();
});
