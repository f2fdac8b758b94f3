import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "../../db/client.ts";
import type { Role } from "../../db/schema.ts";
import { createTestDb } from "../support/db.ts";
import { insertUser, uniqueSuffix } from "../support/factories.ts";
import { person, signedIn, tab } from "../support/people.ts";
import { startTestServer, type TestServer } from "../support/server.ts";

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

/** A new person, and a tab of theirs signed in. */
async function signedInAs(role: Role) {
  const who = await person(handle.db, role);
  return { user: who, c: await signedIn(server, who) };
}

const FIGURES = "/manage/referral-links";
const DATA = `${FIGURES}?_data=routes%2Fmanage.referral-links`;

describe("the managers' referral-link figures", () => {
  it("is staff-only, starts empty, counts each advocate's clicks and conversions, and pages", async () => {
    const manager = await signedInAs("manager");
    const advocate = await signedInAs("advocate");
    const prospect = await signedInAs("prospect");

    expect((await advocate.c.get(FIGURES)).status).toBe(403);
    expect((await prospect.c.get(DATA)).status).toBe(403);
    const anonymous = await tab(server).get(FIGURES);
    expect(anonymous.status).toBe(302);

    const empty = await manager.c.get(FIGURES);
    expect(empty.status).toBe(200);
    expect(await empty.text()).toContain("No referral links yet");

    // The advocate makes their links; a signed-in prospect clicks one, then asks to be referred.
    expect(
      (
        await advocate.c.post("/settings/referral-links?_data=routes%2Fsettings.referral-links", {
          intent: "create",
        })
      ).status,
    ).toBe(204);
    const { code } = await handle.db
      .selectFrom("referral_link_codes")
      .select("code")
      .where("advocate_id", "=", advocate.user.id)
      .executeTakeFirstOrThrow();
    expect((await prospect.c.get(`/r/${code}`)).status).toBe(302);
    expect((await tab(server).get(`/r/${code}`)).status).toBe(302);
    const referrer = await signedInAs("advocate");
    expect(
      (
        await referrer.c.post("/referrals?_data=routes%2Freferrals", {
          contactName: prospect.user.displayName,
          contactEmail: prospect.user.email,
          company: "Tailspin Toys",
          consent: "on",
        })
      ).status,
    ).toBe(204);

    const figures = await (await manager.c.get(DATA)).json();
    expect(figures.totals).toEqual({ clicks: 2, conversions: 1 });
    expect(figures.rows).toEqual([
      expect.objectContaining({ handle: advocate.user.handle, clicks: 2, conversions: 1 }),
    ]);
    const html = await (await manager.c.get(FIGURES)).text();
    expect(html).toContain(`data-testid="link-figures-${advocate.user.handle}"`);
    expect(html).toContain('href="/manage/referral-links"');

    // Thirty more advocates with links and no clicks yet: a second page, most clicked first.
    for (let i = 0; i < 30; i++) {
      const other = await insertUser(handle.db, { role: "advocate" });
      await handle.db
        .insertInto("referral_link_codes")
        .values({ advocate_id: other.id, code: `z${uniqueSuffix()}`.slice(0, 12) })
        .execute();
    }
    const first = await (await manager.c.get(DATA)).json();
    expect(first).toMatchObject({ total: 31, page: 1, pageCount: 2 });
    expect(first.rows[0].handle).toBe(advocate.user.handle);
    const second = await (await manager.c.get(`${DATA}&page=2`)).json();
    expect(second.rows).toHaveLength(6);
    expect(second.rows.every((r: { clicks: number }) => r.clicks === 0)).toBe(true);
  });
});
