import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "../../db/client.ts";
import type { Role } from "../../db/schema.ts";
import { publishStory } from "../../app/modules/advocacy/story-review.server.ts";
import { saveStory } from "../../app/modules/advocacy/story-writing.server.ts";
import { StorySchema } from "../../app/modules/advocacy/validation.ts";
import { contextFor } from "../../app/modules/commands/command.server.ts";
import { createTestDb } from "../support/db.ts";
import { insertUser, TEST_PASSWORD } from "../support/factories.ts";
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

async function person(role: Role) {
  const user = await insertUser(handle.db, { role });
  const c = new TestClient(server.url, {
    "X-Forwarded-For": `10.9.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}`,
  });
  const res = await c.post("/login?_data=routes%2Flogin", {
    email: user.email,
    password: TEST_PASSWORD,
  });
  expect(res.status).toBe(204);
  return { user, c };
}

const ror = async (c: TestClient, advocateHandle: string) => {
  const res = await c.get(
    `/manage/advocates/${advocateHandle}?_data=routes%2Fmanage.advocates.%24handle`,
  );
  expect(res.status).toBe(200);
  const data = await res.json();
  return { revenue: data.referrals.revenueCents, margin: data.referrals.marginCents };
};

const creditRows = (referralId: number) =>
  handle.db
    .selectFrom("referral_credits")
    .select(["advocate_id", "share_bp"])
    .where("referral_id", "=", referralId)
    .orderBy("advocate_id")
    .execute();

const CREDIT = (id: number) => `/manage/referrals/${id}?_data=routes%2Fmanage.referrals_.%24id`;

describe("partial credit for a won referral", () => {
  it("moves both advocates' return on relationship by their shares, and refuses splits that do not add up", async () => {
    const referrer = await person("advocate");
    const helper = await person("advocate");
    const manager = await person("manager");
    const prospect = await person("prospect");

    // The prospect came through the helper's personal link while signed in, then was referred.
    expect(
      (
        await helper.c.post("/settings/referral-links?_data=routes%2Fsettings.referral-links", {
          intent: "create",
        })
      ).status,
    ).toBe(204);
    const { code } = await handle.db
      .selectFrom("referral_link_codes")
      .select("code")
      .where("advocate_id", "=", helper.user.id)
      .executeTakeFirstOrThrow();
    const click = await prospect.c.get(`/r/${code}`);
    expect(click.status).toBe(302);
    expect(click.headers.get("location")).toBe(`/u/${helper.user.handle}`);
    expect(click.headers.get("set-cookie")).toMatch(/ll_via=/);

    const referred = await referrer.c.post("/referrals?_data=routes%2Freferrals", {
      contactName: prospect.user.display_name,
      contactEmail: prospect.user.email,
      company: "Northwind Logistics",
      note: "They asked about carrier scorecards.",
      consent: "on",
    });
    expect(referred.status).toBe(204);
    const referral = await handle.db
      .selectFrom("referrals")
      .select("id")
      .where("advocate_id", "=", referrer.user.id)
      .executeTakeFirstOrThrow();

    // The helper sees the click and the conversion in their own view.
    const own = await (
      await helper.c.get("/settings/referral-links?_data=routes%2Fsettings.referral-links")
    ).json();
    expect(own.totals).toEqual({ clicks: 1, conversions: 1 });

    expect(await ror(manager.c, referrer.user.handle)).toEqual({ revenue: 0, margin: 0 });
    expect(await ror(manager.c, helper.user.handle)).toEqual({ revenue: 0, margin: 0 });

    const move = (stage: string, extra: Record<string, string> = {}) =>
      manager.c.post("/manage/referrals?_data=routes%2Fmanage.referrals", {
        referralId: String(referral.id),
        stage,
        ...extra,
      });
    for (const stage of ["contacted", "qualified"]) expect((await move(stage)).status).toBe(204);
    expect((await move("won", { revenue: "10,000", margin: "4,000" })).status).toBe(204);

    // Suggested on the win: half to the referrer, half to the advocate whose link brought them.
    expect(await creditRows(referral.id)).toEqual(
      [
        { advocate_id: referrer.user.id, share_bp: 5000 },
        { advocate_id: helper.user.id, share_bp: 5000 },
      ].sort((a, b) => a.advocate_id - b.advocate_id),
    );
    expect(await ror(manager.c, referrer.user.handle)).toEqual({
      revenue: 500_000,
      margin: 200_000,
    });
    expect(await ror(manager.c, helper.user.handle)).toEqual({ revenue: 500_000, margin: 200_000 });

    const shares = (a: string, b: string, reason = "The helper ran the evaluation call.") => ({
      [`share-${referrer.user.id}`]: a,
      [`share-${helper.user.id}`]: b,
      reason,
    });
    const wrongSum = await manager.c.post(CREDIT(referral.id), shares("60", "30"));
    expect(wrongSum.status).toBe(400);
    expect((await wrongSum.json()).fieldErrors.shares).toMatch(/add up to 90 %.*100 %/);
    const noReason = await manager.c.post(CREDIT(referral.id), shares("70", "30", " "));
    expect(noReason.status).toBe(400);
    expect((await noReason.json()).fieldErrors.reason).toMatch(/Say why/);
    const notANumber = await manager.c.post(CREDIT(referral.id), shares("seventy", "30"));
    expect(notANumber.status).toBe(400);
    expect((await notANumber.json()).fieldErrors[`share-${referrer.user.id}`]).toMatch(/0 to 100/);
    const byAdvocate = await helper.c.post(CREDIT(referral.id), shares("0", "100"));
    expect(byAdvocate.status).toBe(403);
    expect((await creditRows(referral.id)).map((r) => r.share_bp)).toEqual([5000, 5000]);

    expect((await manager.c.post(CREDIT(referral.id), shares("70", "30"))).status).toBe(204);
    expect(await ror(manager.c, referrer.user.handle)).toEqual({
      revenue: 700_000,
      margin: 280_000,
    });
    expect(await ror(manager.c, helper.user.handle)).toEqual({ revenue: 300_000, margin: 120_000 });

    const audit = await handle.db
      .selectFrom("audit_log")
      .select(["actor_id", "details"])
      .where("action", "=", "referral.credit_adjusted")
      .where("subject_id", "=", String(referral.id))
      .execute();
    expect(audit).toHaveLength(1);
    expect(audit[0].actor_id).toBe(manager.user.id);
    expect(audit[0].details).toMatchObject({ reason: "The helper ran the evaluation call." });

    // Revenue stays staff-only; the public profile says only "helped N companies decide", with consent.
    expect((await helper.c.get(`/manage/advocates/${helper.user.handle}`)).status).toBe(403);
    const profile = `/u/${helper.user.handle}?_data=routes%2Fu.%24handle`;
    expect((await (await prospect.c.get(profile)).json()).helpedCompanies).toBeNull();
    expect(
      (
        await helper.c.post("/settings/referral-links?_data=routes%2Fsettings.referral-links", {
          intent: "helped",
          show: "on",
        })
      ).status,
    ).toBe(204);
    const shown = await (await prospect.c.get(profile)).json();
    expect(shown.helpedCompanies).toBe(1);
    expect(JSON.stringify(shown)).not.toMatch(/revenue|margin/i);
  });
});

describe("the authors of stories a prospect read", () => {
  it("share the credit of a win, once however often the prospect read their story", async () => {
    const author = await person("advocate");
    const referrer = await person("advocate");
    const manager = await person("manager");
    const prospect = await person("prospect");
    const story = await saveStory(contextFor(handle.db, author.user), {
      story: StorySchema.parse({
        title: `Carrier scorecards in a week ${author.user.id}`,
        company: "Bluewater Freight Co.",
        industry: "Logistics",
        productArea: "Dashboards and reporting",
        challenge: "Forty spreadsheets, and nobody trusted any of them for a carrier review.",
        solution: "One live dashboard that dispatch and finance both read every morning.",
        results: "Carrier reviews went from a week of preparation to an afternoon.",
        pullQuote: "Everyone reads the same number.",
        "metric-0-label": "Review preparation",
        "metric-0-before": "40",
        "metric-0-after": "4",
        "metric-0-unit": "hours",
        consent: "on",
      }),
      submit: true,
    });
    await publishStory(contextFor(handle.db, manager.user), { id: story.id });
    const { slug } = await handle.db
      .selectFrom("case_studies")
      .select("slug")
      .where("id", "=", story.id)
      .executeTakeFirstOrThrow();

    for (let i = 0; i < 3; i++) expect((await prospect.c.get(`/stories/${slug}`)).status).toBe(200);
    // The author reading their own story is no evidence of anything.
    expect((await author.c.get(`/stories/${slug}`)).status).toBe(200);
    const reads = await handle.db
      .selectFrom("prospect_touches")
      .select(["user_id", "advocate_id"])
      .where("story_id", "=", story.id)
      .where("kind", "=", "story_read")
      .execute();
    expect(reads).toEqual([{ user_id: prospect.user.id, advocate_id: author.user.id }]);

    expect(
      (
        await referrer.c.post("/referrals?_data=routes%2Freferrals", {
          contactName: prospect.user.display_name,
          contactEmail: prospect.user.email,
          company: "Bluewater Freight Co.",
          consent: "on",
        })
      ).status,
    ).toBe(204);
    const referral = await handle.db
      .selectFrom("referrals")
      .select("id")
      .where("advocate_id", "=", referrer.user.id)
      .executeTakeFirstOrThrow();
    for (const [stage, extra] of [
      ["contacted", {}],
      ["qualified", {}],
      ["won", { revenue: "8,000", margin: "2,000" }],
    ] as const)
      expect(
        (
          await manager.c.post("/manage/referrals?_data=routes%2Fmanage.referrals", {
            referralId: String(referral.id),
            stage,
            ...extra,
          })
        ).status,
      ).toBe(204);

    expect(await creditRows(referral.id)).toEqual(
      [
        { advocate_id: referrer.user.id, share_bp: 5000 },
        { advocate_id: author.user.id, share_bp: 5000 },
      ].sort((a, b) => a.advocate_id - b.advocate_id),
    );
    const page = await (await manager.c.get(CREDIT(referral.id))).json();
    const authorRow = page.rows.find(
      (r: { advocateId: number }) => r.advocateId === author.user.id,
    );
    expect(authorRow.reasons).toEqual(["wrote a story they read before asking"]);
    expect(await ror(manager.c, author.user.handle)).toEqual({ revenue: 400_000, margin: 100_000 });
  });
});
