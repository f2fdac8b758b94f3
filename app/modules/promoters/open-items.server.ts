import { sql } from "kysely";
import type { Queryable } from "../../../db/client.ts";
import { advocacyManagerQueues } from "../advocacy/manager-queue.server.ts";
import { discussionManagerQueues } from "../discussions/manager-queue.server.ts";
import { countOf, type ManagerQueueCounter } from "../manage/manager-queue.ts";
import { tierManagerQueues } from "../tiers/manager-queue.server.ts";

export type { ManagerQueueCounter };

/**
 * Things waiting for a community manager, counted for the dashboard. Each
 * capability exports the counters for its own queues (reading only its own
 * tables); this list composes them, in the order the dashboard shows them,
 * so nothing depends on which module happened to load first. A counter whose
 * tables are not there (yet) is left out rather than failing the page.
 */
export interface OpenItem {
  key: string;
  label: string;
  href: string;
  count: number;
}

/** Promoters' own queues: references waiting, referrals to contact, promoters not yet invited. */
const promoterManagerQueues: ManagerQueueCounter[] = [
  {
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
  },

  {
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
  },

  {
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
  },
];

export const MANAGER_QUEUES: readonly ManagerQueueCounter[] = [
  ...promoterManagerQueues,
  ...advocacyManagerQueues,
  ...tierManagerQueues,
  ...discussionManagerQueues,
];

export async function countOpenItems(
  db: Queryable,
  now = new Date(),
  counters: readonly ManagerQueueCounter[] = MANAGER_QUEUES,
): Promise<OpenItem[]> {
  const wanted = [...new Set(counters.flatMap((c) => c.tables))];
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
  for (const counter of counters) {
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
