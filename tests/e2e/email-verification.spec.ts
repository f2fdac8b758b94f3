import { request } from "@playwright/test";
import {
  expect,
  expectAccessible,
  newUserData,
  signUp,
  test,
  verificationLink,
} from "./fixtures.ts";

test("a new member confirms their address from the mailed link, and can then post", async ({
  page,
  baseURL,
}) => {
  const user = await signUp(page, newUserData("confirm"), { confirm: false });

  // Reading works; every page says why posting waits, and offers the link again.
  await page.goto("/s/ask-the-community/new");
  const banner = page.getByTestId("verify-email-banner");
  await expect(banner).toContainText(user.email);
  await expectAccessible(page);
  const title = `How do I schedule a nightly load? ${user.handle}`;
  await page.getByRole("radio", { name: /A question/ }).check();
  await page.getByLabel("Title", { exact: true }).fill(title);
  await page.getByLabel("Details", { exact: true }).fill("Our orders table has an updated_at.");
  await page.getByRole("button", { name: "Post" }).click();
  await expect(page.getByText(/Confirm your email address first/)).toBeVisible();

  await banner.getByRole("button", { name: "Send the link again" }).click();
  await expect(page.getByText(`We sent a new confirmation link to ${user.email}.`)).toBeVisible();

  // The mail, as it waits in the outbox without a mail server (an admin reads it there).
  const admin = await request.newContext({ baseURL, extraHTTPHeaders: { Origin: baseURL! } });
  const path = await verificationLink(admin, user.email);
  await admin.dispose();

  await page.goto(path);
  await expectAccessible(page);
  await expect(page.getByText("Confirm that this address is yours")).toContainText(user.email);
  await page.getByRole("button", { name: "Confirm my address" }).click();
  await expect(page).toHaveURL(/\/discussions$/);
  await expect(page.getByText("Email address confirmed")).toBeVisible();
  await expect(page.getByTestId("verify-email-banner")).toHaveCount(0);

  await page.goto("/s/ask-the-community/new");
  await page.getByRole("radio", { name: /A question/ }).check();
  await page.getByLabel("Title", { exact: true }).fill(title);
  await page.getByLabel("Details", { exact: true }).fill("Our orders table has an updated_at.");
  await page.getByRole("button", { name: "Post" }).click();
  await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
});
