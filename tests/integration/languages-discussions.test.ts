import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "../../db/client.ts";
import type { Role } from "../../db/schema.ts";
import { contextFor } from "../../app/modules/commands/command.server.ts";
import { createReply, createThread } from "../../app/modules/discussions/posts.server.ts";
import { createSpace } from "../../app/modules/discussions/spaces.server.ts";
import { loadViewer } from "../../app/modules/viewer/viewer.server.ts";
import { createTestDb } from "../support/db.ts";
import { insertUser } from "../support/factories.ts";
import { startTestServer, TestClient, type TestServer } from "../support/server.ts";

// Discussions in each shipped language: the lists, a space, a tag, a thread,
// the new-thread form, search and notifications speak the reader's language,
// and an English reader sees the pages exactly as before.

let handle: DbHandle;
let server: TestServer;
type Person = Awaited<ReturnType<typeof insertUser>>;
let asker: Person, helper: Person, manager: Person;
let threadPath = "";
let ip = 0;

const ZH = "zh-CN,zh;q=0.9";
const ES = "es-ES,es;q=0.9";
const EN = "en-GB,en;q=0.8";

const client = () => new TestClient(server.url, { "X-Forwarded-For": `10.77.0.${ip++ & 255}` });

async function signedIn(person: Person) {
  return client().signIn(person.email);
}

async function page(c: TestClient, path: string, acceptLanguage: string) {
  const res = await c.get(path, { headers: { "Accept-Language": acceptLanguage } });
  expect(res.status, path).toBe(200);
  const html = await res.text();
  return { lang: /<html lang="([^"]+)"/.exec(html)?.[1], html };
}

/** The page in one language has every one of `present` and none of `absent`. */
function expectText(html: string, present: string[], absent: string[] = []) {
  for (const text of present) expect(html.includes(text), `has “${text}”`).toBe(true);
  for (const text of absent) expect(html.includes(text), `has no “${text}”`).toBe(false);
}

beforeAll(async () => {
  handle = await createTestDb();
  server = await startTestServer(handle);
  asker = await insertUser(handle.db, { role: "advocate", displayName: "Asha Asker" });
  helper = await insertUser(handle.db, { role: "advocate", displayName: "Hugo Helper" });
  manager = await insertUser(handle.db, { role: "manager", displayName: "Mina Manager" });
  const space = await createSpace(contextFor(handle.db, null), {
    slug: "ask",
    name: "Ask the community",
    description: "Questions welcome",
    colour: "#047857",
    position: 0,
    visibility: "public",
  });
  const viewerOf = (p: Person) => loadViewer(handle.db, { id: p.id, role: p.role as Role });
  const created = await createThread(contextFor(handle.db, await viewerOf(asker)), {
    spaceId: space.id,
    kind: "question",
    title: "How do you schedule nightly exports?",
    body: "Our nightly export stalls at 2 a.m. @" + helper.handle,
    tags: ["exports"],
  });
  threadPath = `/t/${created.threadId}/${created.slug}`;
  // A reply notifies the asker, so their notifications page has a row to show.
  for (const body of ["We run ours at 4 a.m.", "Split it into smaller batches."])
    await createReply(contextFor(handle.db, await viewerOf(helper)), {
      threadId: created.threadId,
      body,
    });
});

afterAll(async () => {
  await server?.close();
  await handle?.close();
});

describe("the discussion lists", () => {
  it("speak Chinese", async () => {
    const { lang, html } = await page(client(), "/discussions", ZH);
    expect(lang).toBe("zh-Hans");
    expectText(
      html,
      ["登录后提问", "待回答", "热门标签", "全部讨论", "2 条回复", "提问于"],
      ["Sign in to ask", "Unanswered", "Popular tags", "All discussions", "last reply by"],
    );
  });

  it("speak Spanish", async () => {
    const { lang, html } = await page(client(), "/discussions", ES);
    expect(lang).toBe("es");
    expectText(
      html,
      ["Inicia sesión para preguntar", "Sin respuesta", "Etiquetas populares", "preguntó"],
      ["Sign in to ask", "Unanswered", "Popular tags", "All discussions"],
    );
  });

  it("show a space and a tag in the reader's language", async () => {
    const space = await page(client(), "/s/ask", ZH);
    expectText(space.html, ["公开", "登录后发帖", "Ask the community"], ["Sign in to post"]);
    const tag = await page(client(), "/tags/exports", ES);
    expectText(
      tag.html,
      ["Temas con la etiqueta exports", "#exports · Conversaciones · Limelight"],
      ["Threads tagged exports"],
    );
  });

  it("stay in English for an English reader", async () => {
    const { lang, html } = await page(client(), "/discussions", EN);
    expect(lang).toBe("en");
    expectText(html, [
      "Sign in to ask",
      "Unanswered",
      "Popular tags",
      "All discussions",
      "0 votes · 2 replies",
      " asked ",
      "last reply by",
      "<title>Discussions · Limelight</title>",
    ]);
    const space = await page(client(), "/s/ask", EN);
    expectText(space.html, ["Public", "Sign in to post"]);
  });
});

describe("a thread", () => {
  it("speaks Chinese to a visitor", async () => {
    const { lang, html } = await page(client(), threadPath, ZH);
    expect(lang).toBe("zh-Hans");
    expectText(
      html,
      ["提问于", "2 个回答", "登录后即可回答、投票或提出你自己的问题。", "0 票。登录后即可投票"],
      ["Asked ", "2 answers", "Sign in to answer", "Sign in to vote"],
    );
  });

  it("speaks Spanish to a member writing a reply, and to a moderator", async () => {
    const member = await page(await signedIn(asker), threadPath, ES);
    expect(member.lang).toBe("es");
    expectText(
      member.html,
      ["Tu respuesta", "Publicar respuesta", "0 / 20.000 caracteres", "Puedes usar Markdown"],
      ["Your reply", "Post reply", "characters", "Markdown works"],
    );
    const moderator = await page(await signedIn(manager), threadPath, ES);
    expectText(
      moderator.html,
      ["Moderación", "¿Por qué lo cierras?", "Mover el tema", "Ocultar"],
      ["Moderation", "Why lock it?", "Move thread"],
    );
  });

  it("stays in English for an English reader", async () => {
    const visitor = await page(client(), threadPath, EN);
    expect(visitor.lang).toBe("en");
    expectText(visitor.html, [
      "Asked ",
      "2 answers",
      "Sign in to answer, vote or ask your own question.",
      "0 votes. Sign in to vote",
    ]);
    const moderator = await page(await signedIn(manager), threadPath, EN);
    expectText(moderator.html, [
      "Moderation",
      "Why lock it?",
      "Move thread",
      "Your reply",
      "0 / 20,000 characters",
      "Markdown works: **bold**",
    ]);
  });
});

describe("starting a thread", () => {
  it("asks in Chinese, and refuses a short title in Chinese", async () => {
    const member = await signedIn(asker);
    const choose = await page(member, "/discussions/new", ZH);
    expectText(choose.html, ["发到哪里？", "问题和讨论"], ["Where does it belong?"]);
    const form = await page(member, "/s/ask/new", ZH);
    expect(form.lang).toBe("zh-Hans");
    expectText(
      form.html,
      ["在 Ask the community 发布新话题", "要发布什么？", "一个问题", "详细内容", "支持 Markdown"],
      ["What is it?", "A question", "Details", "Markdown works"],
    );
    const refused = await member.post(
      "/s/ask/new?_data=routes%2Fs.%24space.new",
      { kind: "question", title: "Short", body: "Some details here.", tags: "" },
      { headers: { "Accept-Language": ZH } },
    );
    expect(refused.status).toBe(400);
    const answer = (await refused.json()) as { fieldErrors: Record<string, string> };
    expect(answer.fieldErrors.title).toBe("标题至少需要 10 个字符：说明它是关于什么的。");
  });

  it("asks in Spanish, and in English as before", async () => {
    const member = await signedIn(asker);
    const spanish = await page(member, "/s/ask/new", ES);
    expectText(
      spanish.html,
      ["Nuevo tema en Ask the community", "¿Qué es?", "Una pregunta", "Publicar"],
      ["What is it?", "A question"],
    );
    const english = await page(member, "/s/ask/new", EN);
    expectText(english.html, [
      "New thread in Ask the community",
      "What is it?",
      "A question",
      "Details",
      "Up to 5, separated by commas",
    ]);
    const refused = await member.post(
      "/s/ask/new?_data=routes%2Fs.%24space.new",
      { kind: "question", title: "Short", body: "Some details here.", tags: "" },
      { headers: { "Accept-Language": EN } },
    );
    const answer = (await refused.json()) as { fieldErrors: Record<string, string> };
    expect(answer.fieldErrors.title).toBe(
      "Make the title at least 10 characters: say what it is about.",
    );
  });
});

describe("search and notifications", () => {
  it("search in Chinese and Spanish, and in English as before", async () => {
    const start = await page(client(), "/search", ZH);
    expect(start.lang).toBe("zh-Hans");
    expectText(start.html, ["搜索讨论", "你在找什么？"], ["What are you looking for?"]);
    const found = await page(client(), "/search?q=nightly%20exports", ES);
    expectText(
      found.html,
      ["1 tema coincide con «nightly exports»", "2 respuestas", "Buscar en las conversaciones"],
      ["thread matches", "Search discussions"],
    );
    const none = await page(client(), "/search?q=zzzqqq", ZH);
    expectText(none.html, ["没有找到与“zzzqqq”相关的内容", "向社区提问"], ["Nothing found"]);
    const english = await page(client(), "/search?q=nightly%20exports", EN);
    expectText(english.html, [
      "1 thread matches “nightly exports”",
      "2 replies",
      "<title>“nightly exports” · Search · Limelight</title>",
    ]);
  });

  it("tell what happened in the reader's language, and in English as before", async () => {
    const member = await signedIn(asker);
    const chinese = await page(member, "/notifications", ZH);
    expect(chinese.lang).toBe("zh-Hans");
    expectText(
      chinese.html,
      ["通知", "全部标为已读", "Hugo Helper 回复了 “How do you schedule nightly exports?”"],
      ["Mark all as read", "replied to"],
    );
    const spanish = await page(member, "/notifications", ES);
    expectText(
      spanish.html,
      [
        "Marcar todas como leídas",
        "Hugo Helper respondió en «How do you schedule nightly exports?»",
      ],
      ["replied to"],
    );
    const english = await page(member, "/notifications", EN);
    expectText(english.html, [
      "Mark all as read",
      "Hugo Helper replied to “How do you schedule nightly exports?”",
      "<title>Notifications · Limelight</title>",
    ]);
  });
});
