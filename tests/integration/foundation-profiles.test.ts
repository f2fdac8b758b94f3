import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "../../db/client.ts";
import type { Role } from "../../db/schema.ts";
import { updateProfile } from "../../app/modules/profiles/profiles.server.ts";
import { contextFor } from "../../app/modules/commands/command.server.ts";
import { ProfileSchema } from "../../app/modules/profiles/validation.ts";
import { createTestDb } from "../support/db.ts";
import { insertUser, uniqueSuffix } from "../support/factories.ts";
import { signedIn } from "../support/people.ts";
import { startTestServer, TestClient, type TestServer } from "../support/server.ts";

let handle: DbHandle;
let server: TestServer;

let ipCounter = 0;
const client = () =>
  new TestClient(server.url, {
    "X-Forwarded-For": `10.3.${Math.floor(ipCounter / 250)}.${ipCounter++ % 250}`,
  });

const signedInAs = (email: string) => signedIn(server, { email }, { client: client() });

async function person(
  role: Role,
  profile: Record<string, string> & { displayName: string },
  handleName = `p-${uniqueSuffix()}`,
) {
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

// The directory's population: 30 public advocates, 2 private ones, and people who are not advocates.
const INDUSTRIES = ["Healthcare", "Logistics", "Energy"];
let member: TestClient;
let hidden: Awaited<ReturnType<typeof person>>;

beforeAll(async () => {
  handle = await createTestDb();
  server = await startTestServer(handle);
  for (let i = 0; i < 30; i++) {
    await person("advocate", {
      displayName: `Advocate ${String(i).padStart(2, "0")}`,
      company: i < 5 ? "Quillfeather Analytics" : `Company ${i}`,
      headline: i === 7 ? "Moved forty spreadsheets into one dashboard" : "",
      industry: INDUSTRIES[i % 3],
      expertise: i % 4 === 0 ? "sso, dashboards" : "api",
      openToSpeaking: i % 5 === 0 ? "on" : "",
      openToMentoring: i % 2 === 0 ? "on" : "",
    });
  }
  hidden = await person("advocate", {
    displayName: "Harriet Hidden",
    company: "Quillfeather Analytics",
    headline: "Keeps her profile for members",
    industry: "Aerospace",
    expertise: "sso, secret-tag",
    openToSpeaking: "on",
    isPublic: "",
  });
  await person("advocate", {
    displayName: "Quentin Quiet",
    company: "Company 99",
    industry: "Healthcare",
    isPublic: "",
  });
  await person("prospect", { displayName: "Pat Prospect", company: "Quillfeather Analytics" });
  await person("manager", { displayName: "Morgan Manager", company: "Quillfeather Analytics" });
  const viewer = await insertUser(handle.db);
  member = await signedInAs(viewer.email);
});
afterAll(async () => {
  await server.close();
  await handle.close();
});

interface DirectoryAnswer {
  rows: { handle: string; display_name: string; company: string; is_public: boolean }[];
  total: number;
  page: number;
  pageCount: number;
  facets: { industries: string[]; tags: string[] };
}
async function directory(query: string, c: TestClient = client()): Promise<DirectoryAnswer> {
  const res = await c.get(`/advocates?${query}${query ? "&" : ""}_data=routes%2Fadvocates`);
  expect(res.status).toBe(200);
  return res.json();
}
const names = (answer: DirectoryAnswer) => answer.rows.map((r) => r.display_name);

/** The meta tags of a page, as name/property → content. */
function metaTags(html: string) {
  const head = html.slice(0, html.indexOf("</head>"));
  const out: Record<string, string> = {};
  for (const m of head.matchAll(/<meta ([^>]*)\/?>/g)) {
    const key = /(?:name|property)="([^"]+)"/.exec(m[1])?.[1];
    const content = /content="([^"]*)"/.exec(m[1])?.[1];
    if (key && content !== undefined) out[key] = content;
  }
  return out;
}

describe("editing a profile at /settings/profile", () => {
  it("saves every field and shows them on the public profile", async () => {
    const user = await insertUser(handle.db);
    const c = await signedInAs(user.email);
    const res = await c.post("/settings/profile", {
      displayName: "Rosa Quintero",
      headline: "Cut our month-end close from 3 days to 4 hours",
      company: "Harbour & Pine",
      jobTitle: "Finance Systems Lead",
      industry: "Retail and e-commerce",
      location: "Lisbon, Portugal",
      bio: "We automated **reconciliations**.",
      expertise: "Automation, reporting, SSO",
      linkedinUrl: "https://www.linkedin.com/in/rosa",
      blogUrl: "https://blog.example.com/rosa",
      websiteUrl: "https://harbour.example.com",
      openToSpeaking: "on",
      openToReferences: "on",
      openToCaseStudies: "on",
      openToMentoring: "on",
      isPublic: "on",
    });
    expect(res.status).toBe(302);
    expect(res.headers.get("location")).toBe("/settings/profile");
    const stored = await handle.db
      .selectFrom("profiles")
      .selectAll()
      .where("user_id", "=", user.id)
      .executeTakeFirstOrThrow();
    expect(stored).toMatchObject({
      headline: "Cut our month-end close from 3 days to 4 hours",
      company: "Harbour & Pine",
      job_title: "Finance Systems Lead",
      industry: "Retail and e-commerce",
      location: "Lisbon, Portugal",
      bio_md: "We automated **reconciliations**.",
      expertise: ["automation", "reporting", "sso"],
      linkedin_url: "https://www.linkedin.com/in/rosa",
      blog_url: "https://blog.example.com/rosa",
      website_url: "https://harbour.example.com",
      open_to_speaking: true,
      open_to_references: true,
      open_to_case_studies: true,
      open_to_mentoring: true,
      is_public: true,
    });
    expect(stored.bio_html).toContain("<strong>reconciliations</strong>");
    const page = await (await client().get(`/u/${user.handle}`)).text();
    for (const text of [
      "Rosa Quintero",
      "Cut our month-end close from 3 days to 4 hours",
      "Finance Systems Lead",
      "Harbour &amp; Pine",
      "Lisbon, Portugal",
      "<strong>reconciliations</strong>",
      'href="https://www.linkedin.com/in/rosa"',
      "Mentoring",
    ])
      expect(page).toContain(text);
    // Unticking a box turns it off (a browser sends nothing for it).
    await c.post("/settings/profile", { displayName: "Rosa Quintero", isPublic: "on" });
    const after = await handle.db
      .selectFrom("profiles")
      .select(["open_to_speaking", "headline"])
      .where("user_id", "=", user.id)
      .executeTakeFirstOrThrow();
    expect(after).toEqual({ open_to_speaking: false, headline: "" });
  });

  it("answers bad input with 400 and a message per field, and saves nothing", async () => {
    const user = await insertUser(handle.db);
    const c = await signedInAs(user.email);
    await c.post("/settings/profile", {
      displayName: "Before Name",
      headline: "Before",
      isPublic: "on",
    });
    const before = await handle.db
      .selectFrom("profiles")
      .selectAll()
      .where("user_id", "=", user.id)
      .executeTakeFirstOrThrow();
    const res = await c.post("/settings/profile?_data=routes%2Fsettings.profile", {
      displayName: "",
      headline: "h".repeat(121),
      company: "c".repeat(81),
      jobTitle: "j".repeat(81),
      industry: "i".repeat(61),
      location: "l".repeat(81),
      bio: "b".repeat(5001),
      expertise: Array.from({ length: 11 }, (_, i) => `topic-${i}`).join(", "),
      linkedinUrl: "javascript:alert(document.cookie)",
      blogUrl: "not a link",
      websiteUrl: "ftp://files.example.com",
      isPublic: "on",
    });
    expect(res.status).toBe(400);
    const body = await res.json();
    expect(Object.keys(body.fieldErrors).sort()).toEqual([
      "bio",
      "blogUrl",
      "company",
      "displayName",
      "expertise",
      "headline",
      "industry",
      "jobTitle",
      "linkedinUrl",
      "location",
      "websiteUrl",
    ]);
    expect(body.fieldErrors.expertise).toMatch(/at most 10/);
    expect(body.fieldErrors.linkedinUrl).toMatch(/https:\/\//);
    expect(body.fieldErrors.headline).toMatch(/120/);
    expect(body.formError).toMatch(/Nothing was saved/);
    // What was typed comes back so the person does not lose it.
    expect(body.values.headline).toBe("h".repeat(121));
    const after = await handle.db
      .selectFrom("profiles")
      .selectAll()
      .where("user_id", "=", user.id)
      .executeTakeFirstOrThrow();
    expect(after).toEqual(before);
    const name = await handle.db
      .selectFrom("users")
      .select("display_name")
      .where("id", "=", user.id)
      .executeTakeFirstOrThrow();
    expect(name.display_name).toBe("Before Name");
  });

  it("shows the field errors next to the fields on the page", async () => {
    const user = await insertUser(handle.db);
    const c = await signedInAs(user.email);
    const res = await c.post("/settings/profile", {
      displayName: "Someone",
      blogUrl: "not a link",
    });
    expect(res.status).toBe(400);
    const html = await res.text();
    const input = /<input[^>]*name="blogUrl"[^>]*>/.exec(html)![0];
    expect(input).toContain('aria-invalid="true"');
    const describedBy = /aria-describedby="([^"]+)"/.exec(input)![1];
    const errorId = describedBy.split(" ").find((id) => id.endsWith("-error"))!;
    expect(html).toMatch(new RegExp(`id="${errorId}"[^>]*>Enter a full blog link`));
  });

  it("is only for the signed-in owner", async () => {
    const res = await client().post("/settings/profile", { displayName: "Anonymous edit" });
    expect(res.status).toBe(302);
    expect(res.headers.get("location")).toMatch(/^\/login/);
  });
});

describe("the story on a profile", () => {
  it("is sanitised markdown: no scripts, handlers, script links or raw HTML reach the page", async () => {
    const user = await insertUser(handle.db);
    const c = await signedInAs(user.email);
    const bio = [
      "Hello **world**.",
      "<script>alert('bio')</script>",
      '<img src=x onerror="alert(1)">',
      '<a href="https://example.com" onclick="alert(2)">raw link</a>',
      "[click me](javascript:alert(3))",
      "[my blog](https://example.com/blog)",
      '<iframe src="https://evil.example"></iframe>',
      "</script><script>alert(4)</script>",
    ].join("\n\n");
    expect(
      (await c.post("/settings/profile", { displayName: "Bio Tester", bio, isPublic: "on" }))
        .status,
    ).toBe(302);
    const html = await (await client().get(`/u/${user.handle}`)).text();
    const story = /<div class="prose-ll[^"]*">([\s\S]*?)<\/div>/.exec(html)![1];
    expect(story).toContain("<strong>world</strong>");
    // Raw HTML is shown as text.
    expect(story).toContain("&lt;script&gt;alert('bio')&lt;/script&gt;");
    const elements = [...story.matchAll(/<([a-z]+)([^>]*)>/g)];
    expect(new Set(elements.map((m) => m[1]))).toEqual(new Set(["p", "strong", "a"]));
    for (const [, , attrs] of elements) {
      expect(attrs).not.toMatch(/\son\w+=/);
      expect(attrs).not.toMatch(/javascript:/i);
    }
    const links = elements.filter((m) => m[1] === "a").map((m) => m[2]);
    expect(links.filter((a) => a.includes("href="))).toEqual([
      ' href="https://example.com/blog" rel="ugc nofollow noopener noreferrer"',
    ]);
    // Nowhere on the page (loader data included) does the story's markup become live.
    const liveScripts = html.match(/<script\b[^>]*>/g) ?? [];
    for (const tag of liveScripts) expect(tag).toMatch(/nonce="/);
    expect(html).not.toMatch(/<script>alert/);
    expect(html).not.toMatch(/<img\b/);
    expect(html).not.toMatch(/<iframe\b/);
  });
});

describe("profile pages", () => {
  it("carry OpenGraph and Twitter meta for public profiles", async () => {
    const user = await person("prospect", {
      displayName: 'Zoe "Z" Ortega',
      headline: 'Runs data for 40 clinics <b>"quoted"</b>',
      company: "Clinic Group",
    });
    const res = await client().get(`/u/${user.handle}`);
    expect(res.status).toBe(200);
    const html = await res.text();
    const meta = metaTags(html);
    expect(meta).toMatchObject({
      "og:type": "profile",
      "og:title": "Zoe &quot;Z&quot; Ortega",
      "og:description": "Runs data for 40 clinics &lt;b&gt;&quot;quoted&quot;&lt;/b&gt;",
      "og:url": `${server.url}/u/${user.handle}`,
      "og:site_name": "Limelight",
      "profile:username": user.handle,
      "twitter:card": "summary_large_image",
      "twitter:title": "Zoe &quot;Z&quot; Ortega",
      "twitter:description": "Runs data for 40 clinics &lt;b&gt;&quot;quoted&quot;&lt;/b&gt;",
    });
    expect(meta.robots).toBeUndefined();
    expect(html).toContain(`<title>Zoe &quot;Z&quot; Ortega · Limelight</title>`);
    expect(html).toContain(`<link rel="canonical" href="${server.url}/u/${user.handle}"/>`);
  });

  it("find a handle whatever its case", async () => {
    const res = await client().get(`/u/${hidden.handle.toUpperCase()}`);
    expect(res.status).toBe(404);
    expect((await member.get(`/u/${hidden.handle.toUpperCase()}`)).status).toBe(200);
  });

  it("of a private profile answer 404 to anonymous visitors, and leak nothing", async () => {
    const res = await client().get(`/u/${hidden.handle}`);
    expect(res.status).toBe(404);
    const html = await res.text();
    expect(html).toContain("Page not found");
    for (const secret of ["Harriet", "Keeps her profile", "Quillfeather", "Aerospace"])
      expect(html).not.toContain(secret);
    const meta = metaTags(html);
    expect(meta["og:title"]).toBeUndefined();
    expect(meta["twitter:title"]).toBeUndefined();
    expect(html).toContain("<title>Profile not found · Limelight</title>");
  });

  it("of a private profile answer 404 to data requests too, like a missing one", async () => {
    const hiddenData = await client().get(`/u/${hidden.handle}?_data=routes%2Fu.%24handle`);
    const missingData = await client().get(
      `/u/nobody-${uniqueSuffix()}?_data=routes%2Fu.%24handle`,
    );
    expect(hiddenData.status).toBe(404);
    expect(missingData.status).toBe(404);
    const body = await hiddenData.text();
    expect(body).not.toContain("Harriet");
    expect(body).toBe(await missingData.text());
  });

  it("of a private profile are shown to signed-in members, marked and not indexed", async () => {
    const res = await member.get(`/u/${hidden.handle}`);
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain("Harriet Hidden");
    expect(html).toContain("Visible to members only");
    expect(metaTags(html).robots).toBe("noindex");
    const data = await member.get(`/u/${hidden.handle}?_data=routes%2Fu.%24handle`);
    expect(data.status).toBe(200);
    expect((await data.json()).profile.display_name).toBe("Harriet Hidden");
  });

  it("that do not exist answer 404 with the app's error page", async () => {
    const res = await client().get(`/u/nobody-${uniqueSuffix()}`);
    expect(res.status).toBe(404);
    expect(await res.text()).toContain("Page not found");
    const unknown = await client().get("/no/such/page");
    expect(unknown.status).toBe(404);
    expect(await unknown.text()).toContain("Page not found");
  });
});

describe("the advocates directory", () => {
  it("lists public advocates only for anonymous visitors, and everyone for members", async () => {
    const anonymous = await directory("");
    expect(anonymous.total).toBe(30);
    expect(anonymous.rows.every((r) => r.is_public)).toBe(true);
    const all = await directory("", member);
    expect(all.total).toBe(32);
    const everyone = [...all.rows, ...(await directory("page=2", member)).rows];
    expect(everyone.map((r) => r.display_name)).toContain("Harriet Hidden");
    expect(everyone.map((r) => r.display_name)).not.toContain("Pat Prospect");
    expect(everyone.map((r) => r.display_name)).not.toContain("Morgan Manager");
  });

  it("does not reveal private profiles through search or its filter lists", async () => {
    expect((await directory("q=Harriet")).total).toBe(0);
    expect((await directory("industry=Aerospace")).total).toBe(0);
    expect((await directory("tag=secret-tag")).total).toBe(0);
    const facets = (await directory("")).facets;
    expect(facets.industries).toEqual(["Energy", "Healthcare", "Logistics"]);
    expect(facets.tags).not.toContain("secret-tag");
    const memberFacets = (await directory("", member)).facets;
    expect(memberFacets.industries).toContain("Aerospace");
    expect(memberFacets.tags).toContain("secret-tag");
    const page = await (await client().get("/advocates?q=Quillfeather")).text();
    expect(page).not.toContain("Harriet");
  });

  it("searches names, companies and headlines, ignoring case", async () => {
    expect(names(await directory("q=advocate%2007"))).toEqual(["Advocate 07"]);
    expect(names(await directory("q=quillFEATHER"))).toEqual([
      "Advocate 00",
      "Advocate 01",
      "Advocate 02",
      "Advocate 03",
      "Advocate 04",
    ]);
    expect(names(await directory("q=quillfeather", member))).toContain("Harriet Hidden");
    expect(names(await directory("q=forty%20spreadsheets"))).toEqual(["Advocate 07"]);
    expect((await directory("q=no-such-person-anywhere")).total).toBe(0);
  });

  it("treats search text literally, not as a pattern", async () => {
    expect((await directory("q=%25")).total).toBe(0);
    expect((await directory("q=_")).total).toBe(0);
    expect((await directory("q=Advocate%20_0")).total).toBe(0);
  });

  it("filters by industry, expertise tag and what people are open to, together", async () => {
    const healthcare = await directory("industry=Healthcare");
    expect(healthcare.total).toBe(10);
    expect(names(healthcare)).toContain("Advocate 03");
    expect((await directory("industry=Healthcare", member)).total).toBe(11);
    const sso = await directory("tag=sso");
    expect(names(sso)).toEqual([
      "Advocate 00",
      "Advocate 04",
      "Advocate 08",
      "Advocate 12",
      "Advocate 16",
      "Advocate 20",
      "Advocate 24",
      "Advocate 28",
    ]);
    const speakers = await directory("openTo=open_to_speaking");
    expect(names(speakers)).toEqual([
      "Advocate 00",
      "Advocate 05",
      "Advocate 10",
      "Advocate 15",
      "Advocate 20",
      "Advocate 25",
    ]);
    const combined = await directory("industry=Healthcare&tag=sso&openTo=open_to_mentoring");
    // i % 3 === 0, i % 4 === 0 and i even: 0, 12, 24.
    expect(names(combined)).toEqual(["Advocate 00", "Advocate 12", "Advocate 24"]);
    const searchAndFilter = await directory("q=quillfeather&tag=sso");
    expect(names(searchAndFilter)).toEqual(["Advocate 00", "Advocate 04"]);
  });

  it("ignores an open-to value it does not know instead of failing", async () => {
    expect((await directory("openTo=open_to_bribes")).total).toBe(30);
  });

  it("shows 24 per page, with the rest on page 2", async () => {
    const first = await directory("");
    expect(first.rows).toHaveLength(24);
    expect(first).toMatchObject({ page: 1, pageCount: 2, total: 30 });
    const second = await directory("page=2");
    expect(second.rows).toHaveLength(6);
    expect(second.page).toBe(2);
    const seen = new Set([...first.rows, ...second.rows].map((r) => r.handle));
    expect(seen.size).toBe(30);
    // Filters carry over to later pages.
    expect((await directory("page=2&industry=Healthcare")).rows).toEqual([]);
    // Nonsense page numbers fall back to the first page; pages past the end are empty.
    for (const page of ["0", "-3", "abc"]) expect((await directory(`page=${page}`)).page).toBe(1);
    expect((await directory("page=9")).rows).toEqual([]);
  });

  it("renders its pages with working pagination links", async () => {
    // React separates adjacent text with empty comments; read the text as a person would.
    const text = async (path: string) =>
      (await (await client().get(path)).text()).replaceAll("<!-- -->", "");
    const html = await text("/advocates?industry=Logistics");
    expect(html).toContain("10 advocates match your filters");
    expect(html).not.toContain('aria-label="Pagination"');
    const full = await text("/advocates");
    expect(full).toContain("Page 1 of 2");
    const next = /<a [^>]*rel="next"[^>]*>/.exec(full)?.[0];
    expect(next).toContain('href="/advocates?page=2"');
    // On the first page there is nothing before it to link to.
    expect(full).not.toMatch(/rel="prev"/);
    const last = await text("/advocates?page=2");
    expect(/<a [^>]*rel="prev"[^>]*>/.exec(last)?.[0]).toContain('href="/advocates"');
    expect(last).not.toMatch(/rel="next"/);
    const empty = await text("/advocates?q=no-such-person");
    expect(empty).toContain("No advocates match");
  });
});
