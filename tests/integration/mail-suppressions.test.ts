import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "../../db/client.ts";
import { insertUser, uniqueSuffix } from "../support/factories.ts";
import { closeMailWorld, startMailWorld } from "../support/mail-world.ts";
import { TestClient, type TestServer } from "../support/server.ts";
import type { TestSmtp } from "../support/smtp.ts";

let handle: DbHandle;
let server: TestServer;
let smtp: TestSmtp;
const PROMOTERS = "/manage/promoters?index&_data=routes%2Fmanage.promoters._index";
const NEW_SURVEY = "/manage/promoters/surveys/new?_data=routes%2Fmanage.promoters.surveys.new";

beforeAll(async () => {
  ({ handle, smtp, server } = await startMailWorld({
    MAIL_FROM: "Northwind Community <hello@northwind.example>",
  }));
});
afterAll(() => closeMailWorld({ handle, smtp, server }));

const mailsTo = (email: string) =>
  smtp.received.filter((m) => (m.to && "text" in m.to ? m.to.text : "").includes(email));
const rawHeader = (mail: (typeof smtp.received)[number], name: string) =>
  mail.headerLines
    .find((h) => h.key === name)
    ?.line.replace(/^[^:]+:\s*/, "")
    .replace(/\r?\n\s+/g, " ");

async function manager() {
  const user = await insertUser(handle.db, { role: "manager" });
  return new TestClient(server.url).signIn(user.email);
}

async function promoter() {
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
  return email;
}

const invitationsTo = (email: string) =>
  handle.db.selectFrom("promoter_invitations").select("id").where("email", "=", email).execute();
const suppressionsOf = (email: string) =>
  handle.db.selectFrom("mail_suppressions").selectAll().where("email", "=", email).execute();

/** Invites a promoter, delivers, and returns the https unsubscribe path of the mail they got. */
async function invitedAndMailed(c: TestClient, email: string) {
  expect((await c.post(PROMOTERS, { intent: "invite", email })).status).toBe(200);
  await server.outbox.runOnce();
  await smtp.waitFor(smtp.received.length);
  const [mail] = mailsTo(email);
  const header = rawHeader(mail, "list-unsubscribe") ?? "";
  const match =
    /^<(http:\/\/community\.test\/unsubscribe\/a\.[\w-]+\.invitations\.[\w-]{43})>, <mailto:unsubscribe@northwind\.example\?subject=unsubscribe>$/.exec(
      header,
    );
  expect(match, header).not.toBeNull();
  expect(rawHeader(mail, "list-unsubscribe-post")).toBe("List-Unsubscribe=One-Click");
  expect(mail.text).toContain(match![1]);
  expect(mail.text).toContain("no account is needed");
  return new URL(match![1]).pathname;
}

describe("unsubscribing without an account", () => {
  it("one-click POST stops invitations to the address; single and bulk invitations are refused or skipped", async () => {
    const c = await manager();
    const email = await promoter();
    const path = await invitedAndMailed(c, email);

    const visitor = new TestClient(server.url);
    const page = await visitor.get(path);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain("invitations to join the community");
    // Looking at the page changes nothing.
    expect(await suppressionsOf(email)).toEqual([]);

    const oneClick = await visitor.post(path, { "List-Unsubscribe": "One-Click" });
    expect(oneClick.status).toBe(200);
    expect((await suppressionsOf(email)).map((s) => [s.scope, s.source])).toEqual([
      ["invitations", "one_click"],
    ]);

    const again = await c.post(PROMOTERS, { intent: "invite", email });
    expect(again.status).toBe(409);
    expect(JSON.stringify(await again.json())).toContain(
      `${email} unsubscribed from invitations to join the community`,
    );
    expect((await invitationsTo(email)).length).toBe(1);

    const bulk = await c.request(PROMOTERS, {
      method: "POST",
      headers: { Origin: server.url, "Content-Type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams([
        ["intent", "inviteMany"],
        ["email", email],
      ]).toString(),
    });
    expect(bulk.headers.get("x-remix-redirect")).toBeTruthy();
    expect((await invitationsTo(email)).length).toBe(1);
    await server.outbox.runOnce();
    expect(mailsTo(email).length).toBe(1);

    const list = await c.get(
      "/manage/promoters/unsubscribed?_data=routes%2Fmanage.promoters.unsubscribed",
    );
    expect(list.status).toBe(200);
    expect(JSON.stringify(await list.json())).toContain(email);
  });

  it("answers a bad signature with 400 and writes nothing", async () => {
    const c = await manager();
    const email = await promoter();
    const path = await invitedAndMailed(c, email);
    const forged = path.replace(/\.[\w-]{43}$/, `.${"A".repeat(43)}`);
    const otherAddress = path.replace(
      /\/a\.[\w-]+\./,
      `/a.${Buffer.from("someone@example.test").toString("base64url")}.`,
    );
    const otherGroup = path.replace(".invitations.", ".surveys.");
    const visitor = new TestClient(server.url);
    for (const bad of [forged, otherAddress, otherGroup, "/unsubscribe/a.nonsense"]) {
      const page = await visitor.get(bad);
      expect(page.status, bad).toBe(400);
      const html = await page.text();
      expect(html).toContain("This unsubscribe link is not one we sent");
      // An address without an account has no settings to be sent to.
      expect(html, bad).not.toContain('href="/settings/email"');
      expect((await visitor.post(bad, { "List-Unsubscribe": "One-Click" })).status, bad).toBe(400);
      expect((await visitor.post(bad, { scope: "all" })).status, bad).toBe(400);
    }
    expect(await suppressionsOf(email)).toEqual([]);
    expect(await suppressionsOf("someone@example.test")).toEqual([]);
  });

  it("the page's 'stop all' button keeps surveys away too: refused alone, left out and named in a list", async () => {
    const c = await manager();
    const email = await promoter();
    const other = await promoter();
    const path = await invitedAndMailed(c, email);
    const done = await new TestClient(server.url).post(path, { scope: "all" });
    expect(done.status).toBe(200);
    expect((await suppressionsOf(email)).map((s) => [s.scope, s.source])).toEqual([
      ["all", "link"],
    ]);
    const surveysBefore = await handle.db.selectFrom("nps_surveys").select("id").execute();

    // Only unsubscribed people: refused, and no survey is written.
    const refused = await c.post(NEW_SURVEY, {
      name: `Only them ${uniqueSuffix()}`,
      question: "How likely are you to recommend us to a colleague?",
      audience: "list",
      emails: email,
      sendAt: "",
      followUp: "",
    });
    expect(refused.status).toBe(409);
    expect(JSON.stringify(await refused.json())).toContain(
      `${email} unsubscribed from invitations and surveys`,
    );
    expect((await handle.db.selectFrom("nps_surveys").select("id").execute()).length).toBe(
      surveysBefore.length,
    );

    // With someone else: they are surveyed, the unsubscribed address is left out and named.
    const sent = await c.post(NEW_SURVEY, {
      name: `Mixed ${uniqueSuffix()}`,
      question: "How likely are you to recommend us to a colleague?",
      audience: "list",
      emails: `${email}\n${other}`,
      sendAt: "",
      followUp: "",
    });
    expect(sent.status).toBe(204);
    const recipients = await handle.db
      .selectFrom("nps_survey_recipients")
      .select("email")
      .where("email", "in", [email, other])
      .execute();
    expect(recipients.map((r) => r.email)).toEqual([other]);
    await server.outbox.runOnce();
    await smtp.waitFor(smtp.received.length);
    const surveyMail = mailsTo(other).find((m) => m.subject === "One question, from 0 to 10");
    expect(rawHeader(surveyMail!, "list-unsubscribe")).toMatch(
      /\/unsubscribe\/a\.[\w-]+\.surveys\./,
    );
    expect(mailsTo(email).map((m) => m.subject)).toEqual([
      "You are invited to our customer community on Limelight",
    ]);
  });
});
