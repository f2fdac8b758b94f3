import { randomBytes } from "node:crypto";
import type { Browser, Page } from "@playwright/test";
import { expect, expectAccessible, login, test, type Account } from "./fixtures.ts";

/** Opens a page and waits until its live connection (socket.io) has joined the thread. */
async function openLive(page: Page, path: string) {
  let joined = false;
  page.on("websocket", (ws) =>
    ws.on("framesent", (frame) => {
      if (String(frame.payload).includes('"thread:join"')) joined = true;
    }),
  );
  await page.goto(path);
  await expect.poll(() => joined, { message: "the page joins the thread live" }).toBe(true);
}

async function signedInPage(browser: Browser, who: Account) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await login(page, who.email, who.password);
  return { context, page };
}

/** Starts a thread through the form and returns its address. */
async function startThread(
  page: Page,
  space: string,
  kind: "A question" | "A discussion",
  title: string,
  body: string,
) {
  await page.goto(`/s/${space}/new`);
  await page.getByRole("radio", { name: new RegExp(kind) }).check();
  await page.getByLabel("Title", { exact: true }).fill(title);
  await page.getByLabel("Details", { exact: true }).fill(body);
  await page.getByRole("button", { name: "Post" }).click();
  await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
  return new URL(page.url()).pathname;
}

async function postReply(page: Page, text: string) {
  await page.getByLabel("Your reply", { exact: true }).fill(text);
  await page.getByRole("button", { name: "Post reply" }).click();
  await expect(page.getByLabel("Your reply", { exact: true })).toHaveValue("");
}

const suffix = () => randomBytes(3).toString("hex");

test("a reply from one browser appears in the other without reload, with presence and typing", async ({
  page,
  browser,
  account,
}) => {
  const [aiko, hannah] = await Promise.all([
    account("advocate", "aiko"),
    account("advocate", "hannah", "Hannah Lindqvist"),
  ]);
  await login(page, aiko.email, aiko.password);
  const title = `Vibration thresholds per machine type ${suffix()}`;
  const path = await startThread(
    page,
    "show-and-tell",
    "A discussion",
    title,
    "How do you pick a threshold per **machine family**?",
  );
  await openLive(page, path);
  // A marker that a reload would wipe out.
  await page.evaluate(() => ((window as unknown as { stayed: boolean }).stayed = true));

  const other = await signedInPage(browser, hannah);
  await openLive(other.page, path);
  await expect(page.getByTestId("presence")).toHaveText("2 advocates are reading");
  await expect(other.page.getByTestId("presence")).toHaveText("2 advocates are reading");

  await other.page.getByLabel("Your reply", { exact: true }).pressSequentially("We start");
  await expect(page.getByTestId("typing")).toHaveText("Hannah is typing…");

  await other.page.getByLabel("Your reply", { exact: true }).fill("");
  await postReply(other.page, "We start at **1.3×** the 30-day median and tune per family.");
  const reply = page.getByTestId("reply").filter({ hasText: "the 30-day median" });
  await expect(reply).toBeVisible();
  await expect(reply.locator("strong")).toHaveText("1.3×");
  await expect(reply).toContainText("Hannah Lindqvist");
  expect(await page.evaluate(() => (window as unknown as { stayed?: boolean }).stayed)).toBe(true);
  await expect(page.getByRole("heading", { name: "1 reply" })).toBeVisible();
  await expectAccessible(page);

  // Leaving updates who is reading.
  await other.context.close();
  await expect(page.getByTestId("presence")).toHaveText("1 advocate is reading");
});

test("an author fixes their post in its own editor, and readers see the change and the edited mark live", async ({
  page,
  browser,
  account,
}) => {
  const [aiko, hannah] = await Promise.all([
    account("advocate", "aiko"),
    account("advocate", "hannah"),
  ]);
  await login(page, aiko.email, aiko.password);
  const title = `Spindle temperature drift ${suffix()}`;
  const path = await startThread(
    page,
    "show-and-tell",
    "A discussion",
    title,
    "Our spindles drift by **two degrees** a shift.",
  );
  const other = await signedInPage(browser, hannah);
  await openLive(other.page, path);

  // The editor opens on the markdown as written, not on the rendered text.
  const opening = page.getByTestId("opening-post");
  await opening.getByRole("button", { name: "Edit" }).click();
  const editor = opening.getByLabel("Edit post", { exact: true });
  await expect(editor).toHaveValue("Our spindles drift by **two degrees** a shift.");
  await editor.fill("Our spindles drift by **three degrees** a shift, worse in summer.");
  await opening.getByRole("button", { name: "Save changes" }).click();
  await expect(opening.locator("strong")).toHaveText("three degrees");
  await expect(opening).toContainText("edited");

  const seen = other.page.getByTestId("opening-post");
  await expect(seen).toContainText("worse in summer");
  await expect(seen).toContainText("edited");
  await expectAccessible(other.page);
  await other.context.close();
});

test("an accepted answer moves to the top, live, for everyone reading", async ({
  page,
  browser,
  account,
}) => {
  const [marisol, hannah] = await Promise.all([
    account("advocate", "marisol"),
    account("advocate", "hannah"),
  ]);
  await login(page, marisol.email, marisol.password);
  const title = `Suppressing small cells in exports ${suffix()}`;
  const path = await startThread(
    page,
    "ask-the-community",
    "A question",
    title,
    "Does suppression in the Metric Layer also apply to CSV exports?",
  );
  const helper = await signedInPage(browser, hannah);
  await openLive(helper.page, path);
  await postReply(helper.page, "First thought: check the export settings per workspace.");
  await postReply(helper.page, "Yes: certified metrics suppress the same way in exports.");

  await openLive(page, path);
  const answer = page
    .getByTestId("reply")
    .filter({ hasText: "certified metrics suppress the same way" });
  await answer.getByRole("button", { name: "Accept this answer" }).click();

  // The helper's page, never reloaded, shows it first with the accepted mark.
  const accepted = helper.page.getByTestId("accepted-section");
  await expect(accepted).toContainText("certified metrics suppress the same way");
  await expect(helper.page.getByText("Solved", { exact: false }).first()).toBeVisible();
  const acceptedBox = await accepted.boundingBox();
  const firstReplyBox = await helper.page
    .getByTestId("reply")
    .filter({ hasText: "check the export settings" })
    .boundingBox();
  expect(acceptedBox!.y).toBeLessThan(firstReplyBox!.y);
  await expect(
    helper.page.getByTestId("replies").getByText("certified metrics suppress the same way"),
  ).toHaveCount(0);
  await expectAccessible(helper.page);
  await helper.context.close();
});

test("a post a moderator hides disappears live for readers", async ({ page, browser, account }) => {
  const [rajesh, priya] = await Promise.all([
    account("advocate", "rajesh"),
    account("manager", "priya"),
  ]);
  await login(page, rajesh.email, rajesh.password);
  const title = `Kubernetes requests for connector agents ${suffix()}`;
  const path = await startThread(
    page,
    "show-and-tell",
    "A discussion",
    title,
    "What CPU and memory requests do you give the self-hosted agent?",
  );
  await postReply(page, "Visit my-cheap-consulting.example for answers!");
  await postReply(page, "We run 500m CPU and 1Gi memory per agent.");

  const visitorContext = await browser.newContext();
  const visitor = await visitorContext.newPage();
  await openLive(visitor, path);
  await expect(visitor.getByText("my-cheap-consulting.example")).toBeVisible();

  const moderator = await signedInPage(browser, priya);
  await openLive(moderator.page, path);
  const spam = moderator.page.getByTestId("reply").filter({ hasText: "my-cheap-consulting" });
  await spam.getByText("Hide", { exact: true }).click();
  await spam.getByLabel("Why hide it? (audit log)").fill("Advertising");
  await spam.getByRole("button", { name: "Hide post" }).click();

  await expect(visitor.getByText("my-cheap-consulting.example")).toHaveCount(0);
  await expect(visitor.getByText("500m CPU and 1Gi memory")).toBeVisible();
  // The moderator still sees it, marked.
  await expect(spam.getByText("Hidden: Advertising")).toBeVisible();
  await visitorContext.close();
  await moderator.context.close();
});

test("an anonymous visitor reads a public question but not a members-only space", async ({
  page,
}) => {
  await page.goto("/discussions");
  await expect(page.getByRole("heading", { level: 1, name: "Discussions" })).toBeVisible();
  const spaces = page.getByRole("complementary");
  await expect(spaces.getByRole("link", { name: /Ask the community/ })).toBeVisible();
  await expect(spaces.getByRole("link", { name: /Advocates' lounge/ })).toHaveCount(0);
  await expectAccessible(page);

  await page.goto("/s/ask-the-community?tab=solved");
  const first = page.getByRole("list", { name: "Threads" }).getByRole("link").filter({
    hasText: "?",
  });
  const title = (await first.first().textContent())!;
  await first.first().click();
  await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
  await expect(page.getByTestId("accepted-section")).toBeVisible();
  await expect(page.getByRole("link", { name: "Sign in", exact: true }).last()).toBeVisible();
  await expectAccessible(page);

  const lounge = await page.goto("/s/advocates-lounge");
  expect(lounge?.status()).toBe(404);
  await page.goto(`/search?q=${encodeURIComponent("reference call")}`);
  await expect(page.getByText("How do you say no to a reference call")).toHaveCount(0);
});
