import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "../../db/client.ts";
import type { Role } from "../../db/schema.ts";
import {
  publishStory,
  republishStory,
  requestStoryChanges,
  unpublishStory,
} from "../../app/modules/advocacy/story-review.server.ts";
import {
  answerStoryProposal,
  saveStory,
  startStoryFromSource,
  startStoryFromThread,
  submitStory,
} from "../../app/modules/advocacy/story-writing.server.ts";
import { contextFor } from "../../app/modules/commands/command.server.ts";
import { StorySchema } from "../../app/modules/advocacy/validation.ts";
import { createTestDb } from "../support/db.ts";
import { insertUser, TEST_PASSWORD } from "../support/factories.ts";
import { startTestServer, TestClient, type TestServer } from "../support/server.ts";

let handle: DbHandle;
let server: TestServer;

type Person = { id: number; role: Role; email: string; handle: string; displayName: string };
let manager: Person;
let author: Person;
let otherAdvocate: Person;
let prospect: Person;

const visible = async (res: Response) => (await res.text()).replace(/<!-- -->/g, "");

async function person(role: Role, displayName?: string): Promise<Person> {
  const user = await insertUser(handle.db, { role, displayName });
  await handle.db
    .updateTable("profiles")
    .set({ company: "Bluewater Freight Co.", industry: "Logistics", job_title: "Director of Ops" })
    .where("user_id", "=", user.id)
    .execute();
  return {
    id: user.id,
    role,
    email: user.email,
    handle: user.handle,
    displayName: user.display_name,
  };
}

async function signedIn(p: Person) {
  const c = new TestClient(server.url, {
    "X-Forwarded-For": `10.8.${p.id % 250}.${(p.id * 3) % 250}`,
  });
  const res = await c.post("/login?_data=routes%2Flogin", {
    email: p.email,
    password: TEST_PASSWORD,
  });
  expect(res.status).toBe(204);
  return c;
}

const longText = (topic: string) =>
  `${topic}: a paragraph long enough to tell peers what happened, with **specifics** and numbers.`;

function storyForm(overrides: Record<string, string> = {}) {
  return {
    title: "From 40 spreadsheets to one live dashboard",
    company: "Bluewater Freight Co.",
    industry: "Logistics",
    productArea: "Dashboards and reporting",
    challenge: longText("Challenge") + "\n\n<script>alert('x')</script>",
    solution: longText("Solution"),
    results: longText("Results"),
    pullQuote: "Dispatchers and executives finally trust the same number.",
    "metric-0-label": "Weekly reporting",
    "metric-0-before": "14",
    "metric-0-after": "1",
    "metric-0-unit": "hours",
    "metric-1-label": "On-time delivery",
    "metric-1-before": "88",
    "metric-1-after": "94",
    "metric-1-unit": "%",
    consent: "on",
    ...overrides,
  };
}

const storyInput = (overrides: Record<string, string> = {}) =>
  StorySchema.parse(storyForm(overrides));

const countStories = async () =>
  Number(
    (
      await handle.db
        .selectFrom("case_studies")
        .select((eb) => eb.fn.countAll<number>().as("n"))
        .executeTakeFirstOrThrow()
    ).n,
  );

async function storyRow(id: number) {
  return handle.db
    .selectFrom("case_studies")
    .selectAll()
    .where("id", "=", id)
    .executeTakeFirstOrThrow();
}

async function storyLedger(storyId: number) {
  return handle.db
    .selectFrom("reputation_ledger")
    .select(["amount", "idempotency_key", "rule"])
    .where("source_type", "=", "story")
    .where("source_id", "=", String(storyId))
    .orderBy("id")
    .execute();
}

const storiesBalance = async (userId: number) =>
  (
    await handle.db
      .selectFrom("reputation_balances")
      .select("stories")
      .where("user_id", "=", userId)
      .executeTakeFirst()
  )?.stories ?? 0;

beforeAll(async () => {
  handle = await createTestDb();
  server = await startTestServer(handle);
  manager = await person("manager");
  author = await person("advocate", "Catie Brennan");
  otherAdvocate = await person("advocate");
  prospect = await person("prospect");
});
afterAll(async () => {
  await server.close();
  await handle.close();
});

describe("writing a story", () => {
  it("saves a draft with markdown rendered and sanitised once", async () => {
    const res = await (
      await signedIn(author)
    ).post("/stories/new", { ...storyForm(), intent: "save" });
    expect(res.status).toBe(302);
    expect(res.headers.get("location")).toBe(
      "/stories/from-40-spreadsheets-to-one-live-dashboard/edit",
    );
    const story = await handle.db
      .selectFrom("case_studies")
      .selectAll()
      .where("slug", "=", "from-40-spreadsheets-to-one-live-dashboard")
      .executeTakeFirstOrThrow();
    expect(story).toMatchObject({ status: "draft", author_id: author.id });
    expect(story.challenge_html).toContain("<strong>specifics</strong>");
    expect(story.challenge_html).not.toContain("<script>");
    expect(story.challenge_html).toContain("&lt;script&gt;");
    expect(story.metrics).toEqual([
      { label: "Weekly reporting", before: 14, after: 1, unit: "hours" },
      { label: "On-time delivery", before: 88, after: 94, unit: "%" },
    ]);
    // A draft is not in the library.
    expect((await new TestClient(server.url).get(`/stories/${story.slug}`)).status).toBe(404);
  });

  it("refuses metrics that are not numbers or lack a unit, next to each cell, writing nothing", async () => {
    const before = await countStories();
    const res = await (
      await signedIn(author)
    ).post("/stories/new?_data=routes%2Fstories.new", {
      ...storyForm({ "metric-0-before": "fourteen", "metric-1-unit": "" }),
      intent: "save",
    });
    expect(res.status).toBe(400);
    const body = await res.json();
    expect(body.fieldErrors["metric-0-before"]).toMatch(/number/);
    expect(body.fieldErrors["metric-1-unit"]).toMatch(/unit/);
    expect(body.values.title).toBe("From 40 spreadsheets to one live dashboard");
    expect(await countStories()).toBe(before);
  });

  it("refuses to submit a story without consent (400 next to the checkbox), writing nothing", async () => {
    const before = await countStories();
    const res = await (
      await signedIn(author)
    ).post("/stories/new?_data=routes%2Fstories.new", {
      ...storyForm({ consent: "" }),
      intent: "submit",
    });
    expect(res.status).toBe(400);
    const body = await res.json();
    expect(body.fieldErrors.consent).toMatch(/on behalf of your company/);
    expect(await countStories()).toBe(before);
  });

  it("lets only verified customers write (403 for a prospect)", async () => {
    const before = await countStories();
    const res = await (
      await signedIn(prospect)
    ).post("/stories/new", { ...storyForm(), intent: "save" });
    expect(res.status).toBe(403);
    expect(await countStories()).toBe(before);
  });
});

describe("review workflow", () => {
  it("goes draft → submitted → changes requested → fixed → published, into the library with its chart", async () => {
    const authorTab = await signedIn(author);
    const created = await authorTab.post("/stories/new", {
      ...storyForm({
        title: "Detention charges down by $310k",
        "metric-0-label": "Detention charges",
        "metric-0-before": "520",
        "metric-0-after": "210",
        "metric-0-unit": "$k",
      }),
      intent: "submit",
    });
    expect(created.status).toBe(302);
    const slug = created.headers.get("location")!.split("/")[2];
    const { id } = await handle.db
      .selectFrom("case_studies")
      .select("id")
      .where("slug", "=", slug)
      .executeTakeFirstOrThrow();
    expect((await storyRow(id)).status).toBe("submitted");

    // While in review the author cannot edit (409), and nobody else can (403).
    const whileInReview = await authorTab.post(
      `/stories/${slug}/edit?_data=routes%2Fstories.%24slug_.edit`,
      {
        ...storyForm(),
        intent: "save",
      },
    );
    expect(whileInReview.status).toBe(409);
    const byOther = await (
      await signedIn(otherAdvocate)
    ).post(`/stories/${slug}/edit?_data=routes%2Fstories.%24slug_.edit`, {
      ...storyForm(),
      intent: "save",
    });
    expect(byOther.status).toBe(403);

    // The manager asks for a change; the comment is shown to the author.
    const managerTab = await signedIn(manager);
    const noComment = await managerTab.post(
      `/manage/stories/${id}?_data=routes%2Fmanage.stories.%24id`,
      {
        intent: "request-changes",
        comment: "",
      },
    );
    expect(noComment.status).toBe(400);
    expect(
      (
        await managerTab.post(`/manage/stories/${id}`, {
          intent: "request-changes",
          comment: "Please name the dashboard's three sources.",
        })
      ).status,
    ).toBe(302);
    expect((await storyRow(id)).status).toBe("changes_requested");
    const editPage = await visible(await authorTab.get(`/stories/${slug}/edit`));
    expect(editPage).toContain("Please name the dashboard&#x27;s three sources.");

    // Publishing something not in review is a conflict.
    const early = await managerTab.post(
      `/manage/stories/${id}?_data=routes%2Fmanage.stories.%24id`,
      { intent: "publish" },
    );
    expect(early.status).toBe(409);

    // The author fixes it and resubmits; the manager publishes.
    const fixed = await authorTab.post(`/stories/${slug}/edit`, {
      ...storyForm({
        title: "Detention charges down by $310k",
        solution: longText("Solution, with TMS, telematics and billing as the three sources"),
        "metric-0-label": "Detention charges",
        "metric-0-before": "520",
        "metric-0-after": "210",
        "metric-0-unit": "$k",
      }),
      intent: "submit",
    });
    expect(fixed.status).toBe(302);
    expect((await storyRow(id)).status).toBe("submitted");
    expect((await managerTab.post(`/manage/stories/${id}`, { intent: "publish" })).status).toBe(
      302,
    );
    expect((await storyRow(id)).status).toBe("published");
    expect(await storyLedger(id)).toEqual([
      { amount: 150, idempotency_key: `story:${id}:1`, rule: "case_study_published" },
    ]);

    // An anonymous prospect finds it by industry and by search, with its headline metric.
    const anon = new TestClient(server.url);
    const library = await visible(await anon.get("/stories?industry=Logistics&q=telematics"));
    expect(library).toContain("Detention charges down by $310k");
    expect(library).toContain("$520k → $210k");
    const otherIndustry = await visible(await anon.get("/stories?industry=Healthcare"));
    expect(otherIndustry).not.toContain("Detention charges down by $310k");

    const page = await visible(await anon.get(`/stories/${slug}`));
    expect(page).toMatch(/<svg[^>]*role="img"[^>]*aria-labelledby="[^"]+"/);
    expect(page).toContain("<title id=");
    expect(page).toContain("Detention charges: $520k → $210k (−60%)");
    expect(page).toMatch(/<text[^>]*>Before<\/text>/);
    expect(page).toContain(`<meta property="og:title" content="Detention charges down by $310k"/>`);
    expect(page).toContain(`<meta property="og:type" content="article"/>`);
    // The share picture is a PNG rendered from the story, small enough for every network.
    const ogImage =
      /<meta property="og:image" content="http:\/\/127\.0\.0\.1:\d+(\/og\/story\/[^"]+\.png)"/.exec(
        page,
      );
    expect(ogImage).not.toBeNull();
    const picture = await anon.get(ogImage![1]);
    expect(picture.status).toBe(200);
    expect(picture.headers.get("content-type")).toBe("image/png");
    const bytes = Buffer.from(await picture.arrayBuffer());
    expect(bytes.subarray(0, 8).toString("hex")).toBe("89504e470d0a1a0a");
    expect(bytes.length).toBeLessThan(300 * 1024);
    expect(page).toContain(`href="/u/${author.handle}"`);
    expect(page).toContain("Ask Catie about this");
    // Review comments never reach the public page.
    expect(page).not.toContain("Please name the dashboard");

    const svg = await anon.get(`/stories/${slug}/chart.svg`);
    expect(svg.status).toBe(200);
    expect(svg.headers.get("content-type")).toMatch(/image\/svg\+xml/);
    const svgText = await svg.text();
    expect(svgText).toContain('role="img"');
    expect(svgText).toContain("Detention charges");
  });

  it("keeps versions: editing a published story leaves it up until the new version is published, without new points", async () => {
    const value = await saveStory(contextFor(handle.db, author), {
      story: storyInput({ title: "Versioned story about pipelines" }),
      submit: true,
    });
    await publishStory(contextFor(handle.db, manager), { id: value.id });
    const startBalance = await storiesBalance(author.id);

    const tab = await signedIn(author);
    const revised = await tab.post(`/stories/${value.slug}/edit`, {
      ...storyForm({
        title: "Versioned story about pipelines",
        pullQuote: "A brand new quote for version two.",
      }),
      intent: "submit",
    });
    expect(revised.status).toBe(302);
    expect((await storyRow(value.id)).status).toBe("submitted");
    // The public page still shows version 1.
    const stillLive = await visible(await new TestClient(server.url).get(`/stories/${value.slug}`));
    expect(stillLive).toContain("Dispatchers and executives finally trust the same number.");
    expect(stillLive).not.toContain("A brand new quote for version two.");

    await publishStory(contextFor(handle.db, manager), { id: value.id });
    const now = await visible(await new TestClient(server.url).get(`/stories/${value.slug}`));
    expect(now).toContain("A brand new quote for version two.");
    expect(now).toContain("version 2");
    const versions = await handle.db
      .selectFrom("case_study_versions")
      .select(["version", "pull_quote"])
      .where("case_study_id", "=", value.id)
      .orderBy("version")
      .execute();
    expect(versions.map((v) => v.version)).toEqual([1, 2]);
    expect(versions[0].pull_quote).toBe(
      "Dispatchers and executives finally trust the same number.",
    );
    expect(await storiesBalance(author.id)).toBe(startBalance);
    expect(await storyLedger(value.id)).toHaveLength(1);
  });

  it("reverses the points on unpublish and awards them again on republish, never twice at once", async () => {
    const value = await saveStory(contextFor(handle.db, author), {
      story: storyInput({ title: "Unpublish and republish" }),
      submit: true,
    });
    const start = await storiesBalance(author.id);
    await publishStory(contextFor(handle.db, manager), { id: value.id });
    expect(await storiesBalance(author.id)).toBe(start + 150);

    const managerTab = await signedIn(manager);
    const noReason = await managerTab.post(
      `/manage/stories/${value.id}?_data=routes%2Fmanage.stories.%24id`,
      {
        intent: "unpublish",
        reason: "",
      },
    );
    expect(noReason.status).toBe(400);
    expect(
      (
        await managerTab.post(`/manage/stories/${value.id}`, {
          intent: "unpublish",
          reason: "The company asked us to take it down for now.",
        })
      ).status,
    ).toBe(302);
    expect(await storiesBalance(author.id)).toBe(start);
    expect((await new TestClient(server.url).get(`/stories/${value.slug}`)).status).toBe(404);
    await expect(
      unpublishStory(contextFor(handle.db, manager), { id: value.id, reason: "Again" }),
    ).rejects.toMatchObject({
      status: 409,
    });

    await republishStory(contextFor(handle.db, manager), { id: value.id });
    expect(await storiesBalance(author.id)).toBe(start + 150);
    expect((await storyLedger(value.id)).map((r) => [r.amount, r.idempotency_key])).toEqual([
      [150, `story:${value.id}:1`],
      [-150, `reverse:story:${value.id}:1`],
      [150, `story:${value.id}:2`],
    ]);
    expect((await new TestClient(server.url).get(`/stories/${value.slug}`)).status).toBe(200);
  });

  it("publishes once even when two managers click at the same moment", async () => {
    const second = await person("manager");
    const value = await saveStory(contextFor(handle.db, author), {
      story: storyInput({ title: "Two managers at once" }),
      submit: true,
    });
    const results = await Promise.allSettled([
      publishStory(contextFor(handle.db, manager), { id: value.id }),
      publishStory(contextFor(handle.db, second), { id: value.id }),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect(results.find((r) => r.status === "rejected")).toMatchObject({ reason: { status: 409 } });
    expect(await storyLedger(value.id)).toHaveLength(1);
  });

  it("lets only managers review, and never an advocate (403)", async () => {
    const value = await saveStory(contextFor(handle.db, otherAdvocate), {
      story: storyInput({ title: "Reviewed by whom" }),
      submit: true,
    });
    const res = await (
      await signedIn(author)
    ).post(`/manage/stories/${value.id}`, { intent: "publish" });
    expect(res.status).toBe(403);
    expect((await storyRow(value.id)).status).toBe("submitted");
    await expect(
      requestStoryChanges(contextFor(handle.db, author), { id: value.id, comment: "Self-review" }),
    ).rejects.toMatchObject({ status: 403 });
  });
});

describe("starting a story from a source", () => {
  it("copies the text in as the challenge, attributes the advocate, and waits for them to accept", async () => {
    const value = await startStoryFromSource(contextFor(handle.db, manager), {
      sourceType: "survey_response",
      sourceId: 77,
      text: "We cut onboarding from 14 days to 3 once the connectors were in.",
      advocateId: author.id,
    });
    const row = await storyRow(value.id);
    expect(row).toMatchObject({
      status: "proposed",
      author_id: author.id,
      started_by: manager.id,
      source_type: "survey_response",
      source_id: "77",
      company: "Bluewater Freight Co.",
      industry: "Logistics",
    });
    expect(row.challenge_md).toBe(
      "We cut onboarding from 14 days to 3 once the connectors were in.",
    );
    await expect(
      submitStory(contextFor(handle.db, author), { id: value.id }),
    ).rejects.toMatchObject({ status: 409 });
    await expect(
      answerStoryProposal(contextFor(handle.db, otherAdvocate), { id: value.id, accept: true }),
    ).rejects.toMatchObject({ status: 403 });
    await expect(
      startStoryFromSource(contextFor(handle.db, manager), {
        sourceType: "survey_response",
        sourceId: 77,
        text: "Again",
        advocateId: author.id,
      }),
    ).rejects.toMatchObject({ status: 409 });
    await expect(
      startStoryFromSource(contextFor(handle.db, author), {
        sourceType: "x",
        sourceId: 1,
        text: "Mine",
        advocateId: author.id,
      }),
    ).rejects.toMatchObject({ status: 403 });
    await expect(
      startStoryFromSource(contextFor(handle.db, manager), {
        sourceType: "x",
        sourceId: 2,
        text: "For a prospect",
        advocateId: prospect.id,
      }),
    ).rejects.toMatchObject({ status: 400 });

    const tab = await signedIn(author);
    expect((await tab.post(`/stories/${row.slug}/edit`, { intent: "accept" })).status).toBe(302);
    expect((await storyRow(value.id)).status).toBe("draft");
  });

  it("starts a draft from a discussion thread's title and opening post", async () => {
    const space = await handle.db
      .insertInto("spaces")
      .values({
        slug: `show-${Date.now()}`,
        name: "Show and tell",
        colour: "#047857",
        visibility: "public",
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    const thread = await handle.db
      .insertInto("threads")
      .values({
        space_id: space.id,
        kind: "discussion",
        title: "How we replaced 40 carrier spreadsheets",
        slug: "how-we-replaced-40-carrier-spreadsheets",
        author_id: author.id,
        last_activity_at: new Date(),
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    await handle.db
      .insertInto("posts")
      .values({
        thread_id: thread.id,
        author_id: author.id,
        is_opening: true,
        body_md: "Our Monday scorecard took **14 hours**. Now it refreshes every 15 minutes.",
        body_html: "<p>Our Monday scorecard took <strong>14 hours</strong>.</p>",
        body_text: "Our Monday scorecard took 14 hours.",
      })
      .execute();
    const res = await (
      await signedIn(manager)
    ).post("/manage/stories", {
      thread: `/t/${thread.id}/how-we-replaced-40-carrier-spreadsheets`,
      advocateId: String(author.id),
    });
    expect(res.status).toBe(302);
    const story = await handle.db
      .selectFrom("case_studies")
      .selectAll()
      .where("source_type", "=", "thread")
      .where("source_id", "=", String(thread.id))
      .executeTakeFirstOrThrow();
    expect(story).toMatchObject({
      title: "How we replaced 40 carrier spreadsheets",
      status: "proposed",
    });
    expect(story.challenge_html).toContain("<strong>14 hours</strong>");
    await expect(
      startStoryFromThread(contextFor(handle.db, manager), {
        threadId: 999_999,
        advocateId: author.id,
      }),
    ).rejects.toMatchObject({ status: 404 });
    const missing = await (
      await signedIn(manager)
    ).post("/manage/stories?_data=routes%2Fmanage.stories._index", {
      thread: "",
      advocateId: "",
    });
    expect(missing.status).toBe(400);
  });
});

describe("a story's video and transcript", () => {
  it("refuses a bad video link or an over-long transcript beside the field, changing nothing", async () => {
    const value = await saveStory(contextFor(handle.db, author), {
      story: storyInput({ title: "Story with an interview on video" }),
    });
    const tab = await signedIn(author);
    const edit = `/stories/${value.slug}/edit?_data=routes%2Fstories.%24slug_.edit`;
    const form = storyForm({ title: "Story with an interview on video" });
    for (const [fields, field] of [
      [{ videoUrl: "http://videos.example.com/interview.mp4" }, "videoUrl"],
      [{ videoUrl: "not a link at all" }, "videoUrl"],
      [
        {
          videoUrl: "https://videos.example.com/interview.mp4",
          videoTranscript: "x".repeat(20_001),
        },
        "videoTranscript",
      ],
    ] as const) {
      const res = await tab.post(edit, {
        ...form,
        ...fields,
        title: "Changed title",
        intent: "save",
      });
      expect(res.status).toBe(400);
      const body = (await res.json()) as { fieldErrors: Record<string, string> };
      expect(Object.keys(body.fieldErrors)).toEqual([field]);
    }
    expect(await storyRow(value.id)).toMatchObject({
      title: "Story with an interview on video",
      video_url: "",
      video_transcript: "",
    });
  });

  it("plays a media file with controls and its transcript on the page, and links any other video page", async () => {
    const transcript = "We met dispatch and finance in one room.\n\nThen we agreed one number.";
    const value = await saveStory(contextFor(handle.db, author), {
      story: storyInput({ title: "Story told on camera" }),
    });
    const tab = await signedIn(author);
    const saved = await tab.post(`/stories/${value.slug}/edit`, {
      ...storyForm({ title: "Story told on camera" }),
      videoUrl: "https://videos.example.com/bluewater/interview.mp4",
      videoTranscript: transcript,
      intent: "submit",
    });
    expect(saved.status).toBe(302);
    await publishStory(contextFor(handle.db, manager), { id: value.id });

    const page = await visible(await new TestClient(server.url).get(`/stories/${value.slug}`));
    expect(page).toMatch(
      /<video[^>]*controls[^>]*preload="none"[^>]*src="https:\/\/videos\.example\.com\/bluewater\/interview\.mp4"/,
    );
    expect(page).toContain("<summary");
    expect(page).toContain("We met dispatch and finance in one room.");
    expect(page).toContain("Then we agreed one number.");
    expect(page).not.toMatch(/<script[^>]+src="https?:\/\/(?!127\.0\.0\.1)/);

    // A YouTube video: a button that loads YouTube's no-cookie player only when pressed.
    await tab.post(`/stories/${value.slug}/edit`, {
      ...storyForm({ title: "Story told on camera" }),
      videoUrl: "https://www.youtube.com/watch?v=dQw4w9WgXcQ",
      videoTranscript: transcript,
      intent: "submit",
    });
    await publishStory(contextFor(handle.db, manager), { id: value.id });
    const youtube = await new TestClient(server.url).get(`/stories/${value.slug}`);
    expect(youtube.headers.get("content-security-policy")).toContain(
      "frame-src 'self' https://www.youtube-nocookie.com https://player.vimeo.com",
    );
    const facade = await visible(youtube);
    expect(facade).toContain('data-testid="video-facade"');
    expect(facade).toContain('href="https://www.youtube.com/watch?v=dQw4w9WgXcQ"');
    expect(facade).toContain("Nothing is loaded from YouTube until");
    expect(facade).not.toContain("<iframe");
    expect(facade).not.toMatch(/(src|href)="https:\/\/[^"]*(youtube-nocookie|ytimg|googlevideo)/);

    // A new version that points at another video page: a plain link, no player.
    await tab.post(`/stories/${value.slug}/edit`, {
      ...storyForm({ title: "Story told on camera" }),
      videoUrl: "https://www.youtube.com/watch?v=abc123",
      videoTranscript: transcript,
      intent: "submit",
    });
    await publishStory(contextFor(handle.db, manager), { id: value.id });
    const linked = await visible(await new TestClient(server.url).get(`/stories/${value.slug}`));
    expect(linked).not.toContain("<video");
    expect(linked).not.toContain("<iframe");
    expect(linked).toContain('href="https://www.youtube.com/watch?v=abc123"');
    expect(linked).toContain("Watch the video on www.youtube.com");
    expect(linked).toContain("Then we agreed one number.");
  });
});
