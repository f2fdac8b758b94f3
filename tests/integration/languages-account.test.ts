import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "../../db/client.ts";
import { createTestDb } from "../support/db.ts";
import { insertUser, TEST_PASSWORD } from "../support/factories.ts";
import { startTestServer, TestClient, type TestServer } from "../support/server.ts";

// The account pages (sign in, sign up, password recovery, email links, error
// pages and settings) in each shipped language, and unchanged in English.

let handle: DbHandle;
let server: TestServer;

const ZH = "zh-CN,zh;q=0.9";
const ES = "es-ES,es;q=0.9";
const EN = "en-GB,en;q=0.8";

beforeAll(async () => {
  handle = await createTestDb();
  server = await startTestServer(handle);
});

afterAll(async () => {
  await server?.close();
  await handle?.close();
});

const reader = (acceptLanguage: string) =>
  new TestClient(server.url, { "Accept-Language": acceptLanguage });

async function page(client: TestClient, path: string) {
  const res = await client.get(path);
  const html = await res.text();
  return { status: res.status, lang: /<html lang="([^"]+)"/.exec(html)?.[1], html };
}

/** Every phrase is on the page and none of the others are. */
function expectPage(html: string, shown: string[], absent: string[]) {
  for (const phrase of shown) expect(html, phrase).toContain(phrase);
  for (const phrase of absent) expect(html, phrase).not.toContain(phrase);
}

describe("signing in and joining", () => {
  it("reads the sign-in page in Chinese, Spanish and, unchanged, English", async () => {
    const zh = await page(reader(ZH), "/login");
    expect(zh.lang).toBe("zh-Hans");
    expectPage(
      zh.html,
      [
        "<title>登录 · Limelight</title>",
        "欢迎回来",
        "登录你的 Limelight 账户。",
        "忘记密码？",
        "创建账户",
      ],
      ["Welcome back", "Forgot your password?", "Create an account"],
    );
    const es = await page(reader(ES), "/login");
    expect(es.lang).toBe("es");
    expectPage(
      es.html,
      ["Hola de nuevo", "Contraseña", "¿Olvidaste tu contraseña?", "¿Eres nuevo?"],
      ["Welcome back", "New here?", ">Password<"],
    );
    const en = await page(reader(EN), "/login");
    expect(en.lang).toBe("en");
    expectPage(
      en.html,
      [
        "<title>Sign in · Limelight</title>",
        "Welcome back",
        "Sign in to your Limelight account.",
        "Forgot your password?",
        "Create an account",
      ],
      ["欢迎回来", "Hola de nuevo"],
    );
  });

  it("answers a wrong password in the reader's language", async () => {
    const user = await insertUser(handle.db);
    for (const [language, message] of [
      [ZH, "该邮箱和密码与任何账户都不匹配。请检查后重试。"],
      [ES, "Ese correo y esa contraseña no coinciden con ninguna cuenta."],
      [EN, "That email and password do not match an account. Check them and try again."],
    ]) {
      const res = await reader(language).post("/login?_data=routes%2Flogin", {
        email: user.email,
        password: `${TEST_PASSWORD}-wrong`,
      });
      expect(res.status).toBe(401);
      expect(((await res.json()) as { formError: string }).formError).toContain(message);
    }
  });

  it("explains a stopped single sign-on in the reader's language", async () => {
    const zh = await page(reader(ZH), "/login?signInError=denied");
    expectPage(
      zh.html,
      ["你尚未登录", "登录已在你公司的身份提供方处被取消。"],
      ["You are not signed in"],
    );
    const en = await page(reader(EN), "/login?signInError=denied");
    expect(en.html).toContain(
      "The sign-in was cancelled at your company&#x27;s identity provider.",
    );
  });

  it("reads the sign-up page in each language", async () => {
    const zh = await page(reader(ZH), "/signup");
    expectPage(
      zh.html,
      ["加入社区", "用户名", "至少 8 个字符。一句较长的短语最容易记住。", "已经是成员？"],
      ["Join the community", "Already a member?", "At least 8 characters"],
    );
    const es = await page(reader(ES), "/signup");
    expectPage(
      es.html,
      ["Únete a la comunidad", "Nombre de usuario", "Crear cuenta", "¿Ya eres miembro?"],
      ["Join the community", "Create account"],
    );
    const en = await page(reader(EN), "/signup");
    expectPage(
      en.html,
      [
        "<title>Join Limelight</title>",
        "Join the community",
        "Shown on your profile and your posts.",
        "Already a member?",
      ],
      ["加入社区"],
    );
  });
});

describe("password recovery and email links", () => {
  it("reads the forgotten-password page and its answer in each language", async () => {
    const zh = await page(reader(ZH), "/forgot-password");
    expectPage(
      zh.html,
      ["忘记密码了？", "给我发送链接", "想起来了？"],
      ["Forgot your password?", "Email me a link"],
    );
    const es = reader(ES);
    const sent = await es.post("/forgot-password?_data=routes%2Fforgot-password", {
      email: "nobody@example.test",
    });
    expect(sent.status).toBe(200);
    const esPage = await page(es, "/forgot-password");
    expectPage(
      esPage.html,
      ["¿Olvidaste tu contraseña?", "Envíame un enlace"],
      ["Email me a link"],
    );
    const en = await page(reader(EN), "/forgot-password");
    expectPage(
      en.html,
      ["Forgot your password?", "We will email you a link to choose a new one.", "Email me a link"],
      [],
    );
  });

  it("says a used link cannot be used, in each language", async () => {
    for (const path of ["/reset-password/not-a-real-token", "/verify-email/not-a-real-token"]) {
      const zh = await page(reader(ZH), path);
      expect(zh.status).toBe(410);
      expectPage(zh.html, ["此链接无法使用"], ["This link cannot be used"]);
      const es = await page(reader(ES), path);
      expectPage(es.html, ["Este enlace no se puede usar"], ["This link cannot be used"]);
      const en = await page(reader(EN), path);
      expectPage(en.html, ["This link cannot be used"], ["此链接无法使用"]);
    }
  });

  it("refuses a broken unsubscribe link in each language", async () => {
    const zh = await page(reader(ZH), "/unsubscribe/not-a-real-token");
    expect(zh.status).toBe(400);
    expectPage(
      zh.html,
      ["此链接无效", "我们无法核实此链接", "邮件设置"],
      ["This link does not work"],
    );
    const es = await page(reader(ES), "/unsubscribe/not-a-real-token");
    expectPage(es.html, ["Este enlace no funciona", "Configuración de correo"], ["Email settings"]);
    const en = await page(reader(EN), "/unsubscribe/not-a-real-token");
    expectPage(en.html, ["This link does not work", "We could not check this link"], []);
  });

  it("asks an unconfirmed member to confirm their address, in their language", async () => {
    const user = await insertUser(handle.db, { emailVerified: false });
    const zh = await reader(ZH).signIn(user.email);
    const { html } = await page(zh, "/discussions");
    expectPage(
      html,
      ["请确认你的电子邮箱地址。", "重新发送链接", user.email],
      ["Send the link again"],
    );
    const en = await reader(EN).signIn(user.email);
    const english = await page(en, "/discussions");
    expectPage(english.html, ["Confirm your email address.", "Send the link again"], []);
  });
});

describe("error pages", () => {
  it("reads a missing page in each language", async () => {
    const zh = await page(reader(ZH), "/no-such-page");
    expect(zh.status).toBe(404);
    expectPage(
      zh.html,
      ["找不到页面", "返回首页", "错误 404"],
      ["Page not found", "Go to the home page"],
    );
    const es = await page(reader(ES), "/no-such-page");
    expectPage(es.html, ["Página no encontrada", "Ir a la página de inicio"], ["Page not found"]);
    const en = await page(reader(EN), "/no-such-page");
    expectPage(
      en.html,
      ["<title>Page not found · Limelight</title>", "Go to the home page", "Error 404"],
      [],
    );
  });
});

describe("settings", () => {
  async function member(acceptLanguage: string) {
    const user = await insertUser(handle.db, { role: "advocate" });
    return reader(acceptLanguage).signIn(user.email);
  }

  it("reads the account page in each language, countries named in it", async () => {
    const zh = await page(await member(ZH), "/settings");
    expect(zh.lang).toBe("zh-Hans");
    expectPage(
      zh.html,
      [
        "<title>账户设置 · Limelight</title>",
        "个人资料",
        "你的数据",
        "更改密码",
        "在所有设备上退出",
        "你目前在 1 台设备上登录。",
        "西班牙",
        "倡导者",
      ],
      ["Change password", "Sign out everywhere", "Your data", ">Spain<"],
    );
    const es = await page(await member(ES), "/settings");
    expect(es.lang).toBe("es");
    expectPage(
      es.html,
      [
        "Configuración",
        "Cambiar contraseña",
        "Tienes la sesión iniciada en 1 dispositivo.",
        "España",
        "defensor",
      ],
      ["Change password", "You are signed in on", ">Spain<"],
    );
    const en = await page(await member(EN), "/settings");
    expectPage(
      en.html,
      [
        "<title>Account settings · Limelight</title>",
        "Change password",
        "You are signed in on 1 device.",
        ">Spain<",
        "Where you are",
      ],
      ["更改密码", "Cambiar contraseña"],
    );
  });

  it("reads the profile, email and data pages in each language", async () => {
    const zh = await member(ZH);
    expectPage(
      (await page(zh, "/settings/profile")).html,
      ["关于你", "保存个人资料", "愿意参与"],
      ["About you", "Save profile"],
    );
    expectPage(
      (await page(zh, "/settings/email")).html,
      ["摘要邮件", "对你的讨论的回复", "保存邮件设置"],
      ["The digest", "Replies to your threads"],
    );
    expectPage(
      (await page(zh, "/settings/privacy?delete=1")).html,
      ["此操作无法撤销", "永久删除我的账户"],
      ["This cannot be undone"],
    );
    const es = await member(ES);
    expectPage(
      (await page(es, "/settings/profile")).html,
      ["Sobre ti", "Guardar perfil"],
      ["About you"],
    );
    expectPage(
      (await page(es, "/settings/email")).html,
      ["El resumen", "Respuestas en tus conversaciones"],
      ["The digest"],
    );
    expectPage(
      (await page(es, "/settings/privacy")).html,
      ["Descarga todo lo que hay sobre ti", "descargar tus datos"],
      ["Download everything about you"],
    );
    const en = await member(EN);
    expectPage(
      (await page(en, "/settings/profile")).html,
      ["About you", "Save profile", "Open to"],
      [],
    );
    expectPage(
      (await page(en, "/settings/email")).html,
      ["The digest", "Replies to your threads", "Save email settings"],
      [],
    );
    expectPage(
      (await page(en, "/settings/privacy")).html,
      ["Download everything about you", "download your data"],
      [],
    );
  });

  it("reads the goals, credentials, references, referral-link, testimonial and tier pages in each language", async () => {
    const pages: Array<[string, string[], string[], string[]]> = [
      [
        "/settings/goals",
        ["你的目标", "保存目标"],
        ["Tus objetivos", "Guardar objetivos"],
        ["Your goals", "Save goals"],
      ],
      [
        "/settings/credentials",
        ["你的资质认证", "还没有资质认证"],
        ["Tus credenciales", "Todavía no tienes credenciales"],
        ["Your credentials", "No credentials yet"],
      ],
      [
        "/settings/references",
        ["推荐参考交流", "保存上限"],
        ["Conversaciones de referencia", "Guardar límite"],
        ["Reference conversations", "Save limit"],
      ],
      [
        "/settings/referral-links",
        ["推荐链接", "你帮助做出决定的公司"],
        ["Enlaces de recomendación", "Empresas a las que ayudaste a decidir"],
        ["Referral links", "Companies you helped decide"],
      ],
      [
        "/settings/testimonials",
        ["你的客户评价", "还没有客户评价"],
        ["Tus testimonios", "Todavía no tienes testimonios"],
        ["Your testimonials", "No testimonials yet"],
      ],
      [
        "/settings/tier",
        ["你的等级", "等级记录", "保密协议确认"],
        ["Tu nivel", "Historial de niveles"],
        ["Your tier", "Tier history", "NDA acknowledgements"],
      ],
    ];
    const [zh, es, en] = [await member(ZH), await member(ES), await member(EN)];
    for (const [path, chinese, spanish, english] of pages) {
      const zhPage = await page(zh, path);
      expect(zhPage.status, path).toBe(200);
      expectPage(zhPage.html, chinese, english);
      expectPage((await page(es, path)).html, spanish, english);
      expectPage((await page(en, path)).html, english, chinese);
    }
  });

  it("answers a deletion without a password in the reader's language", async () => {
    const res = await (
      await member(ZH)
    ).post("/settings/privacy?_data=routes%2Fsettings.privacy", {
      intent: "delete-account",
      password: "",
    });
    expect(res.status).toBe(400);
    expect(JSON.stringify(await res.json())).toContain("请输入你的密码以确认。");
  });
});
