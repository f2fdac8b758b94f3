import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "../../db/client.ts";
import type { Role } from "../../db/schema.ts";
import { contextFor } from "../../app/modules/commands/command.server.ts";
import {
  appointLeader,
  createChapter,
  joinChapter,
} from "../../app/modules/chapters/chapters.server.ts";
import { createEvent } from "../../app/modules/events/events.server.ts";
import { EventSchema } from "../../app/modules/events/validation.ts";
import { awardPoints } from "../../app/modules/reputation/ledger.server.ts";
import { updateProfile } from "../../app/modules/profiles/profiles.server.ts";
import { ProfileSchema } from "../../app/modules/profiles/validation.ts";
import { createTestDb } from "../support/db.ts";
import { insertUser } from "../support/factories.ts";
import { signedIn } from "../support/people.ts";
import { startTestServer, TestClient, type TestServer } from "../support/server.ts";

// The people pages (directory, profiles, leaderboard, reputation, chapters and
// events, credentials, early access, referrals) speak the reader's language;
// an English reader gets exactly the English they always had.

let handle: DbHandle;
let server: TestServer;
let eventId: number;
let member: { email: string };

const ZH = "zh-CN,zh;q=0.9";
const ES = "es-ES,es;q=0.9";
const EN = "en-GB,en;q=0.8";

let addresses = 0;
const visitor = () =>
  new TestClient(server.url, { "X-Forwarded-For": `10.77.0.${addresses++ % 250}` });

async function page(path: string, acceptLanguage: string, client = visitor()) {
  const res = await client.get(path, { headers: { "Accept-Language": acceptLanguage } });
  const source = await res.text();
  // What a reader sees: the page without its scripts (the loader's data rides along in English).
  const html = source.replace(/<script\b[\s\S]*?<\/script>/g, "");
  return { status: res.status, lang: /<html lang="([^"]+)"/.exec(source)?.[1], html };
}

/** Someone public in the directory, with a profile of their own. */
async function advocate(role: Role, handleName: string, profile: Record<string, string>) {
  const user = await insertUser(handle.db, {
    role,
    handle: handleName,
    displayName: profile.displayName,
  });
  await updateProfile(contextFor(handle.db, user), {
    ...ProfileSchema.parse({ isPublic: "on", ...profile }),
    userId: user.id,
  });
  return user;
}

beforeAll(async () => {
  handle = await createTestDb();
  server = await startTestServer(handle);
  const lena = await advocate("advocate", "lena-lang", {
    displayName: "Lena Lang",
    company: "Quillfeather Analytics",
    jobTitle: "Data lead",
    industry: "Healthcare",
    expertise: "sso, dashboards",
    openToSpeaking: "on",
    openToReferences: "on",
  });
  await handle.db
    .updateTable("profiles")
    .set({ country: "ES", city: "", is_remote: false, location_public: true })
    .where("user_id", "=", lena.id)
    .execute();
  // Points with a reason, so the profile shows its history line by line.
  await awardPoints(handle.db, {
    userId: lena.id,
    rule: "answer_accepted",
    source: { type: "user", id: lena.id },
    idempotencyKey: `languages-people:${lena.id}`,
    awardedBy: null,
  });
  // A chapter in Madrid with one member and a meetup in Madrid's time, one seat only.
  const manager = await insertUser(handle.db, { role: "manager" });
  const as = (user: { id: number; role: string }) =>
    contextFor(handle.db, { id: user.id, role: user.role as Role });
  const chapter = await createChapter(as(manager), {
    name: "Madrid",
    slug: "madrid",
    description: "Advocates in and around Madrid.",
    language: "es",
    region: "Europe",
    country: "ES",
    timeZone: "Europe/Madrid",
  });
  await appointLeader(as(manager), { chapterId: chapter.id, handle: lena.handle });
  const joiner = await insertUser(handle.db, { role: "advocate" });
  await joinChapter(as(joiner), { chapterId: chapter.id });
  member = joiner;
  const event = await createEvent(
    as(lena),
    EventSchema.parse({
      chapterId: String(chapter.id),
      kind: "meetup",
      title: "Spring meetup",
      description: "Talks, pizza and peers.",
      startsAt: "2036-01-15T18:30",
      endsAt: "2036-01-15T20:30",
      timeZone: "Europe/Madrid",
      venue: "Calle de Alcalá 1, Madrid",
      onlineUrl: "",
      capacity: "1",
      host: lena.handle,
      speakers: "",
    }),
  );
  eventId = event.id;
});

afterAll(async () => {
  await server?.close();
  await handle?.close();
});

describe("the advocate directory", () => {
  it("speaks Chinese and Spanish, and English as before", async () => {
    const zh = await page("/advocates", ZH);
    expect(zh.status).toBe(200);
    expect(zh.lang).toBe("zh-Hans");
    expect(zh.html).toContain("倡导者 · Limelight");
    expect(zh.html).toContain("所有行业");
    expect(zh.html).toMatch(/\d+ 位倡导者/);
    expect(zh.html).toContain("愿意演讲");
    expect(zh.html).toContain(">欧洲<");
    // Where an advocate is, in the reader's words.
    expect(zh.html).toContain("Healthcare · 西班牙");
    expect(zh.html).not.toContain("All industries");
    expect(zh.html).not.toContain("Open to speaking");

    const es = await page("/advocates?industry=Healthcare", ES);
    expect(es.lang).toBe("es");
    expect(es.html).toContain("Todos los sectores");
    expect(es.html).toContain("1 defensor coincide con tus filtros");
    expect(es.html).toContain("Disponible para charlas");
    expect(es.html).toContain(">España<");
    expect(es.html).toContain("Healthcare · España");
    expect(es.html).not.toContain("All industries");
    expect(es.html).not.toContain("match your filters");

    const en = await page("/advocates?industry=Healthcare", EN);
    expect(en.lang).toBe("en");
    expect(en.html).toContain("Advocates · Limelight");
    expect(en.html).toContain("1 advocate match your filters");
    expect(en.html).toContain("Open to speaking");
    expect(en.html).toContain(">Spain<");
    expect(en.html).toContain("Healthcare · Spain");
  });
});

describe("a public profile", () => {
  it("speaks Chinese and Spanish, and English as before", async () => {
    const zh = await page("/u/lena-lang", ZH);
    expect(zh.status).toBe(200);
    expect(zh.lang).toBe("zh-Hans");
    expect(zh.html).toContain("已验证客户");
    expect(zh.html).toContain("加入时间");
    expect(zh.html).toContain("Lena Lang 还没有写自己的故事。");
    expect(zh.html).toContain(">声望<");
    expect(zh.html).toMatch(/Healthcare(<!-- -->)? · 西班牙/);
    expect(zh.html).not.toContain("Member since");
    expect(zh.html).not.toContain("has not written their story yet");
    // Asking a verified advocate for a conversation, as a visitor.
    expect(zh.html).toContain("请求交流");
    expect(zh.html).toContain("登录后请求");
    expect(zh.html).not.toContain("Ask for a conversation");

    const es = await page("/u/lena-lang", ES);
    expect(es.lang).toBe("es");
    expect(es.html).toContain("Cliente verificado");
    expect(es.html).toContain("Miembro desde");
    expect(es.html).toContain("Data lead en Quillfeather Analytics");
    expect(es.html).toMatch(/Healthcare(<!-- -->)? · España/);
    expect(es.html).not.toContain("Member since");
    expect(es.html).toContain("Pide una conversación");

    const en = await page("/u/lena-lang", EN);
    expect(en.html).toContain("Verified customer");
    expect(en.html).toContain("Member since");
    expect(en.html).toContain("Data lead at Quillfeather Analytics");
    expect(en.html).toContain("Lena Lang has not written their story yet.");
    expect(en.html).toContain("Ask for a conversation");
  });
});

describe("how reputation works", () => {
  it("speaks Chinese and Spanish, and English as before", async () => {
    const zh = await page("/reputation", ZH);
    expect(zh.lang).toBe("zh-Hans");
    expect(zh.html).toContain("声望机制");
    expect(zh.html).toContain("同行为你的回复点赞。");
    expect(zh.html).toContain("首个回答");
    expect(zh.html).not.toContain("What earns points");
    expect(zh.html).not.toContain("A peer upvotes your reply.");

    const es = await page("/reputation", ES);
    expect(es.lang).toBe("es");
    expect(es.html).toContain("Cómo funciona la reputación");
    expect(es.html).toContain("Qué da puntos");
    expect(es.html).toContain("Primera respuesta");
    expect(es.html).not.toContain("What earns points");

    const en = await page("/reputation", EN);
    expect(en.html).toContain("How reputation works");
    expect(en.html).toContain("What earns points");
    expect(en.html).toContain("A peer upvotes your reply.");
    expect(en.html).toContain("First Answer");
  });
});

describe("chapters and their events", () => {
  it("list chapters and a chapter's meetups in each language", async () => {
    const zh = await page("/chapters", ZH);
    expect(zh.lang).toBe("zh-Hans");
    expect(zh.html).toContain("所有地区");
    expect(zh.html).toContain(">欧洲<");
    expect(zh.html).toContain(">西班牙<");
    expect(zh.html).toMatch(/\d+ 位成员/);
    expect(zh.html).not.toContain("All regions");

    const es = await page("/chapters/madrid", ES);
    expect(es.lang).toBe("es");
    expect(es.html).toContain("Próximos eventos");
    expect(es.html).toContain("Encuentro");
    expect(es.html).toContain("mar 15 ene 2036, 18:30 GMT+1 (Madrid)");
    expect(es.html).toContain("0/1 asistirán");
    expect(es.html).toContain("Se reúne en español");
    expect(es.html).not.toContain("Upcoming events");

    const en = await page("/chapters/madrid", EN);
    expect(en.html).toContain("Upcoming events");
    expect(en.html).toContain("Tue 15 Jan 2036, 18:30 GMT+1 (Madrid)");
    expect(en.html).toContain("0/1 going");
    expect(en.html).toContain("Meets in Spanish");
  });

  it("show an event, its seats and its RSVP in each language, and answer an RSVP in Chinese", async () => {
    const zh = await page(`/events/${eventId}`, ZH);
    expect(zh.lang).toBe("zh-Hans");
    expect(zh.html).toContain("2036年1月15日 周二 18:30 GMT+1（Madrid）");
    expect(zh.html).toContain("已预留 0/1 个座位");
    expect(zh.html).toContain("登录以预留座位");
    expect(zh.html).toContain("添加到日历 (.ics)");
    expect(zh.html).not.toContain("seats taken");
    expect(zh.html).not.toContain("Sign in to save a seat");

    const en = await page(`/events/${eventId}`, EN);
    expect(en.html).toContain("0 of 1 seats taken");
    expect(en.html).toContain("Sign in to save a seat");
    expect(en.html).toContain("Add to calendar (.ics)");

    // A member saves the one seat with a Chinese browser; the page then says so in Chinese.
    const reader = await signedIn(server, member, { client: visitor() });
    const rsvp = await reader.post(
      `/events/${eventId}`,
      { intent: "rsvp" },
      { headers: { "Accept-Language": ZH } },
    );
    expect(rsvp.status).toBe(302);
    const after = await page(`/events/${eventId}`, ZH, reader);
    expect(after.html).toContain("你已有座位。");
    expect(after.html).toContain("已满 · 可加入候补");

    const es = await page(`/events/${eventId}`, ES);
    expect(es.html).toContain("1 de 1 plazas ocupadas");
    expect(es.html).toContain("Completo · lista de espera abierta");
  });
});

describe("the leaderboard and early access", () => {
  it("speak Chinese and Spanish, and English as before", async () => {
    const zh = await page("/leaderboard", ZH);
    expect(zh.lang).toBe("zh-Hans");
    expect(zh.html).toContain("总榜");
    expect(zh.html).toContain("同行互助");
    expect(zh.html).toContain("了解声望机制");
    expect(zh.html).not.toContain("All time");

    const es = await page("/leaderboard?place=Oceania", ES);
    expect(es.html).toContain("Todavía no hay nadie de Oceanía en esta clasificación");
    expect(es.html).not.toContain("Nobody from");

    const en = await page("/leaderboard?place=Oceania", EN);
    expect(en.html).toContain("Nobody from Oceania on this board yet");
    expect(en.html).toContain("All time");

    const early = await page("/early-access", ES);
    expect(early.lang).toBe("es");
    expect(early.html).toContain("Acceso anticipado");
    expect(early.html).toContain("para ver qué abre tu nivel");
    expect(early.html).not.toContain("to see what your tier opens");
    const earlyEn = await page("/early-access", EN);
    expect(earlyEn.html).toContain("to see what your tier opens");
  });
});

describe("referrals and nominations", () => {
  it("speak Chinese and Spanish to a member, and English as before", async () => {
    const reader = await signedIn(server, member, { client: visitor() });
    const zh = await page("/referrals", ZH, reader);
    expect(zh.lang).toBe("zh-Hans");
    expect(zh.html).toContain("推荐一家同行公司");
    expect(zh.html).toContain("对方同意被联系");
    expect(zh.html).not.toContain("Refer a peer company");

    const es = await page("/nominate", ES, reader);
    expect(es.lang).toBe("es");
    expect(es.html).toContain("Nominar a un defensor");
    expect(es.html).toContain("Todavía no has nominado a nadie.");
    expect(es.html).not.toContain("Send nomination");

    const en = await page("/nominate", EN, reader);
    expect(en.html).toContain("Send nomination");
    expect((await page("/referrals", EN, reader)).html).toContain("Refer a peer company");

    const links = await page("/referral-links", ZH);
    expect(links.html).toContain("推荐链接如何运作");
    expect(links.html).not.toContain("How referral links work");
    expect((await page("/referral-links", EN)).html).toContain("How referral links work");
  });
});
