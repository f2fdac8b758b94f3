import { afterAll, beforeAll, describe, expect, it } from "vitest";
import pino from "pino";
import type { DbHandle } from "../../db/client.ts";
import { siteFromEnv } from "../../app/modules/mail/settings.ts";
import { runMailSweeps } from "../../server/sweeps.ts";
import { insertUser, uniqueSuffix } from "../support/factories.ts";
import { TestClient, type TestServer } from "../support/server.ts";
import type { TestSmtp } from "../support/smtp.ts";
import { closeMailWorld, startMailWorld } from "../support/mail-world.ts";

let handle: DbHandle;
let server: TestServer;
let smtp: TestSmtp;
const DAY = 86_400_000;
const ROUTE = "/manage/promoters?index&_data=routes%2Fmanage.promoters._index";

beforeAll(async () => {
  ({ handle, smtp, server } = await startMailWorld({ PROMOTER_REMINDER_DAYS: "3,7" }));
});
afterAll(() => closeMailWorld({ handle, smtp, server }));

const mailsTo = (email: string) =>
  smtp.received.filter((m) => (m.to && "text" in m.to ? m.to.text : "").includes(email));
const inviteLink = (text: string) => {
  const match = /http:\/\/community\.test\/signup\?invite=([a-z2-7]{32})/.exec(text);
  if (!match) throw new Error(`no invitation link in:\n${text}`);
  return { url: match[0], token: match[1] };
};

const quiet = pino({ level: "silent" });
/** The minute sweep as of `now` (where reminders are decided), then one delivery round. */
async function sweepAndDeliver(now: Date) {
  await runMailSweeps(handle.db, quiet, siteFromEnv(server.env), now, {
    reminderDays: server.env.PROMOTER_REMINDER_DAYS,
  });
  await server.outbox.runOnce();
}

async function manager() {
  const user = await insertUser(handle.db, { role: "manager" });
  return new TestClient(server.url).signIn(user.email);
}

async function promoter(name = "Pat Promo") {
  const email = `promo-${uniqueSuffix()}@example.test`;
  await handle.db
    .insertInto("nps_responses")
    .values({ email, name, company: "Promo Works", score: 10, responded_at: new Date() })
    .execute();
  return email;
}

function postMany(c: TestClient, fields: [string, string][]) {
  return c.request(ROUTE, {
    method: "POST",
    headers: { Origin: server.url, "Content-Type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams(fields).toString(),
  });
}

async function joinThrough(token: string, email: string) {
  return new TestClient(server.url).post(`/signup?invite=${token}&_data=routes%2Fsignup`, {
    invite: token,
    email,
    displayName: "Pat Promo",
    handle: `pat${uniqueSuffix().replace(/\W/g, "").slice(-10)}`,
    password: "a long enough passphrase here",
  });
}

/** Invites one promoter through the page and returns the invitation's row. */
async function invited(c: TestClient, email: string) {
  const res = await c.post(ROUTE, { intent: "invite", email });
  expect(res.status).toBe(200);
  return handle.db
    .selectFrom("promoter_invitations")
    .selectAll()
    .where("email", "=", email)
    .orderBy("id", "desc")
    .executeTakeFirstOrThrow();
}

describe("promoter invitations by email", () => {
  it("emails the invitation, whose link makes a verified advocate", async () => {
    const c = await manager();
    const email = await promoter();
    await invited(c, email);
    await server.outbox.runOnce();
    await smtp.waitFor(smtp.received.length);
    const [mail] = mailsTo(email);
    expect(mail.subject).toBe("You are invited to our customer community on Limelight");
    expect(mail.text).toContain("Hi Pat Promo,");
    expect(mail.text).toContain("Promo Works");
    const { url, token } = inviteLink(mail.text ?? "");
    expect(mail.html).toContain(url.replace(/&/g, "&amp;"));

    const joined = await joinThrough(token, email);
    expect(joined.status).toBe(204);
    const user = await handle.db
      .selectFrom("users")
      .selectAll()
      .where("email", "=", email)
      .executeTakeFirstOrThrow();
    expect(user.role).toBe("advocate");
    expect(user.verified_customer_at).not.toBeNull();
  });

  it("sends reminders after the configured days, once each, with links that work", async () => {
    const c = await manager();
    const email = await promoter();
    const invitation = await invited(c, email);
    const sent = new Date(invitation.created_at).getTime();
    const before = () => mailsTo(email).length;

    await sweepAndDeliver(new Date(sent + 2 * DAY));
    expect(before()).toBe(1);
    await sweepAndDeliver(new Date(sent + 3 * DAY + 60_000));
    await smtp.waitFor(smtp.received.length);
    expect(mailsTo(email).map((m) => m.subject)).toEqual([
      "You are invited to our customer community on Limelight",
      "Your invitation to our customer community is still open",
    ]);
    // The same day again sends nothing more.
    await sweepAndDeliver(new Date(sent + 4 * DAY));
    expect(before()).toBe(2);
    await sweepAndDeliver(new Date(sent + 8 * DAY));
    expect(before()).toBe(3);
    await sweepAndDeliver(new Date(sent + 12 * DAY));
    expect(before()).toBe(3);

    // The first link and the reminder's both still open the invitation.
    const [first, , last] = mailsTo(email);
    for (const m of [first, last]) {
      const page = await new TestClient(server.url).get(
        `/signup?invite=${inviteLink(m.text ?? "").token}&_data=routes%2Fsignup`,
      );
      expect(page.status).toBe(200);
    }
    expect((await joinThrough(inviteLink(last.text ?? "").token, email)).status).toBe(204);
  });

  it("stops reminding once the person joins or the invitation is withdrawn", async () => {
    const c = await manager();
    const joiner = await promoter();
    const withdrawn = await promoter();
    const a = await invited(c, joiner);
    const b = await invited(c, withdrawn);
    await server.outbox.runOnce();
    await smtp.waitFor(smtp.received.length);
    expect(
      (await joinThrough(inviteLink(mailsTo(joiner)[0].text ?? "").token, joiner)).status,
    ).toBe(204);
    const revoke = await c.post(ROUTE, { intent: "revoke", invitationId: String(b.id) });
    expect(revoke.headers.get("x-remix-redirect")).toBeTruthy();

    const later = new Date(new Date(a.created_at).getTime() + 5 * DAY);
    await sweepAndDeliver(later);
    expect(mailsTo(joiner).length).toBe(1);
    expect(mailsTo(withdrawn).length).toBe(1);
  });

  it("does not remind a person who signed up without the link", async () => {
    const c = await manager();
    const email = await promoter();
    const invitation = await invited(c, email);
    await insertUser(handle.db, { email, role: "prospect" });
    await sweepAndDeliver(new Date(new Date(invitation.created_at).getTime() + 9 * DAY));
    expect(mailsTo(email).map((m) => m.subject)).toEqual([
      "You are invited to our customer community on Limelight",
    ]);
  });
});

describe("inviting many promoters at once", () => {
  it("previews the message, then sends one invitation each to the selected promoters", async () => {
    const c = await manager();
    const one = await promoter("Ada One");
    const two = await promoter("Bo Two");
    const member = await insertUser(handle.db, { role: "advocate" });

    const preview = await postMany(c, [
      ["intent", "preview"],
      ["email", one],
      ["email", two],
    ]);
    expect(preview.status).toBe(200);
    const body = await preview.json();
    expect(body.preview.emails.sort()).toEqual([one, two].sort());
    expect(body.preview.subject).toBe("You are invited to our customer community on Limelight");
    expect(body.preview.html).toContain("Join the community");
    // A preview sends nothing and stores nothing.
    expect(
      await handle.db
        .selectFrom("promoter_invitations")
        .select("id")
        .where("email", "in", [one, two])
        .execute(),
    ).toEqual([]);

    const sent = await postMany(c, [
      ["intent", "inviteMany"],
      ["email", one],
      ["email", two],
      ["email", member.email],
    ]);
    expect(sent.headers.get("x-remix-redirect")).toBeTruthy();
    await server.outbox.runOnce();
    await smtp.waitFor(smtp.received.length);
    expect(mailsTo(one).length).toBe(1);
    expect(mailsTo(two).length).toBe(1);
    expect(mailsTo(member.email).length).toBe(0);
    const tokens = [one, two].map((e) => inviteLink(mailsTo(e)[0].text ?? "").token);
    expect(new Set(tokens).size).toBe(2);
    const audit = await handle.db
      .selectFrom("audit_log")
      .select("details")
      .where("action", "=", "promoter.invited")
      .execute();
    const emails = audit.map((a) => (a.details as { email?: string } | null)?.email);
    expect(emails).toEqual(expect.arrayContaining([one, two]));
  });

  it("invites every promoter not yet invited, and nobody twice", async () => {
    const c = await manager();
    const fresh = await promoter();
    const already = await promoter();
    await invited(c, already);
    const sent = await postMany(c, [
      ["intent", "inviteMany"],
      ["all", "1"],
    ]);
    expect(sent.headers.get("x-remix-redirect")).toBeTruthy();
    const rows = await handle.db
      .selectFrom("promoter_invitations")
      .select(["email"])
      .where("email", "in", [fresh, already])
      .execute();
    expect(rows.filter((r) => r.email === fresh).length).toBe(1);
    expect(rows.filter((r) => r.email === already).length).toBe(1);
  });

  it("refuses an empty selection or a bad address, and changes nothing", async () => {
    const c = await manager();
    expect((await postMany(c, [["intent", "inviteMany"]])).status).toBe(400);
    const bad = await postMany(c, [
      ["intent", "inviteMany"],
      ["email", "not an address"],
    ]);
    expect(bad.status).toBe(400);
    expect((await bad.json()).formError).toMatch(/email/i);
    const advocate = await insertUser(handle.db, { role: "advocate" });
    const forbidden = await postMany(await new TestClient(server.url).signIn(advocate.email), [
      ["intent", "inviteMany"],
      ["all", "1"],
    ]);
    expect(forbidden.status).toBe(403);
  });
});
