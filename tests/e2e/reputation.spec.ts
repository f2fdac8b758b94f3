import type { Page } from "@playwright/test";
import { expect, expectAccessible, login, test } from "./fixtures.ts";

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

test("an admin tunes a rule value, and the public rule table shows it from then on", async ({
  page,
  account,
}) => {
  const admin = await account("admin", "tuner");
  await login(page, admin.email, admin.password);
  await page.goto("/manage/reputation");
  await expect(page.getByRole("heading", { name: "Rule values" })).toBeVisible();
  await expectAccessible(page);
  const podcast = page.getByLabel("You were a podcast guest; a manager verified the episode.");
  await expect(podcast).toHaveValue("50");
  await podcast.fill("55");
  await page.getByRole("button", { name: "Save rule values" }).click();
  await expect(page.getByText("Reputation settings saved")).toBeVisible();
  await expect(page.getByText("rules.talk_podcast: 50 → 55")).toBeVisible();

  await page.goto("/reputation");
  await expect(page.getByTestId("rule-talk_podcast")).toContainText("+55");
  await expectAccessible(page);

  // Put the default back, so other journeys see the catalogue as shipped.
  await page.goto("/manage/reputation");
  await page.getByLabel("You were a podcast guest; a manager verified the episode.").fill("50");
  await page.getByRole("button", { name: "Save rule values" }).click();
  await expect(page.getByText("rules.talk_podcast: 55 → 50")).toBeVisible();
});

test("a manager's manual award reaches the advocate live, in their history and on the leaderboard", async ({
  page,
  browser,
  account,
}) => {
  // The advocate, signed in in another browser, is looking at their own profile.
  const [ingrid, manager] = await Promise.all([
    account("advocate", "award"),
    account("manager", "awarder"),
  ]);
  const advocateContext = await browser.newContext();
  const advocate = await advocateContext.newPage();
  await login(advocate, ingrid.email, ingrid.password);
  await openLive(advocate, `/u/${ingrid.handle}`);
  const before = Number(
    (await advocate.getByTestId("reputation-total").textContent())?.replace(/\D/g, "") ?? "0",
  );

  await login(page, manager.email, manager.password);
  await page.goto("/manage/reputation");
  await expect(page.getByText("Only admins change rule values")).toBeVisible();
  // A reason is required: nothing is awarded without one.
  await page.getByLabel("Handle", { exact: true }).fill(ingrid.handle);
  await page.getByLabel("Points", { exact: true }).fill("25");
  await page.getByRole("button", { name: "Award points" }).click();
  await expect(
    page.getByText("Give a reason: the advocate reads it in their history."),
  ).toBeVisible();

  const reason = "Hosted the Oslo user group's spring meetup";
  await page.getByLabel("Points", { exact: true }).fill("25");
  await page.getByLabel("Area", { exact: true }).selectOption("community");
  await page.getByLabel("Reason", { exact: true }).fill(reason);
  await page.getByRole("button", { name: "Award points" }).click();
  await expect(page.getByText(`+25 points for @${ingrid.handle}`)).toBeVisible();

  // The advocate's open tab shows it the moment the award commits.
  await expect(advocate.getByText("You earned 25 points")).toBeVisible();
  await expect(advocate.getByRole("status").getByText(reason)).toBeVisible();

  await advocate.reload();
  await expect(advocate.getByTestId("reputation-total")).toHaveText(
    (before + 25).toLocaleString("en-GB"),
  );
  await expect(advocate.getByTestId("reputation-history").locator("li").first()).toContainText(
    reason,
  );
  await expect(advocate.getByTestId("reputation-history").locator("li").first()).toContainText(
    "+25",
  );
  await expect(
    advocate.getByRole("img", { name: `${ingrid.displayName}'s reputation over time` }),
  ).toBeVisible();

  await advocate.goto("/leaderboard");
  await expect(advocate.getByTestId("leaderboard-you")).toContainText(ingrid.displayName);
  await expect(
    advocate.getByTestId("leaderboard-row").filter({ hasText: "Catie Brennan" }),
  ).toBeVisible();
  await expectAccessible(advocate);
  await advocate.getByRole("link", { name: "Community", exact: true }).click();
  await expect(advocate.getByTestId("leaderboard-you")).toContainText(ingrid.displayName);
  await advocateContext.close();
});
