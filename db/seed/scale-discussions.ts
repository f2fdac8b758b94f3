import { sql } from "kysely";
import type { DB } from "../client.ts";
import type { ScaleStep } from "./scale.ts";

/**
 * Discussions at scale for the benchmarks: spaces, threads with their
 * opening posts, a skewed spread of replies (a few threads with tens of
 * thousands, most with a handful), votes, accepted answers and the
 * denormalised counters, all made inside the database in batches.
 *
 *   npm run seed:scale -- --threads 20000 --replies 1000000 --votes 500000
 */
export interface DiscussionScaleSizes {
  threads: number;
  replies: number;
  votes: number;
}

const THREAD_BATCH = 20_000;
const REPLY_BATCH = 100_000;
const VOTE_BATCH = 200_000;

export function discussionSizesFromArgs(argv = process.argv.slice(2)): DiscussionScaleSizes {
  const read = (name: string, fallback: number) => {
    const index = argv.findIndex((a) => a === `--${name}` || a.startsWith(`--${name}=`));
    if (index === -1) return fallback;
    const value = argv[index].includes("=") ? argv[index].split("=")[1] : argv[index + 1];
    const n = Number(value);
    if (!Number.isInteger(n) || n < 0) throw new Error(`--${name} takes a whole number`);
    return n;
  };
  return {
    threads: read("threads", 20_000),
    replies: read("replies", 1_000_000),
    votes: read("votes", 500_000),
  };
}

const SPACES = [
  ["scale-ask", "Ask the community", "#047857", "public", true],
  ["scale-pipelines", "Pipelines and connectors", "#0369a1", "public", false],
  ["scale-dashboards", "Dashboards and reporting", "#b45309", "public", false],
  ["scale-security", "SSO, security and governance", "#7c3aed", "public", false],
  ["scale-show", "Show and tell", "#db2777", "public", false],
  ["scale-feedback", "Product feedback", "#0f766e", "public", false],
  ["scale-lounge", "Advocates' lounge", "#4d7c0f", "members", false],
  ["scale-mvp", "MVP lounge", "#a16207", "tier", false],
] as const;

// Words and sentences the generated posts are made of: real-looking text for
// full-text search and realistic page sizes.
const VERBS = ["schedule", "monitor", "secure", "migrate", "cache", "share", "audit", "speed up"];
const OBJECTS = [
  "an incremental Postgres load",
  "a board with 30 tiles",
  "SCIM provisioning",
  "a Kafka micro-batch flow",
  "row-level security by region",
  "a signed embed",
  "the audit log export",
  "a five-year backfill",
  "webhook triggers",
  "a Snowflake pushdown",
];
const TAGS = [
  "pipelines",
  "dashboards",
  "sso",
  "governance",
  "api",
  "performance",
  "cdc",
  "caching",
  "security",
  "cost-optimization",
  "connectors",
  "metrics",
];
const SENTENCES = [
  "We run the nightly flow at 02:00 and it usually finishes in about forty minutes.",
  "Switching to a watermark on updated_at with a two hour lookback fixed the missing rows for us.",
  "Set the tile cache TTL to fifteen minutes and warm it with a scheduled snapshot before people arrive.",
  "Group to role mapping took longer than any configuration; agree on it before you start.",
  "The usage explorer breaks credits down by flow, so look at the top ten every week.",
  "Row-level security joined to an hourly mapping table has worked well for our desks.",
  "We keep raw events in object storage and only aggregate them in Northwind.",
  "Data contracts with quarantine caught three upstream changes in the first month.",
  "Resume from the failed step reuses the outputs of earlier steps for seventy-two hours.",
  "Signed embeds carry locked filters, so the viewer cannot change them in the browser.",
  "Our auditors asked for lineage from source to report, and the graph export answered it.",
  "Deduplicate webhook triggers on the sender's event id; senders retry more than they admit.",
  "Certified metrics in the Metric Layer stopped the weekly argument about whose number is right.",
  "Make the gap a first-class row so the board shows missing data instead of hiding it.",
  "Transfer content to a service account on deprovision, or shared boards disappear.",
  "Keep transformations where your cost should land: in Northwind or in the warehouse.",
];

const textArray = (values: readonly string[]) =>
  sql`${sql.raw(`array[${values.map((v) => `'${v.replaceAll("'", "''")}'`).join(", ")}]`)}::text[]`;

export function discussionScaleSteps(sizes: DiscussionScaleSizes): ScaleStep[] {
  return [
    {
      name: "discussion spaces",
      async run({ db, facts }) {
        for (const [position, [slug, name, colour, visibility, ask]] of SPACES.entries())
          await db
            .insertInto("spaces")
            .values({
              slug,
              name,
              description: `${name} (scale data set)`,
              colour,
              position,
              visibility,
              min_tier_rank: visibility === "tier" ? 4 : null,
              prospects_may_ask: ask,
            })
            .onConflict((oc) => oc.column("slug").doNothing())
            .execute();
        const ids = await db
          .selectFrom("spaces")
          .select("id")
          .where("slug", "like", "scale-%")
          .orderBy("position")
          .execute();
        facts.firstSpaceId = ids[0].id;
        facts.spaceCount = ids.length;
        await fillUserFacts(db, facts);
      },
    },
    {
      name: "threads",
      async run({ db, progress, facts }) {
        const first = facts.firstUserId;
        const people = facts.lastUserId - facts.firstUserId + 1;
        for (let from = 1; from <= sizes.threads; from += THREAD_BATCH) {
          const to = Math.min(sizes.threads, from + THREAD_BATCH - 1);
          await sql`
            insert into threads (space_id, kind, title, slug, author_id, tags, created_at, last_activity_at)
            select ${facts.firstSpaceId}::int + g % ${facts.spaceCount}::int,
                   case when g % 10 < 7 then 'question' else 'discussion' end,
                   title, regexp_replace(lower(title), '[^a-z0-9]+', '-', 'g'),
                   ${first}::int + floor(random() * ${people}::int)::int,
                   array[(${textArray(TAGS)})[1 + g % 12], (${textArray(TAGS)})[1 + (g / 12) % 12]],
                   created, created
            from generate_series(${from}::int, ${to}::int) g
            cross join lateral (
              select 'How do we ' || (${textArray(VERBS)})[1 + g % 8] || ' '
                       || (${textArray(OBJECTS)})[1 + (g / 8) % 10] || ' (' || g || ')' as title,
                     now() - power(random(), 1.5) * interval '730 days' as created
            ) t`.execute(db);
          progress(
            `threads ${to.toLocaleString("en-GB")} / ${sizes.threads.toLocaleString("en-GB")}`,
          );
        }
        const range = await sql<{ first: number; last: number }>`
          select min(id) as first, max(id) as last from threads
          where space_id >= ${facts.firstSpaceId}::int`.execute(db);
        facts.firstThreadId = Number(range.rows[0].first);
        facts.lastThreadId = Number(range.rows[0].last);
        await sql`
          insert into posts (thread_id, author_id, is_opening, body_md, body_html, body_text, created_at, change_seq, search_vector)
          select t.id, t.author_id, true, b.body, '<p>' || b.body || '</p>', b.body, t.created_at, t.change_seq,
                 setweight(to_tsvector('english', t.title), 'A') || setweight(to_tsvector('english', b.body), 'B')
          from threads t
          cross join lateral (
            select (${textArray(SENTENCES)})[1 + t.id % 16] || ' ' || (${textArray(SENTENCES)})[1 + (t.id * 7) % 16] as body
          ) b
          where t.id between ${facts.firstThreadId}::int and ${facts.lastThreadId}::int`.execute(
          db,
        );
        progress("opening posts done");
      },
    },
    {
      name: "replies",
      async run({ db, progress, facts }) {
        const first = facts.firstUserId;
        const people = facts.lastUserId - facts.firstUserId + 1;
        const threads = facts.lastThreadId - facts.firstThreadId + 1;
        // Four in five replies spread evenly (about 40 a thread); the rest go to the
        // first twenty threads, which become very long (for cursor pages deep in a thread).
        for (let from = 1; from <= sizes.replies; from += REPLY_BATCH) {
          const to = Math.min(sizes.replies, from + REPLY_BATCH - 1);
          await sql`
            insert into posts (thread_id, author_id, body_md, body_html, body_text, created_at, search_vector)
            select t.id, ${first}::int + floor(pick.author * ${people}::int)::int,
                   b.body, '<p>' || b.body || '</p>', b.body,
                   least(now(), t.created_at + pick.age * interval '60 days'),
                   setweight(to_tsvector('english', b.body), 'C')
            from generate_series(${from}::int, ${to}::int) g
            cross join lateral (
              select case when x < 0.8 then floor(x / 0.8 * ${threads}::int)::int
                          else floor((x - 0.8) / 0.2 * least(20, ${threads}::int))::int end as k,
                     random() + g * 0 as author, random() + g * 0 as age
              from (select random() + g * 0 as x) r
            ) pick
            join threads t on t.id = ${facts.firstThreadId}::int + pick.k
            cross join lateral (
              select (${textArray(SENTENCES)})[1 + g % 16] || ' ' || (${textArray(SENTENCES)})[1 + (g / 16) % 16] as body
            ) b`.execute(db);
          progress(
            `replies ${to.toLocaleString("en-GB")} / ${sizes.replies.toLocaleString("en-GB")}`,
          );
        }
      },
    },
    {
      name: "votes",
      async run({ db, progress, facts }) {
        const range = await sql<{ first: number; last: number }>`
          select min(id) as first, max(id) as last from posts
          where thread_id between ${facts.firstThreadId}::int and ${facts.lastThreadId}::int`.execute(
          db,
        );
        const firstPost = Number(range.rows[0].first);
        const posts = Number(range.rows[0].last) - firstPost + 1;
        const people = facts.lastUserId - facts.firstUserId + 1;
        for (let from = 1; from <= sizes.votes; from += VOTE_BATCH) {
          const to = Math.min(sizes.votes, from + VOTE_BATCH - 1);
          await sql`
            insert into post_votes (post_id, voter_id, created_at, award_key)
            select ${firstPost}::int + floor(${posts}::int * power(r.a, 1.5))::int,
                   ${facts.firstUserId}::int + floor(r.b * ${people}::int)::int,
                   now() - r.c * interval '700 days', 'scale-vote:' || g
            from generate_series(${from}::int, ${to}::int) g
            cross join lateral (select random() + g * 0 as a, random() + g * 0 as b, random() + g * 0 as c) r
            on conflict do nothing`.execute(db);
          progress(`votes ${to.toLocaleString("en-GB")} / ${sizes.votes.toLocaleString("en-GB")}`);
        }
        await sql`
          update posts p set vote_count = v.n
          from (select post_id, count(*)::int as n from post_votes group by post_id) v
          where p.id = v.post_id and p.thread_id between ${facts.firstThreadId}::int and ${facts.lastThreadId}::int`.execute(
          db,
        );
        progress("vote counts done");
      },
    },
    {
      name: "accepted answers and counters",
      async run({ db, progress, facts }) {
        const between = sql`between ${facts.firstThreadId}::int and ${facts.lastThreadId}::int`;
        await sql`
          update threads t set reply_count = r.n, last_activity_at = greatest(t.created_at, r.last),
                 last_replier_id = r.author
          from (
            select thread_id, count(*)::int as n, max(created_at) as last,
                   (array_agg(author_id order by id desc))[1] as author
            from posts where not is_opening and thread_id ${between} group by thread_id
          ) r
          where t.id = r.thread_id`.execute(db);
        await sql`
          update threads t set vote_count = p.vote_count
          from posts p where p.thread_id = t.id and p.is_opening and t.id ${between}`.execute(db);
        // Two in five answered questions have an accepted answer: their first reply.
        await sql`
          insert into answer_acceptances (thread_id, post_id, accepted_by, created_at)
          select t.id, first_reply.id, t.author_id, first_reply.created_at + interval '1 day'
          from threads t
          cross join lateral (
            select id, created_at from posts
            where thread_id = t.id and not is_opening order by id limit 1
          ) first_reply
          where t.kind = 'question' and t.reply_count > 0 and t.id % 5 < 2 and t.id ${between}`.execute(
          db,
        );
        await sql`
          update threads t set accepted_post_id = a.post_id
          from answer_acceptances a
          where a.thread_id = t.id and a.revoked_at is null and t.id ${between}`.execute(db);
        progress("counters and accepted answers done");
      },
    },
  ];
}

async function fillUserFacts(db: DB, facts: Record<string, number>) {
  if (facts.firstUserId && facts.lastUserId) return;
  const range = await sql<{ first: number; last: number }>`
    select min(id) as first, max(id) as last from users
    where email like 'scale-%' and role = 'advocate'`.execute(db);
  if (!range.rows[0]?.first) throw new Error("the scale data set has no people yet");
  facts.firstUserId = Number(range.rows[0].first);
  facts.lastUserId = Number(range.rows[0].last);
}

/** Whether the scale data set already has its discussions. */
export async function hasDiscussionScale(db: DB): Promise<boolean> {
  const row = await sql<{ n: number }>`
    select count(*)::int as n from threads t join spaces s on s.id = t.space_id
    where s.slug like 'scale-%'`.execute(db);
  return Number(row.rows[0]?.n ?? 0) > 0;
}
