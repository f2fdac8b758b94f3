import { randomBytes } from "node:crypto";
import { DEMO, expect, expectAccessible, login, openTo, test } from "./fixtures.ts";

const MINUTE = 60_000;

/** "2026-11-22T10:31" for a datetime-local input, in UTC (the form's time zone below). */
const utcLocal = (instant: number) => new Date(instant).toISOString().slice(0, 16);

test("a manager posts an opportunity, an advocate applies, is accepted live, speaks, and the verified talk shows on her profile with its points", async ({
  page: managerPage,
  browser,
  account,
}) => {
  // The talk has to actually happen before it can be verified: the event
  // starts a minute or two from now, in real time.
  test.setTimeout(240_000);
  const suffix = randomBytes(3).toString("hex");
  const title = `Ops analytics fireside ${suffix}`;
  const eventName = `Columbus Freight Forum ${suffix}`;
  const startsAt = Math.ceil((Date.now() + 80_000) / MINUTE) * MINUTE;

  // A new advocate, with no points, badges or tier yet: her first verified
  // talk announces all of those at once, and the points must still show.
  const advocate = await account("advocate", "speaker");
  const manager = await account("manager", "speaking-team");

  // The manager posts the opportunity.
  await login(managerPage, manager.email, manager.password);
  await managerPage.goto("/manage/speaking");
  await managerPage.getByRole("link", { name: "Post an opportunity" }).click();
  await managerPage.getByLabel("Title", { exact: true }).fill(title);
  await managerPage.getByLabel("Event name", { exact: true }).fill(eventName);
  await managerPage.getByLabel("Format", { exact: true }).selectOption("conference");
  await managerPage
    .getByLabel("Topic or abstract wanted")
    .fill("How your **dispatch team** learned to trust one number.");
  await managerPage.getByLabel("Starts at", { exact: true }).fill(utcLocal(startsAt));
  await managerPage.getByLabel("Time zone", { exact: true }).selectOption("UTC");
  await managerPage.getByLabel("Application deadline", { exact: true }).fill(utcLocal(startsAt));
  await managerPage
    .getByLabel("Location", { exact: true })
    .fill("Bluewater Freight Co. offices, Columbus");
  await managerPage.getByLabel("Expected audience", { exact: true }).fill("120");
  await managerPage.getByRole("button", { name: "Post opportunity" }).click();
  await expect(managerPage.getByText("Opportunity posted")).toBeVisible();
  await expect(managerPage.getByRole("heading", { name: title })).toBeVisible();
  const opportunityUrl = managerPage.url();

  // The advocate says she is open to speaking, finds it on /speaking and applies.
  const speakerContext = await browser.newContext();
  const speaker = await speakerContext.newPage();
  await login(speaker, advocate.email, advocate.password);
  await openTo(speaker, "Speaking");
  await speaker.goto("/speaking");
  const card = speaker.locator("li", { has: speaker.getByRole("link", { name: title }) });
  await expect(card.getByText("+100 points when verified")).toBeVisible();
  await card.getByRole("link", { name: title }).click();
  await expect(speaker.getByRole("heading", { name: title })).toBeVisible();
  await speaker.getByLabel("Talk title (optional)").fill(`One number, ${suffix}`);
  await speaker
    .getByLabel("Your pitch")
    .fill(
      "How forty carrier spreadsheets became one dashboard that dispatch and the board both trust.",
    );
  await speaker.getByRole("button", { name: "Send application" }).click();
  await expect(
    speaker.getByTestId("own-application").getByText("Waiting for a decision"),
  ).toBeVisible();
  await expectAccessible(speaker);

  // The manager accepts with a message; she hears about it live, without reloading.
  await managerPage.goto(opportunityUrl);
  const application = managerPage.getByTestId(`application-${advocate.handle}`);
  await application
    .getByLabel(`Message to ${advocate.displayName}`)
    .fill(`See you on stage, ${suffix}.`);
  await application.getByRole("button", { name: "Accept" }).click();
  await expect(managerPage.getByText("Accepted — the talk is scheduled")).toBeVisible();
  await expect(
    speaker.getByRole("status").filter({ hasText: `You are speaking at ${eventName}!` }),
  ).toBeVisible();
  await expect(
    speaker.getByRole("status").filter({ hasText: `See you on stage, ${suffix}.` }),
  ).toBeVisible();

  // Before the talk there is nothing to verify yet; once it has happened she adds the recording.
  await speaker.reload();
  await speaker.getByRole("link", { name: "Go to your talk" }).click();
  await expect(speaker.getByRole("heading", { name: `One number, ${suffix}` })).toBeVisible();
  const talkUrl = speaker.url();
  await expect(speaker.getByText(/After the talk .* add the recording or slides/)).toBeVisible();
  await expect(async () => {
    await speaker.reload();
    await expect(speaker.getByLabel("Recording link")).toBeVisible({ timeout: 1_000 });
  }).toPass({ timeout: 180_000, intervals: [5_000] });
  await speaker
    .getByLabel("Recording link")
    .fill(`https://videos.example.com/freight-forum/${suffix}`);
  await speaker.getByLabel("Attendance").fill("118");
  await speaker.getByRole("button", { name: "Submit evidence" }).click();
  await expect(speaker.getByText("Evidence added")).toBeVisible();
  await expect(speaker.getByText("Awaiting verification")).toBeVisible();

  // The manager verifies it from the queue; she is told live that she earned the points.
  await managerPage.goto("/manage/speaking");
  await managerPage
    .getByRole("link", { name: `One number, ${suffix}` })
    .first()
    .click();
  await expect(managerPage).toHaveURL(talkUrl);
  await managerPage.getByRole("button", { name: "Verify talk" }).click();
  await expect(managerPage.getByText("Talk verified")).toBeVisible();
  await expect(
    speaker.getByRole("status").filter({ hasText: "You earned 100 points" }),
  ).toBeVisible();

  // Anyone now sees the verified talk and its points on her profile.
  const visitorContext = await browser.newContext();
  const visitor = await visitorContext.newPage();
  await visitor.goto(`/u/${advocate.handle}`);
  const talk = visitor
    .getByTestId("profile-talks")
    .locator("li", { hasText: `One number, ${suffix}` });
  await expect(talk.getByText("✓ Verified")).toBeVisible();
  await expect(talk.getByText("+100 points")).toBeVisible();
  await expect(talk.getByRole("link", { name: "Recording" })).toHaveAttribute(
    "href",
    `https://videos.example.com/freight-forum/${suffix}`,
  );
  await expect(
    visitor
      .getByTestId("reputation-history")
      .getByRole("link", { name: new RegExp(`One number, ${suffix}`) }),
  ).toBeVisible();
  await visitorContext.close();
  await speakerContext.close();
});

test("a visitor can see opportunities but is not offered an application, and logging a future talk with evidence is refused next to the date", async ({
  page,
}) => {
  await page.goto("/speaking");
  await expect(page.getByRole("heading", { name: "Open opportunities" })).toBeVisible();
  await page.getByRole("link", { name: "Customer keynote and customer track" }).click();
  await expect(page.getByText("as a verified customer to apply")).toBeVisible();
  await expect(page.getByRole("button", { name: "Send application" })).toHaveCount(0);

  await login(page, DEMO.catie);
  await page.goto("/speaking/talks/new");
  await page.getByLabel("Title", { exact: true }).fill("A talk from the future");
  await page.getByLabel("Event", { exact: true }).fill("Next Year Summit");
  await page.getByLabel("Date and time").fill(utcLocal(Date.now() + 30 * 24 * 60 * MINUTE));
  await page.getByLabel("Virtual event").check();
  await page.getByLabel("Recording link").fill("https://videos.example.com/not-yet");
  await page.getByRole("button", { name: "Log talk" }).click();
  await expect(page.getByText(/This date is in the future/)).toBeVisible();
  await expect(page.getByLabel("Date and time")).toHaveAttribute("aria-invalid", "true");
});
