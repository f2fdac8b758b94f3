import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "../../db/client.ts";
import type { Role } from "../../db/schema.ts";
import { seedTierCatalogue } from "../../db/seed/tiers.ts";
import { contextFor } from "../../app/modules/commands/command.server.ts";
import { moveThread } from "../../app/modules/discussions/moderation.server.ts";
import { createReply, createThread } from "../../app/modules/discussions/posts.server.ts";
import { createSpace } from "../../app/modules/discussions/spaces.server.ts";
import { createItem } from "../../app/modules/early-access/manage.server.ts";
import { sendDigests } from "../../app/modules/mail/digest.server.ts";
import { saveMailPreferences } from "../../app/modules/mail/preferences.server.ts";
import { mailUnreadNotifications } from "../../app/modules/notifications/mail.server.ts";
import { grantTier } from "../../app/modules/tiers/awards.server.ts";
import { loadViewer } from "../../app/modules/viewer/viewer.server.ts";
import { createTestDb } from "../support/db.ts";
import { insertUser } from "../support/factories.ts";

/**
 * The leak test for email: digests and discussion mail composed for each kind
 * of reader. A tier-gated space's thread appears only for those who may read
 * it; a gated early-access item shows its title only to its readers and never
 * its summary or body; a thread moved into the gated space stops appearing in
 * digests, and a notification about it is not mailed.
 */

const DAY = 86_400_000;
type Who = "prospect" | "member" | "mvp" | "manager";
const EVERYONE: Who[] = ["prospect", "member", "mvp", "manager"];
const LOUNGE_READERS: Who[] = ["mvp", "manager"];
const MARK = {
  lounge: "LKMAILLOUNGEX",
  moved: "LKMAILMOVEDX",
  title: "LKMAILEATITLEX",
  summary: "LKMAILEASUMMARYX",
  body: "LKMAILEABODYX",
  teaser: "A preview for the top tier",
};
const site = {
  publicUrl: "http://community.test",
  mailFrom: "Limelight <no-reply@community.test>",
};

let handle: DbHandle;
const people = new Map<Who, { id: number; role: Role; handle: string; email: string }>();
let loungeId: number;
let moved: { threadId: number };
const start = Date.now();

const viewerOf = (who: Who) => {
  const p = people.get(who)!;
  return loadViewer(handle.db, { id: p.id, role: p.role });
};
const ctx = async (who: Who) => contextFor(handle.db, await viewerOf(who));

/** Everything mailed to this person: subject, text and HTML. */
async function mailTo(who: Who) {
  const rows = await handle.db
    .selectFrom("outbox_messages")
    .select(["kind", "payload"])
    .where("user_id", "=", people.get(who)!.id)
    .execute();
  return {
    kinds: rows.map((r) => r.kind),
    text: rows.map((r) => `${r.payload.subject}\n${r.payload.text}\n${r.payload.html}`).join("\n"),
  };
}

beforeAll(async () => {
  handle = await createTestDb();
  await seedTierCatalogue(handle.db);
  const tiers = new Map(
    (await handle.db.selectFrom("tiers").select(["id", "slug"]).execute()).map((t) => [
      t.slug,
      t.id,
    ]),
  );
  const roles: Record<Who, Role> = {
    prospect: "prospect",
    member: "advocate",
    mvp: "advocate",
    manager: "manager",
  };
  for (const who of EVERYONE) {
    const u = await insertUser(handle.db, { role: roles[who] });
    people.set(who, { id: u.id, role: roles[who], handle: u.handle, email: u.email });
  }
  const manager = { id: people.get("manager")!.id, role: "manager" as const };
  await grantTier(contextFor(handle.db, manager), {
    userId: people.get("mvp")!.id,
    tierId: tiers.get("mvp")!,
    reason: "Mail matrix MVP",
    termStart: new Date(start - DAY),
    termEnd: new Date(start + 300 * DAY),
  });
  for (const who of EVERYONE)
    await saveMailPreferences(await ctx(who), { digest: "daily", kinds: {} });

  loungeId = (
    await createSpace(contextFor(handle.db, null), {
      slug: "mail-matrix-lounge",
      name: "Mail matrix lounge",
      description: "For MVPs and the team.",
      colour: "#a16207",
      position: 98,
      visibility: "tier",
      minTierRank: 4,
    })
  ).id;
  const openSpace = await createSpace(contextFor(handle.db, null), {
    slug: "mail-matrix-open",
    name: "Mail matrix open",
    description: "Everyone signed in.",
    colour: "#0f766e",
    position: 97,
    visibility: "members",
  });
  const lounge = await createThread(await ctx("mvp"), {
    spaceId: loungeId,
    kind: "question",
    title: `${MARK.lounge} roadmap preview`,
    body: "What is coming next quarter?",
    tags: [],
  });
  await createReply(await ctx("manager"), { threadId: lounge.threadId, body: "Plenty, soon." });
  moved = await createThread(await ctx("member"), {
    spaceId: openSpace.id,
    kind: "question",
    title: `${MARK.moved} pricing question`,
    body: "How are seats counted?",
    tags: [],
  });
  await createReply(await ctx("manager"), {
    threadId: moved.threadId,
    body: `Per active user, @${people.get("member")!.handle}.`,
  });

  const dates = new Map<number, Date | null>([...tiers.values()].map((id) => [id, null]));
  dates.set(tiers.get("mvp")!, new Date(start - DAY));
  await createItem(contextFor(handle.db, manager), {
    slug: "mail-matrix-item",
    title: `${MARK.title} early item`,
    teaser: MARK.teaser,
    summary: `${MARK.summary} in short`,
    body: `The body: ${MARK.body}.`,
    kind: "briefing",
    downloadUrl: `https://example.com/${MARK.body}.zip`,
    recordingUrl: null,
    requiresNda: false,
    publicAt: null,
    dates,
    publish: true,
  });
}, 120_000);

afterAll(async () => {
  await handle?.close();
});

describe("email asks the access policy", () => {
  it("digests carry a gated thread only to its readers, and early access by title or nothing", async () => {
    await sendDigests(handle.db, { now: new Date(start + 60_000), site });
    for (const who of EVERYONE) {
      const { text } = await mailTo(who);
      if (LOUNGE_READERS.includes(who)) expect(text, who).toContain(MARK.lounge);
      else expect(text, who).not.toContain(MARK.lounge);
      // Never more of an item than its title, and the title only for who may open it.
      expect(text, who).not.toContain(MARK.summary);
      expect(text, who).not.toContain(MARK.body);
      if (who === "mvp") expect(text, who).toContain(MARK.title);
      if (who === "prospect" || who === "member") expect(text, who).not.toContain(MARK.title);
    }
    // The member's digest does show what they may read.
    expect((await mailTo("member")).text).toContain(MARK.moved);
  });

  it("stops showing a thread once it is restricted, in digests and in discussion mail", async () => {
    await moveThread(await ctx("manager"), {
      threadId: moved.threadId,
      spaceId: loungeId,
      reason: "Moved to the lounge",
    });
    const before = (await mailTo("member")).kinds.length;
    await mailUnreadNotifications(
      contextFor(handle.db, null, { now: new Date(start + 11 * 60_000), site }),
      {},
    );
    // The reply and mention about the moved thread are not mailed to the member.
    expect((await mailTo("member")).kinds.length).toBe(before);

    // A weekly digest, composed now, covers the same days after the move.
    for (const who of EVERYONE)
      await saveMailPreferences(await ctx(who), { digest: "weekly", kinds: {} });
    await sendDigests(handle.db, { now: new Date(start + 120_000), site });
    const rows = await handle.db
      .selectFrom("outbox_messages")
      .select(["user_id", "payload", "idempotency_key"])
      .where("kind", "=", "digest")
      .where("idempotency_key", "like", "%-W%")
      .execute();
    for (const row of rows) {
      const who = EVERYONE.find((w) => people.get(w)!.id === row.user_id)!;
      const text = `${row.payload.text}\n${row.payload.html}`;
      if (!LOUNGE_READERS.includes(who)) expect(text, who).not.toContain(MARK.moved);
      expect(text, who).not.toContain(MARK.summary);
      expect(text, who).not.toContain(MARK.body);
    }
    // Readers of the lounge still see it.
    const mvp = rows.find((r) => r.user_id === people.get("mvp")!.id);
    expect(mvp?.payload.text).toContain(MARK.moved);
  });
});
