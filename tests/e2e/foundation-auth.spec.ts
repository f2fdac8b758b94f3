import type { WebSocket } from "@playwright/test";
import { expect, login, newUserData, signUp, test } from "./fixtures.ts";

test("a wrong password is explained next to the sign-in form, and nothing else happens", async ({
  page,
  account,
}) => {
  const member = await account("advocate", "mistyped");
  await page.goto("/login");
  await page.getByLabel("Email", { exact: true }).fill(member.email);
  await page.getByLabel("Password", { exact: true }).fill("not the right password");
  await page.getByRole("button", { name: "Sign in" }).click();
  const form = page.locator("form", { has: page.getByRole("button", { name: "Sign in" }) });
  await expect(form.getByRole("alert")).toHaveText(
    "That email and password do not match an account. Check them and try again.",
  );
  await expect(page).toHaveURL(/\/login$/);
  await expect(page.getByLabel("Email", { exact: true })).toHaveValue(member.email);
  await expect(page.getByRole("link", { name: "Sign in" })).toBeVisible();
});

test("an empty sign-in form gets a message next to each field", async ({ page }) => {
  await page.goto("/login");
  await page.getByRole("button", { name: "Sign in" }).click();
  const email = page.getByLabel("Email", { exact: true });
  await expect(email).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByText("Enter your email address.")).toBeVisible();
  await expect(page.getByText("Enter your password.")).toBeVisible();
});

test("signing in comes back to the page that asked for it, and signing out ends the session", async ({
  page,
  account,
}) => {
  const member = await account("advocate", "returning");
  await page.goto("/settings");
  await expect(page).toHaveURL(/\/login\?redirectTo=%2Fsettings$/);
  await page.getByLabel("Email", { exact: true }).fill(member.email);
  await page.getByLabel("Password", { exact: true }).fill(member.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/settings$/);
  await expect(page.getByRole("heading", { name: "Settings", level: 1 })).toBeVisible();

  await page.getByRole("button", { name: "Sign out", exact: true }).click();
  await expect(page).toHaveURL(/\/$/);
  await expect(page.getByRole("link", { name: "Sign in" })).toBeVisible();
  await expect(page.getByRole("button", { name: "Sign out", exact: true })).toHaveCount(0);
  // The browser's back button does not bring the account back.
  await page.goto("/settings");
  await expect(page).toHaveURL(/\/login\?redirectTo=/);
});

test("changing the password needs the current one and signs other devices out", async ({
  page,
  browser,
}) => {
  const user = await signUp(page, newUserData("pw"));
  // The same person is also signed in on a second device.
  const phoneContext = await browser.newContext();
  const phone = await phoneContext.newPage();
  await login(phone, user.email, user.password);

  await page.goto("/settings");
  await page.getByLabel("Current password", { exact: true }).fill("not my password");
  await page.getByLabel("New password", { exact: true }).fill("a brand new passphrase");
  await page.getByLabel("Repeat new password", { exact: true }).fill("a brand new passphrase");
  await page.getByRole("button", { name: "Change password" }).click();
  await expect(page.getByText("Your current password is not right.")).toBeVisible();
  await expect(page.getByLabel("Current password", { exact: true })).toHaveAttribute(
    "aria-invalid",
    "true",
  );

  await page.getByLabel("Current password", { exact: true }).fill(user.password);
  await page.getByLabel("New password", { exact: true }).fill("a brand new passphrase");
  await page.getByLabel("Repeat new password", { exact: true }).fill("a brand new passphrase");
  await page.getByRole("button", { name: "Change password" }).click();
  await expect(page.getByText("Password changed")).toBeVisible();
  await expect(page.getByText("You are signed in on 1 device.")).toBeVisible();

  // The phone was signed out.
  await phone.goto("/settings");
  await expect(phone).toHaveURL(/\/login\?redirectTo=/);
  // The old password no longer works; the new one does.
  await phone.getByLabel("Email", { exact: true }).fill(user.email);
  await phone.getByLabel("Password", { exact: true }).fill(user.password);
  await phone.getByRole("button", { name: "Sign in" }).click();
  await expect(phone.getByRole("alert")).toContainText("do not match an account");
  await phone.getByLabel("Password", { exact: true }).fill("a brand new passphrase");
  await phone.getByRole("button", { name: "Sign in" }).click();
  await expect(phone.getByRole("button", { name: "Sign out", exact: true })).toBeVisible();
  await phoneContext.close();
});

test("signing out everywhere asks first, then ends every session", async ({ page, browser }) => {
  const user = await signUp(page, newUserData("everywhere"));
  const otherContext = await browser.newContext();
  const other = await otherContext.newPage();
  await login(other, user.email, user.password);

  await page.goto("/settings");
  await expect(page.getByText("You are signed in on 2 devices.")).toBeVisible();
  // Declining the confirmation changes nothing.
  page.once("dialog", (dialog) => void dialog.dismiss());
  await page.getByRole("button", { name: "Sign out everywhere" }).click();
  await expect(page.getByText("You are signed in on 2 devices.")).toBeVisible();

  page.once("dialog", (dialog) => void dialog.accept());
  await page.getByRole("button", { name: "Sign out everywhere" }).click();
  await expect(page).toHaveURL(/\/login$/);
  await expect(page.getByText("Signed out everywhere")).toBeVisible();
  await other.goto("/settings");
  await expect(other).toHaveURL(/\/login\?redirectTo=/);
  await otherContext.close();
});

test("the live connection follows whoever is signed in to the tab", async ({ page, account }) => {
  const member = await account("advocate", "live");
  // The server tells sockets apart by the session cookie at the handshake, so the tab
  // must reconnect when someone signs in or out without a full page load.
  const sockets: WebSocket[] = [];
  page.on("websocket", (ws) => {
    if (ws.url().includes("/socket.io/")) sockets.push(ws);
  });
  await page.goto("/");
  await expect.poll(() => sockets.length).toBe(1);

  await page.getByRole("link", { name: "Sign in" }).click();
  await page.getByLabel("Email", { exact: true }).fill(member.email);
  await page.getByLabel("Password", { exact: true }).fill(member.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("button", { name: "Sign out", exact: true })).toBeVisible();
  await expect.poll(() => sockets.length).toBe(2);
  await expect.poll(() => sockets[0].isClosed()).toBe(true);

  await page.getByRole("button", { name: "Sign out", exact: true }).click();
  await expect(page.getByRole("link", { name: "Sign in" })).toBeVisible();
  await expect.poll(() => sockets.length).toBe(3);
  await expect.poll(() => sockets[1].isClosed()).toBe(true);
});
