import { randomBytes } from "node:crypto";
import {
  generateSurveyResponses,
  SEED_REFERENCES,
  SEED_REFERRALS,
} from "../../db/seed/promoters-content.ts";
import { countCategories, netPromoterScore } from "../../app/modules/promoters/nps.ts";
import { seededSurveyAnswers } from "../../db/seed/surveys.ts";
import { expect, expectAccessible, login, newUserData, openTo, signUp, test } from "./fixtures.ts";

// One story told in order: the dashboard is checked against the seed before
// the later tests add responses, references and points.
test.describe.configure({ mode: "serial" });

const dollars = (cents: number) =>
  (cents / 100).toLocaleString("en-US", {
    style: "currency",
    currency: "USD",
    maximumFractionDigits: 0,
  });

test("the manager's dashboard shows the numbers of the seeded community", async ({
  page,
  account,
}) => {
  const manager = await account("manager", "dashboard");
  await login(page, manager.email, manager.password);
  await page.getByRole("link", { name: "Manage", exact: true }).first().click();
  await expect(page.getByRole("link", { name: "Dashboard", exact: true })).toHaveAttribute(
    "aria-current",
    "page",
  );

  // Imported answers and the answers to the survey sent from the product count alike.
  const now = new Date();
  const responses = [...generateSurveyResponses(now), ...seededSurveyAnswers(now)];
  const nps = netPromoterScore(countCategories(responses.map((r) => r.score)))!;
  await expect(page.getByTestId("nps-overall")).toHaveText(nps > 0 ? `+${nps}` : String(nps));

  const won = SEED_REFERRALS.filter((r) => r.stage === "won");
  await expect(page.getByTestId("referral-revenue")).toHaveText(
    dollars(won.reduce((s, r) => s + r.revenueCents!, 0)),
  );
  for (const stage of ["submitted", "contacted", "qualified", "won", "lost"] as const) {
    await expect(page.getByTestId(`referrals-${stage}`)).toHaveText(
      String(SEED_REFERRALS.filter((r) => r.stage === stage).length),
    );
  }
  for (const status of ["queued", "pending", "accepted", "completed", "declined"] as const) {
    await expect(page.getByTestId(`references-${status}`)).toHaveText(
      String(SEED_REFERENCES.filter((r) => r.status === status).length),
    );
  }
  // The NPS chart is an image with a text alternative, and its numbers are in a table.
  await expect(page.getByRole("img", { name: /Net Promoter Score by month/ })).toBeVisible();
  const lastMonth = new Date();
  lastMonth.setUTCDate(1);
  lastMonth.setUTCMonth(lastMonth.getUTCMonth() - 1);
  const key = lastMonth.toISOString().slice(0, 7);
  const inMonth = responses.filter((r) => r.respondedAt.toISOString().startsWith(key));
  await page.getByText("Show the numbers").first().click();
  await expect(page.getByTestId(`nps-${key}`).first()).toHaveText(
    String(netPromoterScore(countCategories(inMonth.map((r) => r.score))) ?? "—"),
  );

  await expectAccessible(page);

  // Each open item leads to its queue.
  await page.getByTestId("open-references").click();
  await expect(page).toHaveURL(/\/manage\/references\?status=pending/);
  await expect(page.getByRole("cell", { name: /Replacing carrier spreadsheets/ })).toBeVisible();
});

test("a manager imports survey responses, invites a promoter, who joins as a verified advocate", async ({
  page,
  browser,
  account,
}) => {
  const manager = await account("manager", "importer");
  const suffix = randomBytes(3).toString("hex");
  const promoterEmail = `riley-${suffix}@harbourline.example`;
  // Answered just now, so the promoter heads the pipeline list.
  const at = new Date().toISOString().slice(0, 16);
  const csv = [
    "Email,Name,Company,Score,Comment,Responded at",
    `${promoterEmail},Riley Stone,Harbourline Ports,10,"Our berth planning finally runs on live data, and it shows.",${at}`,
    `sam-${suffix}@harbourline.example,Sam Ode,Harbourline Ports,6,Too many clicks,${at}`,
  ].join("\r\n");

  await login(page, manager.email, manager.password);
  await page.goto("/manage/promoters");
  await page.getByRole("link", { name: "Import responses" }).click();
  await page.getByLabel("CSV file").setInputFiles({
    name: "january.csv",
    mimeType: "text/csv",
    buffer: Buffer.from(csv),
  });
  await page.getByRole("button", { name: "Preview" }).click();
  await expect(page.getByTestId("preview-summary")).toContainText("2 rows: 2 new");
  await expectAccessible(page);
  await page.getByRole("button", { name: "Import 2 responses" }).click();
  await expect(page.getByText("Imported 2 responses")).toBeVisible();
  await expect(page).toHaveURL(/\/manage\/promoters$/);

  await page.getByLabel("Stage").selectOption("not_member");
  await page.getByRole("button", { name: "Show" }).click();
  const row = page.getByTestId(`promoter-${promoterEmail}`);
  await expect(row).toContainText("Not yet a member");
  await row.getByRole("button", { name: "Invite Riley Stone" }).click();
  const link = await page.getByTestId("invitation-link").inputValue();
  expect(link).toMatch(/\/signup\?invite=[a-z2-7]{32}$/);

  // The promoter follows the link in their own browser.
  const theirs = await browser.newContext();
  const joiner = await theirs.newPage();
  await joiner.goto(link);
  await expect(
    joiner.getByText("You were invited as a customer of Harbourline Ports"),
  ).toBeVisible();
  await expect(joiner.getByLabel("Email", { exact: true })).toHaveValue(promoterEmail);
  await expect(joiner.getByLabel("Name", { exact: true })).toHaveValue("Riley Stone");
  const handle = `riley-${suffix}`;
  await joiner.getByLabel("Handle", { exact: true }).fill(handle);
  await joiner.getByLabel("Password", { exact: true }).fill("a long and memorable passphrase");
  await joiner.getByRole("button", { name: "Create account" }).click();
  await expect(joiner).toHaveURL(/\/settings\/profile$/);
  await expect(joiner.getByText("You joined as a verified customer")).toBeVisible();
  await joiner.goto(`/u/${handle}`);
  await expect(joiner.getByText("Verified customer", { exact: true })).toBeVisible();
  await theirs.close();

  // The link worked once.
  const other = await browser.newContext();
  const again = await other.newPage();
  const response = await again.goto(link);
  expect(response?.status()).toBe(410);
  await expect(again.getByText("This invitation has already been used")).toBeVisible();
  await other.close();

  // The pipeline now counts them as a member.
  await page.goto("/manage/promoters");
  await expect(page.getByTestId(`promoter-${promoterEmail}`)).toContainText(
    "Advocate, no contribution yet",
  );
});

test("a prospect asks Catie for a conversation; she accepts, both complete it and she earns the reference points", async ({
  page,
  browser,
  account,
}) => {
  const advocate = await account("advocate", "referee", "Rosa Brennan");
  const topic = `Dispatch dashboards for a ${randomBytes(2).toString("hex")} fleet`;
  // Catie is signed in elsewhere and hears about the request as it arrives.
  const catieContext = await browser.newContext();
  const catie = await catieContext.newPage();
  await login(catie, advocate.email, advocate.password);
  await openTo(catie, "References");
  await catie.goto("/references");

  const prospect = await signUp(page, newUserData("fleet"));
  await page.goto(`/u/${advocate.handle}`);
  const ask = page.getByRole("region", { name: "Ask for a conversation" });
  await ask.getByLabel("What would you like to talk about?").fill(topic);
  await ask
    .getByLabel("Some context")
    .fill("We run 180 trucks and our weekly scorecard takes two days.");
  await ask.getByLabel("Times that suit you").fill("Weekday mornings ET");
  await ask.getByRole("button", { name: "Ask Rosa" }).click();
  await expect(page.getByRole("heading", { name: topic })).toBeVisible();
  await expect(page.getByTestId("reference-status")).toHaveText("Waiting for the advocate");
  await expect(page.getByTestId("advocate-email")).toHaveText("Email shared after acceptance");
  const requestUrl = page.url();

  await expect(catie.getByText("Someone would like to talk with you")).toBeVisible();
  await catie.goto(new URL(requestUrl).pathname);
  await expect(catie.getByTestId("prospect-email")).toHaveText("Email shared after acceptance");
  await expectAccessible(catie);
  await catie.getByRole("button", { name: "Accept and share emails" }).click();
  await expect(catie.getByTestId("prospect-email")).toHaveText(prospect.email);

  await page.reload();
  await expect(page.getByTestId("advocate-email")).toHaveText(advocate.email);

  await catie.getByRole("button", { name: "We talked: mark as completed" }).click();
  await expect(catie.getByText("It is completed once the other person confirms too")).toBeVisible();

  await page.getByLabel("Was it helpful?").selectOption("yes");
  await page.getByRole("button", { name: "We talked: mark as completed" }).click();
  await expect(page.getByTestId("reference-status")).toHaveText("Completed");
  await expect(catie.getByText("You earned 40 points")).toBeVisible();

  // Her history explains the points and links to the conversation.
  await catie.goto(`/u/${advocate.handle}`);
  const history = catie.getByTestId("reputation-history");
  const line = history.getByRole("listitem").filter({ hasText: topic });
  await expect(line).toContainText("+40");
  await expect(line).toContainText("reference call completed");
  await catieContext.close();
});
