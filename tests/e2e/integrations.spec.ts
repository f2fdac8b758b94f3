import { expect, expectAccessible, login, test } from "./fixtures.ts";

test("an admin registers a webhook endpoint and issues and revokes an API token, each secret shown once", async ({
  page,
  account,
}) => {
  const admin = await account("admin", "integrations");
  await login(page, admin.email, admin.password);
  await page.goto("/manage");
  await page.getByRole("link", { name: "Integrations" }).click();
  await expect(page).toHaveURL(/\/manage\/integrations\/webhooks$/);

  const url = `https://crm-${admin.handle}.example.com/hooks/limelight`;
  await page.getByLabel("Address", { exact: true }).fill(url);
  await page.getByLabel("referral.won").check();
  await page.getByLabel("story.published").check();
  await page.getByRole("button", { name: "Add endpoint" }).click();
  const secret = page.getByTestId("secret-once");
  await expect(secret).toContainText("whsec_");
  const shown = (await secret.locator("code").textContent())!;
  const endpoints = page.getByRole("list", { name: "Webhook endpoints" });
  await expect(endpoints.getByRole("link", { name: url })).toBeVisible();
  await expectAccessible(page);

  await page.reload();
  await expect(endpoints.getByRole("link", { name: url })).toBeVisible();
  await expect(page.getByTestId("secret-once")).toHaveCount(0);
  await expect(page.getByText(shown)).toHaveCount(0);

  await page.getByRole("link", { name: "API tokens" }).click();
  const name = `CRM ${admin.handle}`;
  await page.getByLabel("Name", { exact: true }).fill(name);
  await page.getByLabel("referrals:write").check();
  await page.getByRole("button", { name: "Create token" }).click();
  const token = page.getByTestId("secret-once");
  await expect(token).toContainText("llt_");
  const tokens = page.getByRole("list", { name: "API tokens" });
  const row = tokens.getByRole("listitem").filter({ hasText: name });
  await expect(row).toContainText("never used");
  await expectAccessible(page);

  await page.reload();
  await expect(page.getByTestId("secret-once")).toHaveCount(0);
  page.once("dialog", (dialog) => void dialog.accept());
  await row.getByRole("button", { name: "Revoke" }).click();
  await expect(row).toContainText("Revoked");
  await expect(row.getByRole("button", { name: "Revoke" })).toHaveCount(0);
});
