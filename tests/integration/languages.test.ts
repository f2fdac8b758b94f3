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

// The language of a page: the reader's own choice (the footer's menu, kept in a
// cookie), then what their browser asks for, then the community's default; and
// the shared cache of visitors' pages never hands one language's page to another.

let handle: DbHandle;
let server: TestServer;

beforeAll(async () => {
  handle = await createTestDb();
  server = await startTestServer(handle, { PAGE_CACHE_TTL_MS: "600000" });
  // One public question with answers, so the landing page shows how many.
  const asker = await insertUser(handle.db, { role: "advocate", displayName: "Asha Asker" });
  const space = await createSpace(contextFor(handle.db, null), {
    slug: "ask",
    name: "Ask the community",
    description: "Questions welcome",
    colour: "#047857",
    position: 0,
    visibility: "public",
  });
  const viewer = await loadViewer(handle.db, { id: asker.id, role: asker.role as Role });
  const { threadId } = await createThread(contextFor(handle.db, viewer), {
    spaceId: space.id,
    kind: "question",
    title: "How do you schedule exports?",
    body: "Our nightly export stalls at 2 a.m.",
    tags: [],
  });
  // Recent questions are the ones somebody answered: two answers, a plural in every language.
  for (const body of ["We run ours at 4 a.m.", "Split it into smaller batches."])
    await createReply(contextFor(handle.db, viewer), { threadId, body });
});

afterAll(async () => {
  await server?.close();
  await handle?.close();
});

async function page(client: TestClient, path = "/discussions", acceptLanguage?: string) {
  const res = await client.get(path, {
    headers: acceptLanguage ? { "Accept-Language": acceptLanguage } : {},
  });
  const html = await res.text();
  return { status: res.status, lang: /<html lang="([^"]+)"/.exec(html)?.[1], html };
}

describe("the language of a page", () => {
  it("follows the browser's Accept-Language, one cached page per language", async () => {
    const visitor = new TestClient(server.url);
    const english = await page(visitor, "/discussions", "en-GB,en;q=0.8");
    expect(english.lang).toBe("en");
    expect(english.html).toContain(">Discussions<");
    expect(english.html).toContain("Skip to content");
    // The same address, just cached in English, is answered in each visitor's own language.
    const chinese = await page(visitor, "/discussions", "zh-CN,zh;q=0.9,en;q=0.5");
    expect(chinese.lang).toBe("zh-Hans");
    expect(chinese.html).toContain(">讨论<");
    expect(chinese.html).not.toContain("Skip to content");
    const spanish = await page(visitor, "/discussions", "es-MX,es;q=0.9");
    expect(spanish.lang).toBe("es");
    expect(spanish.html).toContain(">Conversaciones<");
  });

  it("formats plurals in each language, never showing a message's source", async () => {
    for (const [acceptLanguage, answers] of [
      ["en", "2 answers"],
      ["zh-CN", "2 个回答"],
      ["es", "2 respuestas"],
    ]) {
      const { html } = await page(new TestClient(server.url), "/", acceptLanguage);
      expect(html, acceptLanguage).toContain(answers);
      expect(html, acceptLanguage).not.toContain("plural,");
    }
  });

  it("falls back to the community's language for a language it does not ship", async () => {
    const { lang, html } = await page(new TestClient(server.url), "/discussions", "fr-FR,de;q=0.8");
    expect(lang).toBe("en");
    expect(html).toContain(">Sign in<");
  });

  it("keeps the reader's own choice over their browser's, and sends them back where they were", async () => {
    const visitor = new TestClient(server.url);
    const chosen = await visitor.post("/language", {
      locale: "zh",
      redirectTo: "/leaderboard?period=month",
    });
    expect(chosen.status).toBe(302);
    expect(chosen.headers.get("location")).toBe("/leaderboard?period=month");
    const after = await page(visitor, "/discussions", "es-ES,es;q=0.9");
    expect(after.lang).toBe("zh-Hans");
    expect(after.html).toContain(">排行榜<");
  });

  it("refuses a language it does not ship, and a way back off the site, changing nothing", async () => {
    const visitor = new TestClient(server.url);
    const refused = await visitor.post("/language", { locale: "xx", redirectTo: "/" });
    expect(refused.status).toBe(400);
    expect(await refused.text()).toContain("Choose one of the languages in the list.");
    expect(visitor.cookies.size).toBe(0);
    const offsite = await visitor.post("/language", {
      locale: "es",
      redirectTo: "https://evil.example/",
    });
    expect(offsite.status).toBe(302);
    expect(offsite.headers.get("location")).toBe("/");
  });
});
