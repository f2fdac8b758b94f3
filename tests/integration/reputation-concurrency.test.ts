import { afterAll, beforeAll, expect, it } from "vitest";
import { createDb, type DbHandle } from "../../db/client.ts";
import {
  awardPoints,
  reversePoints,
  type AwardInput,
} from "../../app/modules/reputation/ledger.server.ts";
import { reconcile } from "../../app/modules/reputation/reconcile.server.ts";
import type { RuleKey } from "../../app/modules/reputation/rules.ts";
import { createTestDb } from "../support/db.ts";
import { insertUser } from "../support/factories.ts";

// 1,000 concurrent awards and reversals over 50 people, 30 % of them
// duplicates, on whichever database the run uses. On PostgreSQL they go
// through two separate connection pools (as two app processes would); the
// embedded database has a single connection that queues its callers.
let handle: DbHandle;
let second: DbHandle | null = null;

beforeAll(async () => {
  handle = await createTestDb();
  if (handle.kind === "postgres")
    second = await createDb({
      databaseUrl: process.env.DATABASE_URL,
      schema: handle.schema,
      poolSize: 8,
    });
});
afterAll(async () => {
  await second?.close();
  await handle?.close();
});

type Op =
  | { kind: "award"; input: AwardInput }
  | { kind: "reverse"; key: string; reason: string; reversedBy: number | null };

function rng(seed: number) {
  return () => {
    seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
    return seed / 2 ** 31;
  };
}

it("keeps every balance equal to its ledger with no duplicate awards and no deadlock", async () => {
  const users = [];
  for (let i = 0; i < 50; i++) users.push(await insertUser(handle.db, { role: "advocate" }));
  const random = rng(20261122);
  const pick = <T>(list: T[]) => list[Math.floor(random() * list.length)];
  const rules: RuleKey[] = [
    "reply_upvoted",
    "post_upvoted",
    "answer_accepted",
    "accepted_an_answer",
    "talk_meetup",
    "case_study_published",
    "reference_call_completed",
  ];

  const unique: Op[] = [];
  const awardKeys: string[] = [];
  for (let i = 0; i < 560; i++) {
    const u = Math.floor(random() * users.length);
    const rule = pick(rules);
    const key = `race:${i}`;
    awardKeys.push(key);
    unique.push({
      kind: "award",
      input: {
        userId: users[u].id,
        rule,
        source: { type: "post", id: i },
        idempotencyKey: key,
        // Votes come from someone else; other rules from the system.
        awardedBy: rule.endsWith("_upvoted") ? users[(u + 1 + (i % 48)) % users.length].id : null,
      },
    });
  }
  for (let i = 0; i < 140; i++)
    unique.push({
      kind: "reverse",
      key: pick(awardKeys),
      reason: "Vote withdrawn",
      reversedBy: null,
    });
  const duplicates = Array.from({ length: 300 }, () => pick(unique));
  const ops = [...unique, ...duplicates];
  for (let i = ops.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [ops[i], ops[j]] = [ops[j], ops[i]];
  }
  expect(ops).toHaveLength(1000);

  const handles = [handle, ...(second ? [second] : [])];
  const results = await Promise.allSettled(
    ops.map((op, i) => {
      const db = handles[i % handles.length].db;
      return op.kind === "award"
        ? awardPoints(db, op.input)
        : reversePoints(db, {
            idempotencyKey: op.key,
            reason: op.reason,
            reversedBy: op.reversedBy,
          });
    }),
  );
  const failures = results.filter((r) => r.status === "rejected");
  expect(failures.map((f) => String((f as PromiseRejectedResult).reason))).toEqual([]);

  // Every distinct award landed exactly once; duplicates returned null.
  const rows = await handle.db
    .selectFrom("reputation_ledger")
    .select(["idempotency_key", "reverses_id", "user_id", "amount"])
    .where("idempotency_key", "like", "%race:%")
    .execute();
  const awards = rows.filter((r) => r.reverses_id === null);
  expect(new Set(awards.map((r) => r.idempotency_key)).size).toBe(560);
  expect(awards).toHaveLength(560);
  const awardedResults = results.filter(
    (r, i) => ops[i].kind === "award" && r.status === "fulfilled" && r.value !== null,
  );
  expect(awardedResults).toHaveLength(560);
  // A reversal happens at most once per award (and only after the award committed).
  const reversals = rows.filter((r) => r.reverses_id !== null);
  expect(new Set(reversals.map((r) => r.reverses_id)).size).toBe(reversals.length);
  expect(reversals.length).toBeLessThanOrEqual(
    new Set(unique.filter((o) => o.kind === "reverse").map((o) => (o as { key: string }).key)).size,
  );

  // Every balance equals the sum of its ledger rows, total and per area.
  const report = await reconcile(handle.db);
  expect(report.drift).toEqual([]);
  const balances = await handle.db.selectFrom("reputation_balances").selectAll().execute();
  for (const b of balances) {
    const sum = rows.filter((r) => r.user_id === b.user_id).reduce((n, r) => n + r.amount, 0);
    expect(b.total).toBe(sum);
    expect(b.help + b.speaking + b.stories + b.community).toBe(b.total);
  }
});
