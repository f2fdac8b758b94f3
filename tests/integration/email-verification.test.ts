import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "../../db/client.ts";
import { contextFor } from "../../app/modules/commands/command.server.ts";
import { createReply, createThread } from "../../app/modules/discussions/posts.server.ts";
import { createSpace, type Space } from "../../app/modules/discussions/spaces.server.ts";
import { awardPoints } from "../../app/modules/reputation/ledger.server.ts";
import { loadViewer } from "../../app/modules/viewer/viewer.server.ts";
import "../../app/modules/discussions/sources.server.ts";
import { insertUser, TEST_PASSWORD, uniqueSuffix } from "../support/factories.ts";
import { TestClient, type TestServer } from "../support/server.ts";
import type { TestSmtp } from "../support/smtp.ts";
import { closeMailWorld, startMailWorld } from "../support/mail-world.ts";

// Confirming an address, through the real server, database and a real SMTP
// server: an unconfirmed account reads and keeps its session but does not
// post, vote or ask for a conversation until it opens the mailed link; a
// change of address waits for the link sent to the new one.

let handle: DbHandle;
let server: TestServer;
let smtp: TestSmtp;
let ask: Space;
const THREAD_ROUTE = encodeURIComponent("routes/t.$id.($slug)");
const NEW_ROUTE = encodeURIComponent("routes/s.$space.new");
const TOKEN_ROUTE = encodeURIComponent("routes/verify-email.$token");
const SETTINGS_ROUTE = encodeURIComponent("routes/settings._index");
let ip = 0;
const client = () =>
  new TestClient(server.url, { "X-Forwarded-For": `10.71.${ip >> 8}.${ip++ & 255}` });

beforeAll(async () => {
  ({ handle, smtp, server } = await startMailWorld({ WRITE_RATE_LIMIT_PER_MINUTE: "10000" }));
  ask = await createSpace(contextFor(handle.db, null), {
    slug: "ask",
    name: "Ask the community",
    description: "Questions welcome",
    colour: "#047857",
    position: 0,
    visibility: "public",
    prospectsMayAsk: true,
  });
});

afterAll(() => closeMailWorld({ handle, smtp, server }));

/** Delivers what is due and returns the newest message to `email`, with the link it carries. */
async function mailTo(email: string) {
  await server.outbox.runOnce();
  const deadline = Date.now() + 10_000;
  for (;;) {
    const mail = smtp.received.findLast((m) =>
      (m.to && "text" in m.to ? m.to.text : "").includes(email),
    );
    if (mail) {
      const link = /http:\/\/community\.test\/verify-email\/[A-Za-z0-9_-]+/.exec(mail.text ?? "");
      return { mail, path: link ? new URL(link[0]).pathname : null };
    }
    if (Date.now() > deadline) throw new Error(`no mail to ${email}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

async function signUp() {
  const suffix = uniqueSuffix();
  const fields = {
    email: `joiner-${suffix}@example.test`,
    displayName: `Jo ${suffix}`,
    handle: `joiner-${suffix}`,
    password: TEST_PASSWORD,
  };
  const c = client();
  const res = await c.post("/signup", fields);
  expect(res.status).toBe(302);
  const user = await handle.db
    .selectFrom("users")
    .selectAll()
    .where("email", "=", fields.email)
    .executeTakeFirstOrThrow();
  return { c, user };
}

async function openThread() {
  const author = await insertUser(handle.db, { role: "advocate" });
  const viewer = await loadViewer(handle.db, { id: author.id, role: author.role });
  const thread = await createThread(contextFor(handle.db, viewer), {
    spaceId: ask.id,
    kind: "question",
    title: `Where do I find the audit export ${uniqueSuffix()}?`,
    body: "I looked in the settings but could not find it.",
    tags: [],
  });
  const reply = await createReply(contextFor(handle.db, viewer), {
    threadId: thread.threadId,
    body: "Answering my own question for the record.",
  });
  return { ...thread, replyId: reply.postId };
}

describe("confirming the address at sign-up", () => {
  it("lets an unconfirmed account read but not post, vote or ask, until the mailed link is used", async () => {
    const thread = await openThread();
    const advocate = await insertUser(handle.db, { role: "advocate" });
    await handle.db
      .updateTable("profiles")
      .set({ open_to_references: true })
      .where("user_id", "=", advocate.id)
      .execute();
    const manager = await insertUser(handle.db, { role: "manager" });
    const { c, user } = await signUp();
    expect(user.email_verified_at).toBeNull();
    await awardPoints(handle.db, {
      userId: user.id,
      rule: "manual_adjustment",
      amount: 50,
      reason: "Enough to vote",
      source: { type: "user", id: user.id },
      idempotencyKey: `verify-test:${user.id}`,
      awardedBy: manager.id,
    });

    // Reading works, and the session stays; every page says what to do.
    const page = await c.get(`/t/${thread.threadId}/${thread.slug}`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain("Confirm your email address.");

    const question = {
      kind: "question",
      title: "How do I reset a stuck pipeline?",
      body: "It has been pending for an hour.",
      tags: "",
    };
    const refused = [
      await c.post(`/s/ask/new?_data=${NEW_ROUTE}`, question),
      await c.post(`/t/${thread.threadId}/${thread.slug}?_data=${THREAD_ROUTE}`, {
        intent: "reply",
        body: "Me too!",
      }),
      await c.post(`/t/${thread.threadId}/${thread.slug}?_data=${THREAD_ROUTE}`, {
        intent: "vote",
        postId: String(thread.replyId),
      }),
      await c.post(`/references/new?advocate=${advocate.handle}&_data=routes%2Freferences.new`, {
        topic: "How did the rollout go?",
        context: "We are evaluating.",
        preferredTimes: "Mornings",
      }),
    ];
    for (const res of refused) {
      expect(res.status).toBe(403);
      expect((await res.json()).formError).toMatch(/Confirm your email address/);
    }
    const posts = await handle.db
      .selectFrom("posts")
      .select("id")
      .where("author_id", "=", user.id)
      .execute();
    expect(posts).toEqual([]);

    // The link from the mail opens a page that changes nothing until the button is pressed.
    const { mail, path } = await mailTo(user.email);
    expect(mail.subject).toBe("Confirm your email address for Limelight");
    expect(mail.html).not.toMatch(/<img/i);
    expect(path).toBeTruthy();
    expect((await c.get(path!)).status).toBe(200);
    const still = await handle.db
      .selectFrom("users")
      .select("email_verified_at")
      .where("id", "=", user.id)
      .executeTakeFirstOrThrow();
    expect(still.email_verified_at).toBeNull();

    // Opened on another device, signed out: the token is the proof.
    const confirmed = await client().post(path!, {});
    expect(confirmed.status).toBe(302);
    expect(confirmed.headers.get("location")).toBe("/login");

    // Now the same session takes part.
    const asked = await c.post(`/s/ask/new?_data=${NEW_ROUTE}`, question);
    expect(asked.status).toBe(204);
    const replied = await c.post(`/t/${thread.threadId}/${thread.slug}?_data=${THREAD_ROUTE}`, {
      intent: "reply",
      body: "Me too!",
    });
    expect(replied.status).toBe(200);
    const voted = await c.post(`/t/${thread.threadId}/${thread.slug}?_data=${THREAD_ROUTE}`, {
      intent: "vote",
      postId: String(thread.replyId),
    });
    expect(voted.status).toBe(200);
    const requested = await c.post(
      `/references/new?advocate=${advocate.handle}&_data=routes%2Freferences.new`,
      {
        topic: "How did the rollout go?",
        context: "We are evaluating.",
        preferredTimes: "Mornings",
      },
    );
    expect(requested.status).toBeLessThan(400);
    expect(await (await c.get("/discussions")).text()).not.toContain("Confirm your email address.");

    // The link worked once.
    expect((await client().get(path!)).status).toBe(410);
    const again = await client().post(`${path}?_data=${TOKEN_ROUTE}`, {});
    expect(again.status).toBe(410);
    expect((await again.json()).fieldErrors.token).toMatch(/expired or was already used/);
  });

  it("refuses an expired link and a made-up one, and resends a fresh link on request", async () => {
    const { c, user } = await signUp();
    const { path } = await mailTo(user.email);
    await handle.db
      .updateTable("email_tokens")
      .set({ expires_at: new Date(Date.now() - 1000) })
      .where("user_id", "=", user.id)
      .execute();
    expect((await c.get(path!)).status).toBe(410);
    const expired = await c.post(`${path}?_data=${TOKEN_ROUTE}`, {});
    expect(expired.status).toBe(410);
    expect((await c.get("/verify-email/not-a-real-token")).status).toBe(410);
    expect((await c.post(`/verify-email/${"x".repeat(43)}?_data=${TOKEN_ROUTE}`, {})).status).toBe(
      410,
    );

    // "Send the link again" from the banner: a new link, which works.
    const before = smtp.received.length;
    const resent = await c.post("/verify-email", { back: "/discussions" });
    expect(resent.status).toBe(302);
    expect(resent.headers.get("location")).toBe("/discussions");
    const fresh = await mailTo(user.email);
    expect(smtp.received.length).toBe(before + 1);
    expect(fresh.path).not.toBe(path);
    expect((await c.post(fresh.path!, {})).status).toBe(302);
    const row = await handle.db
      .selectFrom("users")
      .select("email_verified_at")
      .where("id", "=", user.id)
      .executeTakeFirstOrThrow();
    expect(row.email_verified_at).not.toBeNull();

    // Once confirmed, asking again says so and sends nothing.
    await c.post("/verify-email", { back: "/discussions" });
    await server.outbox.runOnce();
    expect(smtp.received.length).toBe(before + 1);
  });

  it("counts accounts made outside the sign-up page as confirmed", async () => {
    const member = await insertUser(handle.db, { role: "advocate" });
    const viewer = await loadViewer(handle.db, { id: member.id, role: member.role });
    expect(viewer?.emailVerified).toBe(true);
    const page = await (await client().signIn(member.email)).get("/discussions");
    expect(await page.text()).not.toContain("Confirm your email address.");
  });
});

describe("changing the email address", () => {
  it("moves the account only once the new address confirms, and tells the old one", async () => {
    const member = await insertUser(handle.db, { role: "advocate" });
    const other = await insertUser(handle.db, { role: "advocate" });
    const c = await client().signIn(member.email);
    const change = (fields: Record<string, string>) =>
      c.post(`/settings?_data=${SETTINGS_ROUTE}`, { intent: "change-email", ...fields });

    const wrongPassword = await change({ email: "new@example.test", password: "not it" });
    expect(wrongPassword.status).toBe(400);
    expect((await wrongPassword.json()).fieldErrors.password).toMatch(/not right/);
    const malformed = await change({ email: "not an address", password: TEST_PASSWORD });
    expect(malformed.status).toBe(400);
    expect((await malformed.json()).fieldErrors.email).toMatch(/valid email/);
    const taken = await change({ email: other.email.toUpperCase(), password: TEST_PASSWORD });
    expect(taken.status).toBe(409);
    expect((await taken.json()).fieldErrors.email).toBe(
      "Another account already uses this address.",
    );
    const same = await change({ email: member.email, password: TEST_PASSWORD });
    expect((await same.json()).fieldErrors.email).toMatch(/already the address/);

    const newEmail = `moved-${uniqueSuffix()}@example.test`;
    const asked = await change({ email: newEmail, password: TEST_PASSWORD });
    expect(asked.status).toBe(204);
    const unchanged = await handle.db
      .selectFrom("users")
      .select("email")
      .where("id", "=", member.id)
      .executeTakeFirstOrThrow();
    expect(unchanged.email).toBe(member.email);

    const { mail, path } = await mailTo(newEmail);
    expect(mail.subject).toBe("Confirm your new email address for Limelight");
    const page = await c.get(`${path}?_data=${TOKEN_ROUTE}`);
    expect(await page.json()).toEqual({ usable: true, purpose: "change", email: newEmail });
    const done = await c.post(path!, {});
    expect(done.status).toBe(302);
    expect(done.headers.get("location")).toBe("/discussions");

    const moved = await handle.db
      .selectFrom("users")
      .select("email")
      .where("id", "=", member.id)
      .executeTakeFirstOrThrow();
    expect(moved.email).toBe(newEmail);
    const notice = await mailTo(member.email);
    expect(notice.mail.subject).toBe("The email address of your Limelight account was changed");
    expect(notice.mail.text).toContain(newEmail);
    expect(notice.path).toBeNull();

    // The new address signs in; the old one no longer does; the link worked once.
    await client().signIn(newEmail);
    const old = await client().post("/login?_data=routes%2Flogin", {
      email: member.email,
      password: TEST_PASSWORD,
    });
    expect(old.status).toBe(401);
    expect((await c.post(`${path}?_data=${TOKEN_ROUTE}`, {})).status).toBe(410);
  });

  it("refuses a confirmation when another account took the address in the meantime", async () => {
    const member = await insertUser(handle.db, { role: "advocate" });
    const c = await client().signIn(member.email);
    const wanted = `wanted-${uniqueSuffix()}@example.test`;
    const asked = await c.post(`/settings?_data=${SETTINGS_ROUTE}`, {
      intent: "change-email",
      email: wanted,
      password: TEST_PASSWORD,
    });
    expect(asked.status).toBe(204);
    const { path } = await mailTo(wanted);
    await insertUser(handle.db, { role: "prospect", email: wanted });
    const refused = await c.post(`${path}?_data=${TOKEN_ROUTE}`, {});
    expect(refused.status).toBe(409);
    expect((await refused.json()).formError).toMatch(/Another account started using/);
    const row = await handle.db
      .selectFrom("users")
      .select("email")
      .where("id", "=", member.id)
      .executeTakeFirstOrThrow();
    expect(row.email).toBe(member.email);
  });
});
