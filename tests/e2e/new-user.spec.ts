import type { Page } from "@playwright/test";
import { expect, login, test } from "./fixtures.ts";

// What a new user hit on day one, in a real browser.

const PHONE = { width: 390, height: 844 };

async function expectNoSidewaysScroll(page: Page, path: string) {
  await page.goto(path);
  const widths = await page.evaluate(() => ({
    scrollWidth: document.documentElement.scrollWidth,
    innerWidth: window.innerWidth,
  }));
  expect(widths.scrollWidth, `${path} scrolls sideways`).toBeLessThanOrEqual(widths.innerWidth);
}

/** The first thread of the demo's question space, as a path. */
async function firstThread(page: Page) {
  await page.goto("/s/ask-the-community");
  const href = await page.locator('a[href^="/t/"]').first().getAttribute("href");
  expect(href).toBeTruthy();
  return href!;
}

test("on a phone, the menu and the account menu close once a page is chosen", async ({
  page,
  account,
}) => {
  const me = await account("advocate", "menus");
  await page.setViewportSize(PHONE);
  await login(page, me.email, me.password);

  const menu = page.locator("details", { has: page.getByLabel("Open menu") });
  await page.getByLabel("Open menu").click();
  await expect(menu).toHaveAttribute("open", "");
  await page.getByRole("navigation", { name: "Main (phone)" }).getByRole("link").nth(1).click();
  await expect(menu).not.toHaveAttribute("open", "");
  await expect(page.getByRole("navigation", { name: "Main (phone)" })).toBeHidden();

  const account_ = page.locator("details", { hasText: `Account menu for ${me.displayName}` });
  await account_.locator("summary").click();
  await expect(account_).toHaveAttribute("open", "");
  await account_.getByRole("link", { name: "Settings" }).click();
  await expect(page).toHaveURL(/\/settings/);
  await expect(account_).not.toHaveAttribute("open", "");
  await expect(account_.getByRole("link", { name: "Your profile" })).toBeHidden();
});

test("the reply box counts characters and refuses a reply over the limit instead of cutting it", async ({
  page,
  account,
}) => {
  const me = await account("advocate", "replier");
  await login(page, me.email, me.password);
  await page.goto(await firstThread(page));
  const box = page.getByLabel("Your reply");
  const counter = page.getByTestId("reply-counter");
  await box.fill("Use a watermark column.");
  await expect(counter).toHaveText("23 / 20,000 characters");

  const paste = "The full log follows. ".repeat(5000); // 110,000 characters
  await box.fill(paste);
  // Nothing is cut: every pasted character is still in the box.
  expect(await box.evaluate((el: HTMLTextAreaElement) => el.value.length)).toBe(paste.length);
  await expect(counter).toHaveText("110,000 / 20,000 characters (90,000 over)");
  const replies = page.getByTestId("replies").locator("> li");
  const before = await replies.count();
  await page.getByRole("button", { name: "Post reply" }).click();
  await expect(
    page.getByText(
      "Your reply is 110,000 characters; the limit is 20,000. Shorten it by 90,000 to post it.",
    ),
  ).toBeVisible();
  await expect(replies).toHaveCount(before);
});

test("a greyed vote button says what it takes to vote", async ({ page, account }) => {
  const me = await account("advocate", "newvoter");
  await login(page, me.email, me.password);
  await page.goto(await firstThread(page));
  const vote = page.getByRole("button", { name: /votes?$/ }).first();
  await expect(vote).toBeDisabled();
  const hint = page.getByTestId("vote-hint").first();
  await expect(hint).toBeVisible();
  await expect(hint).toHaveText("You can vote at 15 reputation.");
  await expect(vote).toHaveAccessibleDescription("You can vote at 15 reputation.");
});

test("no page scrolls sideways on a phone, and every manager tab shows at 1280 px", async ({
  page,
  account,
}) => {
  const manager = await account("manager", "widths");
  await login(page, manager.email, manager.password);
  await page.setViewportSize(PHONE);
  for (const path of ["/u/catie", "/manage/referrals", "/manage/audit"])
    await expectNoSidewaysScroll(page, path);

  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto("/manage");
  const strip = page.getByRole("navigation", { name: "Manager sections" });
  const tabs = strip.getByRole("link");
  expect(await tabs.count()).toBeGreaterThanOrEqual(13);
  const hidden = await strip.evaluate((nav) => {
    const box = nav.getBoundingClientRect();
    return [...nav.querySelectorAll("a")]
      .filter((a) => {
        const r = a.getBoundingClientRect();
        return r.right > box.right + 0.5 || r.left < box.left - 0.5;
      })
      .map((a) => a.textContent);
  });
  expect(hidden, "tabs past the edge of the strip").toEqual([]);
  await expect(strip.getByRole("link", { name: "Audit log" })).toBeInViewport();
});

test("the landing page holds on a phone in every language, longer Spanish and Chinese alike", async ({
  browser,
  baseURL,
}) => {
  for (const locale of ["en-US", "es-ES", "zh-CN"]) {
    const context = await browser.newContext({ locale, viewport: PHONE, baseURL });
    const page = await context.newPage();
    await expectNoSidewaysScroll(page, "/");
    await context.close();
  }
});

test("on a phone the manager strip scrolls its current tab into view, even the last one", async ({
  page,
  account,
}) => {
  const admin = await account("admin", "strip");
  await login(page, admin.email, admin.password);
  await page.setViewportSize(PHONE);
  const strip = page.getByRole("navigation", { name: "Manager sections" });
  for (const [path, label] of [
    ["/manage/outbox", "Outbox"],
    ["/manage/integrations", "Integrations"],
    ["/manage/people", "People"],
  ]) {
    await page.goto(path);
    const current = strip.locator('a[aria-current="page"]');
    await expect(current).toHaveText(label);
    await expect(current).toBeInViewport({ ratio: 1 });
    // Only the strip moved: the page itself never scrolls sideways.
    expect(await page.evaluate(() => window.scrollX)).toBe(0);
  }
});

test("after a grant the form is empty again, and on a phone the toast leaves it uncovered", async ({
  page,
  account,
}) => {
  const [manager, advocate] = await Promise.all([
    account("manager", "granter"),
    account("advocate", "grantee"),
  ]);
  await page.setViewportSize(PHONE);
  await login(page, manager.email, manager.password);
  await page.goto(`/manage/tiers?handle=${advocate.handle}`);
  const handleField = page.getByLabel("Advocate's handle", { exact: true });
  await expect(handleField).toHaveValue(advocate.handle);
  const reason = page.getByLabel("Reason", { exact: true }).first();
  await reason.fill("Ran the Lisbon user group all year.");
  await page.getByRole("button", { name: "Grant award" }).click();
  const toast = page.getByRole("status").filter({ hasText: "Tier granted" });
  await expect(toast).toBeVisible();
  await expect(handleField).toHaveValue("");
  await expect(reason).toHaveValue("");

  const form = page.locator("form", { has: page.getByRole("button", { name: "Grant award" }) });
  const [t, f] = [await toast.boundingBox(), await form.boundingBox()];
  const overlaps = t!.y < f!.y + f!.height && f!.y < t!.y + t!.height;
  expect(overlaps, "the toast covers the grant form").toBe(false);
});

test("the dashboard's NPS chart keeps its last month label inside the chart", async ({
  page,
  account,
}) => {
  const manager = await account("manager", "nps");
  await login(page, manager.email, manager.password);
  await page.goto("/manage");
  const labels = page.getByTestId("nps-axis-label");
  await expect(labels.last()).toBeVisible();
  const fits = await labels.last().evaluate((label: SVGTextElement) => {
    const svg = label.ownerSVGElement!;
    const box = label.getBBox();
    return box.x >= 0 && box.x + box.width <= svg.viewBox.baseVal.width;
  });
  expect(fits).toBe(true);
});
