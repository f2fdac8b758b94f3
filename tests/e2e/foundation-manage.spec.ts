import { expect, login, newUserData, signUp, test } from "./fixtures.ts";

test("a manager verifies a newly signed-up prospect, who then appears among the advocates", async ({
  page,
  browser,
  account,
}) => {
  const manager = await account("manager", "verifier");
  // Someone joins: they start as a prospect, not listed in the directory.
  const joinerContext = await browser.newContext();
  const joiner = await joinerContext.newPage();
  const user = await signUp(joiner, newUserData("verify"));
  await joiner.getByLabel("Company", { exact: true }).fill("Tidewater Logistics");
  await joiner.getByRole("button", { name: "Save profile" }).click();
  await expect(joiner.getByText("Profile saved")).toBeVisible();
  await joiner.goto(`/advocates?q=${user.handle}`);
  await expect(joiner.getByRole("heading", { name: "No advocates match" })).toBeVisible();

  // A prospect cannot reach the manager tools.
  const denied = await joiner.goto("/manage");
  expect(denied?.status()).toBe(403);
  await expect(joiner.getByRole("heading", { name: "You do not have access" })).toBeVisible();

  await login(page, manager.email, manager.password);
  await page.getByRole("link", { name: "Manage", exact: true }).first().click();
  await page.getByRole("link", { name: "People", exact: true }).click();
  await page.getByRole("searchbox", { name: "Search people" }).fill(user.handle);
  await page.getByRole("button", { name: "Filter" }).click();
  const row = page.getByRole("row", { name: new RegExp(user.displayName) });
  await expect(row).toContainText("prospect");
  await row.getByRole("button", { name: `Verify ${user.displayName} as a customer` }).click();
  await expect(page.getByText(`${user.displayName} is now a verified advocate`)).toBeVisible();
  await expect(row).toContainText("advocate");
  await expect(row.getByRole("button", { name: /Verify/ })).toHaveCount(0);

  // The audit log names who did it.
  await page.getByRole("link", { name: "Audit log", exact: true }).click();
  await expect(
    page
      .getByTestId("audit-entry")
      .filter({ hasText: `verified ${user.displayName} as a customer` })
      .first(),
  ).toBeVisible();

  // The new advocate is now listed, and their profile says they are a verified customer.
  await joiner.goto(`/advocates?q=${user.handle}`);
  await expect(
    joiner.getByRole("main").getByRole("link", { name: user.displayName }),
  ).toBeVisible();
  await joiner.goto(`/u/${user.handle}`);
  await expect(joiner.getByText("Verified customer", { exact: true })).toBeVisible();
  await joinerContext.close();
});
