import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "../../db/client.ts";
import { contextFor } from "../../app/modules/commands/command.server.ts";
import { createOpportunity } from "../../app/modules/advocacy/opportunities.server.ts";
import { publishStory } from "../../app/modules/advocacy/story-review.server.ts";
import { saveStory } from "../../app/modules/advocacy/story-writing.server.ts";
import { OpportunitySchema, StorySchema } from "../../app/modules/advocacy/validation.ts";
import { createTestDb } from "../support/db.ts";
import { insertTestimonial } from "../support/factories.ts";
import { nextAddress, person, signedIn, type Person } from "../support/people.ts";
import { startTestServer, TestClient, type TestServer } from "../support/server.ts";

// The advocacy pages (stories, speaking, testimonials, references, the survey
// and the widgets other sites frame) in each shipped language: the browser's
// Accept-Language picks it, and an English reader sees exactly what they saw before.

let handle: DbHandle;
let server: TestServer;
let author: Person;
let storySlug: string;
let opportunityId: number;
let testimonialId: number;

const LANGUAGES = {
  en: "en-GB,en;q=0.9",
  zh: "zh-CN,zh;q=0.9",
  es: "es-ES,es;q=0.9",
} as const;
type Language = keyof typeof LANGUAGES;

const DAY = 24 * 60 * 60 * 1000;
const local = (date: Date) => date.toISOString().slice(0, 16);
const paragraph = (topic: string) =>
  `${topic}: a paragraph long enough to tell peers what happened, with specifics and numbers.`;

/** A tab whose browser asks for one language, signed in as `who` when given. */
async function reader(language: Language, who?: Person): Promise<TestClient> {
  const client = new TestClient(server.url, {
    "X-Forwarded-For": nextAddress(),
    "Accept-Language": LANGUAGES[language],
  });
  return who ? signedIn(server, who, { client }) : client;
}

/** A page as its reader sees it: status, `<html lang>`, and the words without React's separators. */
async function read(client: TestClient, path: string) {
  const res = await client.get(path);
  const html = (await res.text()).replace(/<!-- -->/g, "");
  return { status: res.status, lang: /<html lang="([^"]+)"/.exec(html)?.[1], html };
}

beforeAll(async () => {
  handle = await createTestDb();
  server = await startTestServer(handle);
  const manager = await person(handle.db, "manager");
  author = await person(handle.db, "advocate", { displayName: "Dana Dispatch" });
  await handle.db
    .updateTable("profiles")
    .set({ open_to_speaking: true, is_public: true, company: "Bluewater Freight Co." })
    .where("user_id", "=", author.id)
    .execute();
  const saved = await saveStory(contextFor(handle.db, author), {
    story: StorySchema.parse({
      title: "From forty spreadsheets to one live dashboard",
      company: "Bluewater Freight Co.",
      industry: "Logistics",
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
  await publishStory(contextFor(handle.db, manager), { id: saved.id });
  storySlug = saved.slug;
  const opportunity = await createOpportunity(
    contextFor(handle.db, manager),
    OpportunitySchema.parse({
      title: "Customer keynote: dashboards dispatchers trust",
      eventName: "Midwest Supply Chain Summit",
      format: "conference",
      startsAt: local(new Date(Date.now() + 60 * DAY)),
      timeZone: "UTC",
      location: "Columbus Convention Center",
      expectedAudience: "400",
      audienceDescription: "Operations leaders",
      topic: "How you got dispatchers and executives to trust one number.",
      deadline: local(new Date(Date.now() + 30 * DAY)),
    }),
  );
  opportunityId = opportunity.id;
  testimonialId = await insertTestimonial(handle.db, author, "Dispatch finally has one screen.", {
    industry: "Logistics",
  });
});

afterAll(async () => {
  await server?.close();
  await handle?.close();
});

/** For each page: words only that language prints (English's must then be absent elsewhere). */
const PAGES: Array<{
  name: string;
  path: () => string;
  signedIn?: boolean;
  status?: number;
  words: Record<Language, string[]>;
}> = [
  {
    name: "the story library",
    path: () => "/stories",
    words: {
      en: ["Customer stories", "Search stories", "1 story", "All industries"],
      zh: ["客户案例故事", "搜索案例故事", "1 个案例故事", "所有行业"],
      es: ["Historias de clientes", "Buscar historias", "1 historia", "Todos los sectores"],
    },
  },
  {
    name: "a story's page",
    path: () => `/stories/${storySlug}`,
    words: {
      en: [
        "Before and after Northwind Cloud",
        "All customer stories",
        "Told by",
        "Share on X",
        ">Logistics<",
      ],
      zh: ["使用 Northwind Cloud 前后对比", "全部客户案例故事", "讲述者", "分享到 X", ">物流<"],
      es: [
        "Antes y después de Northwind Cloud",
        "Todas las historias de clientes",
        "Contada por",
        "Compartir en X",
        ">Logística<",
      ],
    },
  },
  {
    name: "the author's own stories",
    path: () => "/stories/mine",
    signedIn: true,
    words: {
      en: ["Drafts, stories in review and the ones in the library.", ">Published<"],
      zh: ["草稿、审核中的案例故事，以及已进入案例库的案例故事。", ">已发布<"],
      es: ["Borradores, historias en revisión y las que ya están en la biblioteca.", ">Publicada<"],
    },
  },
  {
    name: "writing a story",
    path: () => "/stories/new",
    signedIn: true,
    words: {
      en: ["Write your story", "Live preview", "Save draft", "Add a metric"],
      zh: ["撰写你的案例故事", "实时预览", "保存草稿", "添加指标"],
      es: [
        "Escribe tu historia",
        "Vista previa en vivo",
        "Guardar borrador",
        "Agregar una métrica",
      ],
    },
  },
  {
    name: "the speaking board",
    path: () => "/speaking",
    words: {
      en: ["Open opportunities", "Upcoming talks by customers", "1 open opportunity", "Conference"],
      zh: ["开放中的机会", "客户即将举行的演讲", "1 个开放中的机会", "大会"],
      es: [
        "Oportunidades abiertas",
        "Próximas charlas de clientes",
        "1 oportunidad abierta",
        "Conferencia",
      ],
    },
  },
  {
    name: "a speaking opportunity",
    path: () => `/speaking/${opportunityId}`,
    signedIn: true,
    words: {
      en: ["Apply to speak", "Send application", "About 400 people", "Apply by"],
      zh: ["申请演讲", "发送申请", "约 400 人", "申请截止"],
      es: [
        "Postúlate para dar la charla",
        "Enviar postulación",
        "Unas 400 personas",
        "Postúlate antes del",
      ],
    },
  },
  {
    name: "the speaker's own page",
    path: () => "/speaking/mine",
    signedIn: true,
    words: {
      en: ["My speaking", "No talks yet", "No applications yet"],
      zh: ["我的演讲", "还没有演讲", "还没有申请"],
      es: ["Mis charlas", "Aún no tienes charlas", "Aún no tienes postulaciones"],
    },
  },
  {
    name: "logging a talk",
    path: () => "/speaking/talks/new",
    signedIn: true,
    words: {
      en: ["Log a talk", "Recording link", "Time zone"],
      zh: ["登记演讲", "录像链接", "时区"],
      es: ["Registrar una charla", "Enlace de la grabación", "Zona horaria"],
    },
  },
  {
    name: "the testimonial wall",
    path: () => "/testimonials",
    words: {
      en: ["What customers say", "All areas"],
      zh: ["客户怎么说", "所有领域"],
      es: ["Lo que dicen los clientes", "Todas las áreas"],
    },
  },
  {
    name: "a testimonial's page",
    path: () => `/testimonials/${testimonialId}`,
    words: {
      en: ["All testimonials", "Share by email"],
      zh: ["全部推荐", "通过邮件分享"],
      es: ["Todas las recomendaciones", "Compartir por correo"],
    },
  },
  {
    name: "the reference requests",
    path: () => "/references",
    signedIn: true,
    words: {
      en: ["Your references", "People who asked you", "Conversations you asked for"],
      zh: ["你的推荐参考", "向你提出请求的人", "你请求的交流"],
      es: ["Tus referencias", "Personas que te lo pidieron", "Conversaciones que pediste"],
    },
  },
  {
    name: "a survey link that cannot be used",
    path: () => "/survey/not-a-real-token",
    status: 404,
    words: {
      en: ["This link cannot be used", "This survey link is not valid."],
      zh: ["此链接无法使用", "此调查链接无效"],
      es: ["Este enlace no se puede usar", "Este enlace de encuesta no es válido."],
    },
  },
  {
    name: "the wall widget",
    path: () => "/embed/wall",
    words: {
      en: ["Customer voices", "All 1 story →"],
      zh: ["客户心声", "全部 1 个案例故事 →"],
      es: ["Voces de clientes", "Ver 1 historia →"],
    },
  },
  {
    name: "the story card widget",
    path: () => `/embed/stories/${storySlug}`,
    words: {
      en: ["Customer story · Bluewater Freight Co.", "Read the story on Limelight →"],
      zh: ["客户案例故事 · Bluewater Freight Co.", "在 Limelight 上阅读案例故事 →"],
      es: ["Historia de cliente · Bluewater Freight Co.", "Lee la historia en Limelight →"],
    },
  },
  {
    name: "the talk-to-a-customer widget",
    path: () => "/embed/talk",
    words: {
      en: ["Talk to a customer like you"],
      zh: ["与和你相似的客户交流"],
      es: ["Habla con un cliente como tú"],
    },
  },
];

const TAGS: Record<Language, string> = { en: "en", zh: "zh-Hans", es: "es" };

describe("the advocacy pages in each language", () => {
  for (const language of ["zh", "es", "en"] as const) {
    it(`speak ${language} to a browser that asks for it`, async () => {
      const visitor = await reader(language);
      const member = await reader(language, author);
      for (const page of PAGES) {
        const { status, lang, html } = await read(page.signedIn ? member : visitor, page.path());
        const where = `${language} ${page.name}`;
        expect(status, where).toBe(page.status ?? 200);
        expect(lang, where).toBe(TAGS[language]);
        for (const words of page.words[language]) expect(html, where).toContain(words);
        if (language !== "en")
          for (const words of page.words.en) expect(html, where).not.toContain(words);
        expect(html, where).not.toContain("plural,");
      }
    });
  }

  it("formats an opportunity's dates in the reader's language, in the event's zone", async () => {
    const { html: chinese } = await read(await reader("zh"), `/speaking/${opportunityId}`);
    expect(chinese).toMatch(/\d{4}年\d{1,2}月\d{1,2}日/);
    const { html: english } = await read(await reader("en"), `/speaking/${opportunityId}`);
    expect(english).toMatch(
      /(Mon|Tue|Wed|Thu|Fri|Sat|Sun) \d{1,2} [A-Z][a-z]{2} \d{4}, \d{2}:\d{2} UTC/,
    );
  });

  it("answers a refused widget in the reader's language", async () => {
    const res = await (await reader("es")).get("/embed/wall?industry=Nowhere");
    expect(res.status).toBe(400);
    expect(await res.text()).toBe("Ese sector no es uno de los sectores de la biblioteca.");
  });
});
