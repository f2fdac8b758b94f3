import type { Page } from "@playwright/test";
import { expect, expectAccessible, login, newUserData, signUp, test } from "./fixtures.ts";
const BRIEFING = {
  path: "/early-access/2027-roadmap-briefing",
  title: "Northwind Cloud 2027 roadmap briefing",
  teaser: "The product team's plan for next year, shared with MVPs first",
  body: "Pipelines that explain themselves",
};

/** Opens a page and waits until its live connection (socket.io) is established. */
async function openLive(page: Page, path: string) {
  let connected = false;
  page.on("websocket", (ws) =>
    ws.on("framereceived", (frame) => {
      if (String(frame.payload).startsWith("40")) connected = true;
    }),
  );
  await page.goto(path);
  await expect.poll(() => connected, { message: "the live connection opens" }).toBe(true);
}

/** A new verified customer with exactly 100 reputation: a Contributor through the ledger. */
async function newContributor(page: Page, manager: Page) {
  const user = await signUp(page, newUserData("contrib"));
  await manager.goto(`/manage/people?q=${user.handle}`);
  const row = manager.getByRole("row", { name: new RegExp(user.displayName) });
  await row.getByRole("button", { name: `Verify ${user.displayName} as a customer` }).click();
  await expect(manager.getByText(`${user.displayName} is now a verified advocate`)).toBeVisible();
  await manager.goto("/manage/reputation");
  await manager.getByLabel("Handle", { exact: true }).fill(user.handle);
  await manager.getByLabel("Points", { exact: true }).fill("100");
  await manager.getByLabel("Reason", { exact: true }).fill("Ran the spring user-group meetup");
  await manager.getByRole("button", { name: "Award points" }).click();
  await expect(manager.getByText(`+100 points for @${user.handle}`)).toBeVisible();
  return user;
}

test("a manager grants MVP; the advocate is told live and opens the MVP briefing after the NDA, while a Contributor sees its teaser and a visitor nothing", async ({
  page,
  browser,
  account,
}) => {
  // Four people in three browsers: give the journey room on a busy machine.
  test.slow();
  // A verified customer (a Member) and a manager of this test's own.
  const [newcomer, granter] = await Promise.all([
    account("advocate", "mvp"),
    account("manager", "granter"),
  ]);
  // The advocate is signed in elsewhere, reading the early-access list.
  const advocateContext = await browser.newContext();
  const advocate = await advocateContext.newPage();
  await login(advocate, newcomer.email, newcomer.password);
  await openLive(advocate, "/early-access");
  await expect(advocate.getByText(BRIEFING.teaser)).toBeVisible();
  await expect(advocate.getByText("Unlocks at MVP").first()).toBeVisible();
  await expect(advocate.getByText(BRIEFING.title)).toHaveCount(0);

  // The manager grants MVP with a reason and a 12-month term.
  await login(page, granter.email, granter.password);
  await page.goto("/manage/tiers");
  await expectAccessible(page);
  await page.getByLabel("Advocate's handle", { exact: true }).fill(newcomer.handle);
  await page.getByLabel("Tier", { exact: true }).selectOption({ label: "MVP (12-month term)" });
  // The reason is required: nothing is granted without one.
  await page.getByRole("button", { name: "Grant award" }).click();
  await expect(
    page.getByText("Give a reason: the advocate reads it in their tier history."),
  ).toBeVisible();
  await page
    .getByLabel("Reason", { exact: true })
    .first()
    .fill("Three migration guides and the most helpful answers of the quarter.");
  await page.getByRole("button", { name: "Grant award" }).click();
  await expect(page.getByText("Tier granted")).toBeVisible();
  await expect(page.getByTestId(`award-${newcomer.handle}`)).toContainText("MVP");

  // The advocate's open tab hears about it at once, and the list opens up without a reload.
  await expect(advocate.getByText("You are now an MVP")).toBeVisible();
  await expect(
    advocate.getByText("Open to you once you acknowledge the MVP NDA terms").first(),
  ).toBeVisible();
  await expect(advocate.getByText("Unlocks at MVP")).toHaveCount(0);

  // The briefing now opens for them, after they acknowledge the MVP terms once.
  await advocate.goto(BRIEFING.path);
  await expect(advocate.getByRole("heading", { name: "Before you read: MVP terms" })).toBeVisible();
  await expect(advocate.getByText(BRIEFING.body)).toHaveCount(0);
  await expectAccessible(advocate);
  await advocate.getByRole("button", { name: "I have read and accept these terms" }).click();
  await expect(advocate.getByRole("heading", { name: BRIEFING.title, level: 1 })).toBeVisible();
  await expect(advocate.getByText(BRIEFING.body)).toBeVisible();
  await expect(advocate.getByText("Under NDA — do not share")).toBeVisible();
  await expectAccessible(advocate);

  // Their tier shows on their profile and in their settings, with the term and its history.
  await advocate.goto("/settings/tier");
  await expect(advocate.getByTestId("tier-standing")).toContainText("MVP");
  await expect(advocate.getByTestId("tier-standing")).toContainText("Term ends");
  await expect(advocate.getByTestId("tier-why")).toHaveText(
    "Three migration guides and the most helpful answers of the quarter.",
  );
  await expect(advocate.getByTestId("tier-history")).toContainText("Awarded MVP");
  await expectAccessible(advocate);

  // The decision stays in their notifications after the toast, and leads back to their tier.
  await advocate.goto("/notifications");
  const notice = advocate.getByTestId("notification").filter({ hasText: "You are now an MVP" });
  await expect(notice).toContainText("Three migration guides");
  await notice.getByRole("button").click();
  await expect(advocate).toHaveURL(/\/settings\/tier$/);
  await advocateContext.close();

  // The access log names who opened it.
  await page.goto("/manage/early-access/log");
  await expect(
    page.getByRole("row", { name: new RegExp(newcomer.displayName) }).first(),
  ).toContainText(BRIEFING.title);

  // A Contributor sees only the teaser, in the list and at the item's address.
  const contributorContext = await browser.newContext();
  const contributor = await contributorContext.newPage();
  const user = await newContributor(contributor, page);
  await contributor.goto("/settings/tier");
  await expect(contributor.getByTestId("tier-standing")).toContainText("Contributor");
  await expect(contributor.getByTestId("tier-progress")).toContainText("100 / 750 reputation");
  await contributor.goto("/early-access");
  await expect(contributor.getByText(BRIEFING.teaser)).toBeVisible();
  await expect(contributor.getByText(BRIEFING.title)).toHaveCount(0);
  const locked = await contributor.goto(BRIEFING.path);
  expect(locked?.status()).toBe(403);
  await expect(contributor.getByRole("heading", { name: "Not open to you yet" })).toBeVisible();
  await expect(contributor.getByText("Unlocks at MVP")).toBeVisible();
  await expect(contributor.getByText(BRIEFING.title)).toHaveCount(0);
  await expect(contributor.getByText(BRIEFING.body)).toHaveCount(0);
  expect(await contributor.content()).not.toContain(BRIEFING.title);
  // Their profile shows the tier reputation gave them, to everyone.
  await contributor.goto(`/u/${user.handle}`);
  await expect(contributor.getByTestId("tier-badge").first()).toContainText("Contributor");
  await contributorContext.close();

  // A visitor learns nothing about it: not in the list, and no such page.
  const visitorContext = await browser.newContext();
  const visitor = await visitorContext.newPage();
  await visitor.goto("/early-access");
  await expect(visitor.getByRole("heading", { name: "Early access", level: 1 })).toBeVisible();
  await expectAccessible(visitor);
  expect(await visitor.content()).not.toContain(BRIEFING.teaser);
  const missing = await visitor.goto(BRIEFING.path);
  expect(missing?.status()).toBe(404);
  const html = await visitor.content();
  expect(html).not.toContain(BRIEFING.title);
  expect(html).not.toContain(BRIEFING.teaser);
  await visitorContext.close();
});
