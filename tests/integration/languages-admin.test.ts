import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "../../db/client.ts";
import { describeMetricIn, formatMetricValue } from "../../app/modules/advocacy/metrics.ts";
import { recordAudit } from "../../app/modules/audit/audit.server.ts";
import { createTestDb } from "../support/db.ts";
import { insertUser } from "../support/factories.ts";
import { startTestServer, TestClient, type TestServer } from "../support/server.ts";

// The admin half of the manager area in each shipped language: the outbox, the
// audit log, integrations, embed and key settings, promoters, surveys and
// referrals answer in the reader's language, and English readers see exactly
// the English they always did.

let handle: DbHandle;
let server: TestServer;
let admin: TestClient;

beforeAll(async () => {
  handle = await createTestDb();
  server = await startTestServer(handle, { OUTBOX_POLL_MS: "600000" });
  const adminUser = await insertUser(handle.db, { role: "admin", displayName: "Ana Admin" });
  admin = await new TestClient(server.url).signIn(adminUser.email);
  // One entry in the audit log, so its sentence is read in each language.
  const member = await insertUser(handle.db, { role: "advocate", displayName: "Catie Chen" });
  await recordAudit(handle.db, {
    actorId: adminUser.id,
    action: "tier.granted",
    subjectType: "user",
    subjectId: member.id,
    details: { tier: "MVP" },
  });
});

afterAll(async () => {
  await server?.close();
  await handle?.close();
});

const LANGUAGES = {
  en: "en-GB,en;q=0.9",
  zh: "zh-CN,zh;q=0.9",
  es: "es-ES,es;q=0.9",
} as const;

async function page(path: string, language: keyof typeof LANGUAGES) {
  const res = await admin.get(path, { headers: { "Accept-Language": LANGUAGES[language] } });
  const html = await res.text();
  return { status: res.status, lang: /<html lang="([^"]+)"/.exec(html)?.[1], html };
}

/** Each page, and one heading or label of it in English, Chinese and Spanish. */
const PAGES: { path: string; en: string[]; zh: string[]; es: string[] }[] = [
  {
    path: "/manage/outbox",
    en: ["Outbox · Manage · Limelight", "Find messages", "Every message Limelight sends"],
    zh: ["发件箱 · 管理 · Limelight", "查找邮件", "邮件状态"],
    es: ["Bandeja de salida · Gestionar · Limelight", "Buscar mensajes", "En espera"],
  },
  {
    path: "/manage/audit",
    en: ["Audit log · Manage · Limelight", "Who did it", "Export as CSV"],
    zh: ["审计日志 · 管理 · Limelight", "操作人", "导出为 CSV"],
    es: ["Registro de auditoría · Gestionar · Limelight", "Quién lo hizo", "Exportar como CSV"],
  },
  {
    path: "/manage/integrations/webhooks",
    en: [
      "Webhook endpoints",
      "Add an endpoint",
      "No endpoints yet",
      "API reference",
      "A customer story is published",
    ],
    zh: ["Webhook 端点", "添加端点", "还没有端点", "API 参考文档", "客户案例故事已发布"],
    es: [
      "Endpoints de webhook",
      "Añadir un endpoint",
      "Todavía no hay endpoints",
      "Se publica una historia de cliente",
    ],
  },
  {
    path: "/manage/integrations/tokens",
    en: ["Create a token", "Expires after (days)", "No tokens yet", "Record NPS survey responses"],
    zh: ["创建令牌", "有效期（天）", "还没有令牌", "记录 NPS 调查回复"],
    es: ["Crear un token", "Caduca a los (días)", "Todavía no hay tokens", "Leer recomendaciones"],
  },
  {
    path: "/manage/settings/embeds",
    en: ["Embedded widgets", "Websites allowed to embed", "How to embed"],
    zh: ["嵌入式小组件", "允许嵌入的网站", "如何嵌入"],
    es: ["Widgets insertados", "Cómo insertarlos", "Guardar sitios web"],
  },
  {
    path: "/manage/settings/signing-keys",
    en: ["Credential signing keys", "published key set", "Rotate signing key…"],
    zh: ["凭证签名密钥", "公开的密钥集", "轮换签名密钥…"],
    es: [
      "Claves de firma de credenciales",
      "conjunto de claves publicado",
      "Rotar la clave de firma…",
    ],
  },
  {
    path: "/manage/promoters",
    en: ["Promoters · Manage · Limelight", "Import responses", "NPS by month", "Promoter funnel"],
    zh: ["推荐者 · 管理 · Limelight", "导入回复", "每月 NPS", "推荐者漏斗"],
    es: ["Promotores · Gestionar · Limelight", "Importar respuestas", "NPS por mes"],
  },
  {
    path: "/manage/promoters/responses",
    en: ["Search responses", "No responses"],
    zh: ["搜索回复", "没有回复"],
    es: ["Buscar respuestas", "No hay respuestas"],
  },
  {
    path: "/manage/promoters/import",
    en: ["Import survey responses", "Add one response", "Save response"],
    zh: ["导入调查回复", "添加一条回复", "保存回复"],
    es: ["Importar respuestas de encuestas", "Añadir una respuesta", "Guardar respuesta"],
  },
  {
    path: "/manage/promoters/surveys",
    en: ["New survey", "No survey yet"],
    zh: ["新建调查", "还没有调查"],
    es: ["Nueva encuesta", "Todavía no hay encuestas"],
  },
  {
    path: "/manage/promoters/surveys/new",
    en: ["New NPS survey", "How likely are you to recommend us to a friend or colleague?"],
    zh: ["新建 NPS 调查", "你有多大可能向朋友或同事推荐我们？"],
    es: ["Nueva encuesta NPS", "¿Qué probabilidad hay de que nos recomiendes a un amigo o colega?"],
  },
  {
    path: "/manage/promoters/follow-ups",
    en: ["No open follow-up"],
    zh: ["没有待处理的跟进"],
    es: ["No hay seguimientos abiertos"],
  },
  {
    path: "/manage/promoters/unsubscribed",
    en: ["Nobody has unsubscribed"],
    zh: ["还没有人退订"],
    es: ["Nadie se ha dado de baja"],
  },
  {
    path: "/manage/referrals",
    en: ["Revenue from wins", "Every stage", "No referrals here"],
    zh: ["赢单收入", "所有阶段", "这里没有引荐"],
    es: ["Ingresos de las ganadas", "Todas las etapas", "No hay recomendaciones aquí"],
  },
  {
    path: "/manage/referral-links",
    en: ["how referral links work", "No referral links yet"],
    zh: ["引荐链接如何运作", "还没有引荐链接"],
    es: ["cómo funcionan los enlaces de recomendación", "Todavía no hay enlaces de recomendación"],
  },
];

describe("the admin pages in each language", () => {
  it.each(PAGES)("$path speaks Chinese, without its English", async ({ path, en, zh }) => {
    const { status, lang, html } = await page(path, "zh");
    expect(status, path).toBe(200);
    expect(lang).toBe("zh-Hans");
    for (const text of zh) expect(html, text).toContain(text);
    for (const text of en) expect(html, text).not.toContain(text);
  });

  it.each(PAGES)("$path speaks Spanish, without its English", async ({ path, en, es }) => {
    const { status, lang, html } = await page(path, "es");
    expect(status, path).toBe(200);
    expect(lang).toBe("es");
    for (const text of es) expect(html, text).toContain(text);
    for (const text of en) expect(html, text).not.toContain(text);
  });

  it.each(PAGES)("$path stays in English for an English reader", async ({ path, en, zh, es }) => {
    const { status, lang, html } = await page(path, "en");
    expect(status, path).toBe(200);
    expect(lang).toBe("en");
    for (const text of en) expect(html, text).toContain(text);
    for (const text of [...zh, ...es].filter((t) => !/^[\x20-\x7e]*$/.test(t)))
      expect(html, text).not.toContain(text);
  });

  it("tells what happened in the audit log in the reader's words, names still linked", async () => {
    const sentence = (html: string) =>
      /data-testid="audit-entry"><p>(.*?)<\/p>/
        .exec(html)?.[1]
        .replace(/<[^>]+>/g, "")
        .replace(/<!-- -->/g, "");
    expect(sentence((await page("/manage/audit", "en")).html)).toBe(
      "Ana Admin granted MVP to Catie Chen.",
    );
    const zh = (await page("/manage/audit", "zh")).html;
    expect(sentence(zh)).toBe("Ana Admin 将 MVP 授予了 Catie Chen。");
    expect(zh).toContain("1 条记录");
    expect(sentence((await page("/manage/audit", "es")).html)).toBe(
      "Ana Admin concedió MVP a Catie Chen.",
    );
  });

  it("counts with each language's plurals, never showing a message's source", async () => {
    for (const language of ["en", "zh", "es"] as const) {
      const { html } = await page("/manage/promoters/unsubscribed", language);
      expect(html, language).not.toContain("plural,");
      expect(html, language).toContain(
        { en: "0 addresses in all.", zh: "共 0 个地址。", es: "0 direcciones en total." }[language],
      );
    }
  });
});

describe("a story metric's numbers", () => {
  it("are written as the page's language writes them, English unchanged", () => {
    expect(formatMetricValue(12500, "days")).toBe("12,500 days");
    expect(formatMetricValue(1, "hours")).toBe("1 hour");
    expect(formatMetricValue(12500.5, "days", "es")).toBe("12.500,5 days");
    expect(formatMetricValue(1, "hours", "es")).toBe("1 hours");
    expect(formatMetricValue(12500, "$k", "zh-Hans")).toBe("$12,500k");
    expect(formatMetricValue(94.5, "%", "es")).toBe("94,5%");
    expect(
      describeMetricIn({ label: "Tiempo", before: 14000, after: 3000, unit: "días" }, "es"),
    ).toBe("Tiempo: 14.000 días → 3000 días (−79%)");
  });
});
