import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "../../db/client.ts";
import { loadViewer } from "../../app/modules/viewer/viewer.server.ts";
import { policy } from "../../app/modules/access/policy.ts";
import { checkBadges, listBadges } from "../../app/modules/reputation/badges.server.ts";
import {
  announcePoints,
  awardPoints,
  getBalance,
  reversePoints,
  reverseSource,
  type AwardInput,
} from "../../app/modules/reputation/ledger.server.ts";
import { getLeaderboard } from "../../app/modules/reputation/leaderboard.server.ts";
import { contextFor } from "../../app/modules/commands/command.server.ts";
import { awardManually } from "../../app/modules/reputation/manual.server.ts";
import { reconcile } from "../../app/modules/reputation/reconcile.server.ts";
import { updateReputationSettings } from "../../app/modules/reputation/settings.server.ts";
import { listHistory } from "../../app/modules/reputation/history.server.ts";
import { registerSourceResolver } from "../../app/modules/reputation/sources.server.ts";
import type { RealtimePublisher } from "../../app/modules/realtime/publisher.ts";
import { createTestDb } from "../support/db.ts";
import { insertUser, uniqueSuffix } from "../support/factories.ts";

let handle: DbHandle;
beforeAll(async () => {
  handle = await createTestDb();
});
afterAll(async () => {
  await handle?.close();
});

const db = () => handle.db;
const person = (role: "advocate" | "prospect" | "manager" | "admin" = "advocate") =>
  insertUser(handle.db, { role });
const key = (prefix = "k") => `${prefix}:${uniqueSuffix()}${uniqueSuffix()}`;

async function ledgerRows(userId: number) {
  return db()
    .selectFrom("reputation_ledger")
    .selectAll()
    .where("user_id", "=", userId)
    .orderBy("id")
    .execute();
}

async function ledgerCount() {
  const row = await db()
    .selectFrom("reputation_ledger")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

const accepted = (userId: number, k = key("accept")): AwardInput => ({
  userId,
  rule: "answer_accepted",
  source: { type: "post", id: 42 },
  idempotencyKey: k,
  awardedBy: null,
});

describe("awarding points", () => {
  it("writes one ledger row and moves the balance in the same transaction", async () => {
    const author = await person();
    const entry = await awardPoints(db(), accepted(author.id));
    expect(entry).toMatchObject({
      userId: author.id,
      amount: 15,
      rule: "answer_accepted",
      area: "help",
      sourceType: "post",
      sourceId: "42",
      reversesId: null,
    });
    expect(entry!.balance).toEqual({ total: 15, help: 15, speaking: 0, stories: 0, community: 0 });
    expect(await getBalance(db(), author.id)).toEqual(entry!.balance);
  });

  it("is idempotent: the same key awards once and returns null the second time", async () => {
    const author = await person();
    const input = accepted(author.id);
    expect(await awardPoints(db(), input)).not.toBeNull();
    expect(await awardPoints(db(), input)).toBeNull();
    expect(await ledgerRows(author.id)).toHaveLength(1);
    expect((await getBalance(db(), author.id)).total).toBe(15);
  });

  it("stays idempotent when the same award races itself", async () => {
    const author = await person();
    const input = accepted(author.id);
    const results = await Promise.all(Array.from({ length: 8 }, () => awardPoints(db(), input)));
    expect(results.filter(Boolean)).toHaveLength(1);
    expect(await ledgerRows(author.id)).toHaveLength(1);
    expect((await getBalance(db(), author.id)).total).toBe(15);
  });

  it("joins the caller's transaction: a rollback there leaves no row and no balance", async () => {
    const author = await person();
    await expect(
      db()
        .transaction()
        .execute(async (trx) => {
          const entry = await awardPoints(trx, accepted(author.id));
          expect(entry!.balance.total).toBe(15);
          throw new Error("the caller's work failed");
        }),
    ).rejects.toThrow("the caller's work failed");
    expect(await ledgerRows(author.id)).toHaveLength(0);
    expect((await getBalance(db(), author.id)).total).toBe(0);
  });

  it("refuses bad input with a clear status and writes nothing", async () => {
    const author = await person();
    const manager = await person("manager");
    const before = await ledgerCount();
    const cases: [Partial<AwardInput>, number, RegExp][] = [
      [{ userId: 987654 }, 404, /could not find the person/],
      [{ rule: "bribe" as never }, 400, /Unknown reputation rule/],
      [{ amount: 50 }, 400, /Only manual adjustments carry their own amount/],
      [{ idempotencyKey: "" }, 400, /idempotency key/],
      [
        { rule: "manual_adjustment", amount: 50, awardedBy: manager.id, reason: "  " },
        400,
        /Give a reason/,
      ],
      [
        { rule: "manual_adjustment", amount: 501, awardedBy: manager.id, reason: "Talk" },
        400,
        /±500/,
      ],
      [
        { rule: "manual_adjustment", amount: 0, awardedBy: manager.id, reason: "Talk" },
        400,
        /other than zero/,
      ],
      [
        {
          rule: "manual_adjustment",
          amount: 5,
          userId: manager.id,
          awardedBy: manager.id,
          reason: "Me",
        },
        403,
        /themselves/,
      ],
      [{ rule: "reply_upvoted", awardedBy: author.id }, 400, /own post/],
      [{ rule: "reply_upvoted", awardedBy: 987654 }, 404, /awarding these points does not exist/],
    ];
    for (const [override, status, message] of cases) {
      const attempt = awardPoints(db(), { ...accepted(author.id), ...override });
      await expect(attempt, JSON.stringify(override)).rejects.toMatchObject({ status });
      await expect(awardPoints(db(), { ...accepted(author.id), ...override })).rejects.toThrow(
        message,
      );
    }
    expect(await ledgerCount()).toBe(before);
    expect((await getBalance(db(), author.id)).total).toBe(0);
  });

  it("records a manual adjustment in the area the manager chose, with its reason", async () => {
    const author = await person();
    const manager = await person("manager");
    const entry = await awardPoints(db(), {
      userId: author.id,
      rule: "manual_adjustment",
      source: { type: "manual", id: "m1" },
      idempotencyKey: key("manual"),
      awardedBy: manager.id,
      amount: -20,
      area: "speaking",
      reason: "Correction: the talk was logged twice",
    });
    expect(entry).toMatchObject({ amount: -20, area: "speaking", awardedBy: manager.id });
    expect(await getBalance(db(), author.id)).toMatchObject({ total: -20, speaking: -20 });
  });
});

describe("the ledger is append-only", () => {
  it("refuses UPDATE and DELETE in the database itself", async () => {
    const author = await person();
    await awardPoints(db(), accepted(author.id));
    await expect(
      sql`update reputation_ledger set amount = 1000 where user_id = ${author.id}`.execute(db()),
    ).rejects.toThrow(/append-only/);
    await expect(
      sql`delete from reputation_ledger where user_id = ${author.id}`.execute(db()),
    ).rejects.toThrow(/append-only/);
    expect((await ledgerRows(author.id))[0].amount).toBe(15);
  });

  it("keeps a person with history from being deleted (history would be rewritten)", async () => {
    const author = await person();
    await awardPoints(db(), accepted(author.id));
    await expect(db().deleteFrom("users").where("id", "=", author.id).execute()).rejects.toThrow(
      /violates .*foreign key constraint/,
    );
    const stranger = await person();
    await db().deleteFrom("users").where("id", "=", stranger.id).execute();
  });
});

describe("reversing points", () => {
  it("writes a compensating entry that points at the original; twice is a no-op", async () => {
    const author = await person();
    const voter = await person();
    const k = key("vote");
    const original = await awardPoints(db(), {
      userId: author.id,
      rule: "reply_upvoted",
      source: { type: "post", id: 7 },
      idempotencyKey: k,
      awardedBy: voter.id,
    });
    const reversal = await reversePoints(db(), {
      idempotencyKey: k,
      reason: "Vote withdrawn",
      reversedBy: voter.id,
    });
    expect(reversal).toMatchObject({
      amount: -5,
      reversesId: original!.id,
      rule: "reply_upvoted",
      reason: "Vote withdrawn",
    });
    expect(reversal!.balance.total).toBe(0);
    expect(
      await reversePoints(db(), { idempotencyKey: k, reason: "again", reversedBy: null }),
    ).toBeNull();
    expect(
      await reversePoints(db(), {
        idempotencyKey: "vote:never-given",
        reason: "x",
        reversedBy: null,
      }),
    ).toBeNull();
    expect(await ledgerRows(author.id)).toHaveLength(2);
    expect((await getBalance(db(), author.id)).total).toBe(0);
  });

  it("reverses each award of a deleted source once, also when raced", async () => {
    const author = await person();
    const source = { type: "post", id: `gone-${uniqueSuffix()}` };
    for (let i = 0; i < 3; i++) {
      const voter = await person();
      await awardPoints(db(), {
        userId: author.id,
        rule: "reply_upvoted",
        source,
        idempotencyKey: key("vote"),
        awardedBy: voter.id,
      });
    }
    const [a, b] = await Promise.all([
      reverseSource(db(), { source, reason: "Post deleted", reversedBy: null }),
      reverseSource(db(), { source, reason: "Post deleted", reversedBy: null }),
    ]);
    expect(a.length + b.length).toBe(3);
    expect((await getBalance(db(), author.id)).total).toBe(0);
    expect(await ledgerRows(author.id)).toHaveLength(6);
  });
});

describe("anti-gaming for vote-derived points", () => {
  const vote = (
    userId: number,
    voterId: number,
    at: Date,
    rule: AwardInput["rule"] = "reply_upvoted",
  ) =>
    awardPoints(db(), {
      userId,
      rule,
      source: { type: "post", id: uniqueSuffix() },
      idempotencyKey: key("vote"),
      awardedBy: voterId,
      at,
    });

  it("stops at 200 points per day, writing zero-point rows that explain the cap", async () => {
    const author = await person();
    const day = new Date("2026-03-10T09:00:00Z");
    const voters = await Promise.all(Array.from({ length: 41 }, () => person()));
    const results = [];
    for (const voter of voters) results.push(await vote(author.id, voter.id, day));
    expect(results.slice(0, 40).every((r) => r!.amount === 5)).toBe(true);
    expect(results[40]).toMatchObject({ amount: 0 });
    expect(results[40]!.reason).toMatch(/daily limit of 200/);
    expect((await getBalance(db(), author.id)).total).toBe(200);
    // The next day starts afresh.
    const next = await vote(author.id, voters[0].id, new Date("2026-03-11T00:00:01Z"));
    expect(next!.amount).toBe(5);
  });

  it("awards only what is left under the cap, even when votes race", async () => {
    const author = await person();
    const day = new Date("2026-04-02T12:00:00Z");
    const voters = await Promise.all(Array.from({ length: 45 }, () => person()));
    await Promise.all(voters.map((v) => vote(author.id, v.id, day)));
    expect((await getBalance(db(), author.id)).total).toBe(200);
    const rows = await ledgerRows(author.id);
    expect(rows).toHaveLength(45);
    expect(rows.reduce((n, r) => n + r.amount, 0)).toBe(200);
  });

  it("counts at most five scoring votes a day from one voter to the same author", async () => {
    const author = await person();
    const voter = await person();
    const day = new Date("2026-05-05T08:00:00Z");
    const amounts = [];
    for (let i = 0; i < 7; i++) amounts.push((await vote(author.id, voter.id, day))!.amount);
    expect(amounts).toEqual([5, 5, 5, 5, 5, 0, 0]);
    const rows = await ledgerRows(author.id);
    expect(rows[6].reason).toMatch(/already gave 5 scoring votes/);
    // Another voter still scores.
    const other = await person();
    expect((await vote(author.id, other.id, day))!.amount).toBe(5);
  });

  it("does not let vote-and-unvote cycles farm points past the limits", async () => {
    const author = await person();
    const voter = await person();
    const day = new Date("2026-06-01T08:00:00Z");
    for (let i = 0; i < 5; i++) {
      const entry = await vote(author.id, voter.id, day);
      await reversePoints(db(), {
        idempotencyKey: entry!.idempotencyKey,
        reason: "Vote withdrawn",
        reversedBy: voter.id,
        at: day,
      });
    }
    expect((await vote(author.id, voter.id, day))!.amount).toBe(0);
    expect((await getBalance(db(), author.id)).total).toBe(0);
  });
});

describe("badges", () => {
  it("are granted once from the ledger, with the date they were reached", async () => {
    const author = await person();
    const start = Date.parse("2026-02-01T10:00:00Z");
    const entries = [];
    for (let i = 0; i < 10; i++)
      entries.push(
        await awardPoints(db(), {
          ...accepted(author.id),
          source: { type: "post", id: 100 + i },
          at: new Date(start + i * 86_400_000),
        }),
      );
    expect(entries[0]!.badges.map((b) => b.badge)).toEqual(["first_answer"]);
    expect(entries[6]!.badges.map((b) => b.badge).sort()).toEqual(["century", "rising_star"]);
    expect(entries[9]!.badges.map((b) => b.badge)).toEqual(["problem_solver"]);
    expect(await checkBadges(db(), author.id)).toEqual([]);
    await Promise.all([checkBadges(db(), author.id), checkBadges(db(), author.id)]);
    const badges = await listBadges(db(), author.id);
    expect(badges.map((b) => b.key).sort()).toEqual([
      "century",
      "first_answer",
      "problem_solver",
      "rising_star",
    ]);
    expect(badges.find((b) => b.key === "first_answer")!.earnedAt).toEqual(new Date(start));
  });
});

describe("live announcements", () => {
  it("send a toast and the new balance to the person's room, and stay silent for capped votes", async () => {
    const author = await person();
    const events: { userId: number; event: string; payload: any }[] = [];
    const recorder: RealtimePublisher = {
      toUser: (userId, event, payload) => events.push({ userId, event, payload }),
      toThread: () => {},
    };
    const entry = await awardPoints(db(), {
      ...accepted(author.id),
      source: { type: "post", id: 5, title: "Migrating from v3?" },
    });
    announcePoints(recorder, [entry, null, { ...entry!, amount: 0 }]);
    expect(events.filter((e) => e.event === "toast")[0]).toMatchObject({
      userId: author.id,
      payload: {
        kind: "success",
        title: "You earned 15 points",
        description: "Answer accepted in “Migrating from v3?”",
      },
    });
    expect(events.find((e) => e.event === "user:points")!.payload.balance.total).toBe(15);
    expect(events.some((e) => e.payload.title?.includes("First Answer"))).toBe(true);
    expect(events.filter((e) => e.event === "user:points")).toHaveLength(1);
  });
});

describe("settings", () => {
  it("change values from then on, never retroactively, and are audited", async () => {
    const admin = await person("admin");
    const adminViewer = { id: admin.id, role: "admin" as const };
    const author = await person();
    const voter = await person();
    const before = await awardPoints(db(), {
      userId: author.id,
      rule: "reply_upvoted",
      source: { type: "post", id: 1 },
      idempotencyKey: key("vote"),
      awardedBy: voter.id,
    });
    const changes = await updateReputationSettings(contextFor(db(), adminViewer), {
      rules: { reply_upvoted: 8 },
    });
    expect(changes).toEqual({ "rules.reply_upvoted": { from: 5, to: 8 } });
    const after = await awardPoints(db(), {
      userId: author.id,
      rule: "reply_upvoted",
      source: { type: "post", id: 2 },
      idempotencyKey: key("vote"),
      awardedBy: (await person()).id,
    });
    expect(before!.amount).toBe(5);
    expect(after!.amount).toBe(8);
    const rows = await ledgerRows(author.id);
    expect(rows.map((r) => r.amount)).toEqual([5, 8]);
    const audit = await db()
      .selectFrom("audit_log")
      .selectAll()
      .where("action", "=", "reputation.settings_changed")
      .where("actor_id", "=", admin.id)
      .execute();
    expect(audit).toHaveLength(1);
    expect(audit[0].details).toEqual({ changes: { "rules.reply_upvoted": { from: 5, to: 8 } } });
    // Back to the default: nothing is left overriding it.
    await updateReputationSettings(contextFor(db(), adminViewer), { rules: { reply_upvoted: 5 } });
    const stored = await db()
      .selectFrom("settings")
      .select("value")
      .where("key", "=", "reputation.rules")
      .executeTakeFirstOrThrow();
    expect(stored.value).toEqual({});
  });

  it("are refused to managers", async () => {
    const manager = await person("manager");
    await expect(
      updateReputationSettings(contextFor(db(), { id: manager.id, role: "manager" }), {
        rules: { talk_meetup: 1 },
      }),
    ).rejects.toMatchObject({ status: 403 });
  });
});

describe("privileges and the viewer", () => {
  it("carry the balance and the configured thresholds into the access policy", async () => {
    const author = await person();
    const viewerBefore = await loadViewer(db(), { id: author.id, role: "advocate" });
    expect(viewerBefore).toMatchObject({ reputation: 0 });
    expect(policy.hasPrivilege(viewerBefore, "vote")).toBe(false);
    await awardPoints(db(), accepted(author.id));
    const viewer = await loadViewer(db(), { id: author.id, role: "advocate" });
    expect(viewer!.reputation).toBe(15);
    expect(policy.hasPrivilege(viewer, "vote")).toBe(true);
    expect(policy.hasPrivilege(viewer, "edit_others")).toBe(false);
    const admin = await person("admin");
    await updateReputationSettings(contextFor(db(), { id: admin.id, role: "admin" }), {
      privileges: { vote: 20 },
    });
    const stricter = await loadViewer(db(), { id: author.id, role: "advocate" });
    expect(policy.hasPrivilege(stricter, "vote")).toBe(false);
    expect(
      policy.hasPrivilege(await loadViewer(db(), { id: admin.id, role: "admin" }), "vote"),
    ).toBe(true);
    await updateReputationSettings(contextFor(db(), { id: admin.id, role: "admin" }), {
      privileges: { vote: 15 },
    });
  });
});

describe("manual awards", () => {
  it("need a manager, a reason and a known handle; a double submit awards once; each is audited", async () => {
    const manager = await person("manager");
    const author = await person();
    const mv = { id: manager.id, role: "manager" as const };
    const token = crypto.randomUUID();
    const input = {
      handle: author.handle,
      amount: 100,
      area: "speaking" as const,
      reason: "Spoke at Northwind Summit",
      token,
    };
    await expect(
      awardManually(contextFor(db(), { id: author.id, role: "advocate" }), input),
    ).rejects.toMatchObject({ status: 403 });
    await expect(
      awardManually(contextFor(db(), mv), { ...input, handle: "nobody-has-this" }),
    ).rejects.toMatchObject({ status: 404, field: "handle" });
    await expect(
      awardManually(contextFor(db(), mv), { ...input, reason: "" }),
    ).rejects.toMatchObject({
      status: 400,
      field: "reason",
    });
    await expect(
      awardManually(contextFor(db(), mv), { ...input, handle: manager.handle }),
    ).rejects.toMatchObject({ status: 403 });
    const entry = await awardManually(contextFor(db(), mv), input);
    expect(entry).toMatchObject({ amount: 100, area: "speaking", awardedBy: manager.id });
    expect(await awardManually(contextFor(db(), mv), input)).toBeNull();
    expect(await ledgerRows(author.id)).toHaveLength(1);
    const audit = await db()
      .selectFrom("audit_log")
      .selectAll()
      .where("action", "=", "reputation.manual_award")
      .where("subject_id", "=", String(author.id))
      .execute();
    expect(audit).toHaveLength(1);
    expect(audit[0].reason).toBe("Spoke at Northwind Summit");
  });
});

describe("history", () => {
  it("explains each line and links it through the source registry, or shows plain text", async () => {
    const author = await person();
    const type = `thing${uniqueSuffix()}`;
    registerSourceResolver(
      type,
      async (_db, ids) =>
        new Map(
          ids
            .filter((id) => id === "1")
            .map((id) => [id, { href: `/things/${id}`, title: "Migrating from v3?" }]),
        ),
    );
    await awardPoints(db(), {
      ...accepted(author.id),
      source: { type, id: 1 },
      at: new Date("2026-11-12T10:00:00Z"),
    });
    await awardPoints(db(), {
      ...accepted(author.id),
      source: { type, id: 2 },
      at: new Date("2026-11-13T10:00:00Z"),
    });
    const page = await listHistory(db(), null, author.id);
    expect(page.total).toBe(2);
    expect(page.lines[0]).toMatchObject({
      amount: 15,
      phrase: "answer accepted",
      link: null,
      sourceLabel: `${type} #2`,
    });
    expect(page.lines[1]).toMatchObject({
      link: { href: "/things/1", title: "Migrating from v3?" },
    });
    const second = await listHistory(db(), null, author.id, { page: 2, pageSize: 1 });
    expect(second.lines).toHaveLength(1);
    expect(second.pageCount).toBe(2);
  });
});

describe("leaderboards", () => {
  it("rank by points with ties sharing a rank, name opted-out people 'an advocate', leave staff out, and pin the viewer", async () => {
    // A database of this describe's own making: earlier tests left people with points.
    const fresh = await createTestDb();
    try {
      const d = fresh.db;
      const mk = (role: "advocate" | "manager" = "advocate") => insertUser(d, { role });
      const [a, b, c, shy] = [await mk(), await mk(), await mk(), await mk()];
      const manager = await mk("manager");
      const other = await mk("manager");
      const give = (userId: number, amount: number, daysAgo = 1) =>
        awardPoints(d, {
          userId,
          rule: "manual_adjustment",
          source: { type: "manual", id: uniqueSuffix() },
          idempotencyKey: key("lb"),
          awardedBy: other.id,
          amount,
          area: "help",
          reason: "Test",
          at: new Date(Date.now() - daysAgo * 86_400_000),
        });
      await give(a.id, 300, 60);
      await give(b.id, 120);
      await give(c.id, 120);
      await give(shy.id, 50);
      await give(manager.id, 450);
      await d
        .updateTable("profiles")
        .set({ leaderboard_opt_out: true })
        .where("user_id", "=", shy.id)
        .execute();

      const board = await getLeaderboard(d, { id: c.id, role: "advocate" });
      expect(board.rows.map((r) => [r.rank, r.points])).toEqual([
        [1, 300],
        [2, 120],
        [2, 120],
        [4, 50],
      ]);
      expect(board.rows.some((r) => r.person?.id === manager.id)).toBe(false);
      expect(board.rows[3].person).toBeNull();
      expect(board.viewerRow).toMatchObject({ rank: 2, points: 120, isViewer: true });
      expect(board.total).toBe(4);

      const shyView = await getLeaderboard(d, { id: shy.id, role: "advocate" });
      expect(shyView.viewerRow!.person!.id).toBe(shy.id);

      const recent = await getLeaderboard(d, null, { board: "30d" });
      expect(recent.rows.map((r) => r.points)).toEqual([120, 120, 50]);
      // The last-30-days board is a snapshot, recomputed once it is a minute old.
      await give(shy.id, 100, 0);
      expect((await getLeaderboard(d, null, { board: "30d" })).rows[0].points).toBe(120);
      const later = new Date(Date.now() + 61_000);
      const refreshed = await getLeaderboard(d, null, { board: "30d", now: later });
      expect(refreshed.rows.map((r) => r.points)).toEqual([150, 120, 120]);
      expect(refreshed.rows[0].person).toBeNull();
      const staffView = await getLeaderboard(d, { id: manager.id, role: "manager" });
      expect(staffView.viewerRow).toBeNull();
      expect(staffView.viewerNote).toMatch(/not ranked/);

      const admin = await insertUser(d, { role: "admin" });
      await updateReputationSettings(contextFor(d, { id: admin.id, role: "admin" }), {
        options: { leaderboardIncludesStaff: true },
      });
      const withStaff = await getLeaderboard(d, null);
      expect(withStaff.rows[0]).toMatchObject({ rank: 1, points: 450 });
      expect((await getLeaderboard(d, null, { board: "speaking" })).rows).toEqual([]);
    } finally {
      await fresh.close();
    }
  });
});

describe("leaderboard standings", () => {
  it("are the same board after every change of points or staff, read after read", async () => {
    const fresh = await createTestDb();
    try {
      const d = fresh.db;
      const [a, b, granter] = [
        await insertUser(d, { role: "advocate" }),
        await insertUser(d, { role: "advocate" }),
        await insertUser(d, { role: "manager" }),
      ];
      const give = (userId: number, amount: number, idempotencyKey = key("standing")) =>
        awardPoints(d, {
          userId,
          rule: "manual_adjustment",
          source: { type: "manual", id: uniqueSuffix() },
          idempotencyKey,
          awardedBy: granter.id,
          amount,
          area: "help",
          reason: "Test",
        });
      const asB = { id: b.id, role: "advocate" as const };
      const ranks = async () => {
        const board = await getLeaderboard(d, asB);
        return {
          rows: board.rows.map((r) => [r.rank, r.points, r.person?.id]),
          mine: board.viewerRow && [board.viewerRow.rank, board.viewerRow.points],
          total: board.total,
        };
      };
      expect(await ranks()).toEqual({ rows: [], mine: null, total: 0 });
      await give(a.id, 100);
      await give(b.id, 50);
      expect(await ranks()).toEqual({
        rows: [
          [1, 100, a.id],
          [2, 50, b.id],
        ],
        mine: [2, 50],
        total: 2,
      });
      // Read again with nothing changed, then after b overtakes a.
      expect((await ranks()).mine).toEqual([2, 50]);
      const overtaking = key("standing");
      await give(b.id, 100, overtaking);
      expect(await ranks()).toEqual({
        rows: [
          [1, 150, b.id],
          [2, 100, a.id],
        ],
        mine: [1, 150],
        total: 2,
      });
      // A correction takes points back: the board follows.
      await reversePoints(d, {
        idempotencyKey: overtaking,
        reason: "Test",
        reversedBy: granter.id,
      });
      expect((await ranks()).mine).toEqual([2, 50]);
      // Someone who becomes staff leaves the board, with no new points written.
      await d.updateTable("users").set({ role: "manager" }).where("id", "=", a.id).execute();
      expect(await ranks()).toEqual({ rows: [[1, 50, b.id]], mine: [1, 50], total: 1 });
    } finally {
      await fresh.close();
    }
  });
});

describe("reconcile", () => {
  it("finds balances that drifted from the ledger and repairs them", async () => {
    const author = await person();
    await awardPoints(db(), accepted(author.id));
    expect((await reconcile(db())).drift).toEqual([]);
    await db()
      .updateTable("reputation_balances")
      .set({ total: 999, help: 3 })
      .where("user_id", "=", author.id)
      .execute();
    const stranger = await person();
    await db()
      .insertInto("reputation_balances")
      .values({ user_id: stranger.id, total: 7, community: 7 })
      .execute();
    const report = await reconcile(db());
    expect(report.drift.map((d) => d.userId).sort()).toEqual([author.id, stranger.id].sort());
    const mine = report.drift.find((d) => d.userId === author.id)!;
    expect(mine.stored.total).toBe(999);
    expect(mine.ledger).toEqual({ total: 15, help: 15, speaking: 0, stories: 0, community: 0 });
    expect(mine.handle).toBe(author.handle);
    const fixed = await reconcile(db(), { fix: true });
    expect(fixed.drift).toHaveLength(2);
    expect((await reconcile(db())).drift).toEqual([]);
    expect((await getBalance(db(), author.id)).total).toBe(15);
    expect((await getBalance(db(), stranger.id)).total).toBe(0);
  });
});
