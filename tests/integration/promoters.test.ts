import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "../../db/client.ts";
import type { Role } from "../../db/schema.ts";
import { createTestDb } from "../support/db.ts";
import { insertUser, TEST_PASSWORD, uniqueSuffix } from "../support/factories.ts";
import { startTestServer, TestClient, type TestServer } from "../support/server.ts";

let handle: DbHandle;
let server: TestServer;

beforeAll(async () => {
  handle = await createTestDb();
  server = await startTestServer(handle);
});
afterAll(async () => {
  await server.close();
  await handle.close();
});

const client = () =>
  new TestClient(server.url, {
    "X-Forwarded-For": `10.9.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}`,
  });

async function signedInAs(role: Role) {
  const user = await insertUser(handle.db, { role });
  const c = client();
  const res = await c.post("/login?_data=routes%2Flogin", {
    email: user.email,
    password: TEST_PASSWORD,
  });
  expect(res.status).toBe(204);
  return { user, c };
}

const IMPORT = "/manage/promoters/import?_data=routes%2Fmanage.promoters.import";
const countResponses = async () =>
  Number(
    (
      await handle.db
        .selectFrom("nps_responses")
        .select((eb) => eb.fn.countAll<number>().as("n"))
        .executeTakeFirstOrThrow()
    ).n,
  );

describe("importing survey responses from CSV", () => {
  it("previews row by row, writes nothing until confirmed, and a re-import adds nothing twice", async () => {
    const { c } = await signedInAs("manager");
    const s = uniqueSuffix();
    const csv = [
      "\uFEFFEmail,Name,Company,Score,Comment,Responded At",
      `ann-${s}@example.test,Ann Lee,"Lee, Park & Co",10,"Loved it, ""truly""\r\nwould recommend",2026-05-03`,
      `bob-${s}@example.test,Bob Ray,Ray Ltd,8,,2026-05-04T10:30`,
      `cid-${s}@example.test,Cid Roe,Roe Inc,3,Too slow,2026-06-01`,
    ].join("\r\n");
    const before = await countResponses();
    const preview = await c.post(IMPORT, { intent: "preview", csv });
    expect(preview.status).toBe(200);
    const body = await preview.json();
    expect(body.preview.counts).toEqual({ total: 3, new: 3, alreadyImported: 0, problems: 0 });
    expect(body.preview.rows[0].values.comment).toBe('Loved it, "truly"\nwould recommend');
    expect(body.preview.rows[0].values.company).toBe("Lee, Park & Co");
    expect(await countResponses()).toBe(before);

    const imported = await c.post("/manage/promoters/import", {
      intent: "import",
      csv,
      fileName: "may.csv",
    });
    expect(imported.status).toBe(302);
    expect(await countResponses()).toBe(before + 3);
    const ann = await handle.db
      .selectFrom("nps_responses")
      .selectAll()
      .where("email", "=", `ann-${s}@example.test`)
      .executeTakeFirstOrThrow();
    expect(ann).toMatchObject({ name: "Ann Lee", score: 10, company: "Lee, Park & Co" });
    expect(ann.responded_at.toISOString()).toBe("2026-05-03T00:00:00.000Z");

    // The same file again: the preview says so, and importing adds nothing.
    const again = await (await c.post(IMPORT, { intent: "preview", csv })).json();
    expect(again.preview.counts).toMatchObject({ new: 0, alreadyImported: 3 });
    const upper = csv.replace(`ann-${s}@example.test`, `ANN-${s}@EXAMPLE.TEST`);
    const reimport = await c.post("/manage/promoters/import", {
      intent: "import",
      csv: upper,
      fileName: "may.csv",
    });
    expect(reimport.status).toBe(302);
    expect(await countResponses()).toBe(before + 3);
    const batches = await handle.db
      .selectFrom("nps_imports")
      .selectAll()
      .orderBy("id", "desc")
      .limit(1)
      .execute();
    expect(batches[0]).toMatchObject({ rows_in_file: 3, rows_added: 0, rows_skipped: 3 });
  });

  it("holds pasted responses to the same 2 MB limit as an uploaded file, writing nothing", async () => {
    const { c } = await signedInAs("manager");
    const s = uniqueSuffix();
    const row = (i: number) => `paste-${i}-${s}@example.test,9,Quick and friendly,2026-04-02`;
    const rows = Array.from({ length: 40_000 }, (_, i) => row(i));
    const csv = ["email,score,comment,responded at", ...rows].join("\n");
    expect(Buffer.byteLength(csv)).toBeGreaterThan(2 * 1024 * 1024);
    const before = await countResponses();
    const res = await c.post(IMPORT, { intent: "import", csv });
    expect(res.status).toBe(413);
    expect((await res.json()).formError).toMatch(/larger than 2 MB/);
    expect(await countResponses()).toBe(before);
  });

  it("accepts an uploaded file", async () => {
    const { c } = await signedInAs("manager");
    const s = uniqueSuffix();
    const form = new FormData();
    form.set("intent", "preview");
    form.set(
      "file",
      new Blob([`email,score,responded at\nup-${s}@example.test,9,2026-04-02\n`], {
        type: "text/csv",
      }),
      "april.csv",
    );
    const res = await c.request(IMPORT, {
      method: "POST",
      body: form,
      headers: { Origin: server.url },
    });
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body.fileName).toBe("april.csv");
    expect(body.preview.counts.new).toBe(1);
  });

  it("refuses a file without the required columns, and reports bad rows one by one", async () => {
    const { c } = await signedInAs("manager");
    const before = await countResponses();
    const missing = await c.post(IMPORT, {
      intent: "preview",
      csv: "email,name\nx@example.test,X\n",
    });
    expect(missing.status).toBe(400);
    expect((await missing.json()).formError).toMatch(/no “score”, “responded at” columns/);

    const s = uniqueSuffix();
    const csv = [
      "email,score,responded at",
      `ok-${s}@example.test,9,2026-03-01`,
      `not-an-email,9,2026-03-01`,
      `hi-${s}@example.test,11,2026-03-01`,
      `d-${s}@example.test,7,03/04/2026`,
      `ok-${s}@example.test,4,2026-03-01`,
    ].join("\n");
    const body = await (await c.post(IMPORT, { intent: "preview", csv })).json();
    const problems = body.preview.rows.filter((r: { status: string }) => r.status === "problem");
    expect(problems.map((r: { line: number }) => r.line)).toEqual([3, 4, 5, 6]);
    expect(problems[0].errors[0]).toMatch(/not an email/);
    expect(problems[1].errors[0]).toMatch(/0 to 10/);
    expect(problems[2].errors[0]).toMatch(/not a date/);
    expect(problems[3].errors[0]).toMatch(/Repeats line 2/);

    // Without the manager's confirmation to leave bad rows out, nothing is written.
    const refused = await c.post(IMPORT, { intent: "import", csv });
    expect(refused.status).toBe(400);
    expect((await refused.json()).formError).toMatch(/4 rows have problems.*Nothing was imported/);
    expect(await countResponses()).toBe(before);

    const confirmed = await c.post("/manage/promoters/import", {
      intent: "import",
      csv,
      skipProblems: "on",
    });
    expect(confirmed.status).toBe(302);
    expect(await countResponses()).toBe(before + 1);
  });

  it("adds a single response by hand and refuses a duplicate or a bad score", async () => {
    const { c } = await signedInAs("manager");
    const email = `one-${uniqueSuffix()}@example.test`;
    const fields = {
      intent: "add",
      email,
      name: "One",
      company: "",
      score: "9",
      comment: "",
      respondedAt: "2026-02-02",
    };
    expect((await c.post("/manage/promoters/import", fields)).status).toBe(302);
    const dup = await c.post(IMPORT, fields);
    expect(dup.status).toBe(409);
    const bad = await c.post(IMPORT, { ...fields, email: `x-${email}`, score: "12" });
    expect(bad.status).toBe(400);
    expect((await bad.json()).fieldErrors.score).toMatch(/0 to 10/);
  });

  it("is for managers only", async () => {
    for (const role of ["advocate", "prospect"] as const) {
      const { c } = await signedInAs(role);
      expect(
        (await c.post(IMPORT, { intent: "preview", csv: "email,score,responded at\n" })).status,
      ).toBe(403);
      expect((await c.get("/manage/promoters")).status).toBe(403);
      expect((await c.get("/manage")).status).toBe(403);
    }
  });
});

describe("NPS and the promoter pipeline", () => {
  it("computes NPS overall and per month from the stored responses", async () => {
    const { c } = await signedInAs("manager");
    const s = uniqueSuffix();
    // A month far from any other test's rows: 2 promoters, 1 passive, 1 detractor → NPS 25.
    const csv = [
      "email,score,responded at",
      `p1-${s}@example.test,10,2025-01-05`,
      `p2-${s}@example.test,9,2025-01-06`,
      `pa-${s}@example.test,7,2025-01-07`,
      `de-${s}@example.test,6,2025-01-08`,
    ].join("\n");
    await c.post("/manage/promoters/import", { intent: "import", csv });
    const { npsSummary } = await import("../../app/modules/promoters/survey.server.ts");
    const summary = await npsSummary(handle.db, {
      now: new Date("2025-01-31T00:00:00Z"),
      months: 2,
    });
    expect(summary.monthly.find((m) => m.month === "2025-01")).toMatchObject({
      promoters: 2,
      passives: 1,
      detractors: 1,
      nps: 25,
    });
    const page = await (
      await c.get("/manage/promoters?_data=routes%2Fmanage.promoters._index")
    ).json();
    expect(page.rows.some((r: { email: string }) => r.email === `p1-${s}@example.test`)).toBe(true);
    expect(page.funnel[0].key).toBe("promoters");
  });

  it("classifies a promoter by their latest answer and follows them through the stages", async () => {
    const { listPromoters } = await import("../../app/modules/promoters/pipeline.server.ts");
    const s = uniqueSuffix();
    const member = await insertUser(handle.db, {
      role: "prospect",
      email: `mem-${s}@example.test`,
    });
    await handle.db
      .insertInto("nps_responses")
      .values([
        { email: `gone-${s}@example.test`, score: 10, responded_at: "2025-02-01" },
        { email: `gone-${s}@example.test`, score: 5, responded_at: "2025-03-01" },
        { email: `out-${s}@example.test`, score: 9, responded_at: "2025-03-01" },
        { email: member.email, score: 10, responded_at: "2025-03-02" },
      ])
      .execute();
    const rows = await listPromoters(handle.db);
    const find = (email: string) => rows.find((r) => r.email === email);
    expect(find(`gone-${s}@example.test`)).toBeUndefined();
    expect(find(`out-${s}@example.test`)?.stage).toBe("not_member");
    expect(find(member.email)?.stage).toBe("member");
  });
});

describe("inviting a promoter", () => {
  async function invite(c: TestClient, email: string) {
    const res = await c.post("/manage/promoters?index&_data=routes%2Fmanage.promoters._index", {
      intent: "invite",
      email,
    });
    expect(res.status).toBe(200);
    const { invited } = await res.json();
    const token = new URL(invited.link).searchParams.get("invite")!;
    return { link: invited.link as string, token };
  }

  it("makes a single-use link; joining through it makes a verified advocate in one go", async () => {
    const { user: manager, c } = await signedInAs("manager");
    const email = `promo-${uniqueSuffix()}@example.test`;
    await handle.db
      .insertInto("nps_responses")
      .values({
        email,
        name: "Pat Promo",
        company: "Promo Works",
        score: 10,
        responded_at: new Date(),
      })
      .execute();
    const { token } = await invite(c, email);

    // Only the hash is stored.
    const stored = await handle.db
      .selectFrom("promoter_invitations")
      .selectAll()
      .where("email", "=", email)
      .executeTakeFirstOrThrow();
    expect(stored.token_hash).not.toContain(token);
    expect(stored.token_hash).toMatch(/^[0-9a-f]{64}$/);

    // The sign-up page is pre-filled.
    const visitor = client();
    const page = await visitor.get(`/signup?invite=${token}&_data=routes%2Fsignup`);
    expect(page.status).toBe(200);
    expect((await page.json()).invite).toMatchObject({ email, name: "Pat Promo" });

    const handleName = `pat-${uniqueSuffix()}`;
    const res = await visitor.post(`/signup?invite=${token}`, {
      invite: token,
      email,
      displayName: "Pat Promo",
      handle: handleName,
      password: "a long enough passphrase",
    });
    expect(res.status).toBe(302);
    const user = await handle.db
      .selectFrom("users")
      .selectAll()
      .where("handle", "=", handleName)
      .executeTakeFirstOrThrow();
    expect(user.role).toBe("advocate");
    expect(user.verified_customer_at).not.toBeNull();
    expect(user.verified_by).toBe(manager.id);
    const used = await handle.db
      .selectFrom("promoter_invitations")
      .selectAll()
      .where("id", "=", stored.id)
      .executeTakeFirstOrThrow();
    expect(used.used_by).toBe(user.id);
    const audit = await handle.db
      .selectFrom("audit_log")
      .selectAll()
      .where("subject_type", "=", "user")
      .where("subject_id", "=", String(user.id))
      .execute();
    expect(audit.map((a) => a.action)).toEqual(["user.verified_customer"]);

    // The link cannot be used twice.
    const second = client();
    const reuse = await second.post(`/signup?invite=${token}&_data=routes%2Fsignup`, {
      invite: token,
      email,
      displayName: "Someone Else",
      handle: `other-${uniqueSuffix()}`,
      password: "a long enough passphrase",
    });
    expect(reuse.status).toBe(410);
    expect((await reuse.json()).formError).toMatch(/already been used/);
    expect((await second.get(`/signup?invite=${token}&_data=routes%2Fsignup`)).status).toBe(410);
  });

  it("refuses an expired link and writes nothing", async () => {
    const { c } = await signedInAs("manager");
    const email = `late-${uniqueSuffix()}@example.test`;
    const { token } = await invite(c, email);
    await handle.db
      .updateTable("promoter_invitations")
      .set({ expires_at: new Date(Date.now() - 1000) })
      .where("email", "=", email)
      .execute();
    const handleName = `late-${uniqueSuffix()}`;
    const res = await client().post(`/signup?invite=${token}&_data=routes%2Fsignup`, {
      invite: token,
      email,
      displayName: "Late Comer",
      handle: handleName,
      password: "a long enough passphrase",
    });
    expect(res.status).toBe(410);
    expect((await res.json()).formError).toMatch(/expired/);
    const user = await handle.db
      .selectFrom("users")
      .select("id")
      .where("handle", "=", handleName)
      .executeTakeFirst();
    expect(user).toBeUndefined();
  });

  it("keeps the invitation to its email and withdraws an older link when a new one is made", async () => {
    const { c } = await signedInAs("manager");
    const email = `pair-${uniqueSuffix()}@example.test`;
    const first = await invite(c, email);
    const second = await invite(c, email);
    const old = await client().get(`/signup?invite=${first.token}&_data=routes%2Fsignup`);
    expect(old.status).toBe(410);
    const wrongEmail = await client().post(`/signup?invite=${second.token}&_data=routes%2Fsignup`, {
      invite: second.token,
      email: `someone-${uniqueSuffix()}@example.test`,
      displayName: "Wrong Email",
      handle: `wrong-${uniqueSuffix()}`,
      password: "a long enough passphrase",
    });
    expect(wrongEmail.status).toBe(410);
    expect((await wrongEmail.json()).formError).toMatch(/This invitation is for/);
  });

  it("does not invite someone who already has an account", async () => {
    const { c } = await signedInAs("manager");
    const existing = await insertUser(handle.db);
    const res = await c.post("/manage/promoters?index&_data=routes%2Fmanage.promoters._index", {
      intent: "invite",
      email: existing.email,
    });
    expect(res.status).toBe(409);
  });
});

describe("a promoter's comment", () => {
  it("starts a case-study draft for them once they are an advocate", async () => {
    const { user: manager, c } = await signedInAs("manager");
    const advocate = await insertUser(handle.db, { role: "advocate" });
    const outsider = `outsider-${uniqueSuffix()}@example.test`;
    const [theirs, notYet] = await handle.db
      .insertInto("nps_responses")
      .values([
        {
          email: advocate.email,
          score: 10,
          comment: "We cut month-end close from five days to one.",
          responded_at: new Date(),
        },
        { email: outsider, score: 9, comment: "Great support.", responded_at: new Date() },
      ])
      .returning("id")
      .execute();
    const url = "/manage/promoters?index&_data=routes%2Fmanage.promoters._index";
    expect((await c.post(url, { intent: "story", responseId: String(theirs.id) })).status).toBe(
      204,
    );
    const story = await handle.db
      .selectFrom("case_studies")
      .selectAll()
      .where("source_type", "=", "survey_response")
      .where("source_id", "=", String(theirs.id))
      .executeTakeFirstOrThrow();
    expect(story).toMatchObject({
      author_id: advocate.id,
      status: "proposed",
      started_by: manager.id,
    });
    expect(story.challenge_md).toBe("We cut month-end close from five days to one.");

    const refused = await c.post(url, { intent: "story", responseId: String(notYet.id) });
    expect(refused.status).toBe(409);
    expect((await refused.json()).formError).toMatch(/invite them first/);
  });
});
