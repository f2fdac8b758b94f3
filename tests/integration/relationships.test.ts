import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "../../db/client.ts";
import { contextFor } from "../../app/modules/commands/command.server.ts";
import { promoterFunnelReport } from "../../app/modules/promoters/funnel.server.ts";
import { remindNextStepsDue } from "../../app/modules/relationships/reminders.server.ts";
import { insertUser, uniqueSuffix } from "../support/factories.ts";
import { closeMailWorld, startMailWorld } from "../support/mail-world.ts";
import { TestClient, type TestServer } from "../support/server.ts";
import type { TestSmtp } from "../support/smtp.ts";

let handle: DbHandle;
let server: TestServer;
let smtp: TestSmtp;

beforeAll(async () => {
  ({ handle, smtp, server } = await startMailWorld());
});
afterAll(() => closeMailWorld({ handle, smtp, server }));

const client = () =>
  new TestClient(server.url, {
    "X-Forwarded-For": `10.33.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}`,
  });
const page = (id: number) =>
  `/manage/people/${id}/relationship?_data=routes%2Fmanage.people_.%24id.relationship`;
const GOALS = "/settings/goals?_data=routes%2Fsettings.goals";

const rows = async (table: "relationship_conversations" | "relationship_next_steps", id: number) =>
  handle.db.selectFrom(table).selectAll().where("advocate_id", "=", id).execute();

describe("the relationship behind each advocate", () => {
  it("staff record conversations and next steps; bad input writes nothing; the advocate never sees the notes", async () => {
    const s = uniqueSuffix();
    const manager = await insertUser(handle.db, { role: "manager" });
    const advocate = await insertUser(handle.db, {
      role: "advocate",
      email: `ana-${s}@acme.example`,
    });
    const staff = await client().signIn(manager.email);
    const own = await client().signIn(advocate.email);

    // The advocate writes goals in their own words; too many is refused by the field.
    const tooMany = await own.post(GOALS, { goals: "a\nb\nc\nd\ne\nf" });
    expect(tooMany.status).toBe(400);
    expect((await tooMany.json()).fieldErrors.goals).toMatch(/5 goals/);
    expect(
      (await own.post(GOALS, { goals: "Speak at a conference\n\nGrow my network in healthcare" }))
        .status,
    ).toBe(204);

    const notes = `Secret staff note ${s}: renewal is at risk`;
    const noNotes = await staff.post(page(advocate.id), {
      intent: "conversation",
      heldOn: "2026-11-30",
      notes: "",
    });
    expect(noNotes.status).toBe(400);
    expect((await noNotes.json()).fieldErrors.notes).toBe("Write what you talked about.");
    const future = await staff.post(page(advocate.id), {
      intent: "conversation",
      heldOn: "2999-01-01",
      notes,
    });
    expect(future.status).toBe(400);
    expect((await future.json()).fieldErrors.heldOn).toMatch(/future/);
    const badDate = await staff.post(page(advocate.id), {
      intent: "next-step",
      body: "Call",
      dueOn: "tomorrow",
      ownerId: "",
    });
    expect(badDate.status).toBe(400);
    expect(await rows("relationship_conversations", advocate.id)).toEqual([]);
    expect(await rows("relationship_next_steps", advocate.id)).toEqual([]);

    expect(
      (
        await staff.post(page(advocate.id), {
          intent: "conversation",
          heldOn: "2026-11-30",
          notes,
        })
      ).status,
    ).toBe(204);
    const due = new Date(Date.now() + 3 * 86_400_000).toISOString().slice(0, 10);
    expect(
      (
        await staff.post(page(advocate.id), {
          intent: "next-step",
          body: `Introduce to the summit organisers ${s}`,
          dueOn: due,
          ownerId: String(manager.id),
        })
      ).status,
    ).toBe(204);

    const view = await (await staff.get(page(advocate.id))).json();
    expect(view.goals.map((g: { body: string }) => g.body)).toEqual([
      "Speak at a conference",
      "Grow my network in healthcare",
    ]);
    expect(view.conversations[0].notes).toBe(notes);
    expect(view.nextSteps[0].owner_id).toBe(manager.id);

    // The advocate: refused the staff page, and their own goals page carries no staff notes.
    expect((await own.get(page(advocate.id))).status).toBe(403);
    const goalsText = await (await own.get(GOALS)).text();
    expect(goalsText).toContain("Speak at a conference");
    expect(goalsText).not.toContain("Secret staff note");
    expect(goalsText).not.toContain("summit organisers");
    const html = await (await own.get("/settings/goals")).text();
    expect(html).not.toContain("Secret staff note");

    // The day before it is due the owner gets one notice and one email; a second sweep sends nothing.
    const dayBefore = new Date(`${due}T00:00:00Z`);
    const sent = await remindNextStepsDue(contextFor(handle.db, null, { now: dayBefore }), {});
    expect(sent).toHaveLength(1);
    expect(await remindNextStepsDue(contextFor(handle.db, null, { now: dayBefore }), {})).toEqual(
      [],
    );
    const notices = await handle.db
      .selectFrom("notifications")
      .select("data")
      .where("user_id", "=", manager.id)
      .execute();
    expect(JSON.stringify(notices)).toContain(`/manage/people/${advocate.id}/relationship`);
    const mail = await handle.db
      .selectFrom("outbox_messages")
      .select("idempotency_key")
      .where("idempotency_key", "=", `relationship_next_step_due:${sent[0]}`)
      .execute();
    expect(mail).toHaveLength(1);
  });

  it("a manager writes down a goal the advocate told them; it joins the advocate's own list", async () => {
    const manager = await insertUser(handle.db, { role: "manager" });
    const advocate = await insertUser(handle.db, { role: "advocate" });
    const staff = await client().signIn(manager.email);
    const own = await client().signIn(advocate.email);
    expect((await own.post(GOALS, { goals: "Speak at a conference" })).status).toBe(204);

    const empty = await staff.post(page(advocate.id), { intent: "goal", goal: "  " });
    expect(empty.status).toBe(400);
    expect((await empty.json()).fieldErrors.goal).toBe("Write the goal in their words.");
    const byAdvocate = await own.post(page(advocate.id), { intent: "goal", goal: "Be famous" });
    expect(byAdvocate.status).toBe(403);
    const heard = "Get known as an expert in SSO";
    expect((await staff.post(page(advocate.id), { intent: "goal", goal: heard })).status).toBe(204);
    expect((await (await own.get(GOALS)).json()).goals).toEqual(["Speak at a conference", heard]);

    // Five is the limit, as on the advocate's own page; the sixth is refused and nothing changes.
    for (const goal of ["Mentor", "Write a case study", "Join the beta"])
      expect((await staff.post(page(advocate.id), { intent: "goal", goal })).status).toBe(204);
    const sixth = await staff.post(page(advocate.id), { intent: "goal", goal: "One more" });
    expect(sixth.status).toBe(400);
    expect((await sixth.json()).fieldErrors.goal).toMatch(/already have 5 goals/);
    expect((await (await own.get(GOALS)).json()).goals).toHaveLength(5);
  });

  it("unknown people and staff have no relationship page", async () => {
    const manager = await insertUser(handle.db, { role: "manager" });
    const staff = await client().signIn(manager.email);
    expect((await staff.get(page(2_000_000_000))).status).toBe(404);
    expect((await staff.get(page(manager.id))).status).toBe(404);
    expect((await staff.get("/manage/people/abc/relationship")).status).toBe(404);
  });
});

describe("the promoter funnel", () => {
  it("counts each step from the rows behind it", async () => {
    const before = await promoterFunnelReport(handle.db);
    const s = uniqueSuffix();
    const promoter = await insertUser(handle.db, {
      role: "advocate",
      email: `promoter-${s}@acme.example`,
    });
    await handle.db
      .insertInto("nps_responses")
      .values([
        { email: promoter.email, score: 10, responded_at: new Date() },
        { email: `quiet-${s}@acme.example`, score: 9, responded_at: new Date() },
        { email: `unhappy-${s}@acme.example`, score: 3, responded_at: new Date() },
      ])
      .execute();
    await handle.db
      .insertInto("referrals")
      .values({
        advocate_id: promoter.id,
        contact_name: "Lee",
        contact_email: `lee-${s}@contoso.example`,
        company: "Contoso",
        consent_confirmed_at: new Date(),
        stage: "won",
        revenue_cents: 500_000,
        margin_cents: 100_000,
      })
      .returning("id")
      .executeTakeFirstOrThrow()
      // Every win carries its credit (all of it to the referrer when nobody else helped).
      .then(({ id }) =>
        handle.db
          .insertInto("referral_credits")
          .values({ referral_id: id, advocate_id: promoter.id, share_bp: 10_000 })
          .execute(),
      );
    const after = await promoterFunnelReport(handle.db);
    const delta = (key: string) =>
      after.overall.steps.find((x) => x.key === key)!.count -
      before.overall.steps.find((x) => x.key === key)!.count;
    expect(delta("surveyed")).toBe(3);
    expect(delta("answered")).toBe(3);
    expect(delta("promoter")).toBe(2);
    expect(delta("joined")).toBe(1);
    expect(delta("referral")).toBe(1);
    expect(delta("revenue")).toBe(1);
    expect(after.overall.revenueCents - before.overall.revenueCents).toBe(500_000);
    const month = after.monthly[after.monthly.length - 1].funnel.steps;
    expect(month.find((x) => x.key === "answered")!.count).toBeGreaterThanOrEqual(3);
  });
});
