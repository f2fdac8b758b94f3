import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { contextFor } from "../../app/modules/commands/command.server.ts";
import type { DbHandle } from "../../db/client.ts";
import type { Role } from "../../db/schema.ts";
import { seedTierCatalogue } from "../../db/seed/tiers.ts";
import { createItem } from "../../app/modules/early-access/manage.server.ts";
import { grantTier } from "../../app/modules/tiers/awards.server.ts";
import { createTestDb } from "../support/db.ts";
import { insertUser, TEST_PASSWORD } from "../support/factories.ts";
import { startTestServer, TestClient, type TestServer } from "../support/server.ts";

/**
 * The leak test for early access: every role against every channel that
 * returns content. Each item carries unique markers in its title, summary
 * and body; a marker may appear only where the expectation table below (not
 * the policy under test) says this role may read the item now. Refusals are
 * 403 (a teaser the role may know about) or 404 (nothing to know), never 500.
 */

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

type Who =
  | "anonymous"
  | "prospect"
  | "member"
  | "contributor"
  | "champion"
  | "mvp"
  | "mvpWithoutNda"
  | "manager"
  | "admin";
const EVERYONE: Who[] = [
  "anonymous",
  "prospect",
  "member",
  "contributor",
  "champion",
  "mvp",
  "mvpWithoutNda",
  "manager",
  "admin",
];
const STAFF: Who[] = ["manager", "admin"];

interface ItemCase {
  key: string;
  requiresNda: boolean;
  published: boolean;
  publicIn: number | null;
  opens: Partial<Record<"mvp" | "champion" | "contributor" | "member", number>>;
  /** Who may read it now (hand-written, independent of the policy). */
  readers: Who[];
  /** Who may see its teaser instead. */
  teased: Who[];
}

const ITEMS: ItemCase[] = [
  {
    key: "public",
    requiresNda: false,
    published: true,
    publicIn: -2,
    opens: { mvp: -20, champion: -10 },
    readers: EVERYONE,
    teased: [],
  },
  {
    key: "mvponly",
    requiresNda: true,
    published: true,
    publicIn: null,
    opens: { mvp: -3 },
    readers: ["mvp", "mvpWithoutNda", ...STAFF],
    teased: ["member", "contributor", "champion"],
  },
  {
    key: "championnextweek",
    requiresNda: false,
    published: true,
    publicIn: 45,
    opens: { mvp: -5, champion: 7, contributor: 21 },
    readers: ["mvp", "mvpWithoutNda", ...STAFF],
    teased: ["anonymous", "prospect", "member", "contributor", "champion"],
  },
  {
    key: "contributornow",
    requiresNda: false,
    published: true,
    publicIn: null,
    opens: { mvp: -30, champion: -20, contributor: -10 },
    readers: ["contributor", "champion", "mvp", "mvpWithoutNda", ...STAFF],
    teased: ["member"],
  },
  {
    key: "membersnda",
    requiresNda: true,
    published: true,
    publicIn: 30,
    opens: { mvp: -6, champion: -4, contributor: -3, member: -2 },
    readers: ["member", "contributor", "champion", "mvp", "mvpWithoutNda", ...STAFF],
    teased: ["anonymous", "prospect"],
  },
  {
    key: "draft",
    requiresNda: true,
    published: false,
    publicIn: null,
    opens: { mvp: -1 },
    readers: STAFF,
    teased: [],
  },
];

const marker = (key: string, part: "TITLE" | "SUMMARY" | "BODY") =>
  `LKM${key.toUpperCase()}${part}X`;
const teaserOf = (key: string) => `Teaser line for the ${key} item`;

/** What this role gets on the item's page: the whole item, the NDA first, a teaser, or nothing. */
function expected(who: Who, item: ItemCase): "read" | "nda" | "teaser" | "none" {
  if (item.readers.includes(who)) {
    const beforeGa = item.publicIn === null || item.publicIn > 0;
    if (who === "mvpWithoutNda" && item.requiresNda && beforeGa) return "nda";
    return "read";
  }
  return item.teased.includes(who) ? "teaser" : "none";
}

let handle: DbHandle;
let server: TestServer;
const clients = new Map<Who, TestClient>();
const items = new Map<string, { id: number; slug: string }>();

async function user(role: Role) {
  const u = await insertUser(handle.db, { role });
  return u;
}

let ip = 0;
async function signIn(email: string) {
  const c = new TestClient(server.url, { "X-Forwarded-For": `10.77.0.${ip++}` });
  const res = await c.post("/login?_data=routes%2Flogin", { email, password: TEST_PASSWORD });
  expect(res.status).toBe(204);
  return c;
}

beforeAll(async () => {
  handle = await createTestDb();
  await seedTierCatalogue(handle.db);
  server = await startTestServer(handle);
  const tiers = new Map(
    (await handle.db.selectFrom("tiers").select(["id", "slug"]).execute()).map((t) => [
      t.slug,
      t.id,
    ]),
  );
  const manager = await user("manager");
  const actor = { id: manager.id, role: "manager" as const };
  const people: Record<Who, Awaited<ReturnType<typeof user>> | null> = {
    anonymous: null,
    prospect: await user("prospect"),
    member: await user("advocate"),
    contributor: await user("advocate"),
    champion: await user("advocate"),
    mvp: await user("advocate"),
    mvpWithoutNda: await user("advocate"),
    manager,
    admin: await user("admin"),
  };
  for (const [who, slug] of [
    ["contributor", "contributor"],
    ["champion", "champion"],
  ] as const)
    await handle.db
      .insertInto("tier_automatic_holdings")
      .values({ user_id: people[who]!.id, tier_id: tiers.get(slug)!, since: new Date() })
      .execute();
  for (const who of ["mvp", "mvpWithoutNda"] as const)
    await grantTier(contextFor(handle.db, actor), {
      userId: people[who]!.id,
      tierId: tiers.get("mvp")!,
      reason: "Matrix MVP",
      termStart: new Date(Date.now() - DAY),
      termEnd: new Date(Date.now() + 300 * DAY),
    });
  // Everyone with a tier has acknowledged their terms, except one MVP.
  for (const [who, slug] of [
    ["member", "member"],
    ["contributor", "contributor"],
    ["champion", "champion"],
    ["mvp", "mvp"],
  ] as const)
    await handle.db
      .insertInto("early_access_nda_acks")
      .values({ user_id: people[who]!.id, tier_id: tiers.get(slug)!, terms_version: 1 })
      .execute();

  const now = Date.now();
  for (const item of ITEMS) {
    const dates = new Map<number, Date | null>([...tiers.values()].map((id) => [id, null]));
    for (const [slug, days] of Object.entries(item.opens))
      dates.set(tiers.get(slug)!, new Date(now + days! * DAY - HOUR));
    const created = await createItem(contextFor(handle.db, actor), {
      slug: `matrix-${item.key}`,
      title: `${marker(item.key, "TITLE")} early item`,
      teaser: teaserOf(item.key),
      summary: `${marker(item.key, "SUMMARY")} in short`,
      body: `The body: ${marker(item.key, "BODY")}.`,
      kind: "briefing",
      downloadUrl: `https://example.com/${marker(item.key, "BODY")}.zip`,
      recordingUrl: null,
      requiresNda: item.requiresNda,
      publicAt: item.publicIn === null ? null : new Date(now + item.publicIn * DAY - HOUR),
      dates,
      publish: item.published,
    });
    items.set(item.key, created);
  }

  clients.set("anonymous", new TestClient(server.url, { "X-Forwarded-For": "10.77.1.1" }));
  for (const who of EVERYONE.filter((w) => w !== "anonymous"))
    clients.set(who, await signIn(people[who]!.email));
});

afterAll(async () => {
  await server.close();
  await handle.close();
});

const client = (who: Who) => clients.get(who)!;

/** Refused: a visitor is sent to sign in (a 204 with X-Remix-Redirect for loader data); others get 403. */
function expectRefused(who: Who, res: Response, path: string) {
  if (who !== "anonymous") return expect(res.status, path).toBe(403);
  if (path.includes("_data=")) {
    expect(res.status, path).toBe(204);
    expect(res.headers.get("x-remix-redirect"), path).toMatch(/^\/login\?redirectTo=/);
  } else {
    expect(res.status, path).toBe(302);
    expect(res.headers.get("location"), path).toMatch(/^\/login\?redirectTo=/);
  }
}

/** Every marker of every item this role may not read is absent from the text. */
function expectNoLeaks(who: Who, text: string, where: string) {
  for (const item of ITEMS) {
    if (expected(who, item) === "read") continue;
    for (const part of ["TITLE", "SUMMARY", "BODY"] as const)
      expect(
        text,
        `${where}: ${who} must not see the ${item.key} ${part.toLowerCase()}`,
      ).not.toContain(marker(item.key, part));
  }
}

describe.each(EVERYONE)("as %s", (who) => {
  it("the early-access list page shows what this role may read, and teasers only for the rest", async () => {
    const res = await client(who).get("/early-access");
    expect(res.status).toBe(200);
    const html = await res.text();
    expectNoLeaks(who, html, "list page");
    for (const item of ITEMS) {
      const state = expected(who, item);
      // The list shows titles and summaries of what may be read, never bodies; items
      // behind an NDA not yet acknowledged, and items not open yet, show the teaser.
      expect(html.includes(marker(item.key, "TITLE")), `${item.key} title on the list`).toBe(
        item.published && state === "read",
      );
      expect(html.includes(marker(item.key, "BODY")), `${item.key} body on the list`).toBe(false);
      expect(html.includes(teaserOf(item.key)), `${item.key} teaser on the list`).toBe(
        state === "teaser" || state === "nda",
      );
    }
  });

  it("the list's loader data carries the same, with teasers reduced to the teaser fields", async () => {
    const res = await client(who).get("/early-access?_data=routes%2Fearly-access._index");
    expect(res.status).toBe(200);
    const text = await res.text();
    expectNoLeaks(who, text, "list data");
    const data = JSON.parse(text) as { rows: Array<Record<string, unknown>> };
    for (const row of data.rows.filter((r) => r.access === "teaser"))
      expect(Object.keys(row).sort()).toEqual(
        ["access", "availableAt", "hint", "id", "kind", "kindLabel", "teaser"].sort(),
      );
    for (const row of data.rows.filter((r) => r.access === "nda"))
      expect(Object.keys(row).sort()).toEqual(
        ["access", "hint", "id", "kind", "kindLabel", "slug", "teaser"].sort(),
      );
    const byAccess = (access: string) =>
      data.rows
        .filter((r) => r.access === access)
        .map((r) => r.slug ?? r.teaser)
        .sort();
    const listed = (state: string) =>
      ITEMS.filter((i) => i.published && expected(who, i) === state)
        .map((i) => (state === "teaser" ? teaserOf(i.key) : `matrix-${i.key}`))
        .sort();
    expect(byAccess("read")).toEqual(listed("read"));
    expect(byAccess("nda")).toEqual(listed("nda"));
    expect(byAccess("teaser")).toEqual(listed("teaser"));
  });

  it.each(ITEMS.map((i) => i.key))(
    "the %s item's page, its loader data and its meta tags follow the policy",
    async (key) => {
      const item = ITEMS.find((i) => i.key === key)!;
      const { slug } = items.get(key)!;
      const state = expected(who, item);
      const status = { read: 200, nda: 200, teaser: 403, none: 404 }[state];

      const page = await client(who).get(`/early-access/${slug}`);
      expect(page.status, "page status").toBe(status);
      const html = await page.text();
      expectNoLeaks(who, html, `${key} page`);
      const ogTitle = /<meta property="og:title" content="([^"]*)"/.exec(html)?.[1] ?? "";
      const title = /<title>([^<]*)<\/title>/.exec(html)?.[1] ?? "";
      if (state === "read") {
        expect(html).toContain(marker(key, "BODY"));
        expect(ogTitle).toContain(marker(key, "TITLE"));
      } else {
        expect(ogTitle).not.toContain(marker(key, "TITLE"));
        expect(title).not.toContain(marker(key, "TITLE"));
      }
      if (state === "teaser" || state === "nda") expect(html).toContain(teaserOf(key));
      if (state === "none") expect(html).not.toContain(teaserOf(key));

      const data = await client(who).get(
        `/early-access/${slug}?_data=routes%2Fearly-access.%24slug`,
      );
      expect(data.status, "loader data status").toBe(status);
      const body = await data.text();
      expectNoLeaks(who, body, `${key} loader data`);
      if (state === "none") expect(body).not.toContain(teaserOf(key));
    },
  );

  it("refuses an NDA acknowledgement for an item this role may not read, writing nothing", async () => {
    const before = await handle.db
      .selectFrom("early_access_nda_acks")
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .executeTakeFirstOrThrow();
    for (const item of ITEMS) {
      const state = expected(who, item);
      if (state === "read" || state === "nda") continue;
      const res = await client(who).post(`/early-access/${items.get(item.key)!.slug}`, {
        intent: "acknowledge",
      });
      if (who === "anonymous") expect(res.status, item.key).toBe(302);
      else expect(res.status, item.key).toBe(state === "teaser" ? 403 : 404);
      expectNoLeaks(who, await res.text(), `${item.key} acknowledgement`);
    }
    const after = await handle.db
      .selectFrom("early_access_nda_acks")
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .executeTakeFirstOrThrow();
    expect(Number(after.n)).toBe(Number(before.n));
  });

  it("direct ids and the manager pages answer 403 or a sign-in redirect, never content", async () => {
    const staff = STAFF.includes(who);
    for (const item of ITEMS) {
      const { id } = items.get(item.key)!;
      for (const path of [
        `/manage/early-access/${id}`,
        `/manage/early-access/${id}?_data=routes%2Fmanage.early-access.%24id`,
      ]) {
        const res = await client(who).get(path);
        const text = await res.text();
        if (staff) {
          expect(res.status, path).toBe(200);
          expect(text).toContain(marker(item.key, "TITLE"));
        } else {
          expectRefused(who, res, path);
          expectNoLeaks(who, text, path);
        }
      }
      // Numeric ids are not addresses of items.
      const byId = await client(who).get(`/early-access/${id}`);
      expect(byId.status).toBe(404);
      expectNoLeaks(who, await byId.text(), "item by id");
    }
    for (const path of [
      "/manage/early-access",
      "/manage/early-access?_data=routes%2Fmanage.early-access._index",
      "/manage/early-access/log",
      "/manage/early-access/log?_data=routes%2Fmanage.early-access.log",
      "/manage/audit?_data=routes%2Fmanage.audit",
    ]) {
      const res = await client(who).get(path);
      const text = await res.text();
      if (staff) expect(res.status, path).toBe(200);
      else {
        expectRefused(who, res, path);
        expectNoLeaks(who, text, path);
      }
    }
  });

  it("pages that mention tiers (home, root data, profile, tier settings) carry no item content", async () => {
    const paths = ["/", "/?_data=root", "/advocates", "/early-access?page=2"];
    if (who !== "anonymous")
      paths.push("/settings/tier", "/settings/tier?_data=routes%2Fsettings.tier", "/nominate");
    for (const path of paths) {
      const res = await client(who).get(path);
      expect(res.status, path).toBeLessThan(500);
      expectNoLeaks(who, await res.text(), path);
    }
  });
});
