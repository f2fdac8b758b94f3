import type { ParsedMail } from "mailparser";
import { createElement } from "react";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "../../db/client.ts";
import type { Role } from "../../db/schema.ts";
import { contextFor, defineCommand } from "../../app/modules/commands/command.server.ts";
import { acceptAnswer } from "../../app/modules/discussions/answers.server.ts";
import { createReply, createThread } from "../../app/modules/discussions/posts.server.ts";
import { createSpace } from "../../app/modules/discussions/spaces.server.ts";
import { composeEmail } from "../../app/modules/mail/compose.server.ts";
import { sendDigests } from "../../app/modules/mail/digest.server.ts";
import { MAIL_CAPS } from "../../app/modules/mail/kinds.ts";
import { saveMailPreferences } from "../../app/modules/mail/preferences.server.ts";
import { DiscussionEmail } from "../../app/modules/mail/templates/discussions.tsx";
import { readNotifications } from "../../app/modules/notifications/inbox.server.ts";
import { mailUnreadNotifications } from "../../app/modules/notifications/mail.server.ts";
import { sendLater } from "../../app/modules/outbox/queue.server.ts";
import { loadViewer } from "../../app/modules/viewer/viewer.server.ts";
import { insertUser } from "../support/factories.ts";
import { TestClient, type TestServer } from "../support/server.ts";
import type { TestSmtp } from "../support/smtp.ts";
import { closeMailWorld, startMailWorld } from "../support/mail-world.ts";

let handle: DbHandle;
let server: TestServer;
let smtp: TestSmtp;
let spaceId: number;
const PUBLIC_URL = "http://community.test";
const site = { publicUrl: PUBLIC_URL, mailFrom: "Limelight <no-reply@community.test>" };
const MINUTE = 60_000;

beforeAll(async () => {
  ({ handle, smtp, server } = await startMailWorld());
  spaceId = (
    await createSpace(contextFor(handle.db, null), {
      slug: "mail-lobby",
      name: "Mail lobby",
      description: "Where members talk.",
      colour: "#0f766e",
      position: 50,
      visibility: "members",
    })
  ).id;
});

afterAll(() => closeMailWorld({ handle, smtp, server }));

/** Some module's message of a given kind: it knows nothing about preferences. */
const notifyByMail = defineCommand({
  name: "test.mail",
  async run(
    _trx,
    input: { userId: number; email: string; kind: string; key: string },
    { effects },
  ) {
    sendLater(effects, async (_t, s) =>
      composeEmail(s, {
        to: input.email,
        userId: input.userId,
        kind: input.kind,
        idempotencyKey: input.key,
        subject: `A ${input.kind} message`,
        template: createElement(DiscussionEmail, {
          recipientName: "you",
          sentence: `Something about ${input.kind} happened`,
          excerpt: "",
          link: `${PUBLIC_URL}/somewhere`,
        }),
      }),
    );
  },
});

let n = 0;
const send = (u: { id: number; email: string }, kind: string) =>
  notifyByMail(contextFor(handle.db, null, { site }), {
    userId: u.id,
    email: u.email,
    kind,
    key: `test:${u.id}:${kind}:${n++}`,
  });

const outboxFor = (userId: number) =>
  handle.db
    .selectFrom("outbox_messages")
    .selectAll()
    .where("user_id", "=", userId)
    .orderBy("id")
    .execute();
const digestItemsFor = (userId: number) =>
  handle.db
    .selectFrom("mail_digest_items")
    .selectAll()
    .where("user_id", "=", userId)
    .orderBy("id")
    .execute();
const viewerOf = (u: { id: number; role: Role }) =>
  loadViewer(handle.db, { id: u.id, role: u.role });

/** A header as it arrived (mailparser turns List-* headers into objects). */
const rawHeader = (mail: ParsedMail, name: string) =>
  mail.headerLines
    .find((h) => h.key === name)
    ?.line.replace(/^[^:]+:\s*/, "")
    .replace(/\r?\n\s+/g, " ");

/** The https link of a List-Unsubscribe header (`<https://…>, <mailto:…>`). */
const httpsUnsubscribe = (header: string) => header.slice(1, header.indexOf(">"));

async function deliveredTo(email: string) {
  await server.outbox.runOnce();
  return smtp.received.filter((m) => (m.to && "text" in m.to ? m.to.text : "").includes(email));
}

describe("preferences decide at enqueue time", () => {
  it("sends a non-essential message alone with one-click unsubscribe headers and a signed footer link", async () => {
    const user = await insertUser(handle.db, { role: "advocate" });
    await send(user, "tier_granted");
    const [mail] = await deliveredTo(user.email);
    expect(mail.subject).toBe("A tier_granted message");
    const header = rawHeader(mail, "list-unsubscribe") ?? "";
    expect(header).toMatch(
      /^<http:\/\/community\.test\/unsubscribe\/\d+\.tier_granted\.[\w-]{43}>, <mailto:unsubscribe@community\.test\?subject=unsubscribe>$/,
    );
    expect(rawHeader(mail, "list-unsubscribe-post")).toBe("List-Unsubscribe=One-Click");
    const url = header.slice(1, header.indexOf(">"));
    expect(mail.text).toContain(url);
    expect(mail.html).toContain(url);
    expect(mail.text).not.toContain("unsubscribe-token-slot");
  });

  it("never puts an unsubscribe on essential mail", async () => {
    const user = await insertUser(handle.db, { role: "advocate" });
    await new TestClient(server.url).post("/forgot-password", { email: user.email });
    const [mail] = await deliveredTo(user.email);
    expect(mail.subject).toBe("Choose a new password for Limelight");
    expect(rawHeader(mail, "list-unsubscribe")).toBeUndefined();
    expect(rawHeader(mail, "list-unsubscribe-post")).toBeUndefined();
    expect(mail.text).not.toMatch(/unsubscribe/i);
  });

  it("offers each person only the kinds of mail that can reach them", async () => {
    const offered = async (role: "advocate" | "admin") => {
      const user = await insertUser(handle.db, { role });
      const client = await new TestClient(server.url).signIn(user.email);
      const page = await client.get("/settings/email?_data=routes%2Fsettings.email");
      return Object.keys(((await page.json()) as { kinds: Record<string, string> }).kinds);
    };
    const advocate = await offered("advocate");
    expect(advocate).toEqual(
      expect.arrayContaining(["reply", "tier_granted", "survey_invitation"]),
    );
    // Invitations reach people without an account; the team's and admins' mail is theirs alone.
    for (const kind of [
      "promoter_invitation",
      "webhook_endpoint_disabled",
      "relationship_next_step_due",
    ])
      expect(advocate).not.toContain(kind);
    expect(await offered("admin")).toEqual(
      expect.arrayContaining(["webhook_endpoint_disabled", "relationship_next_step_due"]),
    );
  });

  it("obeys /settings/email: never queues nothing, digest folds it, immediate sends", async () => {
    const user = await insertUser(handle.db, { role: "advocate" });
    const client = await new TestClient(server.url).signIn(user.email);
    expect((await client.get("/settings/email")).status).toBe(200);

    const bad = await client.post("/settings/email?_data=routes%2Fsettings.email", {
      digest: "hourly",
      tier_granted: "sometimes",
    });
    expect(bad.status).toBe(400);
    const refused = await bad.json();
    expect(refused.fieldErrors.digest).toMatch(/daily, weekly or off/);
    expect(refused.fieldErrors.tier_granted).toMatch(/immediately, in the digest, or never/);

    const page = await client.get("/settings/email?_data=routes%2Fsettings.email");
    const saved = (await page.json()) as { kinds: Record<string, string> };
    const saving = await client.post("/settings/email", {
      ...saved.kinds,
      digest: "daily",
      tier_granted: "never",
      story_reviewed: "digest",
    });
    expect(saving.status).toBe(302);

    await send(user, "tier_granted");
    await send(user, "story_reviewed");
    await send(user, "talk_decided");
    await send(user, "password_changed");
    expect((await outboxFor(user.id)).map((m) => m.kind)).toEqual([
      "talk_decided",
      "password_changed",
    ]);
    expect((await digestItemsFor(user.id)).map((i) => [i.kind, i.subject])).toEqual([
      ["story_reviewed", "A story_reviewed message"],
    ]);
  });

  it("folds immediate mail past the hourly cap into the digest", async () => {
    const user = await insertUser(handle.db, { role: "advocate" });
    for (let i = 0; i < MAIL_CAPS.perHour + 2; i++) await send(user, "speaking_decided");
    expect((await outboxFor(user.id)).length).toBe(MAIL_CAPS.perHour);
    expect((await digestItemsFor(user.id)).length).toBe(2);
    // Essential mail is never capped.
    await send(user, "password_changed");
    expect((await outboxFor(user.id)).length).toBe(MAIL_CAPS.perHour + 1);
  });
});

describe("one-click unsubscribe", () => {
  it("turns off only that kind on a one-click POST, without signing in; GET only asks", async () => {
    const user = await insertUser(handle.db, { role: "advocate" });
    await send(user, "nomination_decided");
    const [row] = await outboxFor(user.id);
    const path = new URL(httpsUnsubscribe(row.payload.headers["List-Unsubscribe"])).pathname;

    const visitor = new TestClient(server.url);
    const confirm = await visitor.get(path);
    expect(confirm.status).toBe(200);
    expect(await confirm.text()).toContain("Nominations decided");
    await send(user, "nomination_decided");
    expect((await outboxFor(user.id)).length).toBe(2);

    const oneClick = await visitor.post(path, { "List-Unsubscribe": "One-Click" });
    expect(oneClick.status).toBe(200);
    expect(await oneClick.text()).toContain("You will no longer get");

    await send(user, "nomination_decided");
    await send(user, "tier_lapsed");
    expect((await outboxFor(user.id)).map((m) => m.kind)).toEqual([
      "nomination_decided",
      "nomination_decided",
      "tier_lapsed",
    ]);
  });

  it("answers a link with a bad signature with a clear 400 page and changes nothing", async () => {
    const user = await insertUser(handle.db, { role: "advocate" });
    await send(user, "tier_renewal_due");
    const [row] = await outboxFor(user.id);
    const path = new URL(httpsUnsubscribe(row.payload.headers["List-Unsubscribe"])).pathname;
    const forged = path.replace(/\.[\w-]{43}$/, `.${"A".repeat(43)}`);
    const otherKind = path.replace("tier_renewal_due", "tier_lapsed");
    const visitor = new TestClient(server.url);
    for (const bad of [
      forged,
      otherKind,
      "/unsubscribe/nonsense",
      path.replace("tier_renewal_due", "password_reset"),
    ]) {
      const page = await visitor.get(bad);
      expect(page.status, bad).toBe(400);
      const html = await page.text();
      expect(html).toContain("This unsubscribe link is not one we sent");
      expect(html, bad).toContain('href="/settings/email"');
      expect((await visitor.post(bad, { "List-Unsubscribe": "One-Click" })).status, bad).toBe(400);
    }
    await send(user, "tier_renewal_due");
    await send(user, "tier_lapsed");
    expect((await outboxFor(user.id)).length).toBe(3);
  });
});

describe("discussion mail", () => {
  async function people() {
    const asker = await insertUser(handle.db, { role: "advocate" });
    const helper = await insertUser(handle.db, { role: "advocate" });
    return { asker, helper };
  }
  const ask = async (asker: { id: number; role: Role }, title: string) =>
    createThread(contextFor(handle.db, await viewerOf(asker)), {
      spaceId,
      kind: "question",
      title,
      body: "How do you roll out the new dashboards to a whole team at once?",
      tags: [],
    });
  const sweep = (at: number) =>
    mailUnreadNotifications(contextFor(handle.db, null, { now: new Date(at), site }), {});

  it("mails a reply, a mention and an accepted answer still unread after the delay, once each", async () => {
    const { asker, helper } = await people();
    const colleague = await insertUser(handle.db, { role: "advocate" });
    const thread = await ask(asker, "Rolling out dashboards to a team");
    const reply = await createReply(contextFor(handle.db, await viewerOf(helper)), {
      threadId: thread.threadId,
      body: `We used groups for that. @${colleague.handle} see the admin guide.`,
    });
    await acceptAnswer(contextFor(handle.db, await viewerOf(asker)), {
      threadId: thread.threadId,
      postId: reply.postId,
    });

    // Too early: the person may still read it on the site.
    await sweep(Date.now() + MINUTE);
    expect(await outboxFor(asker.id)).toEqual([]);

    await sweep(Date.now() + 11 * MINUTE);
    await sweep(Date.now() + 12 * MINUTE);
    expect((await outboxFor(asker.id)).map((m) => m.kind)).toEqual(["reply"]);
    expect((await outboxFor(colleague.id)).map((m) => m.kind)).toEqual(["mention"]);
    expect((await outboxFor(helper.id)).map((m) => m.kind)).toEqual(["answer_accepted"]);

    const mails = await deliveredTo(asker.email);
    expect(mails.map((m) => m.subject)).toEqual([
      `${helper.display_name} replied to “Rolling out dashboards to a team”`,
    ]);
    const [mention] = await deliveredTo(colleague.email);
    expect(mention.subject).toBe(
      `${helper.display_name} mentioned you in “Rolling out dashboards to a team”`,
    );
    expect(mails[0].text).toContain("We used groups for that.");
    expect(mails[0].text).toContain(`${PUBLIC_URL}/t/${thread.threadId}/`);
    expect(rawHeader(mails[0], "list-unsubscribe")).toMatch(/\.(reply|mention)\./);
    const [accepted] = await deliveredTo(helper.email);
    expect(accepted.subject).toBe(
      `${asker.display_name} accepted your answer in “Rolling out dashboards to a team”`,
    );
  });

  it("skips what the person already read on the site", async () => {
    const { asker, helper } = await people();
    const thread = await ask(asker, "Exporting reports every Monday");
    await createReply(contextFor(handle.db, await viewerOf(helper)), {
      threadId: thread.threadId,
      body: "A scheduled export does exactly that.",
    });
    // Read on the site (the bell's "mark all read") before the delay ran out.
    await readNotifications(contextFor(handle.db, await viewerOf(asker)), {});
    await sweep(Date.now() + 11 * MINUTE);
    expect(await outboxFor(asker.id)).toEqual([]);
  });

  const unreadCount = async (userId: number) =>
    (
      await handle.db
        .selectFrom("notifications")
        .select("id")
        .where("user_id", "=", userId)
        .where("read_at", "is", null)
        .execute()
    ).length;

  it("sends nothing about a reply the person read on the thread page, which stays unread in the bell", async () => {
    const { asker, helper } = await people();
    const thread = await ask(asker, "Archiving old spaces");
    await createReply(contextFor(handle.db, await viewerOf(helper)), {
      threadId: thread.threadId,
      body: "Move the threads out first, then archive the space.",
    });
    const reader = await new TestClient(server.url).signIn(asker.email);
    const page = await reader.get(`/t/${thread.threadId}/${thread.slug}`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain("Move the threads out first");

    await sweep(Date.now() + 11 * MINUTE);
    expect(await outboxFor(asker.id)).toEqual([]);
    expect(await deliveredTo(asker.email)).toEqual([]);
    expect(await unreadCount(asker.id)).toBe(1);
  });

  it("still mails a reply that came after the person last opened the thread", async () => {
    const { asker, helper } = await people();
    const thread = await ask(asker, "Renaming a tier");
    const reader = await new TestClient(server.url).signIn(asker.email);
    expect((await reader.get(`/t/${thread.threadId}/${thread.slug}`)).status).toBe(200);
    await createReply(contextFor(handle.db, await viewerOf(helper)), {
      threadId: thread.threadId,
      body: "Renaming keeps every member in it.",
    });

    await sweep(Date.now() + 11 * MINUTE);
    const mails = await deliveredTo(asker.email);
    expect(mails.map((m) => m.subject)).toEqual([
      `${helper.display_name} replied to “Renaming a tier”`,
    ]);
  });

  it("follows the rhythm: never sends nothing, digest keeps a line for the digest", async () => {
    const { asker, helper } = await people();
    await saveMailPreferences(contextFor(handle.db, await viewerOf(asker)), {
      digest: "daily",
      kinds: { reply: "digest", mention: "never" },
    });
    const thread = await ask(asker, "Single sign-on with two providers");
    await createReply(contextFor(handle.db, await viewerOf(helper)), {
      threadId: thread.threadId,
      body: `Both work side by side, @${asker.handle}.`,
    });
    await sweep(Date.now() + 11 * MINUTE);
    expect(await outboxFor(asker.id)).toEqual([]);
    const items = await digestItemsFor(asker.id);
    expect(items.map((i) => [i.kind, i.thread_id])).toEqual([["reply", thread.threadId]]);
  });
});

describe("the digest", () => {
  it("covers new answers, lively threads, points and what waited, once per person per day", async () => {
    const asker = await insertUser(handle.db, { role: "advocate" });
    const helper = await insertUser(handle.db, { role: "advocate" });
    const quiet = await insertUser(handle.db, { role: "advocate" });
    for (const u of [asker, quiet])
      await saveMailPreferences(contextFor(handle.db, await viewerOf(u)), {
        digest: u === asker ? "daily" : "off",
        kinds: { story_reviewed: "digest" },
      });
    const thread = await createThread(contextFor(handle.db, await viewerOf(asker)), {
      spaceId,
      kind: "question",
      title: "Digest question about audit trails",
      body: "Where do I find who changed a workflow?",
      tags: [],
    });
    for (const body of ["In the audit log.", "Filter it by workflow, too."])
      await createReply(contextFor(handle.db, await viewerOf(helper)), {
        threadId: thread.threadId,
        body,
      });
    await send(asker, "story_reviewed");
    await send(quiet, "story_reviewed");

    const now = new Date(Date.now() + MINUTE);
    await sendDigests(handle.db, { now, site });
    await sendDigests(handle.db, { now: new Date(now.getTime() + MINUTE), site });
    const digests = (await outboxFor(asker.id)).filter((m) => m.kind === "digest");
    expect(digests.length).toBe(1);
    expect(digests[0].idempotency_key).toBe(`digest:${asker.id}:${now.toISOString().slice(0, 10)}`);
    expect((await outboxFor(quiet.id)).filter((m) => m.kind === "digest")).toEqual([]);
    // With the digest off, a message chosen "in the digest" had nowhere to wait.
    expect(await digestItemsFor(quiet.id)).toEqual([]);

    const [mail] = (await deliveredTo(asker.email)).filter((m) =>
      m.subject?.startsWith("Your Limelight digest"),
    );
    expect(mail.text).toContain("NEW ANSWERS TO YOUR QUESTIONS");
    expect(mail.text).toMatch(/Digest question about audit trails \S+ · 2 new answers/);
    expect(mail.text).toContain("THE LIVELIEST THREADS");
    expect(mail.text).toContain("WAITING FOR YOU");
    expect(mail.text).toContain("A story_reviewed message");
    expect(mail.text).toMatch(/You have \d+ points/);
    expect(rawHeader(mail, "list-unsubscribe")).toMatch(/\.digest\./);
    // What waited went out once.
    expect((await digestItemsFor(asker.id)).every((i) => i.digested_at !== null)).toBe(true);

    // The next day is a new period.
    await sendDigests(handle.db, { now: new Date(now.getTime() + 86_400_000), site });
    const later = (await outboxFor(asker.id)).filter((m) => m.kind === "digest");
    expect(later.length).toBeLessThanOrEqual(2);
    expect(new Set(later.map((m) => m.idempotency_key)).size).toBe(later.length);
  });
});
