import { randomBytes } from "node:crypto";
import { expect, expectAccessible, login, test } from "./fixtures.ts";

test("an advocate writes a story with metrics, the manager asks for a change, she fixes it, it is published, and a visitor finds it with its chart", async ({
  page: author,
  browser,
  account,
}) => {
  test.setTimeout(90_000);
  // People of this test's own: a verified customer who writes, and a manager who reviews.
  const [writer, editor] = await Promise.all([
    account("advocate", "author"),
    account("manager", "editor"),
  ]);
  const suffix = randomBytes(3).toString("hex");
  const title = `Triage dashboards that cut ward transfers ${suffix}`;

  // The advocate writes the story; the preview follows what she types.
  await login(author, writer.email, writer.password);
  await author.goto("/stories");
  await author.getByRole("link", { name: "Write your story" }).click();
  await author.getByLabel("Title", { exact: true }).fill(title);
  await expect(
    author.getByTestId("story-preview").getByRole("heading", { name: title }),
  ).toBeVisible();
  await author.getByLabel("Company", { exact: true }).fill(`Nordic Health ${suffix}`);
  await author.getByLabel("Industry", { exact: true }).selectOption("Healthcare");
  await author.getByLabel("Product area", { exact: true }).selectOption("Dashboards and reporting");
  await author
    .getByRole("textbox", { name: "Challenge", exact: true })
    .fill(
      "Ward transfers were planned from a **morning phone round** that took the bed managers two hours.",
    );
  await author
    .getByRole("textbox", { name: "Solution", exact: true })
    .fill(
      "A Northwind Cloud dashboard of every bed, refreshed every five minutes from the patient system.",
    );
  await author
    .getByRole("textbox", { name: "Results", exact: true })
    .fill(
      "Bed managers plan transfers in twenty minutes and patients wait less in the emergency department.",
    );
  await author
    .getByLabel("Pull quote", { exact: true })
    .fill("The phone round is gone and nobody misses it.");
  await author.getByLabel("Metric 1", { exact: true }).fill("Transfer planning time");
  await author.getByLabel("Before (metric 1)").fill("120");
  await author.getByLabel("After (metric 1)").fill("20");
  await author.getByLabel("Unit (metric 1)").fill("minutes");
  const preview = author.getByTestId("story-preview");
  await expect(preview.locator("strong", { hasText: "morning phone round" })).toBeVisible();
  await expect(preview.getByRole("img", { name: new RegExp(title) })).toBeVisible();
  await expect(
    preview.locator("p", { hasText: "Transfer planning time: 120 minutes → 20 minutes (−83%)" }),
  ).toBeVisible();

  // Without consent the story cannot go to review.
  await author.getByRole("button", { name: "Submit for review" }).click();
  await expect(
    author.getByText(/Confirm that you may publish this story on behalf of your company/),
  ).toBeVisible();
  await author.getByLabel("I may publish this story on behalf of my company").check();
  await author.getByRole("button", { name: "Submit for review" }).click();
  await expect(author.getByRole("status").filter({ hasText: "Sent for review" })).toBeVisible();
  await expect(author.getByText("In review", { exact: true })).toBeVisible();
  const editUrl = author.url();

  // The manager asks for a change.
  const managerContext = await browser.newContext();
  const manager = await managerContext.newPage();
  await login(manager, editor.email, editor.password);
  await manager.goto("/manage/stories");
  await manager.getByRole("link", { name: title }).click();
  await manager
    .getByLabel("What should change?")
    .fill("Please add how many beds the dashboard covers, so peers can compare.");
  await manager.getByRole("button", { name: "Request changes" }).click();
  await expect(manager.getByText("Changes requested").first()).toBeVisible();
  const reviewUrl = manager.url();

  // The advocate sees the comment, fixes the story and resubmits.
  await author.goto(editUrl);
  await expect(author.getByTestId("review-note")).toContainText(
    "how many beds the dashboard covers",
  );
  await author
    .getByRole("textbox", { name: "Solution", exact: true })
    .fill(
      "A Northwind Cloud dashboard of all 640 beds in four hospitals, refreshed every five minutes from the patient system.",
    );
  await author.getByRole("button", { name: "Resubmit for review" }).click();
  await expect(author.getByRole("status").filter({ hasText: "Sent for review" })).toBeVisible();

  // The manager publishes it.
  await manager.goto(reviewUrl);
  await expect(manager.getByText("all 640 beds")).toBeVisible();
  await manager.getByRole("button", { name: "Publish", exact: true }).click();
  await expect(manager.getByText("It is in the public story library now.")).toBeVisible();
  await managerContext.close();

  // An anonymous prospect finds it in the library and opens it.
  const visitorContext = await browser.newContext({ javaScriptEnabled: true });
  const visitor = await visitorContext.newPage();
  await visitor.goto("/stories");
  await visitor.getByLabel("Industry", { exact: true }).selectOption("Healthcare");
  await visitor.getByLabel("Search stories").fill(suffix);
  await visitor.getByRole("button", { name: "Search" }).click();
  const card = visitor.getByTestId("story-card").filter({ hasText: title });
  await expect(card).toHaveCount(1);
  await expect(card.getByText("120 minutes → 20 minutes")).toBeVisible();
  await expectAccessible(visitor);
  await card.getByRole("link", { name: title }).click();
  await expect(visitor.getByRole("heading", { level: 1, name: title })).toBeVisible();
  const chart = visitor.getByRole("img", {
    name: new RegExp(`${title}: results before and after`),
  });
  await expect(chart).toBeVisible();
  await expect(chart.locator("text", { hasText: "120 minutes" })).toBeVisible();
  await expect(
    visitor.getByRole("link", { name: `Ask ${writer.displayName.split(" ")[0]} about this` }),
  ).toHaveAttribute("href", `/u/${writer.handle}`);
  await expect(visitor.locator('meta[property="og:title"]')).toHaveAttribute("content", title);
  await expectAccessible(visitor);
  await visitorContext.close();
});

test("the story page works without JavaScript: the chart is drawn on the server", async ({
  browser,
}) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto("/stories/from-40-spreadsheets-to-one-live-dashboard");
  const chart = page.getByRole("img", {
    name: /From 40 spreadsheets to one live dashboard: results before and after/,
  });
  await expect(chart).toBeVisible();
  await expect(chart.locator("text", { hasText: "Weekly reporting time" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Ask Catie about this" })).toBeVisible();
  await context.close();
});
