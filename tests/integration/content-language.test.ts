import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "../../db/client.ts";
import { publishStory } from "../../app/modules/advocacy/story-review.server.ts";
import { saveStory } from "../../app/modules/advocacy/story-writing.server.ts";
import { StorySchema } from "../../app/modules/advocacy/validation.ts";
import { contextFor } from "../../app/modules/commands/command.server.ts";
import { createThread, editPost } from "../../app/modules/discussions/posts.server.ts";
import { createSpace, type Space } from "../../app/modules/discussions/spaces.server.ts";
import { NewThreadSchema } from "../../app/modules/discussions/validation.ts";
import { createItem } from "../../app/modules/early-access/manage.server.ts";
import { listForViewer } from "../../app/modules/early-access/reader.server.ts";
import { saveReadLanguages } from "../../app/modules/languages/reading.server.ts";
import { detectWrittenIn } from "../../app/modules/languages/written-in.ts";
import { createTestDb } from "../support/db.ts";
import { person, signedIn, tab, type Person } from "../support/people.ts";
import { startTestServer, type TestServer } from "../support/server.ts";

// Content has a language: threads, stories and early-access items record the
// one they are written in (chosen, or detected from the words and correctable),
// and lists and search show the languages a reader asks for, or reads.

let handle: DbHandle;
let server: TestServer;
let author: Person;
let manager: Person;
let space: Space;

const as = (p: Person) => contextFor(handle.db, { id: p.id, role: p.role });

const ZH = {
  title: "单点登录配置失败怎么办",
  body: "我们按照文档配置了单点登录，但是用户登录时总是报错。",
};
const ES = {
  title: "Problema con la configuración de facturación",
  body: "Desde ayer las facturas salen duplicadas y no sabemos por qué.",
};
const EN = {
  title: "Nightly warehouse export stalls",
  body: "Our nightly export stops at two in the morning every day this week.",
};

async function thread(words: { title: string; body: string }, language?: "en" | "zh" | "es") {
  const input = NewThreadSchema.parse({ kind: "question", ...words, tags: "", language });
  return createThread(as(author), { ...input, spaceId: space.id });
}

async function languageOf(threadId: number) {
  const row = await handle.db
    .selectFrom("threads")
    .select("language")
    .where("id", "=", threadId)
    .executeTakeFirstOrThrow();
  return row.language;
}

async function listed(client: ReturnType<typeof tab>, path: string) {
  const res = await client.get(path);
  expect(res.status).toBe(200);
  return ((await res.json()) as { rows: Array<{ title: string }> }).rows.map((r) => r.title);
}

let zh: number, es: number, en: number;

beforeAll(async () => {
  handle = await createTestDb();
  server = await startTestServer(handle);
  author = await person(handle.db, "advocate");
  manager = await person(handle.db, "manager");
  space = await createSpace(as(manager), {
    slug: "ask",
    name: "Ask the community",
    description: "Questions welcome",
    colour: "#047857",
    position: 0,
    visibility: "public",
  });
  zh = (await thread(ZH)).threadId;
  es = (await thread(ES)).threadId;
  en = (await thread(EN)).threadId;
});

afterAll(async () => {
  await server?.close();
  await handle?.close();
});

describe("the language a text is written in", () => {
  it("is told from the words, and a text too short to tell takes the writer's language", () => {
    expect(detectWrittenIn(ZH.title, "en")).toBe("zh");
    expect(detectWrittenIn("导出", "es")).toBe("zh");
    expect(detectWrittenIn(ES.body, "en")).toBe("es");
    expect(detectWrittenIn(EN.body, "es")).toBe("en");
    expect(detectWrittenIn("SSO", "es")).toBe("es");
  });

  it("is recorded on each new thread, or as its writer chose", async () => {
    expect([await languageOf(zh), await languageOf(es), await languageOf(en)]).toEqual([
      "zh",
      "es",
      "en",
    ]);
    // A Spanish speaker's English-looking title ("Dashboards y KPIs") is theirs to name.
    const chosen = await thread({ title: "Dashboards y KPIs", body: "Dashboards, KPIs." }, "es");
    expect(await languageOf(chosen.threadId)).toBe("es");
  });

  it("can be corrected by the thread's writer, as a revision of the opening post", async () => {
    const wrong = await thread({
      title: "Onboarding checklist template",
      body: "Onboarding checklist.",
    });
    expect(await languageOf(wrong.threadId)).toBe("en");
    const opening = await handle.db
      .selectFrom("posts")
      .select("id")
      .where("thread_id", "=", wrong.threadId)
      .executeTakeFirstOrThrow();
    const result = await editPost(as(author), {
      postId: opening.id,
      body: "Onboarding checklist.",
      language: "es",
    });
    expect(result.changed).not.toBe(false);
    expect(await languageOf(wrong.threadId)).toBe("es");
  });

  it("refuses a language Limelight does not ship, next to the field", () => {
    const parsed = NewThreadSchema.safeParse({
      kind: "question",
      ...EN,
      tags: "",
      language: "fr",
    });
    expect(parsed.success).toBe(false);
    expect(parsed.error!.flatten().fieldErrors.language).toEqual([
      "Choose English, Chinese or Spanish.",
    ]);
  });
});

describe("lists and search by language", () => {
  it("show one language when the address asks for it, and every language otherwise", async () => {
    const visitor = tab(server);
    const all = await listed(visitor, "/discussions?_data=routes%2Fdiscussions._index");
    expect(all).toEqual(expect.arrayContaining([ZH.title, ES.title, EN.title]));
    const chinese = await listed(visitor, "/discussions?lang=zh&_data=routes%2Fdiscussions._index");
    expect(chinese).toContain(ZH.title);
    expect(chinese).not.toContain(ES.title);
    expect(chinese).not.toContain(EN.title);
    // An unknown language in the address is a stale filter: everything is shown.
    const stale = await listed(visitor, "/discussions?lang=fr&_data=routes%2Fdiscussions._index");
    expect(stale).toEqual(expect.arrayContaining([ZH.title, ES.title, EN.title]));
  });

  it("follow the languages a member reads, until they ask for all", async () => {
    const reader = await person(handle.db, "advocate");
    await saveReadLanguages(as(reader), { languages: ["es"] });
    const client = await signedIn(server, reader);
    const mine = await listed(client, "/discussions?_data=routes%2Fdiscussions._index");
    expect(mine).toContain(ES.title);
    expect(mine).not.toContain(ZH.title);
    expect(mine).not.toContain(EN.title);
    const everything = await listed(
      client,
      "/discussions?lang=all&_data=routes%2Fdiscussions._index",
    );
    expect(everything).toEqual(expect.arrayContaining([ZH.title, ES.title, EN.title]));
    // Choosing every language is the same as choosing none: later languages are shown too.
    await saveReadLanguages(as(reader), { languages: ["en", "zh", "es"] });
    const row = await handle.db
      .selectFrom("users")
      .select("read_languages")
      .where("id", "=", reader.id)
      .executeTakeFirstOrThrow();
    expect(row.read_languages).toEqual([]);
  });

  it("narrow search to the language asked for", async () => {
    const visitor = tab(server);
    const found = await listed(
      visitor,
      `/search?q=${encodeURIComponent("登录")}&_data=routes%2Fsearch`,
    );
    expect(found).toContain(ZH.title);
    const spanishOnly = await listed(
      visitor,
      `/search?q=${encodeURIComponent("登录")}&lang=es&_data=routes%2Fsearch`,
    );
    expect(spanishOnly).toEqual([]);
  });
});

describe("stories and early access", () => {
  it("record their language, keep it on the published version and filter the library by it", async () => {
    const paragraph =
      "Nuestro equipo tardaba días en cerrar el mes; ahora lo hacemos en una tarde.";
    const saved = await saveStory(as(author), {
      story: StorySchema.parse({
        title: "Cerrar el mes en una tarde",
        company: "Transportes del Sur",
        industry: "Logistics",
        productArea: "Dashboards and reporting",
        challenge: paragraph,
        solution: paragraph,
        results: paragraph,
        pullQuote: "Por fin todos confiamos en la misma cifra.",
        "metric-0-label": "Cierre mensual",
        "metric-0-before": "5",
        "metric-0-after": "1",
        "metric-0-unit": "días",
        consent: "on",
      }),
      submit: true,
    });
    await publishStory(as(manager), { id: saved.id });
    const visitor = tab(server);
    expect(await listed(visitor, "/stories?lang=es&_data=routes%2Fstories._index")).toContain(
      "Cerrar el mes en una tarde",
    );
    expect(await listed(visitor, "/stories?lang=zh&_data=routes%2Fstories._index")).toEqual([]);
    // Its writer's form offers the kept language, so saving again keeps it.
    const slug = (
      await handle.db
        .selectFrom("case_studies")
        .select("slug")
        .where("id", "=", saved.id)
        .executeTakeFirstOrThrow()
    ).slug;
    const form = await (await (await signedIn(server, author)).get(`/stories/${slug}/edit`)).text();
    expect(form).toMatch(/<option value="es" lang="es" selected=""/);
  });

  it("filter early-access items by the languages asked for", async () => {
    const item = await createItem(as(manager), {
      title: "路线图简报：数据管道",
      teaser: "",
      summary: "下一季度的数据管道路线图。",
      body: "详细内容。",
      kind: "briefing",
      downloadUrl: null,
      recordingUrl: null,
      requiresNda: false,
      publicAt: new Date(Date.now() - 86_400_000),
      dates: new Map(),
      publish: true,
    });
    const viewer = { id: manager.id, role: manager.role };
    const slugs = async (languages: Array<"en" | "zh" | "es">) =>
      (await listForViewer(handle.db, viewer, { languages })).rows.map((r) =>
        "slug" in r ? r.slug : null,
      );
    expect(await slugs(["zh"])).toContain(item.slug);
    expect(await slugs(["en"])).not.toContain(item.slug);
  });
});

describe("the reader's choice, through the pages", () => {
  it("is saved on /settings/language and shown as the lists' current filter", async () => {
    const reader = await person(handle.db, "advocate");
    const client = await signedIn(server, reader);
    const saved = await client.post("/settings/language", { intent: "reading", "read-zh": "on" });
    expect(saved.status).toBe(302);
    expect(await listed(client, "/discussions?_data=routes%2Fdiscussions._index")).toEqual(
      expect.not.arrayContaining([ES.title, EN.title]),
    );
    const html = await (await client.get("/discussions")).text();
    expect(html).toMatch(/aria-current="true"[^>]*>Your languages</);
    const settings = await (await client.get("/settings/language")).text();
    expect(settings).toMatch(/name="read-zh"[^>]*checked/);
    expect(settings).not.toMatch(/name="read-es"[^>]*checked/);
  });

  it("takes the language a writer picks on the new-thread form", async () => {
    const client = await signedIn(server, author);
    const res = await client.post("/s/ask/new", {
      kind: "discussion",
      title: "Dashboards for the sales team",
      body: "Which dashboards do your sales managers open every morning?",
      tags: "",
      language: "es",
    });
    expect(res.status).toBe(302);
    const row = await handle.db
      .selectFrom("threads")
      .select("language")
      .where("title", "=", "Dashboards for the sales team")
      .executeTakeFirstOrThrow();
    expect(row.language).toBe("es");
  });
});
