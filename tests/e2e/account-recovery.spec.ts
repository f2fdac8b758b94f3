import {
  expect,
  expectAccessible,
  login,
  mailText,
  newUserData,
  signUp,
  test,
} from "./fixtures.ts";

test("a member who forgot their password sets a new one from the emailed link, and every old session ends", async ({
  page,
  browser,
  account,
}) => {
  // Signed in on one device…
  const user = await signUp(page, newUserData("recover"));

  // …and locked out on another.
  const other = await browser.newContext();
  const phone = await other.newPage();
  await phone.goto("/login");
  await phone.getByRole("link", { name: "Forgot your password?" }).click();
  await expect(phone).toHaveURL(/\/forgot-password$/);
  await expectAccessible(phone);
  await phone.getByLabel("Email", { exact: true }).fill(user.email);
  await phone.getByRole("button", { name: "Email me a link" }).click();
  await expect(phone.getByTestId("reset-sent")).toContainText(user.email);

  // Without a mail server the message is kept in the outbox: an admin reads it there.
  const reader = await account("admin", "outbox");
  const text = await mailText(browser, reader, user.email, "Choose a new password for Limelight");
  const link = /https?:\/\/\S+\/reset-password\/[A-Za-z0-9_-]+/.exec(text)?.[0];
  expect(link, "the reset link in the message").toBeTruthy();

  await phone.goto(new URL(link!).pathname);
  await phone.getByLabel("New password", { exact: true }).fill("an entirely new passphrase");
  await phone.getByLabel("New password again", { exact: true }).fill("an entirely new passphrase");
  await phone.getByRole("button", { name: "Save new password" }).click();
  await expect(phone).toHaveURL(/\/login$/);
  await expect(phone.getByText("Password changed")).toBeVisible();
  await login(phone, user.email, "an entirely new passphrase");

  // The first device was signed out with every other session.
  await page.reload();
  await expect(page.getByRole("link", { name: "Sign in" }).first()).toBeVisible();

  // The link worked once.
  await phone.goto(new URL(link!).pathname);
  await expect(phone.getByTestId("reset-expired")).toBeVisible();
  await other.close();
});
