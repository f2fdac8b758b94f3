import { randomBytes } from "node:crypto";
import { expect, expectAccessible, login, mailText, test } from "./fixtures.ts";

test("a manager invites promoters by email after a preview; one joins through the emailed link", async ({
  page,
  browser,
  account,
}) => {
  const [manager, reader] = await Promise.all([
    account("manager", "inviter"),
    account("admin", "outbox"),
  ]);
  const suffix = randomBytes(3).toString("hex");
  const promoterEmail = `jo-${suffix}@quayside.example`;
  const at = new Date().toISOString().slice(0, 16);
  const csv = [
    "Email,Name,Company,Score,Comment,Responded at",
    `${promoterEmail},Jo Quay,Quayside Freight,10,"Berth planning on live data, finally.",${at}`,
  ].join("\r\n");

  await login(page, manager.email, manager.password);
  await page.goto("/manage/promoters/import");
  await page.getByLabel("CSV file").setInputFiles({
    name: "survey.csv",
    mimeType: "text/csv",
    buffer: Buffer.from(csv),
  });
  await page.getByRole("button", { name: "Preview" }).click();
  await page.getByRole("button", { name: "Import 1 response" }).click();
  await expect(page).toHaveURL(/\/manage\/promoters$/);

  // Tick the promoter, preview the message, send it.
  await expectAccessible(page);
  await page.getByLabel("Select Jo Quay").check();
  await page.getByRole("button", { name: "Preview invitation to the selected" }).click();
  const preview = page.getByTestId("invitation-preview");
  await expect(preview).toContainText("Preview: invitation to 1 promoter");
  await expect(preview).toContainText(promoterEmail);
  await expect(preview).toContainText("You are invited to our customer community on Limelight");
  await preview.getByRole("button", { name: "Send 1 invitation" }).click();
  await expect(page.getByText("1 invitation sent")).toBeVisible();
  await expect(page.getByTestId(`promoter-${promoterEmail}`)).toContainText("Invitation open");

  // No mail server here: the message is kept in the outbox, where an admin reads it.
  const text = await mailText(
    browser,
    reader,
    promoterEmail,
    "You are invited to our customer community on Limelight",
  );
  const link = /https?:\/\/\S+\/signup\?invite=[a-z2-7]{32}/.exec(text)?.[0];
  expect(link, "the invitation link in the message").toBeTruthy();

  // The promoter follows it in their own browser and joins as a verified customer.
  const theirs = await browser.newContext();
  const joiner = await theirs.newPage();
  const url = new URL(link!);
  await joiner.goto(`${url.pathname}${url.search}`);
  await expect(
    joiner.getByText("You were invited as a customer of Quayside Freight"),
  ).toBeVisible();
  await expect(joiner.getByLabel("Email", { exact: true })).toHaveValue(promoterEmail);
  await joiner.getByLabel("Handle", { exact: true }).fill(`jo-${suffix}`);
  await joiner.getByLabel("Password", { exact: true }).fill("a long and memorable passphrase");
  await joiner.getByRole("button", { name: "Create account" }).click();
  await expect(joiner).toHaveURL(/\/settings\/profile$/);
  await expect(joiner.getByText("You joined as a verified customer")).toBeVisible();
  await theirs.close();

  await page.goto("/manage/promoters");
  await expect(page.getByTestId(`promoter-${promoterEmail}`)).toContainText(
    "Advocate, no contribution yet",
  );
});
