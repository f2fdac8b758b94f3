import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { contextFor, defineCommand } from "../../app/modules/commands/command.server.ts";
import type { DbHandle } from "../../db/client.ts";
import { seedTierCatalogue } from "../../db/seed/tiers.ts";
import type { Role } from "../../db/schema.ts";
import { loadViewer } from "../../app/modules/viewer/viewer.server.ts";
import {
  applyToOpportunity,
  decideApplication,
} from "../../app/modules/advocacy/applications.server.ts";
import { createOpportunity } from "../../app/modules/advocacy/opportunities.server.ts";
import { OpportunitySchema } from "../../app/modules/advocacy/validation.ts";
import { countUnread, listNotifications } from "../../app/modules/notifications/inbox.server.ts";
import { grantTier } from "../../app/modules/tiers/awards.server.ts";
import { createTestDb } from "../support/db.ts";
import { insertUser } from "../support/factories.ts";
import { startTestServer, TestClient, type TestServer } from "../support/server.ts";
import { closeSockets, socketFor } from "../support/sockets.ts";

// Decisions outside discussions (a tier granted, a speaking application
// decided) stay in the person's notifications after the live toast, and a
// decision that fails, even after its notice was written, leaves no notice
// behind and tells no one.

let handle: DbHandle;
let server: TestServer;
type Person = Awaited<ReturnType<typeof insertUser>>;
let manager: Person;
let mvpTier: number;
const DAY = 86_400_000;

const viewerOf = (p: Person) => loadViewer(handle.db, { id: p.id, role: p.role as Role });
const actor = (p: Person) => ({ id: p.id, role: p.role as Role });

beforeAll(async () => {
  handle = await createTestDb();
  server = await startTestServer(handle);
  manager = await insertUser(handle.db, { role: "manager", displayName: "Morgan Manager" });
  await seedTierCatalogue(handle.db);
  mvpTier = (
    await handle.db
      .selectFrom("tiers")
      .select("id")
      .where("slug", "=", "mvp")
      .executeTakeFirstOrThrow()
  ).id;
});
afterEach(closeSockets);
afterAll(async () => {
  await server.close();
  await handle.close();
});

describe("notices kept as notifications", () => {
  it("keep a granted tier in the advocate's list, unread, linking to their tier", async () => {
    const advocate = await insertUser(handle.db, { role: "advocate", displayName: "Tia Tier" });
    const now = new Date();
    const granted = await grantTier(contextFor(handle.db, actor(manager)), {
      userId: advocate.id,
      tierId: mvpTier,
      reason: "Ran three user groups this year.",
      termStart: now,
      termEnd: new Date(now.getTime() + 365 * DAY),
    });
    expect(granted.userId).toBe(advocate.id);
    const viewer = (await viewerOf(advocate))!;
    expect(await countUnread(handle.db, viewer)).toBe(1);
    const list = await listNotifications(handle.db, viewer);
    expect(list.rows).toHaveLength(1);
    expect(list.rows[0]).toMatchObject({
      kind: "notice",
      url: "/settings/tier",
      read: false,
    });
    expect(list.rows[0].text).toMatch(/^You are now an MVP: Ran three user groups this year\./);

    // Granting the same tier again is refused, and leaves no second notice.
    await expect(
      grantTier(contextFor(handle.db, actor(manager)), {
        userId: advocate.id,
        tierId: mvpTier,
        reason: "Again.",
        termStart: now,
        termEnd: new Date(now.getTime() + 365 * DAY),
      }),
    ).rejects.toThrow(/already holds/);
    expect((await listNotifications(handle.db, viewer)).rows).toHaveLength(1);
  });

  it("leave no notice, and tell no one, when the decision fails after its notice was written", async () => {
    const advocate = await insertUser(handle.db, { role: "advocate", displayName: "Fay Failed" });
    const viewer = (await viewerOf(advocate))!;
    const client = await new TestClient(server.url, { "X-Forwarded-For": "10.77.0.2" }).signIn(
      advocate.email,
    );
    const socket = await socketFor(server.url, client);
    const now = new Date();
    const term = { termStart: now, termEnd: new Date(now.getTime() + 365 * DAY) };
    const noticesInsideTransaction: number[] = [];
    // The real grant, then a constraint violation at the very end of the same transaction:
    // the grant's notice row has been written by then, and must go with the rollback.
    const grantThenFail = defineCommand({
      name: "test.grant_then_fail",
      async run(trx, input: { userId: number }, { nested, effects }) {
        await nested(grantTier, { ...input, ...term, tierId: mvpTier, reason: "Doomed grant." });
        effects.beforeCommit(async (late) => {
          const kept = await late
            .selectFrom("notifications")
            .select("id")
            .where("user_id", "=", input.userId)
            .execute();
          noticesInsideTransaction.push(kept.length);
          await late
            .insertInto("tier_awards")
            .values({
              user_id: input.userId,
              tier_id: mvpTier,
              status: "active",
              since: now,
              term_start: now,
              term_end: term.termEnd,
              granted_by: manager.id,
              reason: "A second active award of the same tier",
            })
            .execute();
        });
      },
    });
    const live = contextFor(handle.db, actor(manager), { publisher: server.realtime.publisher });
    await expect(grantThenFail(live, { userId: advocate.id })).rejects.toMatchObject({
      code: "23505",
    });
    expect(noticesInsideTransaction).toEqual([1]);
    expect((await listNotifications(handle.db, viewer)).rows).toHaveLength(0);
    expect(await countUnread(handle.db, viewer)).toBe(0);
    const awards = await handle.db
      .selectFrom("tier_awards")
      .select("id")
      .where("user_id", "=", advocate.id)
      .execute();
    expect(awards).toHaveLength(0);

    // Nothing was told live either: the first toast the advocate's open tab hears is the next grant's.
    const toast = new Promise((resolve) => socket.once("toast", resolve));
    await grantTier(live, { userId: advocate.id, tierId: mvpTier, reason: "Kept grant.", ...term });
    expect(await toast).toMatchObject({ title: "You are now an MVP" });
    expect(await toast).toMatchObject({ description: expect.stringMatching(/^Kept grant\./) });
    expect((await listNotifications(handle.db, viewer)).rows).toHaveLength(1);
  });

  it("keep a speaking decision, shown on the notifications page with its link", async () => {
    const speaker = await insertUser(handle.db, { role: "advocate", displayName: "Sam Speaker" });
    await handle.db
      .updateTable("profiles")
      .set({ open_to_speaking: true, is_public: true })
      .where("user_id", "=", speaker.id)
      .execute();
    const local = (d: Date) => d.toISOString().slice(0, 16);
    const opportunity = await createOpportunity(
      contextFor(handle.db, actor(manager)),
      OpportunitySchema.parse({
        title: "Customer keynote: dashboards dispatchers trust",
        eventName: "Midwest Supply Chain Summit",
        format: "conference",
        startsAt: local(new Date(Date.now() + 60 * DAY)),
        timeZone: "UTC",
        location: "Columbus",
        expectedAudience: "400",
        audienceDescription: "Operations leaders",
        topic: "One number everyone trusts.",
        deadline: local(new Date(Date.now() + 30 * DAY)),
      }),
    );
    const applied = await applyToOpportunity(contextFor(handle.db, actor(speaker)), {
      opportunityId: opportunity.id,
      pitch: "We cut dispatch time by a third; I can show how.",
    });
    // The manager who posted the opportunity hears of the application, linked to it.
    const managerList = await listNotifications(handle.db, (await viewerOf(manager))!);
    expect(managerList.rows[0]).toMatchObject({
      kind: "notice",
      url: `/manage/speaking/${opportunity.id}`,
    });
    await decideApplication(contextFor(handle.db, actor(manager)), {
      applicationId: applied.id,
      decision: "accept",
      message: "See you in Columbus.",
    });

    const c = await new TestClient(server.url, { "X-Forwarded-For": "10.77.0.1" }).signIn(
      speaker.email,
    );
    const page = await (await c.get("/notifications")).text();
    expect(page).toContain("See you in Columbus.");
    const id = (await listNotifications(handle.db, (await viewerOf(speaker))!)).rows[0].id;
    // Opening it marks it read and leads to the speaker's applications.
    const opened = await c.post("/notifications", { intent: "open", id: String(id) });
    expect(opened.status).toBe(302);
    expect(opened.headers.get("location")).toBe("/speaking/mine");
    expect(await countUnread(handle.db, await viewerOf(speaker))).toBe(0);
  });
});
