import { randomBytes } from "node:crypto";
import type { Page } from "@playwright/test";
import { expect, login, test } from "./fixtures.ts";

const TOMAS = "tomas.aguilar@demo.limelight.dev";
const LAN = "lan.nguyen@demo.limelight.dev";

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

const total = async (page: Page) =>
  Number((await page.getByTestId("reputation-total").textContent())?.replace(/\D/g, "") ?? "0");

test("an upvote on a reply reaches its author live, then shows in their balance and history", async ({
  page,
  browser,
}) => {
  // Lan asks; Tomás answers from his laptop.
  await login(page, LAN);
  const title = `Dwell time by depot, or by customer? ${randomBytes(3).toString("hex")}`;
  await page.goto("/s/dashboards/new");
  await page.getByLabel("Title", { exact: true }).fill(title);
  await page.getByLabel("Details", { exact: true }).fill("Which cut do dispatchers act on?");
  await page.getByRole("button", { name: "Post" }).click();
  await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
  const threadPath = new URL(page.url()).pathname;

  const laptopContext = await browser.newContext();
  const laptop = await laptopContext.newPage();
  await login(laptop, TOMAS);
  await laptop.goto(threadPath);
  await laptop
    .getByLabel("Your reply", { exact: true })
    .fill("By depot first: that is where the dock schedule lives.");
  await laptop.getByRole("button", { name: "Post reply" }).click();
  await expect(laptop.getByLabel("Your reply", { exact: true })).toHaveValue("");

  // Tomás also has his profile open on his phone.
  const phoneContext = await browser.newContext();
  const phone = await phoneContext.newPage();
  await login(phone, TOMAS);
  await openLive(phone, "/u/tomas-aguilar");
  const before = await total(phone);

  // Lan upvotes the reply.
  await page.reload();
  const reply = page.getByTestId("reply").filter({ hasText: "By depot first" });
  await reply.getByRole("button", { name: /Upvote$/ }).click();
  await expect(reply.getByTestId("vote-count")).toHaveText("1");

  await expect(phone.getByText("You earned 5 points")).toBeVisible();
  await expect(phone.getByRole("status").getByText(title, { exact: false })).toBeVisible();
  await phone.reload();
  await expect(phone.getByTestId("reputation-total")).toHaveText(
    (before + 5).toLocaleString("en-GB"),
  );
  const line = phone.getByTestId("reputation-history").locator("li").first();
  await expect(line).toContainText("+5");
  await expect(line.getByRole("link", { name: title })).toHaveAttribute(
    "href",
    new RegExp(`^${threadPath}#post-\\d+$`),
  );
  // The bell counts the new notification too.
  await expect(phone.getByTestId("unread-count")).not.toHaveText("0");
  await laptopContext.close();
  await phoneContext.close();
});
