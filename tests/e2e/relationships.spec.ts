import { expect, login, test } from "./fixtures.ts";

test("a manager keeps the relationship behind an advocate; the advocate edits their goals and never sees the staff notes", async ({
  page,
  browser,
  account,
}) => {
  test.setTimeout(90_000);
  const advocate = await account("advocate", "related");
  const manager = await account("manager", "relations");
  const notes = `Renewal is at risk until the SSO fix ships (${Date.now()})`;
  const step = `Introduce ${advocate.displayName} to the summit organisers`;
  const heard = "Speak at a healthcare conference";

  await login(page, manager.email, manager.password);
  await page.goto(`/manage/people?q=${encodeURIComponent(advocate.handle)}`);
  await page
    .getByTestId(`person-${advocate.handle}`)
    .getByRole("link", { name: "Relationship" })
    .click();
  await expect(page.getByRole("heading", { name: advocate.displayName, level: 1 })).toBeVisible();
  const staffPage = page.url();

  // A goal heard in conversation, in the advocate's words; an empty one is refused at the field.
  const goalForm = page.getByRole("form", { name: "Record a goal" });
  await goalForm.getByRole("button", { name: "Record goal" }).click();
  await expect(goalForm.getByText("Write the goal in their words.")).toBeVisible();
  await expect(page.getByTestId("goals")).toHaveCount(0);
  await goalForm.getByLabel("A goal they told you").fill(heard);
  await goalForm.getByRole("button", { name: "Record goal" }).click();
  await expect(page.getByText("Goal recorded")).toBeVisible();
  await expect(page.getByTestId("goals")).toHaveText(heard);
  await expect(goalForm.getByLabel("A goal they told you")).toHaveValue("");

  const conversation = page.getByRole("form", { name: "Record a conversation" });
  await conversation.getByLabel("Notes").fill(notes);
  await conversation.getByRole("button", { name: "Record conversation" }).click();
  await expect(page.getByText("Conversation recorded")).toBeVisible();
  await expect(page.getByTestId("conversations")).toContainText(notes);
  await expect(conversation.getByLabel("Notes")).toHaveValue("");

  const nextStep = page.getByRole("form", { name: "Add a next step" });
  await nextStep.getByLabel("Next step", { exact: true }).fill(step);
  await nextStep.getByRole("button", { name: "Add next step" }).click();
  await expect(page.getByText("Next step added")).toBeVisible();
  await expect(page.getByTestId("next-steps")).toContainText(step);
  await expect(nextStep.getByLabel("Next step", { exact: true })).toHaveValue("");
  await expect(page.getByTestId("next-steps")).toContainText(manager.displayName);
  await page.screenshot({ path: "test-results/shots/relationship-1280.png", fullPage: true });
  await page.setViewportSize({ width: 390, height: 844 });
  await page.screenshot({ path: "test-results/shots/relationship-390.png", fullPage: true });
  await page.setViewportSize({ width: 1280, height: 900 });

  // The advocate: refused the staff page, and their settings carry their goals and nothing else.
  const theirs = await browser.newContext();
  const own = await theirs.newPage();
  await login(own, advocate.email, advocate.password);
  const refused = await own.goto(staffPage);
  expect(refused?.status()).toBe(403);
  await expect(own.getByText(notes)).toHaveCount(0);
  await own.goto("/settings/goals");
  const goals = own.getByLabel("Goals", { exact: true });
  await expect(goals).toHaveValue(heard);
  await expect(own.getByText(notes)).toHaveCount(0);
  await expect(own.getByText(step)).toHaveCount(0);
  expect(await own.content()).not.toContain("Renewal is at risk");
  await goals.fill(`${heard}\nGet known as an expert in SSO`);
  await own.getByRole("button", { name: "Save goals" }).click();
  await expect(own.getByText("Goals saved")).toBeVisible();
  await expect(goals).toHaveValue(`${heard}\nGet known as an expert in SSO`);
  await theirs.close();

  // The team sees the goals as the advocate wrote them.
  await page.goto(staffPage);
  await expect(page.getByTestId("goals").getByRole("listitem")).toHaveText([
    heard,
    "Get known as an expert in SSO",
  ]);
});
