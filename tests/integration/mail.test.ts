import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "../../db/client.ts";
import { defineCommand, contextFor } from "../../app/modules/commands/command.server.ts";
import { composeEmail } from "../../app/modules/mail/compose.server.ts";
import { PasswordResetEmail } from "../../app/modules/mail/templates/account.tsx";
import { sendLater } from "../../app/modules/outbox/queue.server.ts";
import { claimDue, deliverDue, outboxGauges } from "../../app/modules/outbox/worker.server.ts";
import { emailTransport } from "../../server/outbox.ts";
import { createTestDb } from "../support/db.ts";
import { insertUser, TEST_PASSWORD } from "../support/factories.ts";
import { startTestServer, TestClient, type TestServer } from "../support/server.ts";
import type { TestSmtp } from "../support/smtp.ts";
import { closeMailWorld, startMailWorld } from "../support/mail-world.ts";
import pino from "pino";

let handle: DbHandle;
let server: TestServer;
let smtp: TestSmtp;
const PUBLIC_URL = "http://community.test";

beforeAll(async () => {
  ({ handle, smtp, server } = await startMailWorld());
});

afterAll(() => closeMailWorld({ handle, smtp, server }));

const messagesTo = (email: string) =>
  handle.db
    .selectFrom("outbox_messages")
    .selectAll()
    .where("recipient", "=", email)
    .orderBy("id")
    .execute();

const linkIn = (text: string) => {
  const match = /http:\/\/community\.test\/reset-password\/([A-Za-z0-9_-]+)/.exec(text);
  if (!match) throw new Error(`no reset link in:\n${text}`);
  return { url: match[0], path: new URL(match[0]).pathname };
};

describe("forgot password, through a real SMTP server", () => {
  it("mails a single-use link that sets a new password and signs every session out", async () => {
    const user = await insertUser(handle.db, { role: "advocate" });
    const elsewhere = await new TestClient(server.url).signIn(user.email);

    const visitor = new TestClient(server.url);
    const asked = await visitor.post("/forgot-password?_data=routes%2Fforgot-password", {
      email: user.email.toUpperCase(),
    });
    expect(asked.status).toBe(200);
    expect(await asked.json()).toEqual({ sent: user.email });

    // Committed with the request, delivered after it by the worker.
    expect((await messagesTo(user.email)).map((m) => m.status)).toEqual(["queued"]);
    await server.outbox.runOnce();
    const [mail] = await smtp.waitFor(1);
    expect(mail.subject).toBe("Choose a new password for Limelight");
    expect(mail.to && "text" in mail.to ? mail.to.text : "").toContain(user.email);
    expect(mail.html).not.toMatch(/<img/i);
    const link = linkIn(mail.text ?? "");
    expect(mail.html).toContain(link.url);

    expect((await visitor.get(link.path)).status).toBe(200);
    const weak = await visitor.post(`${link.path}?_data=routes%2Freset-password.%24token`, {
      password: "short",
      confirm: "short",
    });
    expect(weak.status).toBe(400);
    expect((await weak.json()).fieldErrors.password).toMatch(/at least/);

    const done = await visitor.post(link.path, {
      password: "a brand new passphrase",
      confirm: "a brand new passphrase",
    });
    expect(done.status).toBe(302);
    expect(done.headers.get("location")).toBe("/login");

    // The session elsewhere is gone; the old password no longer works; the new one does.
    const stale = await elsewhere.get("/settings");
    expect(stale.status).toBe(302);
    expect(stale.headers.get("location")).toMatch(/^\/login/);
    const old = await new TestClient(server.url).post("/login?_data=routes%2Flogin", {
      email: user.email,
      password: TEST_PASSWORD,
    });
    expect(old.status).toBe(401);
    const fresh = await new TestClient(server.url).post("/login?_data=routes%2Flogin", {
      email: user.email,
      password: "a brand new passphrase",
    });
    expect(fresh.status).toBe(204);

    // The link worked once.
    expect((await visitor.get(link.path)).status).toBe(410);
    const again = await visitor.post(`${link.path}?_data=routes%2Freset-password.%24token`, {
      password: "yet another passphrase",
      confirm: "yet another passphrase",
    });
    expect(again.status).toBe(410);

    // And the owner hears that the password changed.
    await server.outbox.runOnce();
    const mails = await smtp.waitFor(2);
    expect(mails[1].subject).toBe("Your Limelight password was changed");
  });

  it("answers an unknown address exactly like a known one, and sends nothing", async () => {
    const before = smtp.received.length;
    const res = await new TestClient(server.url).post(
      "/forgot-password?_data=routes%2Fforgot-password",
      { email: "nobody-here@example.test" },
    );
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ sent: "nobody-here@example.test" });
    expect(await messagesTo("nobody-here@example.test")).toEqual([]);
    await server.outbox.runOnce();
    expect(smtp.received.length).toBe(before);
  });

  it("refuses an expired link and a malformed address with a clear message", async () => {
    const user = await insertUser(handle.db);
    const client = new TestClient(server.url);
    await client.post("/forgot-password", { email: user.email });
    const [message] = await messagesTo(user.email);
    const link = linkIn(message.payload.text);
    await handle.db
      .updateTable("password_resets")
      .set({ expires_at: new Date(Date.now() - 1000) })
      .where("user_id", "=", user.id)
      .execute();
    expect((await client.get(link.path)).status).toBe(410);
    expect((await client.get("/reset-password/not-a-token")).status).toBe(410);

    const bad = await client.post("/forgot-password?_data=routes%2Fforgot-password", {
      email: "not an address",
    });
    expect(bad.status).toBe(400);
    expect((await bad.json()).fieldErrors.email).toMatch(/valid email/);
  });
});

describe("reference requests", () => {
  it("email the advocate who was asked, with who asks and the topic but no contact details", async () => {
    const advocate = await insertUser(handle.db, { role: "advocate" });
    await handle.db
      .updateTable("profiles")
      .set({ open_to_references: true })
      .where("user_id", "=", advocate.id)
      .execute();
    const prospect = await insertUser(handle.db, { role: "prospect" });
    await handle.db
      .updateTable("profiles")
      .set({ company: "Northwind Health" })
      .where("user_id", "=", prospect.id)
      .execute();
    const asking = await new TestClient(server.url).signIn(prospect.email);
    const res = await asking.post(`/references/new?advocate=${advocate.handle}`, {
      topic: "Rolling out SSO to 4,000 staff",
      context: "We start in March.",
      preferredTimes: "",
    });
    expect(res.status).toBe(302);

    const before = smtp.received.length;
    await server.outbox.runOnce();
    const [mail] = (await smtp.waitFor(before + 1)).slice(before);
    expect(mail.subject).toBe(`${prospect.display_name} would like to talk with you`);
    expect(mail.to && "text" in mail.to ? mail.to.text : "").toContain(advocate.email);
    expect(mail.text).toContain("Rolling out SSO to 4,000 staff");
    expect(mail.text).toContain("Northwind Health");
    expect(mail.text).toMatch(/http:\/\/community\.test\/references\/\d+/);
    // Contact details are shared on the site, and only after the advocate accepts.
    expect(mail.text).not.toContain(prospect.email);
    expect(mail.html).not.toContain(prospect.email);
  });
});

describe("the outbox", () => {
  const noteTo = (to: string, key: string) =>
    composeEmail(
      { publicUrl: PUBLIC_URL, mailFrom: "Limelight <community@community.test>" },
      {
        to,
        userId: null,
        kind: "test_note",
        idempotencyKey: key,
        subject: `A note for ${to}`,
        template: PasswordResetEmail({ name: "Test", link: `${PUBLIC_URL}/x` }),
      },
    );

  const sendNote = defineCommand({
    name: "test.note",
    async run(_trx, { to, key, fail }: { to: string; key: string; fail?: boolean }, { effects }) {
      sendLater(effects, () => noteTo(to, key));
      if (fail) throw new Error("the decision failed after composing its message");
    },
  });

  it("keeps no message when the decision fails, and one when it commits, even if sent twice", async () => {
    await expect(
      sendNote(contextFor(handle.db, null), { to: "fail@example.test", key: "k-fail", fail: true }),
    ).rejects.toThrow(/decision failed/);
    expect(await messagesTo("fail@example.test")).toEqual([]);

    await sendNote(contextFor(handle.db, null), { to: "once@example.test", key: "k-once" });
    await sendNote(contextFor(handle.db, null), { to: "once@example.test", key: "k-once" });
    expect(await messagesTo("once@example.test")).toHaveLength(1);
  });

  it("retries a refused message and delivers exactly one copy", async () => {
    // Whatever earlier tests left waiting goes first, so the refusal falls on this message.
    await server.outbox.runOnce();
    await sendNote(contextFor(handle.db, null), { to: "busy@example.test", key: "k-busy" });
    const before = smtp.received.length;
    smtp.refuseNext(1);
    await server.outbox.runOnce();
    let [row] = await messagesTo("busy@example.test");
    expect(row.status).toBe("queued");
    expect(row.last_error).toMatch(/451/);
    expect(new Date(row.next_attempt_at).getTime()).toBeGreaterThan(Date.now());

    await handle.db
      .updateTable("outbox_messages")
      .set({ next_attempt_at: new Date() })
      .where("id", "=", row.id)
      .execute();
    await server.outbox.runOnce();
    await server.outbox.runOnce();
    [row] = await messagesTo("busy@example.test");
    expect(row.status).toBe("sent");
    const copies = smtp.received
      .slice(before)
      .filter((m) => m.subject === "A note for busy@example.test");
    expect(copies).toHaveLength(1);
    const attempts = await handle.db
      .selectFrom("outbox_attempts")
      .select(["ok"])
      .where("message_id", "=", row.id)
      .orderBy("id")
      .execute();
    expect(attempts.map((a) => a.ok)).toEqual([false, true]);
  });

  it("takes over a message whose worker died mid-send, once its lease runs out", async () => {
    await sendNote(contextFor(handle.db, null), { to: "orphan@example.test", key: "k-orphan" });
    // A worker claims it and dies before sending (its claim is never settled).
    const claimed = await claimDue(handle.db, { leaseMs: 200 });
    expect(claimed.map((m) => m.recipient)).toContain("orphan@example.test");
    await server.outbox.runOnce();
    expect((await messagesTo("orphan@example.test"))[0].status).toBe("sending");

    await new Promise((r) => setTimeout(r, 300));
    const before = smtp.received.length;
    await server.outbox.runOnce();
    const [row] = await messagesTo("orphan@example.test");
    expect(row.status).toBe("sent");
    expect(smtp.received.slice(before).map((m) => m.subject)).toEqual([
      "A note for orphan@example.test",
    ]);
  });

  it("gives up after its last try, shows the failure to admins, and sends again when asked", async () => {
    await sendNote(contextFor(handle.db, null), { to: "down@example.test", key: "k-down" });
    await handle.db
      .updateTable("outbox_messages")
      .set({ max_attempts: 1 })
      .where("recipient", "=", "down@example.test")
      .execute();
    // A mail server that is not there.
    const nowhere = emailTransport({ SMTP_URL: "smtp://127.0.0.1:9" }, pino({ level: "silent" }));
    await deliverDue(handle.db, { email: nowhere, webhook: undefined });
    const [row] = await messagesTo("down@example.test");
    expect(row.status).toBe("failed");
    expect(row.last_error).toBeTruthy();

    const admin = await insertUser(handle.db, { role: "admin" });
    const manager = await insertUser(handle.db, { role: "manager" });
    const asAdmin = await new TestClient(server.url).signIn(admin.email);
    const asManager = await new TestClient(server.url).signIn(manager.email);
    expect((await asManager.get("/manage/outbox")).status).toBe(403);
    const list = await asAdmin.get("/manage/outbox?status=failed");
    expect(list.status).toBe(200);
    expect(await list.text()).toContain("A note for down@example.test");

    expect((await asManager.post(`/manage/outbox/${row.id}`, {})).status).toBe(403);
    expect((await asAdmin.post(`/manage/outbox/${row.id}`, {})).status).toBe(302);
    expect((await messagesTo("down@example.test"))[0].status).toBe("queued");
    const twice = await asAdmin.post(
      `/manage/outbox/${row.id}?_data=routes%2Fmanage.outbox.%24id`,
      {},
    );
    expect(twice.status).toBe(409);
    await server.outbox.runOnce();
    expect((await messagesTo("down@example.test"))[0].status).toBe("sent");
    expect((await asAdmin.get("/manage/outbox/3000000000")).status).toBe(404);
  });
});

describe("the outbox's figures", () => {
  it("counts messages by state and ages the oldest waiting one", async () => {
    await handle.db
      .insertInto("outbox_messages")
      .values({
        channel: "email",
        idempotency_key: "k-waiting",
        kind: "test_note",
        recipient: "waiting@example.test",
        user_id: null,
        subject: "Waiting",
        payload: JSON.stringify((await messagesTo("once@example.test"))[0].payload),
        created_at: new Date(Date.now() - 120_000),
        next_attempt_at: new Date(Date.now() + 3_600_000),
      })
      .execute();
    const rows = await handle.db.selectFrom("outbox_messages").select("status").execute();
    const gauges = await outboxGauges(handle.db);
    expect(gauges.sent).toBe(rows.filter((r) => r.status === "sent").length);
    expect(gauges.failed).toBe(rows.filter((r) => r.status === "failed").length);
    expect(gauges.queued).toBeGreaterThanOrEqual(1);
    expect(gauges.oldestQueuedSeconds).toBeGreaterThanOrEqual(119);
  });
});

describe("without a mail server", () => {
  it("keeps each message in full for admins to read", async () => {
    const db = await createTestDb();
    const quiet = await startTestServer(db, { OUTBOX_POLL_MS: "600000" });
    try {
      const user = await insertUser(db.db);
      await new TestClient(quiet.url).post("/forgot-password", { email: user.email });
      await quiet.outbox.runOnce();
      const [row] = await db.db
        .selectFrom("outbox_messages")
        .selectAll()
        .where("recipient", "=", user.email)
        .execute();
      expect(row.status).toBe("kept");
      const admin = await insertUser(db.db, { role: "admin" });
      const page = await (
        await new TestClient(quiet.url).signIn(admin.email)
      ).get(`/manage/outbox/${row.id}`);
      const html = await page.text();
      expect(page.status).toBe(200);
      expect(html).toContain("Choose a new password for Limelight");
      expect(html).toContain("/reset-password/");
    } finally {
      await quiet.close();
      await db.close();
    }
  });

  it("finds the messages to one recipient among many, with LIKE's wildcards taken literally", async () => {
    const db = await createTestDb();
    const quiet = await startTestServer(db, { OUTBOX_POLL_MS: "600000" });
    try {
      const ana = await insertUser(db.db, { email: "ana_lopez@example.test" });
      const other = await insertUser(db.db, { email: "anaxlopez@example.test" });
      const visitor = new TestClient(quiet.url);
      for (const user of [ana, other])
        await visitor.post("/forgot-password", { email: user.email });
      const admin = await new TestClient(quiet.url).signIn(
        (await insertUser(db.db, { role: "admin" })).email,
      );
      const recipients = async (query: string) => {
        const res = await admin.get(`/manage/outbox?${query}&_data=routes%2Fmanage.outbox._index`);
        expect(res.status).toBe(200);
        const body = (await res.json()) as { rows: { recipient: string }[]; to: string | null };
        return { to: body.to, recipients: body.rows.map((r) => r.recipient) };
      };

      // "_" would match any character in a LIKE pattern; here it means only "_".
      expect(await recipients("to=ANA_lopez")).toEqual({
        to: "ANA_lopez",
        recipients: ["ana_lopez@example.test"],
      });
      expect((await recipients("to=lopez%40example")).recipients).toHaveLength(2);
      expect((await recipients("to=%25")).recipients).toEqual([]);
      expect((await recipients("to=lopez&status=sent")).recipients).toEqual([]);
      // A blank or absurdly long filter is no filter, or cut to an address's length.
      expect((await recipients("to=%20%20")).to).toBeNull();
      expect((await recipients(`to=${"a".repeat(5000)}`)).to).toHaveLength(254);

      const page = await (await admin.get("/manage/outbox?to=nobody-here")).text();
      expect(page).toContain("No messages to that address");
    } finally {
      await quiet.close();
      await db.close();
    }
  });
});
