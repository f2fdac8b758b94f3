import type { Browser } from "@playwright/test";
import { expect, login, test, type Account } from "./fixtures.ts";

// An event from posting to a full house: a manager posts it in a chapter,
// fresh advocates take the seats and then queue, a cancellation moves the
// first in line up, the calendar file downloads, and each reader sees the
// time in their own zone.

const DAY = 86_400_000;

async function signedInPage(browser: Browser, who: Account, timezoneId: string) {
  const context = await browser.newContext({ timezoneId, locale: "en-GB" });
  const page = await context.newPage();
  await login(page, who.email, who.password);
  return { page, context };
}

test("a manager posts an event, advocates fill it and queue, a cancellation moves the queue up", async ({
  browser,
  account,
}) => {
  const [manager, first, second, third] = await Promise.all([
    account("manager", "events"),
    account("advocate", "events"),
    account("advocate", "events"),
    account("advocate", "events"),
  ]);

  // The manager posts a two-seat meetup in Madrid, three days from now at 18:00 Madrid time.
  const organiser = await signedInPage(browser, manager, "Europe/Madrid");
  const day = new Date(Date.now() + 3 * DAY).toISOString().slice(0, 10);
  const title = `Tapas and telemetry ${day}`;
  await organiser.page.goto("/events/new");
  await organiser.page.getByLabel("Chapter").selectOption({ label: "Madrid" });
  await organiser.page.getByLabel("Title").fill(title);
  await organiser.page.getByLabel("Starts").fill(`${day}T18:00`);
  await organiser.page.getByLabel("Ends").fill(`${day}T20:00`);
  await organiser.page.getByLabel("Time zone").fill("Europe/Madrid");
  await organiser.page.getByLabel("Venue").fill("Calle de Alcalá 1, Madrid");
  await organiser.page.getByLabel("Seats").fill("2");
  await organiser.page.getByRole("button", { name: "Post event" }).click();
  await expect(organiser.page).toHaveURL(/\/events\/\d+$/);
  await expect(organiser.page.getByRole("heading", { name: title })).toBeVisible();
  const eventPath = new URL(organiser.page.url()).pathname;
  // A reader in the event's own zone sees its time once, with no second line.
  await expect(organiser.page.getByText("18:00 GMT+1 (Madrid)")).toBeVisible();
  await expect(organiser.page.getByText("Your time:")).toHaveCount(0);

  // Two advocates take the two seats.
  for (const who of [first, second]) {
    const { page, context } = await signedInPage(browser, who, "Europe/Madrid");
    await page.goto(eventPath);
    await page.getByRole("button", { name: "RSVP" }).click();
    await expect(page.getByText("You have a seat.")).toBeVisible();
    await context.close();
  }

  // The third, reading from Shanghai, finds it full, joins the waitlist, and sees the time in their zone.
  const late = await signedInPage(browser, third, "Asia/Shanghai");
  await late.page.goto(eventPath);
  await expect(late.page.getByText("Full · waitlist open")).toBeVisible();
  await late.page.getByRole("button", { name: "Join the waitlist" }).click();
  await expect(late.page.getByText("You are number 1 on the waitlist.")).toBeVisible();
  const startsAt = await late.page.locator("time").first().getAttribute("datetime");
  const shanghai = new Intl.DateTimeFormat("en-GB", {
    hour: "2-digit",
    minute: "2-digit",
    timeZone: "Asia/Shanghai",
  }).format(new Date(startsAt!));
  const yours = late.page.getByText("Your time:");
  await expect(yours).toContainText(shanghai);
  await expect(yours).toContainText("GMT+8");

  // The first gives their seat back (after confirming); the waiting advocate moves up.
  const leaving = await signedInPage(browser, first, "Europe/Madrid");
  await leaving.page.goto(eventPath);
  leaving.page.once("dialog", (dialog) => dialog.accept());
  await leaving.page.getByRole("button", { name: "Cancel my seat" }).click();
  // Their seat went straight to the person waiting, so the event is full again.
  await expect(leaving.page.getByRole("button", { name: "Join the waitlist" })).toBeVisible();
  await late.page.reload();
  await expect(late.page.getByText("You have a seat.")).toBeVisible();
  await leaving.context.close();

  // The organiser's guest list follows, and the calendar file is a calendar.
  await organiser.page.reload();
  await expect(organiser.page.getByText("2 of 2 seats taken")).toBeVisible();
  const ics = await late.page.request.get(`${eventPath}/calendar.ics`);
  expect(ics.status()).toBe(200);
  expect(ics.headers()["content-type"]).toMatch(/^text\/calendar/);
  expect(await ics.text()).toContain(`SUMMARY:${title}`);

  await late.context.close();
  await organiser.context.close();
});
