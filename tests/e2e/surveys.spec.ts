import type { Browser, Page } from "@playwright/test";
import { expect, login, mailText, test, type Account } from "./fixtures.ts";

/** Without a mail server, messages are kept in the outbox: an admin reads the link there. */
async function surveyLinkFor(browser: Browser, reader: Account, email: string): Promise<string> {
  const text = await mailText(browser, reader, email, "One question, from 0 to 10");
  const link = /https?:\/\/\S+(\/survey\/[A-Za-z0-9_-]+)/.exec(text)?.[1];
  expect(link, `the survey link mailed to ${email}`).toBeTruthy();
  return link!;
}

async function answer(page: Page, score: number, why: string) {
  await page.locator(`label:has(input[name="score"][value="${score}"])`).click();
  await page.getByLabel("What is the main reason for your score?").fill(why);
  await page.getByRole("button", { name: "Send my answer" }).click();
}

test("a customer's 10 becomes a consented testimonial a manager turns into a case study; a detractor opens a follow-up", async ({
  page,
  browser,
  account,
}) => {
  // A long journey across five people's browsers, on a shared machine.
  test.setTimeout(120_000);
  const customer = await account("advocate", "promoter");
  const manager = await account("manager", "surveyor");
  const reader = await account("admin", "outbox");
  const unhappy = `unhappy-${Date.now()}@fabrikam.example`;

  await login(page, manager.email, manager.password);
  await page.goto("/manage/promoters/surveys/new");
  await page.getByLabel("Name (only managers see it)").fill("Journey pulse");
  await page.getByLabel("Audience", { exact: true }).selectOption("list");
  await page
    .getByLabel("Emails, for a list audience")
    .fill(`${customer.email},${customer.displayName},Northwind\n${unhappy},Sam Okafor,Fabrikam`);
  await page.getByRole("button", { name: "Create survey" }).click();
  await expect(page.getByText("Survey sent to 2 people")).toBeVisible();

  // The customer answers on a phone, without signing in.
  const phoneContext = await browser.newContext({ viewport: { width: 390, height: 844 } });
  const phone = await phoneContext.newPage();
  await phone.goto(await surveyLinkFor(browser, reader, customer.email));
  const comment =
    "Our month-end close went from four days to one, and the team finally trusts the numbers.";
  await answer(phone, 10, comment);
  await expect(phone.getByRole("heading", { name: "Would you say that in public?" })).toBeVisible();
  await expect(phone.getByLabel("Your recommendation")).toHaveValue(comment);

  // Without consent nothing is published.
  await phone.getByRole("button", { name: "Publish my recommendation" }).click();
  await expect(phone.getByText(/Tick the box to agree/)).toBeVisible();
  await phone.getByRole("textbox", { name: "Job title" }).fill("Finance systems lead");
  await phone.getByLabel("Industry", { exact: true }).selectOption("Financial services");
  await phone.getByLabel(/Yes, publish this recommendation/).check();
  await phone.getByRole("button", { name: "Publish my recommendation" }).click();
  const linkedin = phone.getByRole("link", { name: "Share on LinkedIn" });
  await expect(linkedin).toBeVisible();
  // The share URL is checked, not visited.
  const share = new URL((await linkedin.getAttribute("href"))!);
  expect(`${share.origin}${share.pathname}`).toBe(
    "https://www.linkedin.com/sharing/share-offsite/",
  );
  expect(share.searchParams.get("url")).toMatch(/\/testimonials\/\d+$/);
  await phoneContext.close();

  // On the public wall, and a manager starts a case-study draft from it in one click.
  await page.goto("/testimonials?industry=Financial+services");
  const card = page.locator('[data-testid^="testimonial-"]').filter({ hasText: comment });
  await expect(card).toContainText("Finance systems lead, Northwind");
  await card.getByRole("button", { name: "Start a case-study draft" }).click();
  await expect(page).toHaveURL(/\/manage\/stories\/\d+$/);
  await expect(page.getByText("Case-study draft started")).toBeVisible();
  // The draft is the customer's to write, started from their own words.
  await expect(page.getByRole("link", { name: customer.displayName }).first()).toBeVisible();
  await expect(page.getByText(/started from testimonial \d+/)).toBeVisible();
  await expect(page.getByText(comment).first()).toBeVisible();
  // One draft per testimonial: the wall no longer offers a second.
  await page.goto("/testimonials?industry=Financial+services");
  await expect(card.getByText("Case study started")).toBeVisible();
  await expect(card.getByRole("button", { name: "Start a case-study draft" })).toHaveCount(0);

  // A detractor's answer opens a follow-up on the dashboard.
  const other = await browser.newContext();
  const detractor = await other.newPage();
  await detractor.goto(await surveyLinkFor(browser, reader, unhappy));
  await answer(detractor, 3, "Two failed syncs this month and nobody told us.");
  await expect(detractor.getByText("Thank you for telling us")).toBeVisible();
  await expect(detractor.getByText("Would you say that in public?")).toHaveCount(0);
  await other.close();

  await page.goto("/manage");
  await expect(page.getByTestId("follow-ups-card")).toBeVisible();
  await expect(page.getByTestId("follow-ups-open")).not.toHaveText("0");
  await page.getByTestId("follow-ups-card").getByRole("link", { name: "Follow-ups" }).click();
  await expect(page.getByText("Two failed syncs this month and nobody told us.")).toBeVisible();

  // The promoter sees it on their profile, then withdraws it from settings: gone everywhere.
  const own = await browser.newContext();
  const author = await own.newPage();
  await login(author, customer.email, customer.password);
  await author.goto(`/u/${customer.handle}`);
  const block = author.getByTestId("profile-testimonials");
  await expect(block).toContainText(comment);
  await block.screenshot({ path: "test-results/shots/profile-testimonials-1280.png" });
  await author.setViewportSize({ width: 390, height: 844 });
  await block.screenshot({ path: "test-results/shots/profile-testimonials-390.png" });
  await author.setViewportSize({ width: 1280, height: 900 });
  await block.getByRole("link", { name: "Manage" }).click();
  await expect(author).toHaveURL(/\/settings\/testimonials$/);
  const mine = author
    .getByTestId("my-testimonials")
    .getByRole("listitem")
    .filter({ hasText: comment });
  await mine.getByRole("link", { name: "Withdraw" }).click();
  await expect(mine.getByText("Withdraw this testimonial?")).toBeVisible();
  await author.screenshot({
    path: "test-results/shots/settings-testimonials-1280.png",
    fullPage: true,
  });
  await author.setViewportSize({ width: 390, height: 844 });
  await author.screenshot({
    path: "test-results/shots/settings-testimonials-390.png",
    fullPage: true,
  });
  await mine.getByRole("button", { name: "Yes, withdraw it" }).click();
  await expect(author.getByText("Testimonial withdrawn")).toBeVisible();
  await expect(mine.getByText(/^Withdrawn /)).toBeVisible();
  await author.goto(`/u/${customer.handle}`);
  await expect(author.getByRole("heading", { name: customer.displayName })).toBeVisible();
  await expect(author.getByTestId("profile-testimonials")).toHaveCount(0);
  await own.close();
  await page.goto("/testimonials?industry=Financial+services");
  await expect(page.getByText(comment)).toHaveCount(0);
});
