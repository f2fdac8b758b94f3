import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "../../db/client.ts";
import type { TestimonialCredit } from "../../db/tables/testimonials.ts";
import { createTestDb } from "../support/db.ts";
import { insertTestimonial, insertUser } from "../support/factories.ts";
import { startTestServer, TestClient, type TestServer } from "../support/server.ts";

let handle: DbHandle;
let server: TestServer;

beforeAll(async () => {
  handle = await createTestDb();
  server = await startTestServer(handle, { PUBLIC_URL: "http://community.test" });
});

afterAll(async () => {
  await server?.close();
  await handle?.close();
});

const client = () =>
  new TestClient(server.url, {
    "X-Forwarded-For": `10.19.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}`,
  });

const PROFILE = (h: string) => `/u/${h}?_data=routes%2Fu.%24handle`;
const WALL = "/testimonials?_data=routes%2Ftestimonials._index";
const SETTINGS = "/settings/testimonials?_data=routes%2Fsettings.testimonials";

const publishedBy = (
  user: { id: number; email: string },
  body: string,
  credit: TestimonialCredit = "company",
) => insertTestimonial(handle.db, user, body, { credit });

const ids = (rows: { id: number }[]) => rows.map((r) => r.id);

describe("testimonials on the advocate's profile, withdrawn from settings", () => {
  it("shows the author's consented testimonials on their profile, never an initials-only one", async () => {
    const author = await insertUser(handle.db, { role: "advocate" });
    const named = await publishedBy(author, "Support answered within the hour, every single time.");
    const anonymous = await publishedBy(
      author,
      "Rolled out SSO to four thousand people in a week.",
      "initials",
    );
    const other = await insertUser(handle.db, { role: "advocate" });
    const theirs = await publishedBy(other, "Our onboarding went from weeks to days with it.");

    const res = await client().get(PROFILE(author.handle));
    expect(res.status).toBe(200);
    const data = await res.json();
    expect(ids(data.testimonials)).toEqual([named]);
    expect(data.testimonials[0]).toMatchObject({
      body: "Support answered within the hour, every single time.",
      credit_line: "Dana Reyes, Head of IT, Northwind",
    });
    expect(ids(data.testimonials)).not.toContain(anonymous);
    expect(ids(data.testimonials)).not.toContain(theirs);
    // The wall does not tie the initials-only one to the profile either.
    const wall = await (await client().get(WALL)).json();
    const onWall = wall.wall.rows.find((t: { id: number }) => t.id === anonymous);
    expect(onWall).toMatchObject({ handle: null });
    // The page itself renders the block.
    const html = await (await client().get(`/u/${author.handle}`)).text();
    expect(html).toContain('data-testid="profile-testimonials"');
  });

  it("the author withdraws one from settings after a confirmation step, and it is gone everywhere", async () => {
    const author = await insertUser(handle.db, { role: "advocate" });
    const id = await publishedBy(author, "The reference programme made our renewal a formality.");
    const me = await client().signIn(author.email);

    const listed = await (await me.get(SETTINGS)).json();
    expect(ids(listed.testimonials)).toEqual([id]);
    expect(listed.confirming).toBeNull();
    const asking = await (await me.get(`${SETTINGS}&withdraw=${id}`)).json();
    expect(asking.confirming).toBe(id);
    // Asking to confirm changes nothing.
    expect((await client().get(`/testimonials/${id}`)).status).toBe(200);

    const bad = await me.post(SETTINGS, { intent: "withdraw", id: "not-a-number" });
    expect(bad.status).toBe(400);
    expect((await client().get(`/testimonials/${id}`)).status).toBe(200);

    const done = await me.post(SETTINGS, { intent: "withdraw", id: String(id) });
    expect(done.status).toBe(204);
    expect(done.headers.get("x-remix-redirect")).toBe("/settings/testimonials");

    expect((await client().get(`/testimonials/${id}`)).status).toBe(404);
    const wall = await (await client().get(WALL)).json();
    expect(ids(wall.wall.rows)).not.toContain(id);
    const profile = await (await client().get(PROFILE(author.handle))).json();
    expect(profile.testimonials).toEqual([]);
    const after = await (await me.get(SETTINGS)).json();
    expect(after.testimonials[0].withdrawn_at).not.toBeNull();
  });

  it("nobody else can withdraw it, and signing in is required", async () => {
    const author = await insertUser(handle.db, { role: "advocate" });
    const id = await publishedBy(author, "Peers in healthcare answered my questions in a day.");
    const stranger = await insertUser(handle.db, { role: "advocate" });
    const manager = await insertUser(handle.db, { role: "manager" });

    for (const email of [stranger.email, manager.email]) {
      const someone = await client().signIn(email);
      const res = await someone.post(SETTINGS, { intent: "withdraw", id: String(id) });
      expect(res.status).toBe(404);
      expect(ids((await (await someone.get(SETTINGS)).json()).testimonials)).not.toContain(id);
    }
    const anonymous = await client().post(SETTINGS, { intent: "withdraw", id: String(id) });
    // Signed out, the page sends you to sign in and withdraws nothing.
    expect(anonymous.headers.get("x-remix-redirect")).toMatch(/^\/login/);

    const row = await handle.db
      .selectFrom("testimonials")
      .select("withdrawn_at")
      .where("id", "=", id)
      .executeTakeFirstOrThrow();
    expect(row.withdrawn_at).toBeNull();
    expect((await client().get(`/testimonials/${id}`)).status).toBe(200);
    const profile = await (await client().get(PROFILE(author.handle))).json();
    expect(ids(profile.testimonials)).toEqual([id]);
  });
});
