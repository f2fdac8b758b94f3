import { randomBytes } from "node:crypto";
import { sql } from "kysely";
import { checkBadges } from "../app/modules/reputation/badges.server.ts";
import { awardPoints } from "../app/modules/reputation/ledger.server.ts";
import {
  boardPage,
  getLeaderboard,
  rankOnBoard,
  refreshRecentBoard,
} from "../app/modules/reputation/leaderboard.server.ts";
import { openCliDatabase } from "../db/cli/open.ts";
import { holdsDemoCommunity } from "../db/seed/scale.ts";
import { measure } from "./support.ts";

/**
 * Leaderboard reads and award writes on the scale data set
 * (`npm run seed:scale` first): top 50 of each board, a person's rank, and
 * an award transaction. Awards are real ledger rows (keys "bench:<run>:<n>")
 * in the scale database only; the ledger is append-only, so they stay.
 */
class RolledBack extends Error {}

export async function run(): Promise<Record<string, number>> {
  if (process.env.DATABASE_URL) process.env.DATABASE_SCHEMA ??= "scale";
  else process.env.DATA_DIR ??= "./data-scale";
  const handle = await openCliDatabase();
  try {
    const { db } = handle;
    if (await holdsDemoCommunity(db))
      throw new Error("this database holds the demo community; point it at the scale data set");
    const range = await sql<{ first: number; last: number; n: number }>`
      select min(id) as first, max(id) as last, count(*)::int as n
      from users where email like 'scale-%' and role = 'advocate'`.execute(db);
    const { first, last, n } = range.rows[0];
    if (!n) throw new Error("no scale data: run `npm run seed:scale` with the same settings first");
    const ledgerRows = await sql<{
      n: number;
    }>`select count(*)::int as n from reputation_ledger`.execute(db);
    console.log(
      `leaderboard benchmark on ${handle.kind === "postgres" ? `PostgreSQL schema ${handle.schema}` : "PGlite"}: ${Number(n).toLocaleString("en-GB")} advocates, ${Number(ledgerRows.rows[0].n).toLocaleString("en-GB")} ledger rows`,
    );
    const withPoints = await sql<{ user_id: number }>`
      select user_id from reputation_balances where total > 0 order by random() limit 500`.execute(
      db,
    );
    const ranked = withPoints.rows.map((r) => r.user_id);
    const board = { includeStaff: false };

    const top50 = await measure(() => boardPage(db, { ...board, board: "all", page: 1 }));
    const top50Area = await measure(() => boardPage(db, { ...board, board: "help", page: 1 }));
    const refresh = await measure(() => refreshRecentBoard(db, { maxAgeMs: 0 }), {
      iterations: 10,
      warmup: 1,
    });
    const top50Recent = await measure(() => boardPage(db, { ...board, board: "30d", page: 1 }));
    const rank = await measure((i) =>
      rankOnBoard(db, ranked[Math.abs(i) % ranked.length], { ...board, board: "all" }),
    );
    const page = await measure(
      (i) =>
        getLeaderboard(
          db,
          { id: ranked[Math.abs(i) % ranked.length], role: "advocate" },
          { board: "all" },
        ),
      { iterations: 100 },
    );
    // Awards go to people whose badges are already up to date (the steady
    // state); the scale generator does not grant badges, so catch them up first.
    const recipients = ranked.slice(0, 200);
    for (const userId of recipients) await checkBadges(db, userId);
    const randomUser = () => recipients[Math.floor(Math.random() * recipients.length)];
    const runId = randomBytes(4).toString("hex");
    const award = await measure((i) => {
      const userId = randomUser();
      const vote = i % 2 === 0;
      return awardPoints(db, {
        userId,
        rule: vote ? "reply_upvoted" : "answer_accepted",
        source: { type: "post", id: `bench-${runId}-${i}` },
        idempotencyKey: `bench:${runId}:${i}`,
        awardedBy: vote ? (userId === Number(first) ? Number(last) : userId - 1) : null,
      });
    });
    // What the award costs inside a caller's transaction (a vote), before the
    // commit: the commit itself waits for the disk to flush the WAL.
    const inTransaction = await measure(async (i) => {
      const userId = randomUser();
      await db
        .transaction()
        .execute(async (trx) => {
          await awardPoints(trx, {
            userId,
            rule: "reply_upvoted",
            source: { type: "post", id: `bench-${runId}-t${i}` },
            idempotencyKey: `bench:${runId}:t${i}`,
            awardedBy: userId === Number(first) ? Number(last) : userId - 1,
          });
          throw new RolledBack();
        })
        .catch((error) => {
          if (!(error instanceof RolledBack)) throw error;
        });
    });
    // The least a durable write costs here: one row written (and removed), then the WAL flush.
    const commitFloor = await measure((i) =>
      db.transaction().execute(async (trx) => {
        const key = `bench-commit-${runId}-${i}`;
        await sql`insert into settings (key, value) values (${key}, '{}'::jsonb)`.execute(trx);
        await sql`delete from settings where key = ${key}`.execute(trx);
      }),
    );
    return {
      top50_p50_ms: top50.p50,
      top50_p99_ms: top50.p99,
      top50_area_p50_ms: top50Area.p50,
      top50_30d_p50_ms: top50Recent.p50,
      top50_30d_p99_ms: top50Recent.p99,
      recent_refresh_p50_ms: refresh.p50,
      rank_p50_ms: rank.p50,
      rank_p99_ms: rank.p99,
      page_p50_ms: page.p50,
      page_p99_ms: page.p99,
      award_p50_ms: award.p50,
      award_p99_ms: award.p99,
      award_before_commit_p50_ms: inTransaction.p50,
      award_before_commit_p99_ms: inTransaction.p99,
      commit_floor_p50_ms: commitFloor.p50,
    };
  } finally {
    await handle.close();
    handle.release();
  }
}
