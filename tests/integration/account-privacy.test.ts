import { strFromU8, unzipSync } from "fflate";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "../../db/client.ts";
import type { Role } from "../../db/schema.ts";
import { contextFor } from "../../app/modules/commands/command.server.ts";
import { createReply, createThread } from "../../app/modules/discussions/posts.server.ts";
import { createSpace, type Space } from "../../app/modules/discussions/spaces.server.ts";
import { awardPoints } from "../../app/modules/reputation/ledger.server.ts";
import { loadViewer } from "../../app/modules/viewer/viewer.server.ts";
import { createTestDb } from "../support/db.ts";
import { insertUser, TEST_PASSWORD, uniqueSuffix } from "../support/factories.ts";
import { startTestServer, TestClient, type TestServer } from "../support/server.ts";

let handle: DbHandle;
let server: TestServer;
let space: Space;
type Person = Awaited<ReturnType<typeof insertUser>>;

beforeAll(async () => {
  handle = await createTestDb();
  server = await startTestServer(handle);
  space = await createSpace(contextFor(handle.db, null), {
    slug: `privacy-${uniqueSuffix().replace(/\W/g, "").slice(-8)}`,
    name: "Privacy space",
    description: "Threads for the privacy tests",
    colour: "#047857",
    position: 9,
    visibility: "public",
    prospectsMayAsk: true,
  });
});
afterAll(async () => {
  await server?.close();
  await handle?.close();
});

const viewerOf = (p: Person) => loadViewer(handle.db, { id: p.id, role: p.role as Role });

async function give(person: Person, amount: number, by: Person) {
  await awardPoints(handle.db, {
    userId: person.id,
    rule: "manual_adjustment",
    amount,
    reason: "Helped at the user group",
    source: { type: "user", id: person.id },
    idempotencyKey: `privacy-give:${person.id}:${Math.random()}`,
    awardedBy: by.id,
  });
}

/** Two people who talk in one thread, each with points. */
async function community() {
  const s = uniqueSuffix().replace(/\W/g, "").slice(-8);
  const me = await insertUser(handle.db, { role: "advocate", displayName: `Dora Deleter ${s}` });
  const other = await insertUser(handle.db, { role: "advocate", displayName: `Otto Other ${s}` });
  await give(me, 30, other);
  await give(other, 20, me);
  const thread = await createThread(contextFor(handle.db, await viewerOf(me)), {
    spaceId: space.id,
    kind: "question",
    title: `How do we schedule nightly loads ${s}?`,
    body: `My own question body ${s}, written by me.`,
    tags: ["pipelines"],
  });
  await createReply(contextFor(handle.db, await viewerOf(other)), {
    threadId: thread.threadId,
    body: `Otto's private answer ${s}: use a watermark.`,
  });
  return { me, other, thread, s };
}

const ledgerOf = async (userId: number) => {
  const rows = await handle.db
    .selectFrom("reputation_ledger")
    .select(["amount"])
    .where("user_id", "=", userId)
    .execute();
  const balance = await handle.db
    .selectFrom("reputation_balances")
    .select("total")
    .where("user_id", "=", userId)
    .executeTakeFirst();
  return {
    entries: rows.length,
    sum: rows.reduce((a, r) => a + r.amount, 0),
    balance: balance?.total ?? 0,
  };
};

const DELETE = "/settings/privacy?_data=routes%2Fsettings.privacy";

describe("deleting one's account", () => {
  it("asks for the password, then anonymises the person, keeps the ledger and ends every session", async () => {
    const { me, other, thread, s } = await community();
    const ledgerBefore = await ledgerOf(me.id);
    const otherBefore = await ledgerOf(other.id);
    const phone = await new TestClient(server.url).signIn(me.email);
    const laptop = await new TestClient(server.url).signIn(me.email);

    const page = await laptop.get("/settings/privacy?delete=1");
    expect(await page.text()).toContain("This cannot be undone");
    const wrong = await laptop.post(DELETE, { intent: "delete-account", password: "not it" });
    expect(wrong.status).toBe(400);
    expect((await wrong.json()).fieldErrors.password).toMatch(/current password/);
    const empty = await laptop.post(DELETE, { intent: "delete-account", password: "" });
    expect(empty.status).toBe(400);
    expect((await phone.get("/settings")).status).toBe(200);

    const done = await laptop.post(DELETE, { intent: "delete-account", password: TEST_PASSWORD });
    expect(done.headers.get("x-remix-redirect")).toBe("/");

    // Every session is gone; the old password and email sign nobody in.
    for (const c of [phone, laptop]) expect((await c.get("/settings")).status).toBe(302);
    const again = await new TestClient(server.url).post("/login?_data=routes%2Flogin", {
      email: me.email,
      password: TEST_PASSWORD,
    });
    expect(again.status).toBe(401);

    const row = await handle.db
      .selectFrom("users")
      .selectAll()
      .where("id", "=", me.id)
      .executeTakeFirstOrThrow();
    expect(row.display_name).toBe("Deleted member");
    expect(row.email).not.toContain(me.email);
    expect(row.password_hash).toBeNull();
    expect(row.deleted_at).not.toBeNull();
    const profile = await handle.db
      .selectFrom("profiles")
      .selectAll()
      .where("user_id", "=", me.id)
      .executeTakeFirstOrThrow();
    expect(profile.is_public).toBe(false);
    expect(profile.bio_md).toBe("");

    // The ledger is untouched: same entries, and the balance is still their sum.
    expect(await ledgerOf(me.id)).toEqual(ledgerBefore);
    expect(ledgerBefore.sum).toBe(ledgerBefore.balance);
    expect(await ledgerOf(other.id)).toEqual(otherBefore);

    // The thread still reads, by "Deleted member"; the other person's reply is as it was.
    const reader = await new TestClient(server.url).signIn(other.email);
    const first = await reader.get(`/t/${thread.threadId}`);
    const html = await (
      first.status >= 300 ? await reader.get(first.headers.get("location")!) : first
    ).text();
    expect(html).toContain("Deleted member");
    expect(html).not.toContain(`Dora Deleter ${s}`);
    expect(html).toContain(`Otto Other ${s}`);
    expect(html).toContain(`private answer ${s}`);

    const audit = await handle.db
      .selectFrom("audit_log")
      .selectAll()
      .where("action", "=", "user.account_deleted")
      .where("subject_id", "=", String(me.id))
      .execute();
    expect(audit.length).toBe(1);
  });
});

describe("downloading one's data", () => {
  it("zips the person's own profile, posts, ledger and the rest, and nobody else's", async () => {
    const { me, other, s } = await community();
    const c = await new TestClient(server.url).signIn(me.email);
    const res = await c.get("/settings/privacy/download");
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("application/zip");
    expect(res.headers.get("content-disposition")).toMatch(/attachment; filename="limelight-/);
    const files = unzipSync(new Uint8Array(await res.arrayBuffer()));
    expect(Object.keys(files).sort()).toEqual(
      [
        "README.txt",
        "consents.json",
        "ledger.json",
        "posts.json",
        "profile.json",
        "references.json",
        "stories.json",
        "talks.json",
      ].sort(),
    );
    const read = (name: string) => JSON.parse(strFromU8(files[name]));
    expect(read("profile.json").account.email).toBe(me.email);
    const posts = read("posts.json") as { body_md: string }[];
    expect(posts.map((p) => p.body_md)).toEqual([`My own question body ${s}, written by me.`]);
    const ledger = read("ledger.json") as { entries: { amount: number }[] };
    expect(ledger.entries.map((e) => e.amount)).toEqual([30]);
    expect(read("consents.json")).toHaveProperty("open_to_references");

    const everything = Object.values(files)
      .map((f) => strFromU8(f))
      .join("\n");
    expect(everything).not.toContain(other.email);
    expect(everything).not.toContain(`Otto Other ${s}`);
    expect(everything).not.toContain(`private answer ${s}`);
  });

  it("asks a visitor to sign in", async () => {
    const res = await new TestClient(server.url).get("/settings/privacy/download");
    expect(res.status).toBe(302);
    expect(res.headers.get("location")).toMatch(/^\/login/);
  });
});
