import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import type { Page } from "@playwright/test";
import { expect, login, test, type Account } from "./fixtures.ts";

// One list of websites for the whole community: these journeys change it in turn.
test.describe.configure({ mode: "serial" });

/**
 * A company's website: a page that frames each widget. Two of them, on two
 * ports, so one origin can be listed and the other not.
 */
interface HostSite {
  origin: string;
  close(): Promise<void>;
}
let listed: HostSite;
let unlisted: HostSite;
let storySlug: string;

async function hostSite(widgets: () => Record<string, string>): Promise<HostSite> {
  const server: Server = createServer((_req, res) => {
    const frames = Object.entries(widgets())
      .map(([id, src]) => `<iframe id="${id}" src="${src}" width="600" height="300"></iframe>`)
      .join("\n");
    res.writeHead(200, { "Content-Type": "text/html; charset=utf-8" });
    res.end(`<!doctype html><title>Northwind customers</title><h1>Our customers</h1>${frames}`);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

test.beforeAll(async ({ baseURL, request }) => {
  const library = await request.get("/stories?_data=routes%2Fstories._index");
  const { rows } = (await library.json()) as { rows: { slug: string }[] };
  storySlug = rows[0]!.slug;
  const widgets = () => ({
    story: `${baseURL}/embed/stories/${storySlug}`,
    wall: `${baseURL}/embed/wall`,
    talk: `${baseURL}/embed/talk?industry=Healthcare`,
  });
  listed = await hostSite(widgets);
  unlisted = await hostSite(widgets);
});
test.afterAll(async () => {
  await listed?.close();
  await unlisted?.close();
});

async function setOrigins(page: Page, change: (o: string[]) => string[]) {
  await page.goto("/manage/settings/embeds");
  const field = page.getByLabel("Websites allowed to embed");
  const now = (await field.inputValue()).split("\n").filter(Boolean);
  await field.fill(change(now).join("\n"));
  await page.getByRole("button", { name: "Save websites" }).click();
  await expect(page.getByText("Websites for embedded widgets saved")).toBeVisible();
  return (await field.inputValue()).split("\n").filter(Boolean);
}

/** Chromium shows its own error page in place of a frame that the widget refused. */
async function expectRefused(page: Page, id: string) {
  const frameUrl = async () =>
    (await (await page.locator(`iframe#${id}`).elementHandle())?.contentFrame())?.url() ?? "";
  await expect.poll(frameUrl).toMatch(/^chrome-error:/);
}

test("widgets render on a website the admin lists and are refused everywhere else", async ({
  page,
  browser,
  account,
}) => {
  const admin: Account = await account("admin", "embed-admin");
  await login(page, admin.email, admin.password);
  const saved = await setOrigins(page, (o) => [...o, listed.origin]);
  expect(saved).toContain(listed.origin);
  expect(saved).not.toContain(unlisted.origin);

  const visitor = await browser.newPage();
  const refusals: string[] = [];
  visitor.on("console", (m) => {
    if (/frame-ancestors/.test(m.text())) refusals.push(m.text());
  });
  await visitor.goto(listed.origin);
  await expect(
    visitor.frameLocator("#story").getByText("Read the story on Limelight"),
  ).toBeVisible();
  await expect(
    visitor.frameLocator("#wall").getByRole("heading", { name: "What customers say" }),
  ).toBeVisible();
  const talk = visitor.frameLocator("#talk").getByRole("link", {
    name: "Talk to a customer like you",
  });
  await expect(talk).toBeVisible();
  expect(refusals).toEqual([]);

  // The button leaves the frame for the directory, filtered to advocates open to references.
  await talk.click();
  await expect(visitor).toHaveURL(/\/advocates\?openTo=open_to_references&industry=Healthcare$/);

  await visitor.goto(unlisted.origin);
  for (const id of ["story", "wall", "talk"]) await expectRefused(visitor, id);
  await expect.poll(() => refusals.length).toBeGreaterThanOrEqual(3);
  await visitor.close();
});

test("once the admin removes a website, it can no longer frame the widgets", async ({
  page,
  browser,
  account,
}) => {
  const admin = await account("admin", "embed-admin");
  await login(page, admin.email, admin.password);
  await setOrigins(page, (o) => [...new Set([...o, listed.origin])]);
  const visitor = await browser.newPage();
  await visitor.goto(listed.origin);
  await expect(
    visitor.frameLocator("#story").getByText("Read the story on Limelight"),
  ).toBeVisible();

  const saved = await setOrigins(page, (o) => o.filter((origin) => origin !== listed.origin));
  expect(saved).not.toContain(listed.origin);
  await visitor.reload();
  for (const id of ["story", "wall", "talk"]) await expectRefused(visitor, id);
  await visitor.close();
});
