import type { ParsedMail } from "mailparser";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "../../db/client.ts";
import type { Role } from "../../db/schema.ts";
import { contextFor } from "../../app/modules/commands/command.server.ts";
import { createReply, createThread } from "../../app/modules/discussions/posts.server.ts";
import { createSpace } from "../../app/modules/discussions/spaces.server.ts";
import { loadViewer } from "../../app/modules/viewer/viewer.server.ts";
import { insertUser } from "../support/factories.ts";
import { closeMailWorld, startMailWorld } from "../support/mail-world.ts";
import type { TestServer } from "../support/server.ts";
import { TestClient } from "../support/server.ts";
import type { TestSmtp } from "../support/smtp.ts";

// A member's own language: kept on their account (from /settings/language or
// the footer's menu), it wins over the footer's cookie and the browser's
// Accept-Language on every device; and mail reaches them in it, since an
// email has no request to take a language from.

let handle: DbHandle;
let server: TestServer;
let smtp: TestSmtp;

const ENGLISH = "en-GB,en;q=0.9";
const CHINESE = "zh-CN,zh;q=0.9";
const SPANISH = "es-ES,es;q=0.9";

beforeAll(async () => {
  ({ handle, smtp, server } = await startMailWorld({ PAGE_CACHE_TTL_MS: "600000" }));
});

afterAll(() => closeMailWorld({ handle, smtp, server }));

async function page(client: TestClient, path: string) {
  const res = await client.get(path);
  const html = await res.text();
  return { status: res.status, lang: /<html lang="([^"]+)"/.exec(html)?.[1], html };
}

const storedLocale = async (userId: number) =>
  (
    await handle.db
      .selectFrom("users")
      .select("locale")
      .where("id", "=", userId)
      .executeTakeFirstOrThrow()
  ).locale;

/** The flash message the next page shows, as the root loader hands it over. */
async function toastAfter(client: TestClient): Promise<{ title: string }> {
  const res = await client.get("/settings/language?_data=root");
  return ((await res.json()) as { toast: { title: string } }).toast;
}

async function member(acceptLanguage: string) {
  const user = await insertUser(handle.db, { role: "advocate" });
  const client = await new TestClient(server.url, { "Accept-Language": acceptLanguage }).signIn(
    user.email,
  );
  return { user, client };
}

describe("a member's own language", () => {
  it("is offered on /settings/language, in English for an English reader", async () => {
    const { user, client } = await member(ENGLISH);
    const settings = await page(client, "/settings/language");
    expect(settings.status).toBe(200);
    expect(settings.lang).toBe("en");
    expect(settings.html).toContain("<title>Language · Settings · Limelight</title>");
    expect(settings.html).toContain("Show Limelight in");
    expect(settings.html).toContain("Follow my browser");
    expect(settings.html).toContain("Save language");
    expect(settings.html).toContain(">Language<");
    // The other tabs read as they always have.
    expect(settings.html).toContain(">Email<");
    expect(settings.html).not.toContain("跟随我的浏览器");
    expect(await storedLocale(user.id)).toBeNull();
  });

  it("once Chinese is chosen, speaks Chinese even to an English browser", async () => {
    const { user, client } = await member(ENGLISH);
    const saved = await client.post("/settings/language", { intent: "language", locale: "zh" });
    expect(saved.status).toBe(302);
    expect(saved.headers.get("location")).toBe("/settings/language");
    expect(await storedLocale(user.id)).toBe("zh");
    // The toast after saving is said in the language just chosen.
    expect((await toastAfter(client)).title).toBe("语言已保存");

    const settings = await page(client, "/settings/language");
    expect(settings.lang).toBe("zh-Hans");
    expect(settings.html).toContain("<title>语言 · 设置 · Limelight</title>");
    expect(settings.html).toContain("Limelight 显示语言");
    expect(settings.html).toContain("跟随我的浏览器");
    expect(settings.html).not.toContain("Show Limelight in");
    expect(settings.html).not.toContain("Follow my browser");

    const discussions = await page(client, "/discussions");
    expect(discussions.lang).toBe("zh-Hans");
    expect(discussions.html).toContain(">讨论<");
    expect(discussions.html).not.toContain("Skip to content");

    // Another device, signed in fresh with an English browser, follows the account too.
    const laptop = await new TestClient(server.url, { "Accept-Language": ENGLISH }).signIn(
      user.email,
    );
    expect((await page(laptop, "/discussions")).lang).toBe("zh-Hans");

    // A visitor's page at the same address, shared through the page cache, stays English.
    const visitor = new TestClient(server.url, { "Accept-Language": ENGLISH });
    for (let i = 0; i < 2; i++) {
      const anonymous = await page(visitor, "/discussions");
      expect(anonymous.lang).toBe("en");
      expect(anonymous.html).toContain("Skip to content");
      expect(anonymous.html).not.toContain(">讨论<");
    }
  });

  it("“Follow my browser” hands the choice back to the browser's Accept-Language", async () => {
    const { user, client } = await member(SPANISH);
    await client.post("/settings/language", { intent: "language", locale: "zh" });
    expect((await page(client, "/discussions")).lang).toBe("zh-Hans");

    const followed = await client.post("/settings/language", {
      intent: "language",
      locale: "browser",
    });
    expect(followed.status).toBe(302);
    expect(await storedLocale(user.id)).toBeNull();
    expect((await toastAfter(client)).title).toBe("Idioma guardado");
    const spanish = await page(client, "/settings/language");
    expect(spanish.lang).toBe("es");
    expect(spanish.html).toContain("<title>Idioma · Configuración · Limelight</title>");
    expect(spanish.html).toContain("Mostrar Limelight en");
    expect(spanish.html).toContain("Seguir a mi navegador");
    expect(spanish.html).not.toContain("Follow my browser");
    expect(spanish.html).not.toContain("跟随我的浏览器");
  });

  it("is stored on the account when a signed-in member uses the footer's menu", async () => {
    const { user, client } = await member(ENGLISH);
    const chosen = await client.post("/language", { locale: "es", redirectTo: "/discussions" });
    expect(chosen.status).toBe(302);
    expect(chosen.headers.get("location")).toBe("/discussions");
    expect(await storedLocale(user.id)).toBe("es");
    expect((await page(client, "/discussions")).lang).toBe("es");

    // A new session without the footer's cookie still reads Spanish.
    const phone = await new TestClient(server.url, { "Accept-Language": CHINESE }).signIn(
      user.email,
    );
    const spanish = await page(phone, "/discussions");
    expect(spanish.lang).toBe("es");
    expect(spanish.html).toContain(">Conversaciones<");

    // A visitor's choice in the footer stays in their cookie: no account is touched.
    const visitor = new TestClient(server.url, { "Accept-Language": ENGLISH });
    expect((await visitor.post("/language", { locale: "zh", redirectTo: "/" })).status).toBe(302);
    expect((await page(visitor, "/discussions")).lang).toBe("zh-Hans");
  });

  it("refuses a language it does not ship, with a sentence, and changes nothing", async () => {
    const { user, client } = await member(CHINESE);
    await client.post("/settings/language", { intent: "language", locale: "es" });
    const refused = await client.post("/settings/language?_data=routes%2Fsettings.language", {
      intent: "language",
      locale: "fr",
    });
    expect(refused.status).toBe(400);
    const body = await refused.json();
    // Said in the member's language (Spanish, stored), not the browser's.
    expect(body.fieldErrors.locale).toBe("Elige uno de los idiomas de la lista.");
    expect(body.formError).toBe("Todavía no se ha guardado nada.");
    expect(await storedLocale(user.id)).toBe("es");

    const { client: english } = await member(ENGLISH);
    const refusedInEnglish = await english.post(
      "/settings/language?_data=routes%2Fsettings.language",
      { intent: "language", locale: "" },
    );
    expect(refusedInEnglish.status).toBe(400);
    expect((await refusedInEnglish.json()).fieldErrors.locale).toBe(
      "Choose one of the languages in the list.",
    );
  });
});

describe("notifications in the reader's language", () => {
  it("say who replied in the reader's stored language, and in English to an English reader", async () => {
    const space = await createSpace(contextFor(handle.db, null), {
      slug: "ask-locale",
      name: "Ask the community",
      description: "Questions welcome",
      colour: "#047857",
      position: 0,
      visibility: "public",
    });
    const asChinese = await member(ENGLISH);
    const asEnglish = await member(ENGLISH);
    await asChinese.client.post("/settings/language", { intent: "language", locale: "zh" });
    const helper = await insertUser(handle.db, { role: "advocate", displayName: "Hana Helper" });
    const helperViewer = await loadViewer(handle.db, { id: helper.id, role: helper.role as Role });
    for (const asker of [asChinese, asEnglish]) {
      const viewer = await loadViewer(handle.db, {
        id: asker.user.id,
        role: asker.user.role as Role,
      });
      const { threadId } = await createThread(contextFor(handle.db, viewer), {
        spaceId: space.id,
        kind: "question",
        title: "How do you rotate keys?",
        body: "Our keys never change.",
        tags: [],
      });
      await createReply(contextFor(handle.db, helperViewer), { threadId, body: "Every quarter." });
    }
    const chinese = await page(asChinese.client, "/notifications");
    expect(chinese.html).toContain("Hana Helper 回复了 “How do you rotate keys?”");
    expect(chinese.html).not.toContain("Hana Helper replied to");
    const english = await page(asEnglish.client, "/notifications");
    expect(english.html).toContain("Hana Helper replied to “How do you rotate keys?”");
  });
});

const header = (mail: ParsedMail, name: string) =>
  mail.headerLines.find((h) => h.key === name)?.line.replace(/^[^:]+:\s*/, "");

async function resetMailFor(email: string): Promise<ParsedMail> {
  const visitor = new TestClient(server.url, { "Accept-Language": ENGLISH });
  const asked = await visitor.post("/forgot-password?_data=routes%2Fforgot-password", { email });
  expect(asked.status).toBe(200);
  await server.outbox.runOnce();
  const mail = (await smtp.waitFor(1)).find((m) =>
    (m.to && "text" in m.to ? m.to.text : "").includes(email),
  );
  if (!mail) throw new Error(`no mail to ${email}`);
  return mail;
}

describe("mail in the recipient's language", () => {
  it("reaches a member with Spanish stored in Spanish, whatever the browser asking", async () => {
    const { user, client } = await member(ENGLISH);
    await client.post("/settings/language", { intent: "language", locale: "es" });
    smtp.received.length = 0;
    const mail = await resetMailFor(user.email);
    expect(mail.subject).toBe("Elige una contraseña nueva para Limelight");
    expect(mail.html).toMatch(/<html[^>]* lang="es"/);
    expect(header(mail, "content-language")).toBe("es");
    expect(mail.text).toContain(`Hola, ${user.display_name}:`);
    expect(mail.text).toContain("Elegir una contraseña nueva");
    expect(mail.text).toContain("Recibes este mensaje por tu cuenta en Limelight");
    expect(mail.text).toContain("O abre este enlace:");
    expect(mail.text).not.toContain("Choose a new password");
    expect(mail.text).not.toContain("Or open this link");
  });

  it("reaches a member with Chinese stored in Chinese", async () => {
    const { user, client } = await member(ENGLISH);
    await client.post("/settings/language", { intent: "language", locale: "zh" });
    smtp.received.length = 0;
    const mail = await resetMailFor(user.email);
    expect(mail.subject).toBe("为 Limelight 设置新密码");
    expect(mail.html).toMatch(/<html[^>]* lang="zh-Hans"/);
    expect(header(mail, "content-language")).toBe("zh-Hans");
    expect(mail.text).toContain("设置新密码");
    expect(mail.text).not.toContain("Choose a new password");
  });

  it("reaches an English member in English, as before, even asked from a Chinese browser", async () => {
    const user = await insertUser(handle.db, { role: "advocate" });
    smtp.received.length = 0;
    const visitor = new TestClient(server.url, { "Accept-Language": CHINESE });
    await visitor.post("/forgot-password?_data=routes%2Fforgot-password", { email: user.email });
    await server.outbox.runOnce();
    const [mail] = await smtp.waitFor(1);
    expect(mail.subject).toBe("Choose a new password for Limelight");
    expect(mail.html).toMatch(/<html[^>]* lang="en"/);
    expect(header(mail, "content-language")).toBe("en");
    expect(mail.text).toContain(`Hi ${user.display_name},`);
    expect(mail.text).toContain("Choose a new password");
    expect(mail.text).toContain(
      "You get this message because of your account on Limelight, the community of our customer advocates.",
    );
    expect(mail.text).toContain("Or open this link:");
    expect(mail.text).not.toContain("设置新密码");
  });
});
