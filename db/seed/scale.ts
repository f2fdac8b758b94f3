import { pathToFileURL } from "node:url";
import { sql } from "kysely";
import type { DB } from "../client.ts";
import { discussionScaleSteps, discussionSizesFromArgs } from "./scale-discussions.ts";

/**
 * A large, synthetic community for benchmarks:
 *
 *   npm run seed:scale -- --advocates 100000 --ledger 1000000 [--reset]
 *
 * It writes into a database of its own: the PostgreSQL schema in
 * DATABASE_SCHEMA (default `scale`) when DATABASE_URL is set, otherwise an
 * embedded database in DATA_DIR (default ./data-scale). It refuses to touch
 * a database that holds the demo community. Rows are made inside the
 * database with `insert … select generate_series`, in batches, reporting
 * progress.
 *
 * Each capability adds its own steps to SCALE_STEPS (discussions: spaces,
 * threads, votes …); a step sees the sizes asked for and what earlier steps
 * made.
 */
export interface ScaleOptions {
  advocates: number;
  ledger: number;
  managers: number;
}

export interface ScaleContext {
  db: DB;
  options: ScaleOptions;
  /** Prints one progress line. */
  progress(message: string): void;
  /** Shared facts between steps, e.g. the first and last scale user id. */
  facts: Record<string, number>;
}

export interface ScaleStep {
  name: string;
  run(ctx: ScaleContext): Promise<void>;
}

const USER_BATCH = 25_000;
const LEDGER_BATCH = 100_000;

export const SCALE_STEPS: ScaleStep[] = [
  {
    name: "people",
    async run({ db, options, progress, facts }) {
      const total = options.advocates + options.managers;
      for (let from = 1; from <= total; from += USER_BATCH) {
        const to = Math.min(total, from + USER_BATCH - 1);
        await sql`
          insert into users (email, handle, display_name, role, created_at, updated_at, verified_customer_at)
          select 'scale-' || g || '@scale.limelight.test', 'scale-' || g, 'Scale Advocate ' || g,
                 case when g > ${options.advocates} then 'manager' else 'advocate' end,
                 now() - (random() * 900) * interval '1 day', now(), now()
          from generate_series(${from}::int, ${to}::int) g`.execute(db);
        progress(`people ${to.toLocaleString("en-GB")} / ${total.toLocaleString("en-GB")}`);
      }
      const range = await sql<{ first: number; last: number }>`
        select min(id) as first, max(id) as last from users where email like 'scale-%'`.execute(db);
      facts.firstUserId = Number(range.rows[0].first);
      facts.lastUserId = Number(range.rows[0].last);
      facts.advocateCount = options.advocates;
      await sql`
        insert into profiles (user_id, headline, company, industry, is_public, leaderboard_opt_out)
        select id, 'Runs data pipelines at scale', 'Company ' || (id % 5000),
               (array['Logistics', 'Healthcare', 'Energy', 'Education', 'Manufacturing'])[1 + id % 5],
               id % 10 <> 0, id % 50 = 0
        from users where email like 'scale-%'`.execute(db);
      progress("profiles done");
    },
  },
  {
    name: "ledger",
    async run({ db, options, progress, facts }) {
      const first = facts.firstUserId;
      const advocates = facts.advocateCount;
      // A long tail, as in real communities: a few people earn most of the points.
      for (let from = 1; from <= options.ledger; from += LEDGER_BATCH) {
        const to = Math.min(options.ledger, from + LEDGER_BATCH - 1);
        await sql`
          insert into reputation_ledger
            (user_id, amount, rule, area, source_type, source_id, idempotency_key, awarded_by, reason, created_at)
          select ${first}::int + floor(${advocates}::int * power(random(), 3))::int,
                 r.amount, r.rule, r.area, r.source_type, g::text, 'scale:' || g,
                 case when r.rule like '%_upvoted' then ${first}::int + floor(random() * ${advocates}::int)::int end,
                 null,
                 now() - power(random(), 2) * interval '730 days'
          from generate_series(${from}::int, ${to}::int) g
          cross join lateral (
            select case
              when x < 0.55 then 'reply_upvoted' when x < 0.75 then 'post_upvoted'
              when x < 0.87 then 'answer_accepted' when x < 0.93 then 'accepted_an_answer'
              when x < 0.95 then 'reply_marked_helpful' when x < 0.965 then 'talk_meetup'
              when x < 0.975 then 'talk_webinar' when x < 0.98 then 'talk_conference'
              when x < 0.985 then 'case_study_published' else 'reference_call_completed' end as rule
            from (select random() + g * 0 as x) pick
          ) p
          cross join lateral (
            select p.rule,
              case p.rule when 'reply_upvoted' then 5 when 'post_upvoted' then 2
                when 'answer_accepted' then 15 when 'accepted_an_answer' then 2
                when 'reply_marked_helpful' then 10 when 'talk_meetup' then 30
                when 'talk_webinar' then 50 when 'talk_conference' then 100
                when 'case_study_published' then 150 else 40 end as amount,
              case when p.rule like 'talk_%' then 'speaking'
                when p.rule = 'case_study_published' then 'stories'
                when p.rule = 'reference_call_completed' then 'community' else 'help' end as area,
              case when p.rule like 'talk_%' then 'talk'
                when p.rule = 'case_study_published' then 'case_study'
                when p.rule = 'reference_call_completed' then 'reference' else 'post' end as source_type
          ) r`.execute(db);
        progress(
          `ledger ${to.toLocaleString("en-GB")} / ${options.ledger.toLocaleString("en-GB")}`,
        );
      }
      // About 1 % of votes were withdrawn: compensating entries, as the app writes them.
      await sql`
        insert into reputation_ledger
          (user_id, amount, rule, area, source_type, source_id, idempotency_key, awarded_by, reason, reverses_id, created_at)
        select user_id, -amount, rule, area, source_type, source_id, 'reverse:' || idempotency_key,
               awarded_by, 'Vote withdrawn', id, created_at + interval '1 hour'
        from reputation_ledger
        where idempotency_key like 'scale:%' and rule = 'reply_upvoted' and id % 100 = 0`.execute(
        db,
      );
      progress("reversals done");
    },
  },
  {
    name: "balances",
    async run({ db, progress }) {
      // The same sums reconcile checks: balances equal their ledger from the start.
      await sql`
        insert into reputation_balances (user_id, total, help, speaking, stories, community)
        select user_id, sum(amount),
               coalesce(sum(amount) filter (where area = 'help'), 0),
               coalesce(sum(amount) filter (where area = 'speaking'), 0),
               coalesce(sum(amount) filter (where area = 'stories'), 0),
               coalesce(sum(amount) filter (where area = 'community'), 0)
        from reputation_ledger group by user_id
        on conflict (user_id) do update set
          total = excluded.total, help = excluded.help, speaking = excluded.speaking,
          stories = excluded.stories, community = excluded.community`.execute(db);
      progress("balances done");
    },
  },
  ...discussionScaleSteps(discussionSizesFromArgs()),
];

/** Whether this database holds the demo community (never the place for synthetic data). */
export async function holdsDemoCommunity(db: DB): Promise<boolean> {
  const row = await sql<{ n: number }>`
    select count(*)::int as n from users where email like '%@demo.limelight.dev'`.execute(db);
  return Number(row.rows[0]?.n ?? 0) > 0;
}

export async function generateScale(
  db: DB,
  options: ScaleOptions,
  progress: (message: string) => void = console.log,
  steps: ScaleStep[] = SCALE_STEPS,
): Promise<void> {
  const facts: Record<string, number> = {};
  for (const step of steps) {
    const started = Date.now();
    progress(`step ${step.name}…`);
    await step.run({ db, options, progress, facts });
    progress(`step ${step.name} took ${((Date.now() - started) / 1000).toFixed(1)} s`);
  }
  // Fresh statistics, and a visibility map so counts can stay on the indexes.
  await sql`vacuum analyze`.execute(db);
}

// Run from the command line (not when imported by the benchmark).
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const { fail, openCliDatabase, parseArgs } = await import("../cli/open.ts");
  const args = parseArgs();
  // Never the app's own database by default.
  if (process.env.DATABASE_URL) process.env.DATABASE_SCHEMA ??= "scale";
  else process.env.DATA_DIR ??= "./data-scale";
  if (process.env.DATABASE_URL && process.env.DATABASE_SCHEMA === "public")
    fail("Refusing to generate scale data in the public schema: set DATABASE_SCHEMA=scale.");
  if (!process.env.DATABASE_URL && /^(\.\/)?data\/?$/.test(process.env.DATA_DIR ?? ""))
    fail("Refusing to generate scale data in ./data (the app's own): set DATA_DIR=./data-scale.");
  const options: ScaleOptions = {
    advocates: Number(args.advocates ?? 100_000),
    ledger: Number(args.ledger ?? 1_000_000),
    managers: Number(args.managers ?? 20),
  };
  if (
    ![options.advocates, options.ledger, options.managers].every(
      (n) => Number.isInteger(n) && n >= 0,
    ) ||
    options.advocates < 1
  )
    fail("--advocates, --ledger and --managers take whole numbers (at least one advocate).");
  const handle = await openCliDatabase();
  const started = Date.now();
  try {
    const where = handle.kind === "postgres" ? `schema ${handle.schema}` : process.env.DATA_DIR;
    if (await holdsDemoCommunity(handle.db))
      fail(
        `Refusing: ${where} holds the demo community. Point DATABASE_SCHEMA or DATA_DIR elsewhere.`,
      );
    const existing = await sql<{ n: number }>`select count(*)::int as n from users`.execute(
      handle.db,
    );
    if (Number(existing.rows[0].n) > 0) {
      if (!args.reset) fail(`${where} already has data; run again with --reset to replace it.`);
      const tables = await sql<{ tablename: string }>`
        select tablename from pg_tables where schemaname = current_schema() and tablename not like 'kysely_%'`.execute(
        handle.db,
      );
      await sql
        .raw(
          `truncate ${tables.rows.map((t) => `"${t.tablename}"`).join(", ")} restart identity cascade`,
        )
        .execute(handle.db);
      console.log(`Emptied ${where}.`);
    }
    console.log(
      `Generating ${options.advocates.toLocaleString("en-GB")} advocates and ${options.ledger.toLocaleString("en-GB")} ledger rows into ${where}`,
    );
    await generateScale(handle.db, options, (m) =>
      console.log(`[${((Date.now() - started) / 1000).toFixed(1).padStart(6)} s] ${m}`),
    );
    console.log(`Done in ${((Date.now() - started) / 1000).toFixed(1)} s.`);
  } finally {
    await handle.close();
    handle.release();
  }
}
