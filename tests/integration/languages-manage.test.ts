import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "../../db/client.ts";
import { createTestDb } from "../support/db.ts";
import { insertUser } from "../support/factories.ts";
import { startTestServer, TestClient, type TestServer } from "../support/server.ts";

// The manager's pages speak the reader's language: a Chinese or Spanish
// browser gets the layout, its navigation and every manage page in its own
// language, and an English reader gets exactly the English they always had.

let handle: DbHandle;
let server: TestServer;
let admin: TestClient;
let advocateId: number;

const CHINESE = "zh-CN,zh;q=0.9";
const SPANISH = "es-ES,es;q=0.9";
const ENGLISH = "en-GB,en;q=0.8";

beforeAll(async () => {
  handle = await createTestDb();
  server = await startTestServer(handle);
  const user = await insertUser(handle.db, { role: "admin" });
  await insertUser(handle.db, { role: "prospect", displayName: "Priya Prospect" });
  const advocate = await insertUser(handle.db, { role: "advocate", displayName: "Ada Advocate" });
  advocateId = advocate.id;
  admin = await new TestClient(server.url, { "X-Forwarded-For": "10.77.0.1" }).signIn(user.email);
}, 120_000);

afterAll(async () => {
  await server?.close();
  await handle?.close();
});

async function page(path: string, acceptLanguage: string) {
  const res = await admin.get(path, { headers: { "Accept-Language": acceptLanguage } });
  const html = await res.text();
  return {
    status: res.status,
    lang: /<html lang="([^"]+)"/.exec(html)?.[1],
    title: /<title>([^<]*)<\/title>/.exec(html)?.[1],
    html,
  };
}

/** Each page, a few of its English words, and the same words in Chinese and Spanish. */
const PAGES: { path: string; en: string[]; zh: string[]; es: string[] }[] = [
  {
    path: "/manage",
    en: ["Manage the community", "Needs a manager", "Return on relationship", "Audit log"],
    zh: ["管理社区", "待社区经理处理", "关系回报", "审计日志"],
    es: ["Gestiona la comunidad", "Pendiente de un gestor", "Retorno de la relación"],
  },
  {
    path: "/manage/people",
    en: ["Search people", "Verify as customer", "Export people (CSV)"],
    zh: ["搜索成员", "验证为客户", "导出成员（CSV）", "潜在客户"],
    es: ["Buscar personas", "Verificar como cliente", "Exportar personas (CSV)"],
  },
  {
    path: "/manage/advocates",
    en: ["Export all as CSV", "Reputation"],
    zh: ["全部导出为 CSV", "声誉"],
    es: ["Exportar todo como CSV", "Reputación"],
  },
  {
    path: "/manage/tiers",
    en: ["Renewal review", "Revoked and lapsed", "No active awards"],
    zh: ["续期审核", "已撤销和已到期", "没有有效的授予"],
    es: ["Revisión de renovaciones", "Revocadas y vencidas", "No hay concesiones activas"],
  },
  {
    path: "/manage/tiers/renewals",
    en: ["Nothing to review"],
    zh: ["没有需要审核的内容"],
    es: ["Nada que revisar"],
  },
  {
    path: "/manage/tiers/nominations",
    en: ["The queue is empty"],
    zh: ["队列为空"],
    es: ["La cola está vacía"],
  },
  {
    path: "/manage/tiers/catalogue",
    en: ["Recompute automatic tiers", "Add a tier"],
    zh: ["重新计算自动等级", "添加等级"],
    es: ["Recalcular niveles automáticos", "Añadir un nivel"],
  },
  {
    path: "/manage/early-access",
    en: ["Access log", "New item"],
    zh: ["访问日志", "新建内容"],
    es: ["Registro de accesos", "Nuevo contenido"],
  },
  {
    path: "/manage/early-access/new",
    en: ["New early-access item", "Back to the list"],
    zh: ["新建抢先体验内容", "返回列表"],
    es: ["Nuevo contenido de acceso anticipado", "Volver a la lista"],
  },
  {
    path: "/manage/early-access/log",
    en: ["Nobody has opened anything yet"],
    zh: ["还没有人打开过任何内容"],
    es: ["Nadie ha abierto nada todavía"],
  },
  {
    path: "/manage/stories",
    en: ["Start a story from a discussion", "Unpublished and declined"],
    zh: ["从讨论开始一个案例故事", "已取消发布和已拒绝"],
    es: ["Empieza una historia a partir de una conversación", "Despublicadas y rechazadas"],
  },
  {
    path: "/manage/speaking",
    en: ["Talks to verify (0)", "Post an opportunity", "No opportunities yet"],
    zh: ["待验证的演讲（0）", "发布机会", "还没有机会"],
    es: ["Charlas por verificar (0)", "Publicar una oportunidad", "Aún no hay oportunidades"],
  },
  {
    path: "/manage/speaking/new",
    en: ["Post a speaking opportunity"],
    zh: ["发布演讲机会"],
    es: ["Publica una oportunidad para dar una charla"],
  },
  {
    path: "/manage/references",
    en: ["Ask for a prospect", "Every state", "No requests here"],
    zh: ["代潜在客户请求", "全部状态", "这里没有请求"],
    es: ["Pedir para un cliente potencial", "Todos los estados", "No hay solicitudes aquí"],
  },
  {
    path: "/manage/references/new",
    en: ["Send request", "Prospect (email or handle)"],
    zh: ["发送请求", "潜在客户（邮箱或用户名）"],
    es: ["Enviar solicitud", "Cliente potencial (correo o usuario)"],
  },
  {
    path: "/manage/reputation",
    en: ["Reputation · Manage · Limelight"],
    zh: ["声誉 · 管理 · Limelight"],
    es: ["Reputación · Gestión · Limelight"],
  },
  {
    path: "/manage/flags",
    en: ["No open flags", "Nothing needs a look right now."],
    zh: ["没有待处理的举报", "目前没有需要查看的内容。"],
    es: ["No hay reportes abiertos", "Ahora mismo no hay nada que revisar."],
  },
];

describe("the manager's pages in the reader's language", () => {
  it.each(PAGES)("$path speaks Chinese", async ({ path, en, zh }) => {
    const { status, lang, html } = await page(path, CHINESE);
    expect(status, path).toBe(200);
    expect(lang).toBe("zh-Hans");
    for (const text of zh) expect(html, text).toContain(text);
    for (const text of en) expect(html, text).not.toContain(text);
    expect(html).not.toContain("plural,");
  });

  it.each(PAGES)("$path speaks Spanish", async ({ path, en, es }) => {
    const { status, lang, html } = await page(path, SPANISH);
    expect(status, path).toBe(200);
    expect(lang).toBe("es");
    for (const text of es) expect(html, text).toContain(text);
    for (const text of en) expect(html, text).not.toContain(text);
  });

  it.each(PAGES)("$path keeps its English for an English reader", async ({ path, en, zh }) => {
    const { status, lang, html } = await page(path, ENGLISH);
    expect(status, path).toBe(200);
    expect(lang).toBe("en");
    for (const text of en) expect(html, text).toContain(text);
    for (const text of zh) expect(html, text).not.toContain(text);
  });

  it("titles each page in the reader's language", async () => {
    expect((await page("/manage", CHINESE)).title).toBe("概览 · 管理 · Limelight");
    expect((await page("/manage/people", SPANISH)).title).toBe("Personas · Gestión · Limelight");
    expect((await page("/manage/people", ENGLISH)).title).toBe("People · Manage · Limelight");
  });

  it("shows an advocate's relationship page in each language", async () => {
    const path = `/manage/people/${advocateId}/relationship`;
    const zh = await page(path, CHINESE);
    expect(zh.status).toBe(200);
    expect(zh.html).toContain("推荐的机会");
    expect(zh.html).toContain("记录交谈");
    expect(zh.html).not.toContain("Suggested opportunities");
    const es = await page(path, SPANISH);
    expect(es.html).toContain("Oportunidades sugeridas");
    expect(es.html).toContain("Registrar conversación");
    expect(es.title).toBe("Ada Advocate · Relación · Limelight");
    const english = await page(path, ENGLISH);
    expect(english.html).toContain("Suggested opportunities");
    expect(english.html).toContain("Record conversation");
    expect(english.title).toBe("Ada Advocate · Relationship · Limelight");
  });

  it("answers a form's mistake in the reader's language", async () => {
    const verifyNobody = (acceptLanguage: string) =>
      admin
        .post(
          "/manage/people?_data=routes%2Fmanage.people",
          { intent: "verify-many" },
          { headers: { "Accept-Language": acceptLanguage } },
        )
        .then(async (res) => ({ status: res.status, body: await res.text() }));
    const zh = await verifyNobody(CHINESE);
    expect(zh.status).toBe(400);
    expect(zh.body).toContain("请至少选择一位待验证的潜在客户。");
    const es = await verifyNobody(SPANISH);
    expect(es.body).toContain("Selecciona al menos un cliente potencial para verificar.");
    const english = await verifyNobody(ENGLISH);
    expect(english.body).toContain("Select at least one prospect to verify.");
  });
});
