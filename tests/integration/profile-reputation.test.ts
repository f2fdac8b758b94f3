import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "../../db/client.ts";
import { awardPoints, reversePoints } from "../../app/modules/reputation/ledger.server.ts";
import { loadProfileReputation } from "../../app/modules/reputation/profile.server.ts";
import { createTestDb } from "../support/db.ts";
import { insertUser } from "../support/factories.ts";

// The profile keeps a person's points per day between readers; every change
// to their ledger must show on the next read, also a reversal.

let handle: DbHandle;
type Person = Awaited<ReturnType<typeof insertUser>>;
let advocate: Person, manager: Person;
const url = new URL("http://limelight.test/u/someone");
const read = () => loadProfileReputation(handle.db, null, advocate.id, url);
const total = (days: { points: number }[]) => days.reduce((sum, d) => sum + d.points, 0);

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
    expect((await read()).days).toEqual([]);
    await give(20, "first", new Date("2026-11-02T10:00:00Z"));
    const first = await read();
    expect(first.days).toEqual([{ day: "2026-11-02", area: "community", points: 20 }]);
    expect(first.balance.total).toBe(20);
    // Read again unchanged, then a new award on another day.
    expect((await read()).days).toEqual(first.days);
    await give(5, "second", new Date("2026-11-20T10:00:00Z"));
    const second = await read();
    expect(second.days).toHaveLength(2);
    expect(total(second.days)).toBe(25);
    await reversePoints(handle.db, {
      idempotencyKey: "profile-reputation:second",
      reason: "Counted twice",
      reversedBy: manager.id,
    });
    const third = await read();
    expect(total(third.days)).toBe(20);
    expect(third.balance.total).toBe(20);
  });
});
