import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "../../db/client.ts";
import { awardPoints, reversePoints } from "../../app/modules/reputation/ledger.server.ts";
import { chartFor } from "../../app/modules/reputation/chart.ts";
import { loadProfileReputation } from "../../app/modules/reputation/profile.server.ts";
import { createTestDb } from "../support/db.ts";
import { insertUser } from "../support/factories.ts";

// The profile keeps a person's chart between readers; every change to their
// ledger must show on the next read, also a reversal, and so must a new day.

let handle: DbHandle;
type Person = Awaited<ReturnType<typeof insertUser>>;
let advocate: Person, manager: Person;
const url = new URL("http://limelight.test/u/someone");
const now = new Date("2026-12-02T12:00:00Z");
const read = (at = now) => loadProfileReputation(handle.db, null, advocate.id, url, at);
type Read = Awaited<ReturnType<typeof read>>;
const days = (r: Read) => r.chart?.days ?? [];
const total = (r: Read) => days(r).reduce((sum, d) => sum + d.points, 0);
/** The chart as drawn: its running total at the end of its last month. */
const charted = (r: Read) => chartFor(r.chart!.key, r.chart!.days, r.chart!.today)?.months.at(-1);

beforeAll(async () => {
  handle = await createTestDb();
  advocate = await insertUser(handle.db, { role: "advocate" });
  manager = await insertUser(handle.db, { role: "manager" });
});

afterAll(async () => {
  await handle?.close();
});

const give = (amount: number, key: string, at?: Date) =>
  awardPoints(handle.db, {
    userId: advocate.id,
    rule: "manual_adjustment",
    amount,
    reason: "Ran the user group",
    source: { type: "user", id: advocate.id },
    idempotencyKey: `profile-reputation:${key}`,
    awardedBy: manager.id,
    at,
  });

describe("the profile's reputation over time", () => {
  it("follows every change to the ledger", async () => {
    expect((await read()).chart).toBeNull();
    await give(20, "first", new Date("2026-11-02T10:00:00Z"));
    const first = await read();
    expect(days(first)).toEqual([{ day: "2026-11-02", area: "community", points: 20 }]);
    expect(charted(first)).toEqual({ month: "2026-12", byArea: [0, 0, 0, 20], total: 20 });
    expect(chartFor(first.chart!.key, days(first), first.chart!.today)?.summary).toBe(
      "From 2 Nov 2026 to 2 Dec 2026, reputation grew to 20 points: Peer help 0, Speaking 0, Stories 0, Community 20.",
    );
    expect(first.balance.total).toBe(20);
    // Read again unchanged: the same chart. Then a new award on another day.
    expect((await read()).chart).toEqual(first.chart);
    await give(5, "second", new Date("2026-11-20T10:00:00Z"));
    const second = await read();
    expect(second.chart?.key).not.toBe(first.chart?.key);
    expect(days(second)).toHaveLength(2);
    expect(total(second)).toBe(25);
    expect(charted(second)?.total).toBe(25);
    await reversePoints(handle.db, {
      idempotencyKey: "profile-reputation:second",
      reason: "Counted twice",
      reversedBy: manager.id,
    });
    const third = await read();
    expect(total(third)).toBe(20);
    expect(charted(third)?.total).toBe(20);
    expect(third.balance.total).toBe(20);
    // Another day is another chart, running on to it, with no change to the ledger.
    const later = await read(new Date("2027-01-05T12:00:00Z"));
    expect(later.chart?.key).not.toBe(third.chart?.key);
    expect(charted(later)).toEqual({ month: "2027-01", byArea: [0, 0, 0, 20], total: 20 });
  });
});
