import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "../../db/client.ts";
import type { Role } from "../../db/schema.ts";
import { contextFor } from "../../app/modules/commands/command.server.ts";
import { loadViewer } from "../../app/modules/viewer/viewer.server.ts";
import { createReply, createThread } from "../../app/modules/discussions/posts.server.ts";
import { createSpace, type Space } from "../../app/modules/discussions/spaces.server.ts";
import { createTestDb } from "../support/db.ts";
import { insertUser, TEST_PASSWORD } from "../support/factories.ts";
import { startTestServer, TestClient, type TestServer } from "../support/server.ts";

// Search in every shipped language, through the real server and database:
// Chinese (no spaces between words), Spanish (accents, words the English
// stemmer does not know) and English, each found by a short query in its own
// language, and never past what the reader may read.

let handle: DbHandle;
let server: TestServer;
type Person = Awaited<ReturnType<typeof insertUser>>;
let author: Person, member: Person;
let open: Space, lounge: Space;
let ip = 0;

const anonymous = () => new TestClient(server.url, { "X-Forwarded-For": `10.71.0.${ip++ & 255}` });
async function signIn(person: Person) {
  const c = new TestClient(server.url, { "X-Forwarded-For": `10.72.0.${ip++ & 255}` });
  const res = await c.post("/login?_data=routes%2Flogin", {
    email: person.email,
    password: TEST_PASSWORD,
  });
  expect(res.status).toBe(204);
  return c;
}

async function post(space: Space, title: string, body: string) {
  const viewer = await loadViewer(handle.db, { id: author.id, role: author.role as Role });
  return createThread(contextFor(handle.db, viewer), {
    spaceId: space.id,
    kind: "discussion",
    title,
    body,
    tags: [],
  });
}

type Row = { title: string; titleHtml: string; snippetHtml: string; postId: number | null };
async function search(c: TestClient, q: string) {
  const res = await c.get(`/search?q=${encodeURIComponent(q)}&_data=routes%2Fsearch`);
  expect(res.status).toBe(200);
  return (await res.json()) as { rows: Row[]; total: number; matchedAll: boolean };
}
const titles = async (c: TestClient, q: string) => (await search(c, q)).rows.map((r) => r.title);

const ZH = "单点登录配置失败怎么办";
const ES = "Problema con la configuración de facturación";
const EN = "Nightly warehouse export stalls";
const GATED = "会员专用：登录审计日志";

beforeAll(async () => {
  handle = await createTestDb();
  server = await startTestServer(handle, { WRITE_RATE_LIMIT_PER_MINUTE: "10000" });
  author = await insertUser(handle.db, { role: "manager", displayName: "Li Wei" });
  member = await insertUser(handle.db, { role: "advocate", displayName: "Marta Miembro" });
  open = await createSpace(contextFor(handle.db, null), {
    slug: "open",
    name: "Open",
    description: "Everyone",
    colour: "#047857",
    position: 0,
    visibility: "public",
  });
  lounge = await createSpace(contextFor(handle.db, null), {
    slug: "lounge",
    name: "Lounge",
    description: "Members only",
    colour: "#4d7c0f",
    position: 1,
    visibility: "members",
  });
  await post(open, ZH, "我们在生产环境中启用了单点登录配置，但是用户登录后被重定向回首页。");
  await post(
    open,
    ES,
    "Después de cambiar la configuración de facturación, las facturas de diciembre no llegan.",
  );
  await post(open, EN, "The nightly export to the warehouse stalls after the schema change.");
  await post(lounge, GATED, "只有会员可以看到的登录审计日志讨论。");
}, 60_000);
afterAll(async () => {
  await server?.close();
  await handle?.close();
});

describe("search in every shipped language", () => {
  it("finds a Chinese thread by a phrase inside it and by two characters, highlighted", async () => {
    const c = anonymous();
    expect(await titles(c, "单点登录配置")).toEqual([ZH]);
    expect(await titles(c, "登录")).toEqual([ZH]);
    const [row] = (await search(c, "登录")).rows;
    expect(row.titleHtml).toContain("单点<mark>登录</mark>配置");
    expect(row.snippetHtml).toContain("<mark>登录</mark>");
    // A phrase found only in the body, and a mixed query whose parts are apart.
    expect(await titles(c, "重定向")).toEqual([ZH]);
    expect(await titles(c, "生产环境 首页")).toEqual([ZH]);
    expect(await titles(c, "退款")).toEqual([]);
  });

  it("finds a Spanish thread by an accented word and by part of one", async () => {
    const c = anonymous();
    expect(await titles(c, "facturación")).toEqual([ES]);
    expect(await titles(c, "configuración de facturación")).toEqual([ES]);
    // No word is "diciem": part of one is found as a substring, and marked.
    const part = await search(c, "diciem");
    expect(part.rows.map((r) => r.title)).toEqual([ES]);
    expect(part.matchedAll).toBe(true);
    expect(part.rows[0].snippetHtml).toContain("facturas de <mark>diciem</mark>bre no llegan");
    expect(await titles(c, "DICIEMBRE")).toEqual([ES]);
  });

  it("still finds English by stemmed words, ranked full-text search first", async () => {
    const c = anonymous();
    const res = await search(c, "stalling exports");
    expect(res.rows.map((r) => r.title)).toEqual([EN]);
    expect(res.rows[0].titleHtml).toContain("<mark>export</mark>");
    expect(await titles(c, "wareh")).toEqual([EN]);
  });

  it("keeps a members-only thread from those who may not read it", async () => {
    expect(await titles(anonymous(), "审计日志")).toEqual([]);
    expect(await titles(anonymous(), "登录")).toEqual([ZH]);
    const c = await signIn(member);
    expect(await titles(c, "审计日志")).toEqual([GATED]);
    expect((await titles(c, "登录")).sort()).toEqual([GATED, ZH].sort());
  });

  it("treats LIKE wildcards in the query as plain text", async () => {
    const c = anonymous();
    expect(await titles(c, "%%%")).toEqual([]);
    expect(await titles(c, "单_登")).toEqual([]);
  });

  it("ranks a substring hit in the title above one only in a reply", async () => {
    const t = await post(open, "Rückerstattung beantragt", "Wie lange dauert es?");
    const viewer = await loadViewer(handle.db, { id: member.id, role: member.role as Role });
    const other = await post(open, "月度报告", "这里有一份月度报告。");
    await createReply(contextFor(handle.db, viewer), {
      threadId: other.threadId,
      body: "关于 Rückerstattung 的问题请看别处。",
    });
    const rows = (await search(anonymous(), "rückerst")).rows;
    expect(rows.map((r) => r.title)).toEqual(["Rückerstattung beantragt", "月度报告"]);
    expect(rows[0].postId).toBeNull();
    expect(rows[1].postId).not.toBeNull();
    expect(t.threadId).toBeGreaterThan(0);
  });
});
