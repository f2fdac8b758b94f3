import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "../../db/client.ts";
import { contextFor } from "../../app/modules/commands/command.server.ts";
import { publishStory, unpublishStory } from "../../app/modules/advocacy/story-review.server.ts";
import { saveStory } from "../../app/modules/advocacy/story-writing.server.ts";
import { StorySchema } from "../../app/modules/advocacy/validation.ts";
import { withdrawTestimonial } from "../../app/modules/testimonials/testimonials.server.ts";
import { createTestDb } from "../support/db.ts";
import { insertTestimonial } from "../support/factories.ts";
import { person, signedIn, tab, type Person } from "../support/people.ts";
import { startTestServer, type TestServer } from "../support/server.ts";

let handle: DbHandle;
let server: TestServer;
let manager: Person;
let author: Person;

const ALLOWED = "https://www.northwind.example";
const paragraph = (topic: string) =>
  `${topic}: a paragraph long enough to tell peers what happened, with specifics and numbers.`;

/** A story written by the author; published unless told otherwise. */
async function story(title: string, industry: string, publish = true) {
  const saved = await saveStory(contextFor(handle.db, author), {
    story: StorySchema.parse({
      title,
      company: "Bluewater Freight Co.",
      industry,
      productArea: "Dashboards and reporting",
      challenge: paragraph("Challenge"),
      solution: paragraph("Solution"),
      results: paragraph("Results"),
      pullQuote: "Everyone finally trusts the same number.",
      "metric-0-label": "Weekly reporting",
      "metric-0-before": "14",
      "metric-0-after": "1",
      "metric-0-unit": "hours",
      consent: "on",
    }),
    submit: true,
  });
  if (publish) await publishStory(contextFor(handle.db, manager), { id: saved.id });
  return saved;
}

const testimonial = (body: string, industry: string) =>
  insertTestimonial(handle.db, author, body, { industry });

const page = async (path: string) => {
  const res = await tab(server).get(path);
  return { res, text: (await res.text()).replace(/<!-- -->/g, "") };
};

beforeAll(async () => {
  handle = await createTestDb();
  server = await startTestServer(handle);
  manager = await person(handle.db, "manager");
  author = await person(handle.db, "advocate");
  const admin = await signedIn(server, await person(handle.db, "admin"));
  const saved = await admin.post("/manage/settings/embeds", { origins: ALLOWED });
  expect(saved.status).toBe(302);
});
afterAll(async () => {
  await server.close();
  await handle.close();
});

describe("the testimonial wall widget", () => {
  it("shows only published stories and testimonials of the industry asked for, framed by listed sites only", async () => {
    const live = await story("Clinic scheduling without the phone tag", "Healthcare");
    await story("Drafted but never published hospital story", "Healthcare", false);
    const pulled = await story("A hospital story taken down later", "Healthcare");
    await unpublishStory(contextFor(handle.db, manager), {
      id: pulled.id,
      reason: "The company asked us to take it down.",
    });
    await story("Trucks on time across three states", "Logistics");
    const kept = await testimonial("Our nurses stopped chasing rosters by email.", "Healthcare");
    const withdrawn = await testimonial("Records requests take minutes now.", "Healthcare");
    await testimonial("Dispatch finally has one screen.", "Logistics");

    const before = await page("/embed/wall?industry=Healthcare");
    expect(before.res.status).toBe(200);
    expect(before.res.headers.get("content-security-policy")).toContain(
      `frame-ancestors ${ALLOWED}`,
    );
    expect(before.res.headers.get("x-frame-options")).toBeNull();
    expect(before.text).not.toContain("<script");
    expect(before.text).toContain("Clinic scheduling without the phone tag");
    expect(before.text).toContain(`/stories/${live.slug}`);
    expect(before.text).toContain("Our nurses stopped chasing rosters by email.");
    expect(before.text).toContain("Records requests take minutes now.");
    expect(before.text).not.toContain("Drafted but never published");
    expect(before.text).not.toContain("taken down later");
    expect(before.text).not.toContain("Trucks on time");
    expect(before.text).not.toContain("Dispatch finally has one screen.");

    // The author withdraws one: it leaves the widget at once.
    await withdrawTestimonial(contextFor(handle.db, author), { id: withdrawn });
    const after = await page("/embed/wall?industry=Healthcare");
    expect(after.text).toContain("Our nurses stopped chasing rosters by email.");
    expect(after.text).not.toContain("Records requests take minutes now.");
    expect(after.text).toContain(`/testimonials/${kept}`);
    expect(after.text).not.toContain(`/testimonials/${withdrawn}`);

    // No industry shows every industry.
    const all = await page("/embed/wall");
    expect(all.text).toContain("Trucks on time across three states");
    expect(all.text).toContain("Dispatch finally has one screen.");
  });

  it("says so when an industry has nothing yet, and refuses an unknown industry", async () => {
    const empty = await page("/embed/wall?industry=Energy");
    expect(empty.res.status).toBe(200);
    expect(empty.text).toContain("No published stories or recommendations in Energy yet.");
    const unknown = await page("/embed/wall?industry=%3Cscript%3E");
    expect(unknown.res.status).toBe(400);
    expect(unknown.text).not.toContain("<script>");
  });
});

describe("the talk-to-a-customer button", () => {
  it("opens the directory of advocates open to references, pre-filled with the industry", async () => {
    const framed = await page("/embed/talk?industry=Healthcare");
    expect(framed.res.status).toBe(200);
    expect(framed.res.headers.get("content-security-policy")).toContain(
      `frame-ancestors ${ALLOWED}`,
    );
    expect(framed.text).not.toContain("<script");
    const href = /href="([^"]+)"[^>]*>Talk to a customer like you/.exec(framed.text)?.[1];
    const target = new URL(href!.replace(/&amp;/g, "&"));
    expect(target.origin + target.pathname).toBe(`${server.url}/advocates`);
    expect(target.searchParams.get("openTo")).toBe("open_to_references");
    expect(target.searchParams.get("industry")).toBe("Healthcare");
    expect(framed.text).toContain('target="_top"');
    // The page it opens is the directory, filtered.
    expect((await tab(server).get(`${target.pathname}${target.search}`)).status).toBe(200);

    const newTab = await page("/embed/talk?open=tab");
    expect(newTab.text).toContain('target="_blank"');
    expect(newTab.text).not.toContain("industry=");
    const tooLong = await page(`/embed/talk?industry=${"x".repeat(61)}`);
    expect(tooLong.res.status).toBe(400);
  });
});
