import type { Page } from "@playwright/test";
import { expect, login, test } from "./fixtures.ts";

/** One card per advocate: the list items that carry a name heading. */
const cards = (page: Page) =>
  page
    .getByRole("main")
    .getByRole("listitem")
    .filter({ has: page.getByRole("heading", { level: 2 }) });

test("a visitor searches the directory by name and by company", async ({ page }) => {
  await page.goto("/advocates");
  await expect(page.getByRole("heading", { name: "Advocates", level: 1 })).toBeVisible();
  await page.getByRole("searchbox", { name: "Search" }).fill("catie");
  await page.getByRole("button", { name: "Search" }).click();
  await expect(page).toHaveURL(/q=catie/);
  await expect(cards(page)).toHaveCount(1);
  await expect(page.getByRole("link", { name: "Catie Brennan" })).toBeVisible();
  await expect(page.getByText("1 advocate match your filters")).toBeVisible();

  await page.getByRole("searchbox", { name: "Search" }).fill("Bluewater Freight");
  await page.getByRole("searchbox", { name: "Search" }).press("Enter");
  await expect(page).toHaveURL(/q=Bluewater\+Freight/);
  await expect(page.getByRole("link", { name: "Catie Brennan" })).toBeVisible();

  await page.getByRole("searchbox", { name: "Search" }).fill("nobody by this name");
  await page.getByRole("button", { name: "Search" }).click();
  await expect(page.getByRole("heading", { name: "No advocates match" })).toBeVisible();
  await page.getByRole("link", { name: "Show everyone" }).click();
  await expect(page).toHaveURL(/\/advocates$/);
  await expect(cards(page)).toHaveCount(24);
  await expect(page.getByRole("searchbox", { name: "Search" })).toHaveValue("");
});

test("filters narrow the directory as soon as they are chosen, and combine", async ({ page }) => {
  await page.goto("/advocates");
  await page.getByLabel("Industry", { exact: true }).selectOption("Logistics");
  await expect(page).toHaveURL(/industry=Logistics/);
  await expect(page.getByRole("link", { name: "Catie Brennan" })).toBeVisible();
  const logistics = await cards(page).count();
  expect(logistics).toBeGreaterThan(0);
  for (const card of await cards(page).all()) await expect(card).toContainText("Logistics");

  await page.getByLabel("Expertise", { exact: true }).selectOption("dashboards");
  await expect(page).toHaveURL(
    /industry=Logistics.*tag=dashboards|tag=dashboards.*industry=Logistics/,
  );
  await expect(page.getByRole("link", { name: "Catie Brennan" })).toBeVisible();
  expect(await cards(page).count()).toBeLessThanOrEqual(logistics);

  await page.getByLabel("Open to", { exact: true }).selectOption("open_to_speaking");
  await expect(page).toHaveURL(/openTo=open_to_speaking/);
  await expect(page.getByRole("link", { name: "Catie Brennan" })).toBeVisible();

  await page.getByRole("link", { name: "Clear filters" }).click();
  await expect(page).toHaveURL(/\/advocates$/);
  // The form shows the cleared filters, so the next search does not bring the old ones back.
  await expect(page.getByLabel("Industry", { exact: true })).toHaveValue("");
  await expect(page.getByLabel("Expertise", { exact: true })).toHaveValue("");
  await expect(page.getByLabel("Open to", { exact: true })).toHaveValue("");
  await expect(page.getByLabel("Where", { exact: true })).toHaveValue("");
  await page.getByRole("searchbox", { name: "Search" }).fill("Bluewater");
  await page.getByRole("button", { name: "Search" }).click();
  await expect(page).toHaveURL(/\/advocates\?q=Bluewater&industry=&tag=&openTo=&place=$/);
});

test("an expertise tag on a profile opens the directory filtered by it", async ({ page }) => {
  await page.goto("/u/catie");
  await page.getByRole("link", { name: "dashboards", exact: true }).click();
  await expect(page).toHaveURL(/\/advocates\?tag=dashboards$/);
  await expect(page.getByLabel("Expertise", { exact: true })).toHaveValue("dashboards");
  await expect(page.getByRole("link", { name: "Catie Brennan" })).toBeVisible();
});

test("the directory pages through 24 advocates at a time", async ({ page }) => {
  // Other tests add advocates as they run, so the number of pages is read, not assumed.
  await page.goto("/advocates");
  await expect(cards(page)).toHaveCount(24);
  const pager = page.getByText(/^Page 1 of \d+$/);
  await expect(pager).toBeVisible();
  const pages = Number((await pager.textContent())!.match(/of (\d+)/)![1]);
  expect(pages).toBeGreaterThanOrEqual(2);
  await page.getByRole("link", { name: "Next →" }).click();
  await expect(page).toHaveURL(/page=2/);
  await expect(page.getByText(`Page 2 of ${pages}`)).toBeVisible();
  const onSecondPage = await cards(page).count();
  expect(onSecondPage).toBeGreaterThan(0);
  expect(onSecondPage).toBeLessThanOrEqual(24);
  await page.getByRole("link", { name: "← Previous" }).click();
  await expect(page.getByText(`Page 1 of ${pages}`)).toBeVisible();
});

test("members also find advocates who keep their profile private", async ({
  page,
  browser,
  account,
}) => {
  const member = await account("advocate", "member");
  // Wei Zhang, a demo advocate, shows the profile to signed-in members only.
  const visitor = await browser.newContext();
  const anon = await visitor.newPage();
  await anon.goto("/advocates?q=Wei+Zhang");
  await expect(anon.getByRole("heading", { name: "No advocates match" })).toBeVisible();
  await visitor.close();

  await login(page, member.email, member.password);
  await page.goto("/advocates?q=Wei+Zhang");
  await expect(cards(page)).toHaveCount(1);
  await page.getByRole("link", { name: "Wei Zhang" }).click();
  await expect(page.getByText("Visible to members only")).toBeVisible();
});
