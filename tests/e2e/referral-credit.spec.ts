import type { Page } from "@playwright/test";
import { expect, login, test } from "./fixtures.ts";

/** An advocate's return on relationship, as a manager reads it. */
async function revenueOf(page: Page, handle: string) {
  await page.goto(`/manage/advocates/${handle}`);
  return page.getByTestId("ror-revenue").innerText();
}

test("a manager adjusts the suggested credit of a won referral; both advocates' figures move by their shares", async ({
  page,
  browser,
  account,
}) => {
  test.setTimeout(90_000);
  const referrer = await account("advocate", "referrer");
  const helper = await account("advocate", "helper");
  const manager = await account("manager", "credit");
  const company = `Tailspin ${Date.now()}`;

  // The advocate refers a peer company, with the contact's agreement.
  const theirs = await browser.newContext();
  const advocate = await theirs.newPage();
  await login(advocate, referrer.email, referrer.password);
  await advocate.goto("/referrals");
  await advocate.getByLabel("Contact name").fill("Mina Park");
  await advocate.getByLabel("Contact email").fill(`mina-${Date.now()}@tailspin.example`);
  await advocate.getByLabel("Company").fill(company);
  await advocate.getByLabel("They agreed to be contacted").check();
  await advocate.getByRole("button", { name: "Send referral" }).click();
  await expect(advocate.getByText(`Thank you for introducing ${company}`)).toBeVisible();
  await theirs.close();

  // The manager moves it to won, with its revenue.
  await login(page, manager.email, manager.password);
  expect(await revenueOf(page, referrer.handle)).toBe("$0");
  expect(await revenueOf(page, helper.handle)).toBe("$0");
  await page.goto("/manage/referrals?stage=submitted");
  for (const [stage, revenue] of [
    ["Contacted", null],
    ["Qualified", null],
    ["Won", "10,000"],
  ] as const) {
    const row = page.getByRole("row").filter({ hasText: company });
    await row.getByLabel(`New stage for ${company}`).selectOption({ label: stage });
    if (revenue) {
      await row.getByLabel("Revenue if won ($)").fill(revenue);
      await row.getByLabel("Margin if won ($)").fill("4,000");
    }
    await row.getByRole("button", { name: "Move" }).click();
    await expect(page.getByText(`${company}: ${stage}`)).toBeVisible();
    await page.goto("/manage/referrals");
  }

  // Nobody else helped this prospect: the suggestion credits the referrer with all of it.
  await page
    .getByRole("row")
    .filter({ hasText: company })
    .getByRole("link", { name: `Credit split for ${company}` })
    .click();
  await expect(page.getByTestId(`credit-${referrer.handle}`)).toHaveText(
    `${referrer.displayName}: 100 %`,
  );
  const creditPage = page.url();
  expect(await revenueOf(page, referrer.handle)).toBe("$10,000");
  await page.goto(creditPage);

  // A split that does not add up is refused next to the shares, and nothing changes.
  await page.getByLabel(`Share of ${referrer.displayName} (%)`).fill("60");
  await page.getByLabel("Add another advocate (handle)").fill(helper.handle);
  await page.getByLabel("Their share (%)").fill("30");
  await page.getByLabel("Reason for the change").fill("The helper ran the evaluation call.");
  await page.getByRole("button", { name: "Save split" }).click();
  const refusal = page.getByRole("alert").filter({ hasText: /add up to 90 %/ });
  await expect(refusal).toHaveText("The shares add up to 90 %; they must add up to 100 %.");
  await expect(page.getByRole("group", { name: /Shares/ })).toHaveAttribute(
    "aria-describedby",
    "shares-error",
  );
  await expect(page.getByTestId(`credit-${referrer.handle}`)).toHaveText(
    `${referrer.displayName}: 100 %`,
  );
  await expect(page.getByTestId(`credit-${helper.handle}`)).toHaveCount(0);
  // What the manager typed is kept, so they only fix the share.
  await expect(page.getByLabel("Their share (%)")).toHaveValue("30");
  await page.screenshot({
    path: "test-results/shots/credit-split-refused-1280.png",
    fullPage: true,
  });

  await page.getByLabel(`Share of ${referrer.displayName} (%)`).fill("70");
  await page.getByRole("button", { name: "Save split" }).click();
  await expect(page.getByText(`Credit for ${company} saved`)).toBeVisible();
  await expect(page.getByTestId(`credit-${referrer.handle}`)).toHaveText(
    `${referrer.displayName}: 70 %`,
  );
  await expect(page.getByTestId(`credit-${helper.handle}`)).toHaveText(
    `${helper.displayName}: 30 %`,
  );

  // Each advocate's return on relationship holds their share of the win, not all of it.
  expect(await revenueOf(page, referrer.handle)).toBe("$7,000");
  expect(await revenueOf(page, helper.handle)).toBe("$3,000");

  // Referral-link figures are one tab away, for staff only.
  await page.getByRole("link", { name: "Referral links", exact: true }).click();
  await expect(page).toHaveURL(/\/manage\/referral-links$/);
  await expect(page.getByTestId("links-clicks")).toBeVisible();
  await page.screenshot({ path: "test-results/shots/referral-links-1280.png", fullPage: true });
  await page.setViewportSize({ width: 390, height: 844 });
  await page.screenshot({ path: "test-results/shots/referral-links-390.png", fullPage: true });
  await page.setViewportSize({ width: 1280, height: 900 });
  const advocateTab = await browser.newContext();
  const refused = await advocateTab.newPage();
  await login(refused, helper.email, helper.password);
  expect((await refused.goto("/manage/referral-links"))?.status()).toBe(403);
  await advocateTab.close();

  // The change and its reason are in the audit log.
  await page.goto("/manage/audit");
  await expect(page.getByText("The helper ran the evaluation call.").first()).toBeVisible();
});
