import { sql } from "kysely";
import type { Queryable } from "../../../db/client.ts";
import { RENEWAL_WINDOW_DAYS } from "../tiers/renewals.server.ts";

/**
 * Things waiting for a community manager, counted for the dashboard. Each
 * capability registers a counter for its own queue; a counter whose tables
 * are not there (yet) is left out rather than failing the page.
 */
export interface OpenItemCounter {
  key: string;
  label: string;
  /** The queue where a manager works these items. */
  href: string;
  /** Tables the count reads; the counter is skipped when one is missing. */
  tables: string[];
  count(db: Queryable, now: Date): Promise<number>;
}

const counters = new Map<string, OpenItemCounter>();

export function registerOpenItemCounter(counter: OpenItemCounter): void {
  counters.set(counter.key, counter);
}

export interface OpenItem {
  key: string;
  label: string;
  href: string;
  count: number;
}

export async function countOpenItems(db: Queryable, now = new Date()): Promise<OpenItem[]> {
  const wanted = [...new Set([...counters.values()].flatMap((c) => c.tables))];
  const present = new Set(
    wanted.length
      ? (
          await sql<{
            name: string;
          }>`select t.name from unnest(${sql.val(wanted)}::text[]) as t(name) where to_regclass(t.name) is not null`.execute(
            db,
          )
        ).rows.map((r) => r.name)
      : [],
  );
  const items: OpenItem[] = [];
  for (const counter of counters.values()) {
    if (!counter.tables.every((t) => present.has(t))) continue;
    items.push({
      key: counter.key,
      label: counter.label,
      href: counter.href,
      count: await counter.count(db, now),
    });
  }
  return items;
}

const countOf = async (query: Promise<{ n: number | string | bigint }>) => Number((await query).n);

registerOpenItemCounter({
  key: "references",
  label: "Reference requests waiting",
  href: "/manage/references?status=pending",
  tables: ["reference_requests"],
  count: (db) =>
    countOf(
      db
        .selectFrom("reference_requests")
        .select((eb) => eb.fn.countAll<number>().as("n"))
        .where("status", "in", ["queued", "pending"])
        .executeTakeFirstOrThrow(),
    ),
});

registerOpenItemCounter({
  key: "referrals",
  label: "Referrals to contact",
  href: "/manage/referrals?stage=submitted",
  tables: ["referrals"],
  count: (db) =>
    countOf(
      db
        .selectFrom("referrals")
        .select((eb) => eb.fn.countAll<number>().as("n"))
        .where("stage", "=", "submitted")
        .executeTakeFirstOrThrow(),
    ),
});

registerOpenItemCounter({
  key: "promoters",
  label: "Promoters not yet invited",
  href: "/manage/promoters?stage=not_member",
  tables: ["nps_responses", "promoter_invitations"],
  count: async (db, now) => {
    const { rows } = await sql<{ n: number }>`
      select count(*)::int as n from (
        select distinct on (lower(email)) lower(email) as email, score
        from nps_responses order by lower(email), responded_at desc, id desc
      ) latest
      where latest.score >= 9
        and not exists (select 1 from users u where lower(u.email) = latest.email)
        and not exists (
          select 1 from promoter_invitations i
          where lower(i.email) = latest.email and i.used_at is null and i.revoked_at is null and i.expires_at > ${now}
        )`.execute(db);
    return Number(rows[0]?.n ?? 0);
  },
});

// The queues of the other capabilities, counted from their tables.
const DAY = 86_400_000;
const countSql = async (db: Queryable, query: ReturnType<typeof sql<{ n: number }>>) =>
  Number((await query.execute(db)).rows[0]?.n ?? 0);

registerOpenItemCounter({
  key: "talks",
  label: "Talks to verify",
  href: "/manage/speaking",
  tables: ["talks"],
  count: (db) =>
    countSql(db, sql<{ n: number }>`select count(*)::int as n from talks where status = 'pending'`),
});

registerOpenItemCounter({
  key: "stories",
  label: "Stories to review",
  href: "/manage/stories",
  tables: ["case_studies"],
  count: (db) =>
    countSql(
      db,
      sql<{ n: number }>`select count(*)::int as n from case_studies where status = 'submitted'`,
    ),
});

registerOpenItemCounter({
  key: "nominations",
  label: "Nominations to decide",
  href: "/manage/tiers/nominations",
  tables: ["tier_nominations"],
  count: (db) =>
    countSql(
      db,
      sql<{ n: number }>`select count(*)::int as n from tier_nominations where status = 'open'`,
    ),
});

registerOpenItemCounter({
  key: "renewals",
  label: "Awards due for renewal",
  href: "/manage/tiers/renewals",
  tables: ["tier_awards"],
  count: (db, now) =>
    countSql(
      db,
      sql<{
        n: number;
      }>`select count(*)::int as n from tier_awards where status = 'active' and term_end <= ${new Date(now.getTime() + RENEWAL_WINDOW_DAYS * DAY)}`,
    ),
});

registerOpenItemCounter({
  key: "flags",
  label: "Flagged posts",
  href: "/manage/flags",
  tables: ["flags"],
  count: (db) =>
    countSql(
      db,
      sql<{
        n: number;
      }>`select count(distinct post_id)::int as n from flags where resolved_at is null`,
    ),
});
